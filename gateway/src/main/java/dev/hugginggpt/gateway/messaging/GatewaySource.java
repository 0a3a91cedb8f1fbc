package dev.hugginggpt.gateway.messaging;

import java.util.UUID;

/** The name this gateway instance signs its events with (a request's ACCEPTED names the instance that took it). */
public final class GatewaySource {
    public static final String ID = "gateway-" + UUID.randomUUID().toString().substring(0, 8);

    private GatewaySource() {
    }
}
