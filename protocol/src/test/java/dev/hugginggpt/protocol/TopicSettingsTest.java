package dev.hugginggpt.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The services' settings and code agree with {@link Topics} and {@link Channels}: every topic a setting names is one of
 * the constants, and each channel a service consumes reads the topics whose records its code expects. A topic renamed
 * in one place and not the other fails here rather than in a running system, where a consumer would wait on a topic
 * nobody writes.
 */
class TopicSettingsTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final List<String> SERVICES = List.of("planner-service", "selector-service", "executor-service", "gateway");
    /** The settings every service shares, under its own application.properties. */
    static final Path SHARED = ROOT.resolve("protocol/src/main/resources/META-INF/microprofile-config.properties");
    /** Settings whose value is a topic's name (or several, comma-separated), by the last part of their key. */
    static final Set<String> TOPIC_KEYS = Set.of("topic", "topics", "state-topic");
    static final Pattern CHANNEL_ANNOTATION = Pattern.compile("@(Incoming|Channel|Outgoing)\\(\\s*([^)]*?)\\s*\\)");
    static final Pattern INCOMING_SETTING = Pattern.compile("mp\\.messaging\\.incoming\\.([a-z-]+)\\..+");

    /** The topics each channel reads: those whose records the consuming code takes, as it names them. */
    static final Map<String, Set<Topic<?>>> READS = Map.of(
            Channels.REQUESTS, Set.of(Topics.REQUESTS),
            Channels.EXECUTORS, Set.of(Topics.EXECUTORS),
            Channels.SCHEDULING, Set.of(Topics.PLANS, Topics.TASK_RESULTS),
            Channels.TASKS, Set.of(Topics.TASKS),
            Channels.CONTROLS, Set.of(Topics.CONTROLS),
            Channels.EVENTS_IN, Set.of(Topics.EVENTS),
            Channels.OUTCOMES, Set.of(Topics.OUTCOMES),
            Channels.DEAD_LETTERS, Set.of(Topics.DEAD_LETTERS));

    @Test
    void everyTopicTheSettingsNameIsOneOfTopicsAndEachOfTopicsIsNamedThere() {
        Map<String, String> named = new TreeMap<>();
        for (String service : SERVICES) {
            ownSettings(service).forEach((key, value) -> topicsOf(key, value).forEach(t -> named.put(t, service + ": " + key)));
        }
        read(SHARED).forEach((key, value) -> topicsOf(key, value).forEach(t -> named.put(t, "shared: " + key)));
        Set<String> known = topicNames();
        named.forEach((topic, where) -> assertTrue(known.contains(topic), where + " names " + topic + ", none of Topics"));
        assertEquals(known, named.keySet(), "every topic in Topics is read by some service");
    }

    @Test
    void eachChannelAServiceConsumesReadsTheTopicsItsRecordsComeFrom() {
        for (String service : SERVICES) {
            Map<String, String> settings = settingsOf(service);
            Set<String> consumed = channels(service, "Incoming");
            assertFalse(consumed.isEmpty(), service + " consumes something");
            for (String channel : consumed) {
                assertTrue(READS.containsKey(channel), service + " reads channel " + channel + ": add it to READS");
                String topics = settings.getOrDefault("mp.messaging.incoming." + channel + ".topic",
                        settings.get("mp.messaging.incoming." + channel + ".topics"));
                assertEquals(names(READS.get(channel)), topicsOf("topics", topics == null ? "" : topics),
                        service + ": the topics of channel " + channel);
            }
            Set<String> configured = settings.keySet().stream().map(INCOMING_SETTING::matcher).filter(Matcher::matches)
                    .map(m -> m.group(1)).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(consumed, configured, service + ": the incoming channels its settings configure are its code's");
        }
    }

    /** One producer per service: its writes go through TopicWriter, each record naming its topic. */
    @Test
    void theServicesWriteThroughTheOneOutgoingChannelAndNameNoTopicForIt() {
        for (String service : SERVICES) {
            assertEquals(Set.of(), channels(service, "Channel"), service + " injects no channel of its own (TopicWriter)");
            assertEquals(Set.of(), channels(service, "Outgoing"), service + " has no outgoing method");
            Map<String, String> settings = settingsOf(service);
            Set<String> outgoing = settings.keySet().stream().filter(k -> k.startsWith("mp.messaging.outgoing."))
                    .map(k -> k.split("\\.")[3]).collect(Collectors.toSet());
            assertEquals(Set.of(Channels.RECORDS), outgoing, service + "'s outgoing channels");
            assertFalse(settings.containsKey("mp.messaging.outgoing." + Channels.RECORDS + ".topic"),
                    service + ": a record without a topic of its own would go to a topic named after the channel");
        }
    }

    /**
     * Every service's records are acknowledged by all in-sync replicas, not by the leader alone (SmallRye's default,
     * acks=1, under which a record the leader held when it stopped is lost with the change of leader).
     */
    @Test
    void everyServiceWritesItsRecordsToAllInSyncReplicas() {
        for (String service : SERVICES) {
            Map<String, String> settings = settingsOf(service);
            assertEquals("all", settings.get("mp.messaging.outgoing." + Channels.RECORDS + ".acks"), service + ": acks");
            assertEquals("true", settings.get("mp.messaging.outgoing." + Channels.RECORDS + ".enable.idempotence"),
                    service + ": idempotent sends");
        }
    }

    /** The names in a topic setting; none for any other setting. */
    static Set<String> topicsOf(String key, String value) {
        if (!TOPIC_KEYS.contains(key.substring(key.lastIndexOf('.') + 1))) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> topicNames() {
        return Arrays.stream(Topics.class.getFields()).filter(f -> f.getType() == Topic.class)
                .map(f -> ((Topic<?>) value(f)).name()).collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> names(Set<? extends Topic<?>> topics) {
        return topics.stream().map(Topic::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The channels a service's code names in {@code @Incoming}, {@code @Channel} or {@code @Outgoing}, each through
     * {@link Channels}.
     */
    static Set<String> channels(String service, String annotation) {
        Set<String> channels = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve(service + "/src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = CHANNEL_ANNOTATION.matcher(Files.readString(file));
                while (m.find()) {
                    assertTrue(m.group(2).matches("Channels\\.[A-Z_]+"), file + ": @" + m.group(1) + "(" + m.group(2)
                            + ") names its channel through Channels");
                    if (m.group(1).equals(annotation)) {
                        channels.add((String) value(field(Channels.class, m.group(2).substring("Channels.".length()))));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return channels;
    }

    /** What a service reads without a profile: its application.properties over the settings every service shares. */
    static Map<String, String> settingsOf(String service) {
        Map<String, String> settings = new TreeMap<>(read(SHARED));
        settings.putAll(ownSettings(service));
        settings.keySet().removeIf(key -> key.startsWith("%"));
        return settings;
    }

    static Map<String, String> ownSettings(String service) {
        return read(ROOT.resolve(service + "/src/main/resources/application.properties"));
    }

    static Map<String, String> read(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = new TreeMap<>();
        properties.forEach((key, value) -> settings.put((String) key, (String) value));
        return settings;
    }

    private static Field field(Class<?> type, String name) {
        try {
            return type.getField(name);
        } catch (NoSuchFieldException e) {
            throw new AssertionError(type.getSimpleName() + " has no " + name, e);
        }
    }

    private static Object value(Field field) {
        assertTrue(Modifier.isStatic(field.getModifiers()), field + " is a constant");
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
