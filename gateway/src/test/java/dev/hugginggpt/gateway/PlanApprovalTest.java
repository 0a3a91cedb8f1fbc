package dev.hugginggpt.gateway;

import static dev.hugginggpt.testkit.Await.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.gateway.messaging.EventRecord;
import dev.hugginggpt.gateway.view.RequestViews;
import dev.hugginggpt.protocol.Cancel;
import dev.hugginggpt.protocol.Channels;
import dev.hugginggpt.protocol.EventType;
import dev.hugginggpt.protocol.LlmUsage;
import dev.hugginggpt.protocol.ModelChoice;
import dev.hugginggpt.protocol.Plan;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.RequestEvent;
import dev.hugginggpt.protocol.RequestOptions;
import dev.hugginggpt.protocol.Topics;
import dev.hugginggpt.protocol.UserRequest;
import dev.hugginggpt.testkit.TopicSink;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plans a client brings, plans that wait for approval (as planned or edited), and cancels. */
@QuarkusTest
class PlanApprovalTest {
    private static final String TWO_TASKS = """
            [{"id": 0, "task": "text-to-speech", "dep": [-1], "args": {"text": "good morning"}},
             {"id": 1, "task": "automatic-speech-recognition", "dep": [0], "args": {"audio": "<GENERATED>-0"}}]""";

    @Inject
    @Any
    InMemoryConnector connector;
    @Inject
    RequestViews views;

    TopicSink sent;

    @BeforeEach
    void setUp() {
        sent = new TopicSink(connector.sink(Channels.RECORDS));
        sent.clear();
    }

    @Test
    void aSubmittedPlanSkipsPlanningAndGoesToTheSelectorAsNormalized() {
        String id = submit("key-approve", "{\"plan\": " + TWO_TASKS.replace("\"dep\": [0], ", "") + "}")
                .statusCode(202).body("planner", equalTo("client")).body("status", equalTo("SELECTING"))
                .body("tasks[1].dep", equalTo(List.of(0))).extract().path("id");
        await("the plan", () -> plans().size() == 1);
        assertTrue(sent.received(Topics.REQUESTS).isEmpty(), "nothing is planned");
        Plan plan = plans().get(0);
        assertEquals(id, plan.requestId());
        assertEquals("tenant-approve", plan.tenant());
        assertEquals(List.of(0), plan.tasks().get(1).dep(), "the reference to task 0 is its dependency");
        assertTrue(plan.userMessage().startsWith("Run this plan: 0 text-to-speech → 1 automatic-speech-recognition"),
                plan.userMessage());
        cancelAndConfirm(id);
    }

