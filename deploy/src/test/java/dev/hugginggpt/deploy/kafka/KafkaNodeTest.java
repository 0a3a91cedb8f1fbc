package dev.hugginggpt.deploy.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaNodeTest {
    private static final Path DATA = Path.of("/var/lib/kafka");

    @Test
    void aloneItIsBrokerAndControllerOfItsOwnQuorumAdvertisedByItsHostName() {
        Map<String, String> s = KafkaNode.settings(Map.of(), "kafka", DATA);

        assertEquals("1", s.get("node.id"));
        assertEquals("broker,controller", s.get("process.roles"));
        assertEquals("1@kafka:9093", s.get("controller.quorum.voters"));
        assertEquals("PLAINTEXT://0.0.0.0:9092,CONTROLLER://0.0.0.0:9093", s.get("listeners"));
        assertEquals("PLAINTEXT://kafka:9092", s.get("advertised.listeners"));
        assertEquals("/var/lib/kafka/log", s.get("log.dirs"));
        assertEquals("false", s.get("auto.create.topics.enable"));
    }

    @Test
    void aClusterNodeTakesItsIdRolesVotersNameAndAnySettingFromTheEnvironment() {
        Map<String, String> s = KafkaNode.settings(Map.of("KAFKA_NODE_ID", "2", "KAFKA_PROCESS_ROLES", "broker",
                "KAFKA_CONTROLLER_QUORUM_VOTERS", "1@c1:9093,2@c2:9093,3@c3:9093", "KAFKA_ADVERTISED_HOST", "kafka-2",
                "KAFKA_CFG_MIN_INSYNC_REPLICAS", "2", "KAFKA_CFG_OFFSETS_TOPIC_REPLICATION_FACTOR", "3"), "abc123", DATA);

        assertEquals("2", s.get("node.id"));
        assertEquals("1@c1:9093,2@c2:9093,3@c3:9093", s.get("controller.quorum.voters"));
        assertEquals("PLAINTEXT://0.0.0.0:9092", s.get("listeners"), "a broker alone listens to no controller");
        assertEquals("PLAINTEXT://kafka-2:9092", s.get("advertised.listeners"));
        assertEquals("2", s.get("min.insync.replicas"));
        assertEquals("3", s.get("offsets.topic.replication.factor"), "the environment overrides the defaults");
    }

    @Test
    void aControllerAloneAdvertisesNoClientListener() {
        Map<String, String> s = KafkaNode.settings(Map.of("KAFKA_PROCESS_ROLES", "controller"), "c1", DATA);

        assertEquals("CONTROLLER://0.0.0.0:9093", s.get("listeners"));
        assertFalse(s.containsKey("advertised.listeners"));
        assertTrue(KafkaNode.render(s).contains("process.roles=controller\n"));
    }

    @Test
    void topicsAreNamePartitionsReplicasAndSettings() {
        List<NewTopic> topics = KafkaNode.topics(" hg.tasks:24:3:retention.ms=604800000;min.insync.replicas=2,hg.executors:3 \n hg.state:12:1:cleanup.policy=compact ");

        assertEquals(3, topics.size());
        assertEquals("hg.tasks", topics.get(0).name());
        assertEquals(24, topics.get(0).numPartitions());
        assertEquals(3, topics.get(0).replicationFactor());
        assertEquals(Map.of("retention.ms", "604800000", "min.insync.replicas", "2"), topics.get(0).configs());
        assertEquals(1, topics.get(1).replicationFactor());
        assertEquals(Map.of("cleanup.policy", "compact"), topics.get(2).configs());
        assertEquals(List.of(), KafkaNode.topics(""));
        assertThrows(IllegalArgumentException.class, () -> KafkaNode.topics("hg.tasks"));
        assertThrows(IllegalArgumentException.class, () -> KafkaNode.topics("hg.tasks:4:1:retention"));
    }
}
