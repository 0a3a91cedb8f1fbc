package dev.hugginggpt.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A local server speaking the OpenAI chat completions protocol ({@code POST /v1/chat/completions}).
 * It records every call and answers with scripted replies, first from the queue, then from the
 * fallback function: content, HTTP errors, raw (possibly garbage) bodies, or delays.
 */
public final class OpenAiStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Deque<Reply> queue = new ConcurrentLinkedDeque<>();
    private final List<ChatCall> calls = new CopyOnWriteArrayList<>();
    private static final Function<ChatCall, Reply> NOTHING_SCRIPTED =
            call -> Reply.error(500, "{\"error\":{\"message\":\"no scripted reply\",\"type\":\"server_error\"}}");
    private volatile Function<ChatCall, Reply> fallback = NOTHING_SCRIPTED;

    private OpenAiStandIn(HttpServer server) {
        this.server = server;
    }

    public static OpenAiStandIn start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            OpenAiStandIn standIn = new OpenAiStandIn(server);
            server.createContext("/", standIn::handle);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "openai-stand-in");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the OpenAI stand-in", e);
        }
    }

    /** The base URL clients are configured with, ending in {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public OpenAiStandIn reply(String... contents) {
        for (String content : contents) {
            queue.add(Reply.content(content));
        }
        return this;
    }

    public OpenAiStandIn enqueue(Reply... replies) {
        queue.addAll(List.of(replies));
        return this;
    }

    /** How calls are answered once the queue is empty. */
    public OpenAiStandIn otherwise(Function<ChatCall, Reply> fallback) {
        this.fallback = fallback;
        return this;
    }

    public List<ChatCall> calls() {
        return List.copyOf(calls);
    }

    /** Forgets the calls, the queue and the fallback. */
    public void reset() {
        fallback = NOTHING_SCRIPTED;
        queue.clear();
        calls.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"POST".equals(exchange.getRequestMethod()) || !path.endsWith("/chat/completions")) {
                send(exchange, 404, "{\"error\":{\"message\":\"unknown path " + path + "\"}}");
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            ChatCall call = ChatCall.parse(body, exchange.getRequestHeaders().getFirst("Authorization"));
            calls.add(call);
            Reply reply = queue.poll();
            answer(exchange, call, reply == null ? fallback.apply(call) : reply);
        }
    }

    private void answer(HttpExchange exchange, ChatCall call, Reply reply) throws IOException {
        if (reply instanceof Reply.Delayed d) {
            sleep(d.delay());
            answer(exchange, call, d.then());
        } else if (reply instanceof Reply.Content c && call.streamed()) {
            stream(exchange, call, c.text(), Duration.ZERO);
        } else if (reply instanceof Reply.Streamed st && call.streamed()) {
            stream(exchange, call, st.text(), st.pause());
        } else if (reply instanceof Reply.Streamed st) {
            send(exchange, 200, completion(call, st.text()));
        } else if (reply instanceof Reply.Content c) {
            send(exchange, 200, completion(call, c.text()));
        } else if (reply instanceof Reply.Error e) {
            e.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            send(exchange, e.status(), e.body());
        } else if (reply instanceof Reply.Raw r) {
            send(exchange, 200, r.body());
        }
    }

    private static String completion(ChatCall call, String content) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-standin-" + System.nanoTime());
        root.put("object", "chat.completion");
        root.put("created", System.currentTimeMillis() / 1000);
        root.put("model", call.model() == null ? "stand-in" : call.model());
        ArrayNode choices = root.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (content == null) {
            message.putNull("content");
        } else {
            message.put("content", content);
        }
        choice.put("finish_reason", "stop");
        ObjectNode usage = root.putObject("usage");
        int prompt = call.messages().stream().mapToInt(m -> tokens(m.content())).sum();
        int completion = tokens(content);
        usage.put("prompt_tokens", prompt);
        usage.put("completion_tokens", completion);
        usage.put("total_tokens", prompt + completion);
        return JSON.writeValueAsString(root);
    }

    /**
     * The reply as a streamed completion ({@code "stream": true}): the role, the text a word at a time (with the pause
     * between words), the finish ("length" when the call set a token limit the text goes past, counted as words), the usage
     * when asked for ({@code stream_options.include_usage}), then [DONE].
     */
    private static void stream(HttpExchange exchange, ChatCall call, String content, Duration pause) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            String id = "chatcmpl-standin-" + System.nanoTime();
            chunk(out, id, call, JSON.createObjectNode().put("role", "assistant").put("content", ""), null);
            List<String> words = new ArrayList<>(List.of((content == null ? "" : content).split("(?<= )")));
            Integer limit = call.maxTokens();
            boolean cut = limit != null && words.size() > limit;
            for (String word : cut ? words.subList(0, limit) : words) {
                sleep(pause);
                chunk(out, id, call, JSON.createObjectNode().put("content", word), null);
            }
            chunk(out, id, call, JSON.createObjectNode(), cut ? "length" : "stop");
            if (call.includeUsage()) {
                ObjectNode usage = JSON.createObjectNode();
                int prompt = call.messages().stream().mapToInt(m -> tokens(m.content())).sum();
                int completion = tokens(content);
                usage.put("prompt_tokens", prompt).put("completion_tokens", completion).put("total_tokens", prompt + completion);
                ObjectNode last = JSON.createObjectNode().put("id", id).put("object", "chat.completion.chunk")
                        .put("created", System.currentTimeMillis() / 1000).put("model", call.model() == null ? "stand-in" : call.model());
                last.putArray("choices");
                last.set("usage", usage);
                out.write(("data: " + JSON.writeValueAsString(last) + "\n\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void chunk(OutputStream out, String id, ChatCall call, ObjectNode delta, String finish) throws IOException {
        ObjectNode root = JSON.createObjectNode().put("id", id).put("object", "chat.completion.chunk")
                .put("created", System.currentTimeMillis() / 1000).put("model", call.model() == null ? "stand-in" : call.model());
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        out.write(("data: " + JSON.writeValueAsString(root) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** A rough count (4 characters a token), enough to see usage add up. */
    private static int tokens(String text) {
        return text == null ? 0 : Math.max(1, text.length() / 4);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().putIfAbsent("Content-Type", List.of("application/json"));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One chat completions call as the server received it. */
    public record ChatCall(String model, List<Message> messages, String body, String authorization) {

        /** Whether the client asked for a streamed completion. */
        public boolean streamed() {
            return field("stream").asBoolean(false);
        }

        /** Whether the client asked for the usage at the end of the stream. */
        public boolean includeUsage() {
            return field("stream_options").path("include_usage").asBoolean(false);
        }

        /** The token limit the client set (max_completion_tokens or max_tokens), if it set one. */
        public Integer maxTokens() {
            JsonNode limit = field("max_completion_tokens").isNumber() ? field("max_completion_tokens") : field("max_tokens");
            return limit.isNumber() ? limit.asInt() : null;
        }

        private JsonNode field(String name) {
            try {
                return JSON.readTree(body).path(name);
            } catch (IOException e) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
        }

        static ChatCall parse(String body, String authorization) {
            List<Message> messages = new ArrayList<>();
            String model = null;
            try {
                JsonNode root = JSON.readTree(body);
                model = root.path("model").asText(null);
                for (JsonNode m : root.path("messages")) {
                    messages.add(new Message(m.path("role").asText(), contentText(m.path("content"))));
                }
            } catch (IOException e) {
                // recorded as is: the test sees the raw body
            }
            return new ChatCall(model, List.copyOf(messages), body, authorization);
        }

        private static String contentText(JsonNode content) {
            if (content.isArray()) {
                StringBuilder text = new StringBuilder();
                content.forEach(part -> text.append(part.path("text").asText("")));
                return text.toString();
            }
            return content.asText("");
        }

        public String system() {
            return messages.stream().filter(m -> m.role().equals("system")).map(Message::content).findFirst().orElse("");
        }

        public String lastUser() {
            for (int i = messages.size() - 1; i >= 0; i--) {
                if (messages.get(i).role().equals("user")) {
                    return messages.get(i).content();
                }
            }
            return "";
        }
    }

    public record Message(String role, String content) {
    }

    public sealed interface Reply {
        static Reply content(String text) {
            return new Content(text);
        }

        static Reply error(int status, String body) {
            return new Error(status, body, Map.of());
        }

        static Reply raw(String body) {
            return new Raw(body);
        }

        static Reply delayed(Duration delay, Reply then) {
            return new Delayed(delay, then);
        }

        /** The text streamed a word at a time with this pause before each word (to a call that asked for a stream). */
        static Reply streamed(String text, Duration pause) {
            return new Streamed(text, pause);
        }

        record Content(String text) implements Reply {
        }

        record Error(int status, String body, Map<String, String> headers) implements Reply {
        }

        record Raw(String body) implements Reply {
        }

        record Delayed(Duration delay, Reply then) implements Reply {
        }

        record Streamed(String text, Duration pause) implements Reply {
        }
    }
}
