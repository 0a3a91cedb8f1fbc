package dev.hugginggpt.executor.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListSet;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The hg.tasks partitions this executor consumes, kept up to date by the consumer's rebalances. Each change is
 * announced at once, so the selector can send ready tasks to partitions whose executor has a free slot.
 */
@ApplicationScoped
@Identifier("task-partitions")
public class TaskPartitions implements KafkaConsumerRebalanceListener {
    /** Fired after every change of the assignment. */
    public record Changed(List<Integer> partitions) {
    }

    private final ConcurrentSkipListSet<Integer> owned = new ConcurrentSkipListSet<>();
    private final Event<Changed> changed;
    private volatile boolean joined;

    public TaskPartitions(Event<Changed> changed) {
        this.changed = changed;
    }

    public List<Integer> owned() {
        return List.copyOf(owned);
    }

    /** Whether the consumer has joined its group: it has had an assignment (perhaps of no partition) at least once. */
    public boolean joined() {
        return joined;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        joined = true;
        partitions.forEach(p -> owned.add(p.partition()));
        changed.fire(new Changed(owned()));
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitions.forEach(p -> owned.remove(p.partition()));
        changed.fire(new Changed(owned()));
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        onPartitionsRevoked(consumer, partitions);
    }
}
