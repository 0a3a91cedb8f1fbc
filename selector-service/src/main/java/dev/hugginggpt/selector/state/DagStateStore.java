package dev.hugginggpt.selector.state;

import dev.hugginggpt.protocol.Json;
import dev.hugginggpt.selector.config.SelectorConfig;
import dev.hugginggpt.selector.scheduling.DagSnapshot;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * The selector's DAG state in a compacted Kafka topic, keyed by request: a snapshot after every
 * scheduling step, a tombstone when the request is finished. A selector instance given partitions reads their
 * requests' state back before it consumes records of them, so a killed selector loses no request and the instance
 * that takes its partitions over goes on with them.
 */
@ApplicationScoped
public class DagStateStore {
    private static final Logger LOG = Logger.getLogger(DagStateStore.class);

    /** How to reach the broker: its address and, when set, the security settings the channels use too. */
    private final Map<String, Object> connection = new HashMap<>();
    private final String topic;
    private final KafkaProducer<String, byte[]> producer;

    /** {@code durable=false} (service tests without a broker) keeps the state in memory only. */
    public DagStateStore(@Identifier("default-kafka-broker") Map<String, Object> kafka, SelectorConfig config) {
        kafka.forEach((key, value) -> {
            if (key.equals("bootstrap.servers") || key.matches("(security|sasl|ssl)\\..+")) {
                connection.put(key, value);
            }
        });
        this.topic = config.stateTopic();
        if (!config.durableState()) {
            LOG.warn("hg.selector.durable-state=false: a selector restart loses the requests it is scheduling");
            this.producer = null;
            return;
        }
        Properties p = new Properties();
        p.putAll(connection);
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        p.put("linger.ms", "0");
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(p);
    }

    /**
     * Each request's snapshot as it is now, or null for a request that has none left (written as a tombstone): taken
     * when its dispatches are handed to the producers, written by {@link #write} once they are stored.
     */
    public Map<String, byte[]> capture(Collection<String> requestIds, Function<String, Optional<DagSnapshot>> snapshots) {
        Map<String, byte[]> captured = new LinkedHashMap<>();
        if (producer != null) {
            requestIds.forEach(id -> captured.put(id, snapshots.apply(id).map(DagStateStore::bytes).orElse(null)));
        }
        return captured;
    }

    /**
     * Hands captured snapshots to the producer now (callers keep the order they were captured in, so the last record
     * of a request is its latest state) and returns what waits until they are written.
     */
    public Runnable write(Map<String, byte[]> captured) {
        if (producer == null || captured.isEmpty()) {
            return () -> { };
        }
        List<Future<?>> writes = new ArrayList<>();
        captured.forEach((requestId, value) -> writes.add(producer.send(new ProducerRecord<>(topic, requestId, value))));
        return () -> {
            for (Future<?> write : writes) {
                try {
                    write.get(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while storing the DAG state", e);
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    throw new IllegalStateException("cannot store the DAG state in " + topic + ": " + e.getMessage(), e);
                }
            }
        };
    }

    /** What a load read back: the requests' states, and why those that could not be read could not. */
    public record Loaded(List<DagSnapshot> snapshots, Map<String, String> unreadable) {
        static final Loaded NOTHING = new Loaded(List.of(), Map.of());
    }

    /**
     * Every unfinished request of these partitions of the state topic, read to their end; every partition when the
     * topic's partitions do not match hg.plans' ({@code partitionCount}), so no request is left behind. Creates the
     * topic (compacted, as many partitions as hg.plans) if missing.
     */
    public Loaded load(Set<Integer> wanted, int partitionCount) {
        if (producer == null) {
            return Loaded.NOTHING;
        }
        ensureTopic(partitionCount);
        Properties p = new Properties();
        p.putAll(connection);
        p.put("enable.auto.commit", "false");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        Map<String, byte[]> latest = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> all = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            List<TopicPartition> partitions = all;
            if (all.size() == partitionCount) {
                partitions = all.stream().filter(tp -> wanted.contains(tp.partition())).toList();
            } else {
                LOG.errorf("%s has %d partitions and hg.plans %d: every partition's state is read, and selector"
                        + " instances may schedule the same requests", topic, all.size(), partitionCount);
            }
            readToEnd(consumer, partitions, latest);
        }
        List<DagSnapshot> snapshots = new ArrayList<>();
        Map<String, String> unreadable = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> entry : latest.entrySet()) {
            try {
                snapshots.add(Json.MAPPER.readValue(entry.getValue(), DagSnapshot.class));
            } catch (IOException e) {
                LOG.errorf("request %s: stored DAG state unreadable (%s); it cannot be resumed", entry.getKey(), e.getMessage());
                unreadable.put(entry.getKey(), e.getMessage());
            }
        }
        return new Loaded(snapshots, unreadable);
    }

    private static void readToEnd(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
            Map<String, byte[]> latest) {
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.value() == null) {
                    latest.remove(record.key());
                } else {
                    latest.put(record.key(), record.value());
                }
            }
        }
    }

    private void ensureTopic(int partitions) {
        Properties p = new Properties();
        p.putAll(connection);
        try (Admin admin = Admin.create(p)) {
            NewTopic state = new NewTopic(topic, Optional.of(partitions), Optional.empty())
                    .configs(Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "60000"));
            admin.createTopics(List.of(state)).all().get(30, TimeUnit.SECONDS);
            LOG.infof("created the DAG state topic %s", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the DAG state topic " + topic + ": " + e.getCause(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer while creating " + topic, e);
        }
    }

    private static byte[] bytes(DagSnapshot snapshot) {
        try {
            return Json.MAPPER.writeValueAsBytes(snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void close(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
