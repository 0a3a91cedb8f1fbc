package dev.hugginggpt.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.protocol.Topics;
import dev.hugginggpt.testkit.TopicSink;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
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

    @BeforeEach
    void clear() {
        sent = new TopicSink(connector.sink("records"));
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
                        + " \"options\": {\"topK\": \"many\"}}", 400, "not valid JSON"));
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
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
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
