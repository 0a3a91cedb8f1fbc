package dev.hugginggpt.gateway.lifecycle;

import dev.hugginggpt.gateway.config.GatewayConfig;
import dev.hugginggpt.gateway.metrics.GatewayMetrics;
import dev.hugginggpt.protocol.Channels;
import dev.hugginggpt.protocol.Topics;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads hg.dead-letters (one instance takes each, a shared consumer group): every service's consumers send there
 * the records they could not read or use, with the reason and source in the headers. The request a dead letter's
 * key names fails with that reason instead of waiting for a record that will never be handled. A dead letter may
 * arrive before this view holds its request: it is looked at once more a little later.
 */
@ApplicationScoped
public class DeadLetterWatcher {
    static final String REASON = "dead-letter-reason";
    static final String TOPIC = "dead-letter-topic";

    private final RequestFailures failures;
    private final GatewayMetrics metrics;
    private final Vertx vertx;
    private final Duration lookAgainAfter;

    public DeadLetterWatcher(RequestFailures failures, GatewayMetrics metrics, Vertx vertx,
            GatewayConfig config) {
        this.failures = failures;
        this.metrics = metrics;
        this.vertx = vertx;
        this.lookAgainAfter = config.lifecycle().deadLetterLookAgain();
    }

    @Incoming(Channels.DEAD_LETTERS)
    @NonBlocking
    public void onDeadLetter(ConsumerRecord<String, byte[]> letter) {
        String topic = header(letter, TOPIC, "an unknown topic");
        metrics.deadLetter(topic);
        String requestId = Topics.requestOfKey(letter.key());
        if (requestId == null || requestId.isBlank()) {
            return;
        }
        String reason = "a message of this request on " + topic + " could not be used ("
                + header(letter, REASON, "no reason given") + "); the request was stopped";
        if (!failures.fail(requestId, reason)) {
            vertx.setTimer(lookAgainAfter.toMillis(), id -> failures.fail(requestId, reason));
        }
    }

    private static String header(ConsumerRecord<String, byte[]> letter, String name, String otherwise) {
        Header header = letter.headers().lastHeader(name);
        return header == null || header.value() == null ? otherwise : new String(header.value(), StandardCharsets.UTF_8);
    }
}
