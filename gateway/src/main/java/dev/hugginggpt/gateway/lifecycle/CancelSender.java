package dev.hugginggpt.gateway.lifecycle;

import dev.hugginggpt.protocol.Cancel;
import dev.hugginggpt.protocol.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * A cancel goes to hg.plans, keyed by the request id: it reaches the selector instance that schedules the request after
 * the request's plan, if any; one that comes before its plan keeps the plan from running.
 */
@ApplicationScoped
public class CancelSender {
    private final MutinyEmitter<Object> records;

    public CancelSender(@Channel("records") MutinyEmitter<Object> records) {
        this.records = records;
    }

    public Uni<Void> send(String requestId, String reason) {
        return records.sendMessage(KafkaRecord.of(Topics.PLANS, requestId, (Object) Cancel.of(requestId, reason))
                .withHeader(Topics.RECORD_TYPE, Cancel.RECORD_TYPE.getBytes(StandardCharsets.UTF_8)));
    }
}