    @Test
    void anInvalidPlanIsRefusedNamingEachProblemAndNothingIsSent() {
        String otherTenantsFile = given().header("X-API-Key", "key-b").multiPart("file", "b.wav", new byte[] {'R', 'I', 'F', 'F'}, "audio/wav")
                .when().post("/v1/resources").then().statusCode(201).extract().path("id");
        String plan = """
                [{"id": 0, "task": "make-coffee", "args": {"text": "now"}},
                 {"id": 1, "task": "automatic-speech-recognition", "args": {"audio": "%s"}},
                 {"id": 2, "task": "text-to-speech", "args": {"text": "<GENERATED>-7"}},
                 {"id": 3, "task": "image-to-text", "args": {"image": "/etc/passwd"}},
                 {"id": 4, "task": "text-to-speech", "args": {"text": "hi", "shell": "rm -rf /"}},
                 {"id": 5, "task": "text-to-speech", "args": {"text": "hi"}, "model": "$(reboot)"}]""".formatted(otherTenantsFile);
        submit("key-approve", "{\"plan\": " + plan + "}").statusCode(400).contentType(startsWith("application/problem+json"))
                .body("detail", allOf(containsString("task 1 names unknown resource '" + otherTenantsFile + "'"),
                        containsString("task 3's 'image' argument is neither <GENERATED>-N nor the id of an uploaded file"),
                        containsString("task 4 has an argument 'shell'"),
                        containsString("task 5 names a model that is not a model id")));
        submit("key-approve", "{\"plan\": " + plan.replace("/etc/passwd", "<GENERATED>-1").replace(", \"shell\": \"rm -rf /\"", "")
                .replace("\"model\": \"$(reboot)\"", "\"model\": \"local/flite\"").replace(otherTenantsFile, "<GENERATED>-0") + "}")
                .statusCode(400).body("detail", allOf(containsString("task 0 has unknown task type 'make-coffee'"),
                        containsString("task 2 refers to task 7, which is not in the plan"),
                        containsString("task 3 takes 'image' from task 1 (automatic-speech-recognition), which produces text")));
        submit("key-approve", "{\"plan\": []}").statusCode(400).body("detail", containsString("messages"));
        submit("key-approve", "{\"plan\": [" + "{\"id\": 0, \"task\": \"text-to-speech\", \"args\": {\"text\": \"a\"}},".repeat(21)
                .replaceAll(",$", "") + "]}").statusCode(400).body("detail", containsString("at most 20 are allowed"));
        submit("key-approve", "{\"plan\": [{\"id\": \"zero\", \"task\": \"text-to-speech\"}]}").statusCode(400);
        given().header("X-API-Key", "key-approve").contentType("application/json").body("{\"plan\": " + TWO_TASKS + ","
                + " \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}").when().post("/v1/plan").then().statusCode(400)
                .body("detail", containsString("cannot bring its own 'plan'"));
        assertTrue(plans().isEmpty() && sent.received(Topics.EVENTS).isEmpty(), "nothing is accepted");
        String planned = submit("key-approve", "{\"plan\": [], \"messages\": [{\"role\": \"user\", \"content\":"
                + " \"Read 'hi' aloud\"}]}").statusCode(202).body("status", equalTo("PLANNING")).extract().path("id");
        assertEquals(1, sent.received(Topics.REQUESTS).size(), "an empty plan is no plan: the request is planned");
        cancel("key-approve", planned).statusCode(200);
    }

    @Test
    void anEditedPlanRunsAsEditedAndIsApprovedOnce() {
        String id = awaitingRequest(TWO_TASKS);
        String edited = """
                {"plan": [{"id": 0, "task": "text-to-speech", "args": {"text": "good night"}, "model": "local/flite"}]}""";
        given().header("X-API-Key", "key-approve").contentType("application/json").body(edited)
                .when().post("/v1/requests/" + id + "/approve").then().statusCode(202)
                .body("status", equalTo("SELECTING")).body("tasks.size()", equalTo(1))
                .body("tasks[0].args.text", equalTo("good night")).body("tasks[0].model", equalTo("local/flite"));
        await("the approved plan", () -> plans().size() == 1);
        Plan ran = plans().get(0);
        assertEquals(List.of(new PlannedTask(0, "text-to-speech", List.of(-1), Map.of("text", "good night"), "local/flite")),
                ran.tasks());
        RequestEvent approved = sent.received(Topics.EVENTS).stream().map(Message::getPayload)
                .flatMap(e -> e instanceof List<?> list ? list.stream() : java.util.stream.Stream.of(e))
                .map(e -> (RequestEvent) e).filter(e -> e.type() == EventType.APPROVED).findFirst().orElseThrow();
        assertEquals("approved with an edited plan", approved.message());
        assertEquals(ran, approved.plan());
        given().header("X-API-Key", "key-approve").contentType("application/json").body("{}")
                .when().post("/v1/requests/" + id + "/approve").then().statusCode(409)
                .body("detail", containsString("not waiting for approval"));
        assertEquals(1, plans().size(), "approved once");
        cancelAndConfirm(id);
    }

