package dev.hugginggpt.gateway.messaging;

import dev.hugginggpt.gateway.config.GatewayConfig;
import dev.hugginggpt.protocol.Topics;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.jboss.logging.Logger;

/**
 * The largest request the gateway hands to the planner, as JSON bytes: {@code hg.gateway.max-request-record-bytes},
 * lowered at start-up to what hg.requests takes ({@code max.message.bytes}) less room for headers and framing. A
 * request that passes the gateway's checks therefore always fits its topic.
 */
@ApplicationScoped
public class RequestRecordLimit {
    private static final Logger LOG = Logger.getLogger(RequestRecordLimit.class);
    /** Record headers (trace context), key, and the batch framing around one record. */
    static final int FRAMING_BYTES = 16 * 1024;

    private final Map<String, Object> kafka;
    private final boolean readTopic;
    private volatile int maxBytes;

    public RequestRecordLimit(GatewayConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.maxBytes = config.limits().maxRequestRecordBytes();
        this.readTopic = config.limits().requestRecordLimitFromTopic();
        this.kafka = kafka;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** Lowers the limit to what the topic takes: read once, off the start-up path; until then the configured one. */
    void readTopicLimit(@Observes StartupEvent started) {
        if (readTopic) {
            CompletableFuture.runAsync(this::lowerToTopic);
        }
    }

    private void lowerToTopic() {
        Map<String, Object> config = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (key.equals("bootstrap.servers") || key.matches("(security|sasl|ssl)\\..+")) {
                config.put(key, value);
            }
        });
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.REQUESTS.name());
        try (Admin admin = Admin.create(config)) {
            Config described = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);
            ConfigEntry entry = described.get("max.message.bytes");
            if (entry != null && entry.value() != null) {
                int topicMax = Integer.parseInt(entry.value()) - FRAMING_BYTES;
                if (topicMax < maxBytes) {
                    LOG.infof("%s takes records of %s bytes: requests are limited to %d bytes of JSON",
                            Topics.REQUESTS.name(), entry.value(), topicMax);
                    maxBytes = topicMax;
                }
            }
        } catch (Exception e) {
            LOG.warnf("could not read %s's max.message.bytes (%s); requests are limited to %d bytes of JSON",
                    Topics.REQUESTS.name(), e.getMessage(), maxBytes);
        }
    }
}
