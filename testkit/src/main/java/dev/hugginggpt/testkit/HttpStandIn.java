package dev.hugginggpt.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A local HTTP server for remote-service protocols (Hugging Face Inference API, OpenAI images and
 * audio): records every call with its headers and bytes, and answers with scripted replies.
 */
public final class HttpStandIn implements AutoCloseable {
    private final HttpServer server;
    private final Deque<Reply> queue = new ConcurrentLinkedDeque<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile Function<Call, Reply> fallback = call -> Reply.json(404, "{\"error\":\"nothing scripted\"}");

    private HttpStandIn(HttpServer server) {
        this.server = server;
    }

    public static HttpStandIn start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            HttpStandIn standIn = new HttpStandIn(server);
            server.createContext("/", standIn::handle);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "http-stand-in");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the HTTP stand-in", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public HttpStandIn enqueue(Reply... replies) {
        queue.addAll(List.of(replies));
        return this;
    }

    public HttpStandIn otherwise(Function<Call, Reply> fallback) {
        this.fallback = fallback;
        return this;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            Call call = new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers,
                    exchange.getRequestBody().readAllBytes());
            calls.add(call);
            Reply reply = queue.poll();
            reply = reply == null ? fallback.apply(call) : reply;
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            if (reply.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        }
    }

    /** One request as received. Header names are lower-case. */
    public record Call(String method, String path, Map<String, String> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public record Reply(int status, String contentType, byte[] body, Map<String, String> headers, Duration delay) {
        public static Reply json(int status, String json) {
            return new Reply(status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of(), Duration.ZERO);
        }

        public static Reply bytes(String contentType, byte[] body) {
            return new Reply(200, contentType, body, Map.of(), Duration.ZERO);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Reply(status, contentType, body, all, delay);
        }

        public Reply after(Duration wait) {
            return new Reply(status, contentType, body, headers, wait);
        }
    }
}
