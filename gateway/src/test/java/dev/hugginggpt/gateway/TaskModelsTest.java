package dev.hugginggpt.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.protocol.Channels;
import dev.hugginggpt.protocol.ExecutorHeartbeat;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.UnavailableModel;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/** The models a person may choose for a task, as the live executors announce them on hg.executors. */
@QuarkusTest
class TaskModelsTest {
    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void theCandidatesAreTheTypesModelsOfTheLiveExecutorsRankedLocalFirstEachOnce() {
        String type = "summarization";
        ModelCard remote = card("gpt-summary", type, "openai", 0);
        ModelCard popular = card("local/popular-summarizer", type, "local", 900);
        ModelCard quiet = card("local/quiet-summarizer", type, "local", 10);
        beat(new ExecutorHeartbeat(executor(), List.of(quiet, remote, card("local/flite", "text-to-speech", "local", 5)),
                List.of("openai"), Instant.now(), false, List.of(0), 2,
                List.of(new UnavailableModel("local/bart-cnn", type, "no model files: run fetch-models.sh"),
                        new UnavailableModel("local/popular-summarizer", type, "not on this machine"))));
        beat(new ExecutorHeartbeat(executor(), List.of(popular, quiet), List.of("huggingface"), Instant.now(), false));
        given().header("X-API-Key", "key-a").when().get("/v1/tasks/" + type + "/models").then().statusCode(200)
                .body("task", equalTo(type))
                .body("models.id", equalTo(List.of("local/popular-summarizer", "local/quiet-summarizer", "gpt-summary")))
                .body("models[2].backend", equalTo("openai"))
                .body("remoteBackends", equalTo(List.of("huggingface", "openai")))
                .body("unavailable.id", equalTo(List.of("local/bart-cnn")))
                .body("unavailable[0].reason", containsString("fetch-models.sh"));
    }

    @Test
    void aStoppedOrSilentExecutorOffersNothing() {
        String type = "image-segmentation";
        String stopping = executor();
        beat(new ExecutorHeartbeat(stopping, List.of(card("local/segmenter", type, "local", 1)), List.of(), Instant.now(), false));
        beat(new ExecutorHeartbeat(executor(), List.of(card("local/stale-segmenter", type, "local", 1)), List.of(),
                Instant.now().minusSeconds(120), false));
        given().header("X-API-Key", "key-a").get("/v1/tasks/" + type + "/models").then()
                .body("models.id", equalTo(List.of("local/segmenter")));
        beat(new ExecutorHeartbeat(stopping, List.of(), List.of(), Instant.now(), true));
        given().header("X-API-Key", "key-a").get("/v1/tasks/" + type + "/models").then().statusCode(200)
                .body("models", empty());
    }

    @Test
    void anUnusableHeartbeatIsRefusedAndChangesNothing() throws Exception {
        String type = "depth-estimation";
        CompletableFuture<Throwable> refused = new CompletableFuture<>();
        ExecutorHeartbeat noTime = new ExecutorHeartbeat(executor(), List.of(card("local/forged-depth", type, "local", 1)),
                List.of(), null, false);
        connector.source(Channels.EXECUTORS).send(Message.of(noTime).withNack(failure -> {
            refused.complete(failure);
            return CompletableFuture.completedFuture(null);
        }));
        assertTrue(refused.get(5, TimeUnit.SECONDS).getMessage().contains("no time"), "the reason names the problem");
        given().header("X-API-Key", "key-a").get("/v1/tasks/" + type + "/models").then().body("models", empty());
    }

    @Test
    void anUnknownTypeIsANotFoundAndEveryCallNeedsAKey() {
        given().header("X-API-Key", "key-a").get("/v1/tasks/make-coffee/models").then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("no task type 'make-coffee'"))
                .body("detail", containsString("text-to-speech"));
        given().get("/v1/tasks/text-to-speech/models").then().statusCode(401);
    }

    @Test
    void openAisModelListIsUnchangedAndTheDocumentDescribesTheCandidates() {
        given().header("X-API-Key", "key-a").get("/v1/models").then().statusCode(200)
                .body("data.id", equalTo(List.of("hugginggpt")));
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/v1/tasks/{type}/models'.get.operationId", equalTo("listTaskModels"))
                .body("paths.'/v1/tasks/{type}/models'.get.responses.'404'.description", equalTo("No such task type."))
                .body("paths.'/v1/tasks/{type}/models'.get.responses.'401'.$ref", containsString("Unauthorized"))
                .body("components.schemas.TaskModels.properties.models.items.$ref", containsString("ModelCard"))
                .body("components.schemas.UnavailableModel.properties.reason.type", equalTo("string"));
    }

    private void beat(ExecutorHeartbeat heartbeat) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        connector.source(Channels.EXECUTORS).send(Message.of(heartbeat).withAck(() -> {
            acked.complete(null);
            return CompletableFuture.completedFuture(null);
        }));
        try {
            acked.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the heartbeat was not taken", e);
        }
    }

    private static String executor() {
        return "executor-" + UUID.randomUUID();
    }

    private static ModelCard card(String id, String task, String backend, long downloads) {
        return new ModelCard(id, task, backend, downloads, 0, id + " does " + task, "MIT");
    }
}
