package dev.hugginggpt.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.gateway.messaging.EventRecord;
import dev.hugginggpt.protocol.Channels;
import dev.hugginggpt.protocol.ModelChoice;
import dev.hugginggpt.protocol.RequestEvent;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.TaskResult;
import dev.hugginggpt.protocol.TaskStatus;
import dev.hugginggpt.protocol.resources.ResourceStore;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each API key is a tenant: tenants see only their own requests, events and files, within their limits. */
@QuarkusTest
class AccessTest {
    private static final String ASK = "{\"messages\": [{\"role\": \"user\", \"content\": \"Read 'hello' aloud\"}]}";

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    ResourceStore store;

    private static String submit(String key) {
        return given().header("X-API-Key", key).contentType("application/json").body(ASK)
                .when().post("/v1/requests").then().log().ifValidationFails().statusCode(202).extract().path("id");
    }

    @Test
    void aTenantCannotReadAnotherTenantsRequestOrEvents() {
        String id = submit("key-a");
        given().header("Authorization", "Bearer key-a").when().get("/v1/requests/" + id).then().statusCode(200)
                .body("id", equalTo(id));
        given().header("Authorization", "Bearer key-b").when().get("/v1/requests/" + id).then().statusCode(404);
        given().header("Authorization", "Bearer key-b").when().get("/v1/requests/" + id + "/events").then().statusCode(404);
    }

    @Test
    void aTenantCannotReadOrUseAnotherTenantsUploads() {
        String id = given().header("X-API-Key", "key-a").multiPart("file", "cat.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png")
                .when().post("/v1/resources").then().statusCode(201).extract().path("id");
        given().header("X-API-Key", "key-a").when().get("/v1/resources/" + id).then().statusCode(200);
        given().header("X-API-Key", "key-b").when().get("/v1/resources/" + id).then().statusCode(404);
        given().header("X-API-Key", "key-b").contentType("application/json")
                .body("{\"messages\": [{\"role\": \"user\", \"content\": \"describe it\"}], \"resources\": [\"" + id + "\"]}")
                .when().post("/v1/requests").then().statusCode(400).body("detail", containsString("unknown resource"));
    }

    @Test
    void aFileNamedInTheConversationMustBeTheTenantsOwn() {
        String id = given().header("X-API-Key", "key-a").multiPart("file", "talk.wav", new byte[] {'R', 'I', 'F', 'F'}, "audio/wav")
                .when().post("/v1/resources").then().statusCode(201).extract().path("id");
        String named = "{\"messages\": [{\"role\": \"user\", \"content\": \"Transcribe " + id + ", please\"}]}";
        String inHistory = "{\"messages\": [{\"role\": \"assistant\", \"content\": \"Files produced: " + id
                + " (audio/wav)\"}, {\"role\": \"user\", \"content\": \"Now transcribe that recording\"}]}";
        for (String body : List.of(named, inHistory)) {
            given().header("X-API-Key", "key-b").contentType("application/json").body(body).when().post("/v1/requests")
                    .then().statusCode(400).body("detail", containsString("unknown resource '" + id + "'"));
            given().header("X-API-Key", "key-a").contentType("application/json").body(body).when().post("/v1/requests")
                    .then().statusCode(202);
        }
    }

    @Test
    void filesATenantsTasksProducedAreTheirsAlone() throws Exception {
        String id = submit("key-a");
        ResourceRef wav = store.save(new ByteArrayInputStream(new byte[] {'R', 'I', 'F', 'F'}), "speech.wav", "audio/wav");
        connector.source(Channels.EVENTS_IN).send(EventRecord.of(RequestEvent.taskFinished(new TaskResult(id, 0, "text-to-speech",
                new ModelChoice("local/espeak-ng", "local", "r"), TaskStatus.SUCCEEDED, TaskOutput.file(wav, Map.of()), null,
                "executor-1", 1, Instant.now(), Instant.now()), "executor-1")));
        given().header("X-API-Key", "key-a").when().get("/v1/resources/" + wav.id()).then().statusCode(200);
        given().header("X-API-Key", "key-b").when().get("/v1/resources/" + wav.id()).then().statusCode(404);
    }

    @Test
    void aTenantsConcurrentRequestsAreCapped() {
        for (int i = 0; i < 5; i++) {
            submit("key-busy");
        }
        given().header("X-API-Key", "key-busy").contentType("application/json").body(ASK).when().post("/v1/requests")
                .then().statusCode(429).header("Retry-After", equalTo("5")).body("detail", containsString("5 requests running"));
        submit("key-b");
    }

    @Test
    void aTenantsRequestRateIsLimited() {
        long start = System.nanoTime();
        int accepted = 0;
        int status = 202;
        while (status == 202 && accepted < 100) {
            var response = given().header("X-API-Key", "key-rate").contentType("application/json").body(ASK)
                    .when().post("/v1/requests");
            status = response.statusCode();
            if (status == 202) {
                accepted++;
                String id = response.path("id");
                connector.source(Channels.EVENTS_IN).send(EventRecord.of(RequestEvent.failed(id, "finished by the test", "test")));
                awaitTerminal(id);
            } else {
                response.then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                        .body("detail", containsString("30 requests a minute"));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int refilled = (int) Math.ceil(seconds * 30 / 60);
        assertTrue(accepted >= 30 && accepted <= 30 + refilled,
                "a minute's worth of requests at once, then the refill rate: " + accepted + " in " + seconds + " s");
    }

    private static void awaitTerminal(String id) {
        for (int i = 0; i < 200; i++) {
            String status = given().header("X-API-Key", "key-rate").when().get("/v1/requests/" + id).then().extract().path("status");
            if ("FAILED".equals(status)) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("request " + id + " did not fail as told");
    }
}
