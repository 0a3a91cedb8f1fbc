package dev.hugginggpt.gateway;

import static dev.hugginggpt.testkit.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hugginggpt.gateway.messaging.EventRecord;
import dev.hugginggpt.protocol.Answer;
import dev.hugginggpt.protocol.Channels;
import dev.hugginggpt.protocol.Json;
import dev.hugginggpt.protocol.LlmUsage;
import dev.hugginggpt.protocol.ModelChoice;
import dev.hugginggpt.protocol.RequestEvent;
import dev.hugginggpt.protocol.Topics;
import dev.hugginggpt.protocol.UserRequest;
import dev.hugginggpt.testkit.TopicSink;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A streamed chat completion: the role leaves at once, the connection carries progress and comments while the pipeline
 * runs, the answer comes piece by piece as another gateway instance's LLM writes it (ANSWER_DELTA events from
 * hg.events), then the finish, the usage and [DONE].
 */
@QuarkusTest
class ChatCompletionStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    @Any
    InMemoryConnector connector;

    @TestHTTPResource("/")
    URL base;

    TopicSink sent;

    @BeforeEach
    void clear() {
        sent = new TopicSink(connector.sink(Channels.RECORDS));
        sent.clear();
    }

    @Test
    void theRoleLeavesAtOnceThenProgressThenTheAnswerPieceByPieceThenUsageAndDone() throws Exception {
        try (StreamedHttp stream = StreamedHttp.open(completion("{\"model\": \"hugginggpt\", \"stream\": true,"
                + " \"stream_options\": {\"include_usage\": true}, \"messages\": [{\"role\": \"user\", \"content\": \"Read 'hello' aloud\"}]}"))) {
            assertEquals(200, stream.status());
            assertTrue(stream.header("Content-Type").startsWith("text/event-stream"), stream.header("Content-Type"));
            assertEquals(null, stream.header("Content-Length"), "streamed, not sent in one piece");
            JsonNode role = chunk(stream.next(line -> line.startsWith("data:"), WAIT));
            assertEquals("assistant", role.at("/choices/0/delta/role").asText());
            System.out.printf("chat completion stream: first line %d ms after the request%n", stream.firstLineAfter().toMillis());
            assertTrue(stream.firstLineAfter().toMillis() < 2000, "the role leaves before the pipeline has done anything");

            String id = role.at("/hugginggpt/requestId").asText();
            assertEquals(id, requests().get(requests().size() - 1).getPayload().requestId());
            assertEquals("ACCEPTED", chunk(stream.next(line -> line.startsWith("data:"), WAIT)).at("/hugginggpt/progress/event").asText());
            forward(RequestEvent.planned(EventStreamTest.plan(id), "planner-test"));
            forward(RequestEvent.taskSelected(id, 0, new ModelChoice("local/espeak-ng", "local", "ranked 1 of 1"), "selector-test"));
            JsonNode planned = chunk(stream.next(line -> line.contains("\"PLANNED\""), WAIT));
            assertEquals("{}", planned.at("/choices/0/delta").toString(), "a progress chunk adds nothing to the answer");
            JsonNode selected = chunk(stream.next(line -> line.contains("\"TASK_SELECTED\""), WAIT));
            assertEquals("text-to-speech", selected.at("/hugginggpt/progress/task").asText());
            assertEquals("local/espeak-ng", selected.at("/hugginggpt/progress/model").asText());
            stream.next(line -> line.startsWith(":"), Duration.ofSeconds(3));

            // what the answering instance's LLM writes reaches this connection through hg.events
            forward(RequestEvent.answerDelta(id, "I read", "gateway-other"));
            assertEquals("I read", chunk(stream.next(line -> line.contains("\"content\""), WAIT)).at("/choices/0/delta/content").asText());
            forward(RequestEvent.answerDelta(id, " 'hello'", "gateway-other"));
            assertEquals(" 'hello'", chunk(stream.next(line -> line.contains("\"content\""), WAIT)).at("/choices/0/delta/content").asText());
            forward(RequestEvent.done(id, new Answer("I read 'hello' aloud: r-00000000000000000001.wav.", "llm",
                    new LlmUsage(1, 30, 12)), "gateway-other"));
            List<String> rest = stream.rest(WAIT);
            List<JsonNode> chunks = new ArrayList<>();
            for (String line : rest) {
                if (line.startsWith("data: {")) {
                    chunks.add(chunk(line));
                }
            }
            assertEquals(" aloud: r-00000000000000000001.wav.", chunks.get(0).at("/choices/0/delta/content").asText(), rest.toString());
            assertEquals("stop", chunks.get(1).at("/choices/0/finish_reason").asText());
            assertEquals("DONE", chunks.get(1).at("/hugginggpt/status").asText());
            assertEquals(0, chunks.get(2).get("choices").size(), "the usage chunk has no choice");
            assertEquals(42, chunks.get(2).at("/usage/total_tokens").asInt());
            assertEquals("data: [DONE]", rest.stream().filter(l -> !l.isEmpty()).reduce((a, b) -> b).orElseThrow());
            assertTrue(stream.seen().stream().filter(l -> l.startsWith("data: {")).allMatch(l -> l.contains("\"choices\":[]") || l.contains("\"finish_reason\"")),
                    "every chunk's choice has its finish_reason, null until the end");
        }
    }

    @Test
    void stopSequencesCutTheStreamedAnswerEvenAcrossPieces() throws Exception {
        try (StreamedHttp stream = StreamedHttp.open(completion("{\"model\": \"hugginggpt\", \"stream\": true, \"stop\": [\"STOP\"],"
                + " \"messages\": [{\"role\": \"user\", \"content\": \"Read 'hello' aloud\"}]}"))) {
            String id = chunk(stream.next(line -> line.startsWith("data:"), WAIT)).at("/hugginggpt/requestId").asText();
            forward(RequestEvent.planned(EventStreamTest.plan(id), "planner-test"));
            forward(RequestEvent.answerDelta(id, "one two ST", "gateway-other"));
            forward(RequestEvent.answerDelta(id, "OP three", "gateway-other"));
            forward(RequestEvent.done(id, new Answer("one two STOP three", "llm", LlmUsage.NONE), "gateway-other"));
            stream.rest(WAIT);
            StringBuilder text = new StringBuilder();
            String finish = null;
            for (String line : stream.seen()) {
                if (line.startsWith("data: {")) {
                    JsonNode chunk = chunk(line);
                    text.append(chunk.at("/choices/0/delta/content").asText(""));
                    finish = chunk.at("/choices/0/finish_reason").isTextual() ? chunk.at("/choices/0/finish_reason").asText() : finish;
                }
            }
            assertEquals("one two ", text.toString());
            assertEquals("stop", finish);
        }
    }

    @Test
    void withoutAnLlmTheTemplatedAnswerIsSentWholeWhenReady() throws Exception {
        try (StreamedHttp stream = StreamedHttp.open(completion("{\"model\": \"hugginggpt\", \"stream\": true,"
                + " \"messages\": [{\"role\": \"user\", \"content\": \"Read 'hello' aloud\"}]}"))) {
            String id = chunk(stream.next(line -> line.startsWith("data:"), WAIT)).at("/hugginggpt/requestId").asText();
            await("the request", () -> requests().stream().anyMatch(r -> r.getPayload().requestId().equals(id)));
            forward(RequestEvent.done(id, new Answer("Workflow: 0 text-to-speech.", "template", LlmUsage.NONE), "gateway-other"));
            List<String> rest = stream.rest(WAIT);
            assertTrue(rest.stream().anyMatch(l -> l.contains("\"content\":\"Workflow: 0 text-to-speech.\"")), rest.toString());
            assertTrue(rest.stream().noneMatch(l -> l.contains("\"usage\"")), "no usage chunk unless asked for");
        }
    }

    private HttpRequest.Builder completion(String body) {
        return StreamedHttp.to(base + "v1/chat/completions").header("Authorization", "Bearer key-a")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static JsonNode chunk(String line) throws Exception {
        return Json.MAPPER.readTree(line.substring("data:".length()).strip());
    }

    private void forward(RequestEvent event) {
        connector.source(Channels.EVENTS_IN).send(EventRecord.of(event));
    }

    private List<Message<UserRequest>> requests() {
        return sent.received(Topics.REQUESTS);
    }
}
