package dev.hugginggpt.gateway;

import static dev.hugginggpt.testkit.Await.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.gateway.messaging.EventRecord;
import dev.hugginggpt.protocol.Answer;
import dev.hugginggpt.protocol.Channels;
import dev.hugginggpt.protocol.EventType;
import dev.hugginggpt.protocol.LlmUsage;
import dev.hugginggpt.protocol.ModelChoice;
import dev.hugginggpt.protocol.Outcome;
import dev.hugginggpt.protocol.Plan;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.RequestEvent;
import dev.hugginggpt.protocol.RequestOptions;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.TaskResult;
import dev.hugginggpt.protocol.TaskStatus;
import dev.hugginggpt.protocol.Topics;
import dev.hugginggpt.protocol.UserRequest;
import dev.hugginggpt.testkit.StandInLlm;
import dev.hugginggpt.testkit.OpenAiStandIn.Reply;
import dev.hugginggpt.testkit.TopicSink;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway with its Kafka channels in memory and its LLM a local stand-in. */
@QuarkusTest
@WithTestResource(StandInLlm.class)
class GatewayTest {
    @Inject
    @Any
    InMemoryConnector connector;

    TopicSink sent;

    @BeforeEach
    void setUp() {
        sent = new TopicSink(connector.sink(Channels.RECORDS));
        sent.clear();
        StandInLlm.server.reset();
    }

    @Test
    void aRequestIsAcceptedWithItsLocationAndItsViewFollowsTheEvents() {
        String id = given().header("X-API-Key", "key-a").contentType("application/json")
                .body("{\"messages\": [{\"role\": \"user\", \"content\": \"Read 'hello' aloud\"}]}")
                .when().post("/v1/requests")
                .then().statusCode(202).header("Location", containsString("/v1/requests/"))
                .body("status", equalTo("PLANNING"))
                .extract().path("id");
        await("the gateway", () -> requests().size() == 1);
        assertEquals(id, requests().get(0).getPayload().requestId());

        Plan plan = plan(id, new LlmUsage(1, 300, 40));
        forward(RequestEvent.planned(plan, "planner-test"));
        forward(RequestEvent.modelsChosen(id, "chose 1 of 1", new LlmUsage(1, 200, 20), "selector-test"));
        forward(RequestEvent.taskSelected(id, 0, new ModelChoice("local/espeak-ng", "local", "ranked 1 of 1"), "selector-test"));
        await("the gateway", () -> "RUNNING".equals(given().header("X-API-Key", "key-a").when().get("/v1/requests/" + id).path("status")));
        given().header("X-API-Key", "key-a").when().get("/v1/requests/" + id).then().statusCode(200)
                .body("status", equalTo("RUNNING"))
                .body("tasks[0].model", equalTo("local/espeak-ng"))
                .body("llmUsage.calls", equalTo(2))
                .body("llmUsageByStage.selection.calls", equalTo(1));
    }

