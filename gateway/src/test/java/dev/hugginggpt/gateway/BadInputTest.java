package dev.hugginggpt.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.protocol.Channels;
import dev.hugginggpt.protocol.Topics;
import dev.hugginggpt.testkit.TopicSink;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed or hostile input gets a clear 4xx problem+json, nothing reaches the planner, and
 * the gateway stays healthy.
 */
@QuarkusTest
class BadInputTest {
    @Inject
    @Any
    InMemoryConnector connector;

    @TestHTTPResource(value = "/health/ready", management = true) // under the management root, /q
    java.net.URL ready;

    TopicSink sent;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void clear() {
        sent = new TopicSink(connector.sink(Channels.RECORDS));
        sent.clear();
    }

    @AfterEach
    void nothingWasSentAndTheGatewayIsHealthy() {
        assertTrue(sent.received(Topics.REQUESTS).isEmpty(), "a rejected request must not reach the planner");
        given().when().get(ready).then().statusCode(200);
    }

    private static RequestSpecification asTenantA() {
        return given().header("X-API-Key", "key-a");
    }

    private static String user(String content) {
        return "{\"messages\": [{\"role\": \"user\", \"content\": " + content + "}]}";
    }

    static Stream<Arguments> badBodies() {
        String tenThousand = "x".repeat(20_001);
        return Stream.of(
                Arguments.of("no messages field", "{}", 400, "messages"),
                Arguments.of("an empty messages array", "{\"messages\": []}", 400, "at least one message"),
                Arguments.of("an empty message", user("\"\""), 400, "non-empty user message"),
                Arguments.of("a whitespace message", user("\"   \\n\\t  \""), 400, "non-empty user message"),
                Arguments.of("a null content", user("null"), 400, "content"),
                Arguments.of("an unknown role", "{\"messages\": [{\"role\": \"root\", \"content\": \"hi\"}]}", 400, "role"),
                Arguments.of("a missing role", "{\"messages\": [{\"content\": \"hi\"}]}", 400, "role"),
                Arguments.of("the last message not from the user",
                        "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}, {\"role\": \"assistant\", \"content\": \"hello\"}]}",
                        400, "last message"),
                Arguments.of("a null message", "{\"messages\": [null]}", 400, "role"),
                Arguments.of("a message too long", user("\"" + tenThousand + "\""), 400, "at most 20000 characters"),
                Arguments.of("too many messages", "{\"messages\": [" + "{\"role\": \"user\", \"content\": \"hi\"},".repeat(100)
                        + "{\"role\": \"user\", \"content\": \"hi\"}]}", 400, "at most 100 messages"),
                Arguments.of("invalid JSON", "{\"messages\": [", 400, "not valid JSON"),
                Arguments.of("JSON of the wrong shape", "{\"messages\": \"read this aloud\"}", 400, "not valid JSON"),
                Arguments.of("a JSON array body", "[1, 2, 3]", 400, "not valid JSON"),
                Arguments.of("an unknown resource id", "{\"messages\": [{\"role\": \"user\", \"content\": \"describe it\"}],"
                        + " \"resources\": [\"r-00000000000000000000.png\"]}", 400, "unknown resource"),
                Arguments.of("path traversal as a resource", "{\"messages\": [{\"role\": \"user\", \"content\": \"describe it\"}],"
                        + " \"resources\": [\"../../etc/passwd\"]}", 400, "unknown resource"),
                Arguments.of("a loopback URL as a resource", "{\"messages\": [{\"role\": \"user\", \"content\": \"describe it\"}],"
                        + " \"resources\": [\"http://127.0.0.1:8080/q/health\"]}", 400, "URLs are not fetched"),
                Arguments.of("a cloud metadata URL as a resource", "{\"messages\": [{\"role\": \"user\", \"content\": \"describe it\"}],"
                        + " \"resources\": [\"http://169.254.169.254/latest/meta-data/\"]}", 400, "URLs are not fetched"),
                Arguments.of("a file URL as a resource", "{\"messages\": [{\"role\": \"user\", \"content\": \"describe it\"}],"
                        + " \"resources\": [\"file:///etc/passwd\"]}", 400, "URLs are not fetched"),
                Arguments.of("an unknown planner", "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}],"
                        + " \"options\": {\"planner\": \"gpt-17\"}}", 400, "options.planner"),
                Arguments.of("topK of zero", "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"options\": {\"topK\": 0}}",
                        400, "options.topK"),
                Arguments.of("topK of a thousand", "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"options\": {\"topK\": 1000}}",
                        400, "options.topK"),
                Arguments.of("a negative task timeout", "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}],"
                        + " \"options\": {\"taskTimeoutSeconds\": -1}}", 400, "options.taskTimeoutSeconds"),
                Arguments.of("a topK that is not a number", "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}],"
                        + " \"options\": {\"topK\": \"many\"}}", 400, "not valid JSON"),
                Arguments.of("a topK written as text", options("\"topK\": \"5\""), 400, "'options.topK'"),
                Arguments.of("a fraction as topK", options("\"topK\": 2.5"), 400, "'options.topK'"),
                Arguments.of("a topK beyond an int", options("\"topK\": 99999999999999999999"), 400, "'options.topK'"),
                Arguments.of("a topK beyond a double", options("\"topK\": 1e999"), 400, "'options.topK'"),
                Arguments.of("a number of 5000 digits", options("\"topK\": " + "9".repeat(5000)), 400, "Number value length"),
                Arguments.of("a number as content", user("5"), 400, "'messages.[0].content'"),
                Arguments.of("a boolean as content", user("true"), 400, "'messages.[0].content'"),
                Arguments.of("an object as content", user("{\"text\": \"hi\"}"), 400, "'messages.[0].content'"),
                Arguments.of("a number as role", "{\"messages\": [{\"role\": 1, \"content\": \"hi\"}]}", 400, "'messages.[0].role'"),
                Arguments.of("a second JSON value after the body", user("\"hi\"") + " {}", 400, "more after its JSON value"),
                Arguments.of("text after the body", user("\"hi\"") + " garbage", 400, "line 1, column"),
                Arguments.of("JSON null as the body", "null", 400, "at least one message"),
                Arguments.of("a JSON string as the body", "\"read this aloud\"", 400, "not valid JSON"),
                Arguments.of("nesting 100 deep", "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"extra\": "
                        + "[".repeat(100) + "]".repeat(100) + "}", 400, "nesting depth (65) exceeds the maximum allowed (64)"),
                Arguments.of("three hundred thousand empty messages", "{\"messages\": [" + "{},".repeat(300_000) + "{}]}", 413,
                        "Token count (100001) exceeds the maximum allowed (100000)"),
                Arguments.of("a NUL in the text", user("\"read \\u0000 aloud\""), 400, "control characters"),
                Arguments.of("an escape character in the text", user("\"read \\u001b[31m aloud\""), 400, "control characters"),
                Arguments.of("half a surrogate pair", user("\"read \\ud83d aloud\""), 400, "unpaired surrogates"),
                Arguments.of("101 resources", "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"resources\": ["
                        + IntStream.range(0, 101).mapToObj(i -> String.format("\"r-%020d.png\"", i))
                                .collect(Collectors.joining(",")) + "]}", 400, "at most 100 resources"));
    }

