package dev.hugginggpt.executor.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.ModelChoice;
import dev.hugginggpt.protocol.TaskDispatch;
import dev.hugginggpt.protocol.resources.ResourceStore;
import dev.hugginggpt.testkit.HttpStandIn;
import dev.hugginggpt.testkit.HttpStandIn.Reply;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A remote service's answer is read up to a size and within the task's deadline, however the service sends it. */
class ResponseLimitsTest {
    private static final long LIMIT = 1 << 20;
    private static final String TOO_LARGE = "the Hugging Face Inference API (m/x) answered more than this executor reads (";
    @TempDir
    Path dir;
    HttpStandIn standIn;
    HttpServer streaming;
    ResourceStore store;

    @BeforeEach
    void start() {
        standIn = HttpStandIn.start();
        store = new ResourceStore(dir);
    }

    @AfterEach
    void stop() {
        standIn.close();
        if (streaming != null) {
            streaming.stop(0);
        }
    }

    @Test
    void aContentLengthAboveTheLimitFailsBeforeTheBodyIsRead() {
        standIn.enqueue(Reply.bytes("image/png", new byte[(int) LIMIT + 1]));

        ModelException e = assertThrows(ModelException.class, () -> huggingFace(standIn.baseUrl()).run(textToImage(),
                Duration.ofSeconds(10)));

        assertEquals(TOO_LARGE + "its Content-Length is 1048577 bytes; at most 1048576 bytes are read)", e.getMessage());
    }

    @Test
    void anAnswerJustWithinTheLimitIsStored() throws Exception {
        standIn.enqueue(Reply.bytes("image/png", new byte[(int) LIMIT]));

        assertEquals(LIMIT, huggingFace(standIn.baseUrl()).run(textToImage(), Duration.ofSeconds(10)).resources().get(0).size());
    }

    @Test
    void twoGigabytesStreamedWithoutALengthAreCutAtTheLimit() throws Exception {
        AtomicLong sent = new AtomicLong();
        String url = stream((out) -> {
            byte[] chunk = new byte[64 * 1024];
            while (sent.get() < (2L << 30)) {
                out.write(chunk);
                sent.addAndGet(chunk.length);
            }
        });
        long heapBefore = usedHeapMib();
        long start = System.nanoTime();

        ModelException e = assertThrows(ModelException.class, () -> huggingFace(url).run(textToImage(), Duration.ofSeconds(30)));

        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("a 2 GiB answer failed after %d ms, %d MiB sent; heap %d -> %d MiB%n", ms, sent.get() >> 20,
                heapBefore, usedHeapMib());
        assertEquals(TOO_LARGE + "it sent more than 1048576 bytes; at most 1048576 bytes are read)", e.getMessage());
        assertTrue(ms < 5000, ms + " ms");
        assertTrue(sent.get() < (1L << 30), "the server was stopped, not read to the end: " + sent.get());
    }

    @Test
    void aBodyThatTricklesInIsAbandonedAtTheDeadline() throws Exception {
        String url = stream((out) -> {
            for (int i = 0; i < 600; i++) {
                out.write('x');
                out.flush();
                sleep(100);
            }
        });
        long start = System.nanoTime();

        ModelException e = assertThrows(ModelException.class, () -> huggingFace(url).run(textToImage(), Duration.ofSeconds(1)));

        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals("the Hugging Face Inference API (m/x) did not answer within 1 s (task deadline)", e.getMessage());
        assertTrue(ms < 2000, ms + " ms");
    }

    @Test
    void aLongErrorMessageIsCut() {
        standIn.enqueue(Reply.json(400, "{\"error\": \"" + "e".repeat(500_000) + "\"}"));

        ModelException e = assertThrows(ModelException.class, () -> huggingFace(standIn.baseUrl()).run(textToImage(),
                Duration.ofSeconds(10)));

        assertEquals("the Hugging Face Inference API (m/x) answered HTTP 400: " + "e".repeat(200) + "...", e.getMessage());
    }

    @Test
    void theOpenAiBackendReadsUpToTheLimitToo() {
        standIn.enqueue(Reply.json(200, "{\"data\": [{\"b64_json\": \"" + Base64.getEncoder().encodeToString(new byte[(int) LIMIT])
                + "\"}]}"));
        OpenAiBackend openAi = new OpenAiBackend(Optional.of(standIn.baseUrl()), Optional.empty(), new OpenAiBackend.Settings(
                Optional.empty(), Optional.of("sd"), Optional.empty(), Optional.empty(), "alloy"), 0, LIMIT, store);
        TaskDispatch task = new TaskDispatch("req", 0, "text-to-image", Map.of("text", "a fox"),
                new ModelChoice("openai/sd", "openai", "test"), List.of(), 1, Instant.now().plusSeconds(30), Instant.now());

        ModelException e = assertThrows(ModelException.class, () -> openAi.run(task, Duration.ofSeconds(10)));

        assertTrue(e.getMessage().startsWith("the OpenAI-compatible server (/images/generations) answered more than this"
                + " executor reads (its Content-Length is "), e.getMessage());
    }

    private HuggingFaceBackend huggingFace(String url) {
        return new HuggingFaceBackend(url, Optional.of("hf_test"), 0, LIMIT, store);
    }

    private static TaskDispatch textToImage() {
        return new TaskDispatch("req", 0, "text-to-image", Map.of("text", "a fox"), new ModelChoice("m/x", "huggingface",
                "test"), List.of(), 1, Instant.now().plusSeconds(30), Instant.now());
    }

    interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** A server on loopback that answers 200 image/png with a chunked body (no length) that it writes as it goes. */
    private String stream(Body body) throws IOException {
        streaming = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        streaming.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "streaming-stand-in");
            t.setDaemon(true);
            return t;
        }));
        streaming.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "image/png");
                exchange.sendResponseHeaders(200, 0);
                body.write(exchange.getResponseBody());
            } catch (IOException e) {
                // the client hung up, as it should
            }
        });
        streaming.start();
        return "http://127.0.0.1:" + streaming.getAddress().getPort();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long usedHeapMib() {
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    }
}
