package dev.hugginggpt.executor.startup;

import static dev.hugginggpt.testkit.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hugginggpt.executor.config.ExecutorLimits;
import dev.hugginggpt.executor.local.LocalBackend;
import dev.hugginggpt.executor.messaging.TaskPartitions;
import dev.hugginggpt.protocol.resources.ResourceStore;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ready only once the warm-up is done and the task consumer has joined its group, whatever it was assigned. */
class WarmStartTest {
    @TempDir
    Path dir;

    @Test
    void downWhileWarmingUpAndWhileTheConsumerJoinsThenUp() throws Exception {
        TaskPartitions partitions = new TaskPartitions(new NoEvents());
        WarmStart start = new WarmStart(new LocalBackend(new ResourceStore(dir), ExecutorLimits.DEFAULTS), partitions,
                "none", true);

        assertEquals(HealthCheckResponse.Status.DOWN, start.call().getStatus(), "not warmed up yet");
        start.onStart(null);
        await("the warm-up", () -> !start.call().getData().orElseThrow().get("models warmed up").equals("warming up"));
        assertEquals(HealthCheckResponse.Status.DOWN, start.call().getStatus(), "the consumer has not joined its group");

        partitions.onPartitionsAssigned(null, List.<TopicPartition>of());
        assertEquals(HealthCheckResponse.Status.UP, start.call().getStatus(),
                "joined, even with no partition (more executors than partitions)");
    }

    @Test
    void withoutKafkaOnlyTheWarmUpCounts() {
        WarmStart start = new WarmStart(new LocalBackend(new ResourceStore(dir), ExecutorLimits.DEFAULTS),
                new TaskPartitions(new NoEvents()), "none", false);
        start.onStart(null);
        await("ready", () -> start.call().getStatus() == HealthCheckResponse.Status.UP);
    }

    /** The CDI event of partition changes, observed by nobody here. */
    private static final class NoEvents implements Event<TaskPartitions.Changed> {
        @Override
        public void fire(TaskPartitions.Changed event) {
        }

        @Override
        public <U extends TaskPartitions.Changed> CompletionStage<U> fireAsync(U event) {
            return CompletableFuture.completedFuture(event);
        }

        @Override
        public <U extends TaskPartitions.Changed> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            return CompletableFuture.completedFuture(event);
        }

        @Override
        public Event<TaskPartitions.Changed> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends TaskPartitions.Changed> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends TaskPartitions.Changed> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
