package dev.hugginggpt.selector.messaging;

import dev.hugginggpt.protocol.Topics;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * Which requests this selector instance schedules. Its consumer reads hg.plans and hg.task-results with the range
 * assignor, so it holds the same partition numbers of both (they have as many partitions), and a request's plan and
 * results, keyed by its id, reach the same instance. A request belongs to the partition its key hashes to, as
 * Kafka's default partitioner places it; the DAG state topic has as many partitions, so that partition's state is the
 * state of exactly those requests.
 */
@ApplicationScoped
@Identifier("scheduling-partitions")
public class SchedulingPartitions implements KafkaConsumerRebalanceListener {
    /** Partitions this instance took over, or gave up; fired on the consumer's thread before it fetches again. */
    public record Changed(Set<Integer> partitions, int partitionCount, boolean assigned) {
    }

    private final ConcurrentSkipListSet<Integer> owned = new ConcurrentSkipListSet<>();
    private final Event<Changed> changed;
    private volatile int partitionCount;

    public SchedulingPartitions(Event<Changed> changed) {
        this.changed = changed;
    }

    /** Whether this instance schedules the request (true until any partition was assigned: a single instance). */
    public boolean owns(String requestId) {
        return partitionCount == 0 || owned.contains(partitionOf(requestId, partitionCount));
    }

    public static int partitionOf(String requestId, int partitions) {
        return Utils.toPositive(Utils.murmur2(requestId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Set<Integer> plans = numbers(partitions);
        if (plans.isEmpty()) {
            return;
        }
        partitionCount = consumer.partitionsFor(Topics.PLANS.name()).size();
        owned.addAll(plans);
        changed.fire(new Changed(plans, partitionCount, true));
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Set<Integer> plans = numbers(partitions);
        if (plans.isEmpty()) {
            return;
        }
        owned.removeAll(plans);
        changed.fire(new Changed(plans, partitionCount, false));
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        onPartitionsRevoked(consumer, partitions);
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        Set<Integer> numbers = new TreeSet<>();
        partitions.stream().filter(p -> p.topic().equals(Topics.PLANS.name())).forEach(p -> numbers.add(p.partition()));
        return numbers;
    }
}