    @Test
    void anInvalidEditedPlanIsRefusedWithItsReasonsAndTheRequestKeepsWaiting() {
        String id = awaitingRequest(TWO_TASKS);
        given().header("X-API-Key", "key-approve").contentType("application/json")
                .body("{\"plan\": [{\"id\": 1, \"task\": \"automatic-speech-recognition\", \"args\": {\"audio\": \"<GENERATED>-0\"}}]}")
                .when().post("/v1/requests/" + id + "/approve").then().statusCode(400)
                .body("detail", containsString("task 1 refers to task 0, which is not in the plan"));
        given().header("X-API-Key", "key-b").contentType("application/json").body("{}")
                .when().post("/v1/requests/" + id + "/approve").then().statusCode(404);
        given().header("X-API-Key", "key-approve").when().get("/v1/requests/" + id).then()
                .body("status", equalTo("AWAITING_APPROVAL")).body("tasks.size()", equalTo(2));
        assertTrue(plans().isEmpty());
        cancel("key-approve", id).statusCode(200).body("status", equalTo("FAILED"))
                .body("error", equalTo("cancelled by the client while it was AWAITING_APPROVAL; nothing had run"));
    }

    /** The pending plan lives in hg.events: a gateway that only read it back (as at a start) approves it as planned. */
    @Test
    void aPlanWaitingInTheEventsIsApprovedAsPlannedByAGatewayThatOnlyReadItBack() {
        String id = "r-read-back";
        Plan planned = new Plan(id, "tenant-approve", "Read 'hi' aloud", List.of(new PlannedTask(0, "text-to-speech",
                List.of(-1), Map.of("text", "hi"))), "embedded", LlmUsage.NONE, List.of(),
                new RequestOptions(null, null, null, null, null, "required"), 2);
        UserRequest request = new UserRequest(id, "tenant-approve", List.of(new dev.hugginggpt.protocol.ChatMessage("user",
                "Read 'hi' aloud")), List.of(), planned.options(), Instant.now());
        connector.source(Channels.EVENTS_IN).send(EventRecord.of(RequestEvent.accepted(request, "gateway-gone")));
        connector.source(Channels.EVENTS_IN).send(new EventRecord(List.of(RequestEvent.planned(planned, "planner"),
                RequestEvent.awaitingApproval(id, "planner"))));
        await("the waiting plan", () -> "AWAITING_APPROVAL".equals(given().header("X-API-Key", "key-approve")
                .get("/v1/requests/" + id).path("status")));
        given().header("X-API-Key", "key-approve").contentType("application/json").body("")
                .when().post("/v1/requests/" + id + "/approve").then().statusCode(202);
        await("the approved plan", () -> plans().size() == 1);
        assertEquals(planned, plans().get(0));
        cancelAndConfirm(id);
    }