    private static String options(String options) {
        return "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"options\": {" + options + "}}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badRequestBodiesAreRefusedWithTheReason(String name, String body, int status, String detail) {
        for (String path : new String[] {"/v1/requests", "/v1/chat", "/v1/plan"}) {
            asTenantA().contentType("application/json").body(body).when().post(path)
                    .then().statusCode(status).contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(status)).body("detail", containsString(detail));
        }
    }

    @Test
    void aTenMegabyteBodyIsRefusedBeforeItIsRead() {
        asTenantA().contentType("application/json").body(user("\"" + "a".repeat(10 * 1024 * 1024) + "\""))
                .when().post("/v1/requests")
                .then().statusCode(413).contentType(startsWith("application/problem+json"));
    }

    @Test
    void wrongContentTypesAreRefused() {
        asTenantA().contentType("text/plain").body("read 'hello' aloud").when().post("/v1/requests")
                .then().statusCode(415).contentType(startsWith("application/problem+json"));
        asTenantA().contentType("application/xml").body("<messages/>").when().post("/v1/chat")
                .then().statusCode(415).contentType(startsWith("application/problem+json"));
    }

    @Test
    void textThatIsNotUtf8IsRefused() {
        byte[] latin1 = user("\"Caf\u00e9 cr\u00e8me, read it aloud\"").getBytes(StandardCharsets.ISO_8859_1);
        asTenantA().contentType("application/json; charset=UTF-8").body(latin1).when().post("/v1/requests")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("not valid UTF-8 (byte 0x20 at offset 47 does not continue the character begun by 0xE9)"));
    }

    static Stream<Arguments> notUtf8() {
        return Stream.of(
                Arguments.of("an overlong NUL", new byte[] {(byte) 0xC0, (byte) 0x80}),
                Arguments.of("an encoded surrogate", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
                Arguments.of("a byte no character starts with", new byte[] {(byte) 0xFF}),
                Arguments.of("a lone continuation byte", new byte[] {(byte) 0x80}),
                Arguments.of("a code point beyond U+10FFFF", new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}),
                Arguments.of("a character cut short", new byte[] {(byte) 0xE2, (byte) 0x82}));
    }

    /** Checked on the bytes, on every JSON endpoint: a text decoded leniently would hold U+FFFD where they were. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("notUtf8")
    void bytesThatAreNotUtf8AreRefusedWhereverTheyAre(String name, byte[] bad) {
        byte[] before = "{\"model\": \"hugginggpt\", \"messages\": [{\"role\": \"user\", \"content\": \"read ".getBytes(StandardCharsets.UTF_8);
        byte[] after = " aloud\"}]}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[before.length + bad.length + after.length];
        System.arraycopy(before, 0, body, 0, before.length);
        System.arraycopy(bad, 0, body, before.length, bad.length);
        System.arraycopy(after, 0, body, before.length + bad.length, after.length);
        for (String path : new String[] {"/v1/requests", "/v1/chat", "/v1/plan"}) {
            asTenantA().contentType("application/json").body(body).when().post(path)
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("detail", containsString("not valid UTF-8"));
        }
        asTenantA().contentType("application/json").body(body).when().post("/v1/chat/completions")
                .then().statusCode(400).body("error.type", equalTo("invalid_request_error"))
                .body("error.message", containsString("not valid UTF-8"));
    }

    @Test
    void aBodyCutShortInsideACharacterIsRefused() {
        byte[] body = "{\"messages\": [{\"role\": \"user\", \"content\": \"\u20ac".getBytes(StandardCharsets.UTF_8);
        asTenantA().contentType("application/json").body(Arrays.copyOf(body, body.length - 1)).when().post("/v1/requests")
                .then().statusCode(400).body("detail", containsString("ends inside a character"));
    }

    @Test
    void aContentTypeThatIsNoMediaTypeIsTheClientsError() {
        byte[] hi = user("\"hi\"").getBytes(StandardCharsets.UTF_8);
        asTenantA().header("Content-Type", "garbage").body(hi).when().post("/v1/requests")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("'garbage")).body("detail", containsString("is not a media type"));
        asTenantA().header("Content-Type", "garbage").when().get("/v1/requests/x").then().statusCode(400);
        asTenantA().header("Content-Type", "json").body(hi).when().post("/v1/chat/completions")
                .then().statusCode(400).body("error.message", containsString("not a media type"));
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        asTenantA().contentType("application/json").body(new byte[0]).when().post("/v1/requests")
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body("detail", containsString("messages"));
        asTenantA().contentType("application/json").body(new byte[0]).when().post("/v1/chat/completions")
                .then().statusCode(400).body("error.message", containsString("'messages' must be an array"));
        asTenantA().contentType("application/json").body("null").when().post("/v1/chat/completions")
                .then().statusCode(400).body("error.message", containsString("'messages' must be an array"));
    }

    @Test
    void aChatCompletionOfTheWrongShapeIsRefusedInOpenAisWords() {
        String[][] cases = {
            {"{\"model\": {}, \"messages\": []}", "'model' must be a string"},
            {"{\"stream\": \"yes\", \"messages\": []}", "'stream' must be true or false"},
            {"{\"messages\": {\"role\": \"user\"}}", "'messages' must be an array"},
            {"[{\"role\": \"user\", \"content\": \"hi\"}]", "must be a JSON object"},
            {"{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": 5}]}]}", "'text' as a string"},
            {"{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]} {}", "more after its JSON value"},
            {"{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"metadata\": " + "[".repeat(100) + "]".repeat(100) + "}",
                "nesting depth"},
        };
        for (String[] c : cases) {
            asTenantA().contentType("application/json").body(c[0]).when().post("/v1/chat/completions")
                    .then().statusCode(400).body("error.type", equalTo("invalid_request_error"))
                    .body("error.message", containsString(c[1]));
        }
    }

    /**
     * {"messages": [{}, {}, ...]} of 14.9 MB once ran the gateway out of memory: every element became a tree before the
     * count was checked. Now the 101st message is refused before it is read: this body never ends, and is answered.
     */
    @Test
    void aChatCompletionIsRefusedAtItsHundredAndFirstMessageBeforeTheRestArrives() throws Exception {
        try (RawHttp http = new RawHttp(base)) {
            http.head("POST /v1/chat/completions HTTP/1.1", "X-API-Key: key-a", "Content-Type: application/json",
                    "Transfer-Encoding: chunked");
            http.chunk(("{\"model\": \"hugginggpt\", \"messages\": [" + "{},".repeat(101)).getBytes(StandardCharsets.UTF_8));
            long start = System.nanoTime();
            RawHttp.Reply reply = http.reply();
            assertEquals(400, reply.status(), reply.toString());
            assertTrue(reply.body().contains("at most 100 messages are accepted"), reply.body());
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "answered while the body was still open");
            assertTrue(http.closedWithin(10_000), "the rest of a refused body is not waited for");
        }
    }

    @Test
    void thousandsOfEmptyMessagesAreRefusedQuickly() throws Exception {
        byte[] body = ("{\"model\": \"hugginggpt\", \"messages\": [" + "{},".repeat(300_000) + "{}]}").getBytes(StandardCharsets.UTF_8);
        try (RawHttp http = new RawHttp(base)) {
            long start = System.nanoTime();
            http.head("POST /v1/chat/completions HTTP/1.1", "X-API-Key: key-a", "Content-Type: application/json",
                    "Content-Length: " + body.length).send(body);
            RawHttp.Reply reply = http.reply();
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(400, reply.status(), reply.toString());
            assertTrue(reply.body().contains("at most 100 messages"), reply.body());
            assertTrue(millis < 3000, "refused in " + millis + " ms, not after 300 000 messages were built");
        }
        String junk = "{\"model\": \"hugginggpt\", \"metadata\": [" + "{},".repeat(300_000) + "{}], \"messages\": []}";
        asTenantA().contentType("application/json").body(junk).when().post("/v1/chat/completions")
                .then().statusCode(413).body("error.message", containsString("Token count"));
    }

    /** The 1 MiB limit counts the bytes read, so a chunked body (no Content-Length) is held to it too. */
    @Test
    void aChunkedBodyOverTheLimitIsRefusedWhileItIsRead() throws Exception {
        byte[] big = user("\"" + "a".repeat(3 * 1024 * 1024) + "\"").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> refused = chunked("/v1/requests", big);
        assertEquals(413, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(refused.body().contains("at most 1048576 bytes"), refused.body());

        byte[] bigger = ("{\"model\": \"hugginggpt\", \"padding\": \"" + "a".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> completion = chunked("/v1/chat/completions", bigger);
        assertEquals(413, completion.statusCode(), completion.body());
        assertTrue(completion.body().contains("\"invalid_request_error\""), completion.body());
    }

    /** A body that never ends gets its answer, and its connection is closed soon after: no worker waits on it. */
    @Test
    void aChunkedBodyThatNeverEndsIsAnsweredAndItsConnectionClosed() throws Exception {
        try (RawHttp http = new RawHttp(base)) {
            http.head("POST /v1/requests HTTP/1.1", "X-API-Key: key-a", "Content-Type: application/json", "Transfer-Encoding: chunked");
            http.chunk("{\"messages\": \"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 20; i++) {
                http.chunk(chunk);
            }
            RawHttp.Reply reply = http.reply();
            assertEquals(413, reply.status(), reply.toString());
            assertEquals("close", reply.headers().get("connection"));
            assertTrue(http.closedWithin(10_000));
        }
    }

    private HttpResponse<String> chunked(String path, byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.toURI().resolve(path)).header("X-API-Key", "key-a")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unknownRequestsAndResourcesAreNotFound() {
        asTenantA().when().get("/v1/requests/no-such-request").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        asTenantA().when().get("/v1/requests/no-such-request/events").then().statusCode(404);
        asTenantA().when().get("/v1/resources/r-00000000000000000000.png").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        asTenantA().when().get("/v1/resources/..%2F..%2Fetc%2Fpasswd").then().statusCode(404);
        asTenantA().when().get("/v1/resources/r-0000.json").then().statusCode(404);
    }

    @Test
    void uploadsMustBeAFileOfASupportedTypeWithinTheLimit() {
        asTenantA().multiPart("other", "x").when().post("/v1/resources")
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body("detail", containsString("'file'"));
        asTenantA().multiPart("file", "tool.exe", new byte[] {'M', 'Z', 0, 0}, "application/x-msdownload")
                .when().post("/v1/resources")
                .then().statusCode(415).contentType(startsWith("application/problem+json")).body("detail", containsString("unsupported"));
        asTenantA().multiPart("file", "big.png", new byte[2 * 1024 * 1024], "image/png").when().post("/v1/resources")
                .then().statusCode(413).contentType(startsWith("application/problem+json")).body("detail", containsString("at most"));
    }

    @Test
    void callsWithoutAValidKeyAreUnauthorized() {
        given().contentType("application/json").body(user("\"hi\"")).when().post("/v1/requests")
                .then().statusCode(401).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("API key"));
        given().header("Authorization", "Bearer not-a-key").when().get("/v1/requests/x")
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
        given().header("Authorization", "Basic a2V5LWE6").when().get("/v1/requests/x").then().statusCode(401);
    }
}