    @Test
    void theWebUiIsServedWithoutAKeyAndItsApiCallsStillNeedOne() {
        given().when().get("/").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<script type=\"module\" src=\"/app.js\">"));
        given().when().get("/app.js").then().statusCode(200).body(containsString("/v1/requests"));
        given().when().get("/app.css").then().statusCode(200);
        given().when().get("/v1/models").then().statusCode(401);
    }

    @Test
    void theOpenApiDocumentNamesEveryOperationAndTheKeyScheme() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.apiKey.scheme", equalTo("bearer"))
                .body("paths.'/v1/requests'.post.operationId", equalTo("submitRequest"))
                .body("paths.'/v1/requests/{id}'.get.operationId", equalTo("getRequest"))
                .body("paths.'/v1/resources'.post.operationId", equalTo("uploadResource"))
                .body("paths.'/v1/resources/{id}'.get.responses.'200'.content.'*/*'.schema.format", equalTo("binary"))
                .body("paths.'/v1/chat/completions'.post.operationId", equalTo("createChatCompletion"));
    }

    @Test
    void badInputGetsAProblemJsonAndNothingIsSent() {
        given().header("X-API-Key", "key-a").contentType("application/json").body("{\"messages\": [").when().post("/v1/requests")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        given().header("X-API-Key", "key-a").contentType("application/json").body("{\"messages\": [{\"role\": \"user\", \"content\": \"   \"}]}")
                .when().post("/v1/requests")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        given().header("X-API-Key", "key-a").when().get("/v1/requests/r-does-not-exist").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        assertTrue(requests().isEmpty());
    }

    @Test
    void theLlmWritesTheAnswerFromTheResultsAndItsUsageIsCounted() {
        StandInLlm.server.reply("I read 'hello' aloud with espeak-ng: r-00000000000000000001.wav.");
        finish(outcome("r-answer", new LlmUsage(1, 10, 10), LlmUsage.NONE));
        Answer answer = awaitAnswer("r-answer");
        assertEquals("llm", answer.generator());
        assertEquals(1, answer.usage().calls());
        String prompt = StandInLlm.server.calls().get(0).lastUser();
        assertTrue(prompt.contains("text-to-speech") && prompt.contains("local/espeak-ng"), prompt);
    }

    /**
     * The LLM's answer is streamed: its pieces go out on hg.events (ANSWER_DELTA, a few a second, for whichever gateway
     * instance holds a streaming client), before DONE, which carries the whole answer beginning with all of them.
     */
    @Test
    void theLlmsAnswerGoesOutPieceByPieceBeforeDoneCarriesItWhole() {
        String text = "I read hello aloud with espeak-ng and it took half a second to say it all.";
        StandInLlm.server.otherwise(call -> Reply.streamed(text, java.time.Duration.ofMillis(40)));
        finish(outcome("r-pieces", new LlmUsage(1, 10, 10), LlmUsage.NONE));
        Answer answer = awaitAnswer("r-pieces");
        assertEquals(text, answer.text());
        assertEquals("llm", answer.generator());
        assertTrue(StandInLlm.server.calls().get(0).streamed(), "the answer is asked for as a stream");
        List<RequestEvent> ofRequest = events().stream().map(Message::getPayload).filter(e -> e.requestId().equals("r-pieces")).toList();
        List<String> pieces = ofRequest.stream().filter(e -> e.type() == EventType.ANSWER_DELTA).map(RequestEvent::message).toList();
        assertTrue(pieces.size() >= 2, "several pieces as the words come: " + pieces);
        assertTrue(pieces.size() <= 12, "at most one piece each 100 ms, not one per word: " + pieces);
        assertTrue(text.startsWith(String.join("", pieces)), pieces.toString());
        assertEquals(EventType.DONE, ofRequest.get(ofRequest.size() - 1).type(), "no piece after DONE");
    }

    @Test
    void theRequestsMaxAnswerTokensReachTheLlmAndAnAnswerCutThereIsMarked() {
        StandInLlm.server.otherwise(call -> Reply.streamed("one two three four five six", java.time.Duration.ZERO));
        Outcome capped = outcome("r-capped", new LlmUsage(1, 10, 10), LlmUsage.NONE);
        capped = new Outcome(capped.requestId(), new Plan(capped.requestId(), "default", "Read 'hello' aloud", capped.plan().tasks(), "llm",
                capped.plan().usage(), List.of(), new RequestOptions(null, null, null, null, 3), 3), capped.results(), LlmUsage.NONE,
                Instant.now());
        finish(capped);
        Answer answer = awaitAnswer("r-capped");
        assertEquals(3, StandInLlm.server.calls().get(0).maxTokens());
        assertEquals("one two three", answer.text());
        assertEquals(Boolean.TRUE, answer.truncated());
    }

    @Test
    void anLlmThatFailsMidwayLeavesWhatItWroteThenTheTemplate() {
        StandInLlm.server.otherwise(call -> Reply.raw("data: {\"choices\": [{\"delta\": {\"content\": \"I read hello\"}}]}\n\ndata: {garbage"));
        finish(outcome("r-midway", new LlmUsage(1, 10, 10), LlmUsage.NONE));
        Answer answer = awaitAnswer("r-midway");
        assertTrue(answer.text().contains("local/espeak-ng"), "the template's facts: " + answer.text());
        List<String> pieces = events().stream().map(Message::getPayload)
                .filter(e -> e.requestId().equals("r-midway") && e.type() == EventType.ANSWER_DELTA).map(RequestEvent::message).toList();
        assertTrue(answer.text().startsWith(String.join("", pieces)), "the answer begins with the pieces sent: " + pieces);
    }

    @Test
    void aFailingLlmGivesTheTemplateAnswerLabelledAsSuch() {
        StandInLlm.server.otherwise(call -> Reply.error(500, "{\"error\":{\"message\":\"down\"}}"));
        finish(outcome("r-fallback", new LlmUsage(1, 10, 10), LlmUsage.NONE));
        Answer answer = awaitAnswer("r-fallback");
        assertTrue(answer.generator().startsWith("template (the LLM failed"), answer.generator());
        assertTrue(answer.text().contains("local/espeak-ng"), answer.text());
    }

    @Test
    void noLlmCallOnceTheRequestSpentItsBudget() {
        finish(outcome("r-budget", new LlmUsage(2, 10, 10), new LlmUsage(1, 10, 10)));
        Answer answer = awaitAnswer("r-budget");
        assertTrue(answer.generator().contains("budget of 3 LLM calls"), answer.generator());
        assertTrue(StandInLlm.server.calls().isEmpty());
    }

    @Test
    void aRepeatedOutcomeIsAnsweredOnce() throws Exception {
        String id = submitWithTheLlmAnswering("Answered.");
        finish(outcome(id, new LlmUsage(1, 10, 10), LlmUsage.NONE));
        awaitAnswer(id);
        RequestEvent done = events().stream().filter(e -> isDone(e, id)).findFirst().orElseThrow().getPayload();
        forward(done);
        await("the gateway", () -> "DONE".equals(given().header("X-API-Key", "key-a").when().get("/v1/requests/" + id).path("status")));
        connector.source(Channels.OUTCOMES).send(outcome(id, new LlmUsage(1, 10, 10), LlmUsage.NONE));
        Thread.sleep(500);
        assertEquals(1, events().stream().filter(e -> isDone(e, id)).count(), "one answer per request");
        assertEquals(1, StandInLlm.server.calls().size(), "no second LLM call either");
    }

    @Test
    void theAnswerWaitsUntilTheViewHoldsTheTasksResultsAndIsShownWithoutARoundTrip() throws Exception {
        String id = submitWithTheLlmAnswering("Answered.");
        Outcome outcome = outcome(id, new LlmUsage(1, 10, 10), LlmUsage.NONE);
        connector.source(Channels.OUTCOMES).send(outcome);
        Thread.sleep(500);
        assertTrue(events().stream().noneMatch(e -> isDone(e, id)), "no answer before the view holds the task's result");

        forward(RequestEvent.planned(outcome.plan(), "planner-test"));
        forward(RequestEvent.taskFinished(outcome.results().get(0), "selector-test"));
        awaitAnswer(id);
        // DONE is not forwarded back from the sink: the instance that wrote it shows it at once
        given().header("X-API-Key", "key-a").when().get("/v1/requests/" + id).then().statusCode(200)
                .body("status", equalTo("DONE"))
                .body("answer.text", equalTo("Answered."))
                .body("tasks[0].status", equalTo("SUCCEEDED"));
    }

    /**
     * Answers waiting for their tasks' events hold no thread: more of them than any worker pool has threads (200 by
     * default; the responder's own pool had 64) neither hold up an answer whose events are here nor the events that
     * end their waits.
     */
    @Test
    void answersWaitingForTheirEventsHoldUpNeitherOtherAnswersNorTheEvents() {
        List<Outcome> waiting = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Outcome outcome = outcome("r-waiting-" + i, new LlmUsage(3, 10, 10), LlmUsage.NONE);
            waiting.add(outcome);
            connector.source(Channels.OUTCOMES).send(outcome);
        }
        finish(outcome("r-not-held-up", new LlmUsage(3, 10, 10), LlmUsage.NONE));
        awaitAnswer("r-not-held-up");
        assertTrue(waiting.stream().noneMatch(o -> events().stream().anyMatch(e -> isDone(e, o.requestId()))),
                "no answer before its tasks' events");

        waiting.forEach(o -> {
            forward(RequestEvent.planned(o.plan(), "planner-test"));
            forward(RequestEvent.taskFinished(o.results().get(0), "selector-test"));
        });
        await("the 300 waiting answers", () -> waiting.stream().allMatch(o -> events().stream().anyMatch(e -> isDone(e, o.requestId()))));
    }

    /** A request of tenant a ("Read 'hello' aloud"), with the LLM stand-in answering every call with this. */
    private static String submitWithTheLlmAnswering(String reply) {
        StandInLlm.server.otherwise(call -> Reply.content(reply));
        return given().header("X-API-Key", "key-a").contentType("application/json")
                .body("{\"messages\": [{\"role\": \"user\", \"content\": \"Read 'hello' aloud\"}]}")
                .when().post("/v1/requests").then().statusCode(202).extract().path("id");
    }

    /** What the selector sends for a finished request: its plan and task events, and the outcome. */
    private void finish(Outcome outcome) {
        forward(RequestEvent.planned(outcome.plan(), "planner-test"));
        outcome.results().forEach(r -> forward(RequestEvent.taskFinished(r, "selector-test")));
        connector.source(Channels.OUTCOMES).send(outcome);
    }

    private void forward(RequestEvent event) {
        connector.source(Channels.EVENTS_IN).send(EventRecord.of(event));
    }

    private Answer awaitAnswer(String id) {
        await("the gateway", () -> events().stream().anyMatch(e -> isDone(e, id)));
        return events().stream().filter(e -> isDone(e, id)).findFirst().orElseThrow().getPayload().answer();
    }

    private static boolean isDone(Message<RequestEvent> e, String id) {
        return e.getPayload().type() == EventType.DONE && e.getPayload().requestId().equals(id);
    }

    private static Plan plan(String id, LlmUsage usage) {
        return new Plan(id, "default", "Read 'hello' aloud",
                List.of(new PlannedTask(0, "text-to-speech", List.of(-1), Map.of("text", "hello"))), "llm", usage,
                List.of(), RequestOptions.defaults(), 3);
    }

    private static Outcome outcome(String id, LlmUsage planning, LlmUsage selection) {
        TaskResult spoken = new TaskResult(id, 0, "text-to-speech", new ModelChoice("local/espeak-ng", "local", "ranked 1 of 1"),
                TaskStatus.SUCCEEDED, TaskOutput.text("spoken", Map.of()), null, "executor-1", 1, Instant.now(), Instant.now());
        return new Outcome(id, plan(id, planning), List.of(spoken), selection, Instant.now());
    }

    private List<Message<UserRequest>> requests() {
        return sent.received(Topics.REQUESTS);
    }

    private List<Message<RequestEvent>> events() {
        return sent.received(Topics.EVENTS);
    }
}