    @Test
    void aCancelGoesToTheSelectorAndTheAnswerSaysWhatItCancelledAndFreesTheSlot() {
        String id = submit("key-approve", "{\"plan\": " + TWO_TASKS + "}").statusCode(202).extract().path("id");
        connector.source(Channels.EVENTS_IN).send(EventRecord.of(RequestEvent.taskSelected(id, 0,
                new ModelChoice("local/espeak-ng", "local", "ranked 1 of 1"), "selector")));
        await("running", () -> "RUNNING".equals(given().header("X-API-Key", "key-approve").get("/v1/requests/" + id).path("status")));
        long before = views.activeRequests("tenant-approve");
        cancel("key-b", id).statusCode(404);
        new Thread(() -> {
            await("the cancel", () -> cancels().stream().anyMatch(c -> c.requestId().equals(id)));
            connector.source(Channels.EVENTS_IN).send(EventRecord.of(RequestEvent.failed(id, "cancelled by the client: task 1"
                    + " (automatic-speech-recognition) not started; task 0 (text-to-speech) stopped while running", "selector")));
        }).start();
        long started = System.nanoTime();
        cancel("key-approve", id).statusCode(200).body("status", equalTo("FAILED"))
                .body("error", containsString("task 0 (text-to-speech) stopped while running"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 1000, "answered in " + millis + " ms");
        assertEquals(before - 1, views.activeRequests("tenant-approve"), "the tenant's slot is free");
        Message<?> record = sent.received(Topics.PLANS).stream().filter(m -> m.getPayload() instanceof Cancel).findFirst().orElseThrow();
        byte[] type = record.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getHeaders()
                .lastHeader(Topics.RECORD_TYPE).value();
        assertEquals(Cancel.RECORD_TYPE, new String(type, StandardCharsets.UTF_8));
        cancel("key-approve", id).statusCode(409).body("detail", containsString("already FAILED"));
    }

    @Test
    void aPlanNotApprovedInTimeEndsItsRequestAndFreesTheSlot() {
        String id = "r-expired";
        Plan planned = new Plan(id, "tenant-expire", "Read 'hi' aloud", List.of(new PlannedTask(0, "text-to-speech",
                List.of(-1), Map.of("text", "hi"))), "embedded", LlmUsage.NONE, List.of(),
                new RequestOptions(null, null, null, null, null, "required"), 2);
        UserRequest request = new UserRequest(id, "tenant-expire", List.of(new dev.hugginggpt.protocol.ChatMessage("user",
                "Read 'hi' aloud")), List.of(), planned.options(), Instant.now());
        Instant longAgo = Instant.now().minusSeconds(16 * 60);
        connector.source(Channels.EVENTS_IN).send(EventRecord.of(RequestEvent.accepted(request, "gateway-gone")));
        connector.source(Channels.EVENTS_IN).send(new EventRecord(List.of(RequestEvent.planned(planned, "planner"),
                new RequestEvent(id, EventType.AWAITING_APPROVAL, longAgo, "planner", null, "waits", null, null, null,
                        null, null, null))));
        await("the expiry", () -> "FAILED".equals(given().header("X-API-Key", "key-expire").get("/v1/requests/" + id).path("status")));
        given().header("X-API-Key", "key-expire").get("/v1/requests/" + id).then()
                .body("error", equalTo("the plan was not approved within 900 s; nothing ran"));
        assertEquals(0, views.activeRequests("tenant-expire"));
        await("the cancel", () -> cancels().stream().anyMatch(c -> c.requestId().equals(id)));
    }

    @Test
    void theApiDocumentDescribesApprovingAndCancelling() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/v1/requests/{id}/approve'.post.operationId", equalTo("approveRequest"))
                .body("paths.'/v1/requests/{id}/approve'.post.responses.'409'.description", containsString("does not wait"))
                .body("paths.'/v1/requests/{id}/cancel'.post.operationId", equalTo("cancelRequest"))
                .body("components.schemas.SubmitRequest.properties.plan.type", equalTo("array"))
                .body("components.schemas.RequestStatus.enum", org.hamcrest.Matchers.hasItem("AWAITING_APPROVAL"));
    }

    private String awaitingRequest(String tasks) {
        String id = submit("key-approve", "{\"options\": {\"approval\": \"required\"}, \"plan\": " + tasks + ","
                + " \"messages\": [{\"role\": \"user\", \"content\": \"Say good morning and transcribe it\"}]}")
                .statusCode(202).body("status", equalTo("AWAITING_APPROVAL")).extract().path("id");
        assertTrue(plans().isEmpty(), "a plan that waits is not sent");
        return id;
    }

    /** Cancels a request that the selector would end, as the selector does. */
    private void cancelAndConfirm(String id) {
        new Thread(() -> {
            await("the cancel", () -> cancels().stream().anyMatch(c -> c.requestId().equals(id)));
            connector.source(Channels.EVENTS_IN).send(EventRecord.of(RequestEvent.failed(id, "cancelled by the client", "selector")));
        }).start();
        cancel("key-approve", id).statusCode(200).body("status", equalTo("FAILED"));
    }

    private static ValidatableResponse cancel(String key, String id) {
        return given().header("X-API-Key", key).when().post("/v1/requests/" + id + "/cancel").then();
    }

    private static ValidatableResponse submit(String key, String body) {
        return given().header("X-API-Key", key).contentType("application/json").body(body).when().post("/v1/requests").then();
    }

    private List<Plan> plans() {
        return sent.received(Topics.PLANS).stream().map(Message::getPayload).filter(p -> p instanceof Plan)
                .map(p -> (Plan) p).toList();
    }

    private List<Cancel> cancels() {
        return sent.received(Topics.PLANS).stream().map(Message::getPayload).filter(p -> p instanceof Cancel)
                .map(p -> (Cancel) p).toList();
    }
}
