package dev.hugginggpt.gateway.messaging;

import dev.hugginggpt.protocol.Outcome;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/**
 * An hg.outcomes record, with the application's object mapper. Named in configuration: Quarkus infers no deserializer
 * from the responder's signature (a subscriber of messages).
 */
public class OutcomeDeserializer extends ObjectMapperDeserializer<Outcome> {
    public OutcomeDeserializer() {
        super(Outcome.class);
    }
}
