package dev.hugginggpt.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hugginggpt.protocol.Json;
import dev.hugginggpt.protocol.LlmUsage;
import dev.hugginggpt.protocol.Plan;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.RequestOptions;
import dev.hugginggpt.protocol.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hostile input through the real broker and the four services. Records written straight onto every topic a service
 * consumes: each is dead-lettered to hg.dead-letters with its reason and source coordinates, no consumer stops, the
 * request a record names fails with the reason, invalid plans among valid ones fail alone, and ordinary requests are
 * answered all along. Long recordings from one tenant: stopped at their deadline, and never holding every slot.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputsIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    /**
     * Each topic a service consumes, and how many consumer groups read it (each dead-letters a poison once). Every
     * executor reads all of hg.controls and skips a control it cannot use rather than dead-letter it (each would send
     * the same dead letter): none for it.
     */
    private static final Map<String, Integer> CONSUMED = new LinkedHashMap<>();

    static {
        CONSUMED.put(Topics.REQUESTS.name(), 1);
        CONSUMED.put(Topics.PLANS.name(), 1);
        CONSUMED.put(Topics.TASKS.name(), 1);
        CONSUMED.put(Topics.TASK_RESULTS.name(), 1);
        CONSUMED.put(Topics.EVENTS.name(), 1);
        CONSUMED.put(Topics.OUTCOMES.name(), 1);
        CONSUMED.put(Topics.EXECUTORS.name(), 3);
        CONSUMED.put(Topics.CONTROLS.name(), 0);
    }

    private static Stack stack;
    private static KafkaProducer<String, byte[]> producer;
    private static DeadLetters deadLetters;

    /** A record written, where it landed, and what it was. */
    private record Sent(String topic, int partition, long offset, String kind) {
        static Sent of(RecordMetadata at, String kind) {
            return new Sent(at.topic(), at.partition(), at.offset(), kind);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        stack = new Stack(1);
        Properties config = new Properties();
        config.put("bootstrap.servers", stack.bootstrap());
        config.put("key.serializer", StringSerializer.class.getName());
        config.put("value.serializer", ByteArraySerializer.class.getName());
        config.put("max.request.size", "2000000");
        producer = new KafkaProducer<>(config);
        deadLetters = new DeadLetters(stack.bootstrap());
        assertEquals("DONE", chat("Tell me what language this is: 'Guten Morgen, wie geht es dir?'").path("status").asText());
    }

    @AfterAll
    static void stop() throws Exception {
        if (deadLetters != null) {
            deadLetters.close();
        }
        if (producer != null) {
            producer.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void everyConsumerSurvivesEveryKindOfPoisonRecord() throws Exception {
        List<Sent> sent = new ArrayList<>();
        for (String topic : CONSUMED.keySet()) {
            for (Map.Entry<String, byte[]> poison : poisons().entrySet()) {
                String key = "poison-" + poison.getKey() + (topic.equals(Topics.TASKS.name()) ? "/0" : "");
                RecordMetadata at = producer.send(new ProducerRecord<>(topic, key, poison.getValue())).get();
                sent.add(Sent.of(at, poison.getKey()));
            }
        }
        JsonNode answer = chat("Read this sentence aloud and tell me what language it is: 'Bonjour tout le monde'");
        assertEquals("DONE", answer.path("status").asText(), answer.toPrettyString());
        assertTrue(answer.path("answer").path("text").asText().contains("French"), answer.toPrettyString());

        await("every poison record dead-lettered by each group that reads its topic", () -> sent.stream()
                .allMatch(s -> deadLetters.of(s).size() >= CONSUMED.get(s.topic())));
        System.out.println("Poison records and the dead letters they became:");
        for (Sent s : sent) {
            for (ConsumerRecord<String, byte[]> letter : deadLetters.of(s)) {
                String reason = header(letter, "dead-letter-reason");
                System.out.printf("  %-16s %-13s -> %s%n", s.topic(), s.kind(),
                        reason.length() > 110 ? reason.substring(0, 110) + "…" : reason);
                assertTrue(!reason.isBlank(), "a dead letter says why");
            }
        }
        for (String service : List.of("planner", "selector", "executor-1", "gateway")) {
            assertEquals(200, ready(service), service + " is ready after the poison records");
        }
        assertTrue(sent.stream().filter(s -> s.topic().equals(Topics.CONTROLS.name()))
                        .allMatch(s -> deadLetters.of(s).isEmpty()),
                "a control an executor cannot use is skipped, not dead-lettered");
        String cancelled = "after-poison-" + UUID.randomUUID();
        producer.send(new ProducerRecord<>(Topics.CONTROLS.name(), cancelled,
                Json.MAPPER.writeValueAsBytes(dev.hugginggpt.protocol.Cancel.of(cancelled, "e2e")))).get();
        await("the executor still taking cancels after the poison controls",
                () -> logOf("executor-1").contains("request " + cancelled + " cancelled"));
        JsonNode again = chat("Translate 'good morning' into Spanish.");
        assertEquals("DONE", again.path("status").asText(), again.toPrettyString());
    }

    @Test
    @Order(2)
    void aRequestThatAPoisonRecordNamesFailsWithTheReason() throws Exception {
        stack.stop("planner");
        String id = submit("Read 'bonne nuit' aloud.");
        producer.send(new ProducerRecord<>(Topics.PLANS.name(), id, "[1,2,3]".getBytes(UTF_8))).get();
        await("the request named by the poison record failed", () -> "FAILED".equals(status(id)));
        JsonNode view = view(id);
        assertTrue(view.path("error").asText().contains(Topics.PLANS.name()), view.toPrettyString());
        stack.restart("planner");
        JsonNode next = chat("Tell me what language this is: 'Buenos días'");
        assertEquals("DONE", next.path("status").asText(), next.toPrettyString());
        assertEquals("FAILED", status(id), "a request once failed stays failed when its real plan comes late");
    }

    @Test
    @Order(3)
    void invalidPlansAmongValidOnesFailAloneAndTheValidOnesFinish() throws Exception {
        try (Outcomes outcomes = new Outcomes(stack.bootstrap())) {
            List<String> valid = new ArrayList<>();
            List<Sent> invalid = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < 12; i++) {
                String id = "plan-ok-" + UUID.randomUUID();
                valid.add(id);
                producer.send(new ProducerRecord<>(Topics.PLANS.name(), id, Json.MAPPER.writeValueAsBytes(plan(id,
                        List.of(detectLanguage(0, List.of(-1), "Guten Tag " + i)), RequestOptions.defaults()))));
                if (i % 3 == 1) {
                    String bad = "plan-bad-" + i;
                    Plan broken = switch (i) {
                        case 1 -> plan(bad, List.of(detectLanguage(0, List.of(-1), "x")), new RequestOptions(null, -1, null, null));
                        case 4 -> plan(bad, List.of(detectLanguage(0, List.of(7), "<GENERATED>-7")), RequestOptions.defaults());
                        case 7 -> plan(bad, null, RequestOptions.defaults());
                        default -> plan(null, List.of(detectLanguage(0, List.of(-1), "x")), RequestOptions.defaults());
                    };
                    invalid.add(Sent.of(producer.send(new ProducerRecord<>(Topics.PLANS.name(), bad,
                            Json.MAPPER.writeValueAsBytes(broken))).get(), "invalid plan " + i));
                }
            }
            await("every valid plan's outcome", () -> outcomes.ids().containsAll(valid));
            System.out.printf("12 valid plans among 4 invalid ones: all 12 outcomes within %d ms%n",
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            await("every invalid plan dead-lettered", () -> invalid.stream().noneMatch(s -> deadLetters.of(s).isEmpty()));
            for (Sent s : invalid) {
                System.out.printf("  %s -> %s%n", s.kind(), header(deadLetters.of(s).get(0), "dead-letter-reason"));
            }
        }
    }

    @Test
    @Order(4)
    void oneTenantsLongRecordingsStopAtTheirDeadlineAndLeaveASlotForAnother() throws Exception {
        String recording = stack.upload(longSpeech(Duration.ofMinutes(5)), "long.wav", "audio/wav");
        long started = System.nanoTime();
        List<String> recordings = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            recordings.add(submit(Stack.API_KEY, Map.of("messages", List.of(Map.of("role", "user",
                    "content", "Transcribe the recording " + recording)), "resources", List.of(recording),
                    "options", Map.of("taskTimeoutSeconds", 10))));
        }
        await("the long recordings running", () -> recordings.stream().filter(id -> "RUNNING".equals(status(id))).count() >= 3);
        assertEquals(3, recordings.stream().filter(id -> "RUNNING".equals(status(id))).count(),
                "one tenant holds at most three of the four slots");
        long otherStarted = System.nanoTime();
        HttpResponse<String> other = HTTP.send(post("/v1/chat", Stack.OTHER_API_KEY,
                Map.of("messages", List.of(Map.of("role", "user", "content",
                        "Read this sentence aloud and tell me what language it is: 'Bonjour tout le monde'")))),
                HttpResponse.BodyHandlers.ofString());
        long otherMillis = Duration.ofNanos(System.nanoTime() - otherStarted).toMillis();
        assertEquals(200, other.statusCode(), other.body());
        assertEquals("DONE", Json.MAPPER.readTree(other.body()).path("status").asText(), other.body());
        await("every long recording ended", () -> recordings.stream().allMatch(id -> Set.of("DONE", "FAILED").contains(status(id))));
        long allMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.printf("5 long recordings of one tenant (10 s deadline each, 4 slots): the other tenant's request took"
                + " %d ms; the five ended within %d ms%n", otherMillis, allMillis);
        for (String id : recordings) {
            JsonNode task = view(id).path("tasks").get(0);
            System.out.printf("  %s: %s after %s -> %s%n", id, task.path("status").asText(), task.path("startedAt").asText(),
                    task.path("error").asText());
            assertEquals("FAILED", task.path("status").asText(), "a 5-minute recording cannot be transcribed in 10 s");
        }
        assertTrue(otherMillis < 10_000, "the other tenant did not wait for a long recording's deadline: " + otherMillis);
        assertTrue(allMillis < 60_000, "two rounds of 10 s deadlines, not the recordings' length: " + allMillis);
    }

    /** Speech the system itself synthesized, repeated to the length asked: a recording long to decode. */
    private static byte[] longSpeech(Duration length) throws Exception {
        JsonNode spoken = chat("Read this aloud: 'The quick brown fox jumps over the lazy dog near the quiet river bank'");
        String wavId = spoken.path("tasks").get(0).path("output").path("resources").get(0).path("id").asText();
        byte[] wav = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gateway() + "/v1/resources/" + wavId))
                .header("Authorization", "Bearer " + Stack.API_KEY).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        javax.sound.sampled.AudioInputStream clip = javax.sound.sampled.AudioSystem.getAudioInputStream(
                new java.io.ByteArrayInputStream(wav));
        byte[] once = clip.readAllBytes();
        javax.sound.sampled.AudioFormat format = clip.getFormat();
        long frames = (long) (format.getFrameRate() * length.toSeconds());
        java.io.ByteArrayOutputStream samples = new java.io.ByteArrayOutputStream();
        while (samples.size() < frames * format.getFrameSize()) {
            samples.write(once);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.sound.sampled.AudioSystem.write(new javax.sound.sampled.AudioInputStream(
                new java.io.ByteArrayInputStream(samples.toByteArray()), format, samples.size() / format.getFrameSize()),
                javax.sound.sampled.AudioFileFormat.Type.WAVE, out);
        return out.toByteArray();
    }

    private static Map<String, byte[]> poisons() {
        Map<String, byte[]> poisons = new LinkedHashMap<>();
        poisons.put("not-json", new byte[] {0, (byte) 0xff, 'g', 'a', 'r', 'b', 'a', 'g', 'e', '{'});
        poisons.put("wrong-shape", "[1,2,3]".getBytes(UTF_8));
        poisons.put("unknown-enum", "{\"requestId\":\"poison\",\"type\":\"EXPLODED\",\"status\":\"EXPLODED\",\"at\":\"2026-01-01T00:00:00Z\"}"
                .getBytes(UTF_8));
        poisons.put("null-ids", "{\"requestId\":null,\"tenant\":null,\"instanceId\":null}".getBytes(UTF_8));
        poisons.put("oversize", ("{\"requestId\":\"poison\",\"junk\":\"" + "a".repeat(900_000) + "\"}").getBytes(UTF_8));
        poisons.put("deep-nesting", ("[".repeat(5000) + "]".repeat(5000)).getBytes(UTF_8));
        poisons.put("empty", null);
        return poisons;
    }

    private static PlannedTask detectLanguage(int id, List<Integer> dep, String text) {
        return new PlannedTask(id, "text-classification", dep, Map.of("text", text));
    }

    private static Plan plan(String requestId, List<PlannedTask> tasks, RequestOptions options) {
        return new Plan(requestId, "e2e", "What language is this?", tasks, "embedded", LlmUsage.NONE, List.of(), options, 1);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), UTF_8);
    }

    private static JsonNode chat(String text) throws Exception {
        HttpResponse<String> r = HTTP.send(post("/v1/chat", Stack.API_KEY, message(text)), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    private static String submit(String text) throws Exception {
        return submit(Stack.API_KEY, message(text));
    }

    private static String submit(String key, Map<String, ?> body) throws Exception {
        HttpResponse<String> r = HTTP.send(post("/v1/requests", key, body), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body()).path("id").asText();
    }

    private static Map<String, ?> message(String text) {
        return Map.of("messages", List.of(Map.of("role", "user", "content", text)));
    }

    private static HttpRequest post(String path, String key, Map<String, ?> body) throws Exception {
        return HttpRequest.newBuilder(URI.create(stack.gateway() + path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").timeout(PATIENCE)
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body))).build();
    }

    private static JsonNode view(String id) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gateway() + "/v1/requests/" + id))
                .header("Authorization", "Bearer " + Stack.API_KEY).build(), HttpResponse.BodyHandlers.ofString());
        return Json.MAPPER.readTree(r.body());
    }

    private static String status(String id) {
        try {
            return view(id).path("status").asText();
        } catch (Exception e) {
            return "";
        }
    }

    private static String logOf(String service) {
        try {
            return stack.log(service);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static int ready(String service) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.managementPorts.get(service) + "/q/health/ready"))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    /** Reads a topic from its start on a thread of its own, keeping what it read. */
    private static class TopicReader implements AutoCloseable {
        final List<ConsumerRecord<String, byte[]>> read = new CopyOnWriteArrayList<>();
        private final Thread thread;
        private volatile boolean open = true;

        TopicReader(String bootstrap, String topic) {
            Properties config = new Properties();
            config.put("bootstrap.servers", bootstrap);
            config.put("group.id", "e2e-" + UUID.randomUUID());
            config.put("auto.offset.reset", "earliest");
            config.put("key.deserializer", StringDeserializer.class.getName());
            config.put("value.deserializer", ByteArrayDeserializer.class.getName());
            thread = new Thread(() -> {
                try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
                    consumer.subscribe(List.of(topic));
                    while (open) {
                        consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                    }
                }
            }, "read-" + topic);
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            open = false;
            thread.join(10_000);
        }
    }

    private static final class DeadLetters extends TopicReader {
        DeadLetters(String bootstrap) {
            super(bootstrap, Topics.DEAD_LETTERS.name());
        }

        List<ConsumerRecord<String, byte[]>> of(Sent sent) {
            return read.stream().filter(letter -> header(letter, "dead-letter-topic").equals(sent.topic())
                    && header(letter, "dead-letter-partition").equals(String.valueOf(sent.partition()))
                    && header(letter, "dead-letter-offset").equals(String.valueOf(sent.offset()))).toList();
        }
    }

    private static final class Outcomes extends TopicReader {
        Outcomes(String bootstrap) {
            super(bootstrap, Topics.OUTCOMES.name());
        }

        Set<String> ids() {
            return read.stream().map(ConsumerRecord::key).collect(java.util.stream.Collectors.toSet());
        }
    }
}
