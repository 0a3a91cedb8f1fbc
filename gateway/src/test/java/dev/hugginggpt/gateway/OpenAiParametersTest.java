package dev.hugginggpt.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
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
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.TaskResult;
import dev.hugginggpt.protocol.TaskStatus;
import dev.hugginggpt.protocol.Topics;
import dev.hugginggpt.protocol.UserRequest;
import dev.hugginggpt.testkit.TopicSink;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OpenAI's parameters: done where they make sense, refused by name in OpenAI's error shape where they do not. */
@QuarkusTest
class OpenAiParametersTest {
    private static final String ANSWER = "I read 'hello' aloud: r-00000000000000000001.wav. Anything else?";

    @Inject
    @Any
    InMemoryConnector connector;

    TopicSink sent;

    @BeforeEach
    void clear() {
        sent = new TopicSink(connector.sink(Channels.RECORDS));
        sent.clear();
    }

    @Test
    void theModelCanBeRetrievedByIdAndAnyOtherIsANotFoundInOpenAisShape() {
        asTenantA().when().get("/v1/models/hugginggpt").then().statusCode(200)
                .body("id", equalTo("hugginggpt")).body("object", equalTo("model")).body("owned_by", equalTo("hugginggpt"));
        asTenantA().when().get("/v1/models/gpt-4o").then().statusCode(404)
                .body("error.type", equalTo("not_found_error")).body("error.code", equalTo("model_not_found"))
                .body("error.message", containsString("hugginggpt"));
        given().when().get("/v1/models/hugginggpt").then().statusCode(401).body("error.type", equalTo("authentication_error"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tools|\"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"weather\", \"parameters\": {}}}]|calls no tools",
        "tool_choice|\"tool_choice\": \"required\"|calls no tools",
        "tool_choice|\"tool_choice\": {\"type\": \"function\", \"function\": {\"name\": \"f\"}}|calls no tools",
        "functions|\"functions\": [{\"name\": \"f\"}]|calls no tools",
        "n|\"n\": 2|one answer per request",
        "logprobs|\"logprobs\": true|not available",
        "top_logprobs|\"top_logprobs\": 3|not available",
        "modalities|\"modalities\": [\"text\", \"audio\"]|the answer is text",
        "audio|\"audio\": {\"voice\": \"alloy\", \"format\": \"wav\"}|the answer is text",
        "response_format|\"response_format\": {\"type\": \"json_schema\", \"json_schema\": {\"name\": \"r\", \"schema\": {\"type\": \"object\","
                + " \"properties\": {\"recipe\": {\"type\": \"string\"}}}}}|recipe",
    })
    void whatThePipelineCannotDoIsRefusedNamingTheParameter(String param, String field, String words) {
        asTenantA().contentType("application/json")
                .body("{\"model\": \"hugginggpt\", \"messages\": [{\"role\": \"user\", \"content\": \"Read 'hello' aloud\"}], " + field + "}")
                .when().post("/v1/chat/completions")
                .then().statusCode(400).body("error.type", equalTo("invalid_request_error"))
                .body("error.param", equalTo(param)).body("error.code", equalTo("unsupported_parameter"))
                .body("error.message", containsString(words));
        assertTrue(requests().isEmpty(), "nothing runs");
    }

    @Test
    void badParameterValuesAreRefusedByNameToo() {
        String[][] cases = {{"max_tokens", "\"max_tokens\": 0"}, {"max_completion_tokens", "\"max_completion_tokens\": \"many\""},
            {"stop", "\"stop\": [\"a\", \"b\", \"c\", \"d\", \"e\"]"}, {"stream_options", "\"stream_options\": {\"include_usage\": \"yes\"}"},
            {"response_format", "\"response_format\": {\"type\": \"xml\"}"}};
        for (String[] c : cases) {
            asTenantA().contentType("application/json")
                    .body("{\"model\": \"hugginggpt\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], " + c[1] + "}")
                    .when().post("/v1/chat/completions")
                    .then().statusCode(400).body("error.param", equalTo(c[0])).body("error.code", nullValue());
        }
    }

    @Test
    void aHistoryWithToolCallsAndToolResultsIsTakenAsFarAsItIsText() throws Exception {
        complete("{\"model\": \"hugginggpt\", \"messages\": ["
                + "{\"role\": \"user\", \"content\": \"What is 6 times 7?\"},"
                + "{\"role\": \"assistant\", \"content\": null, \"tool_calls\": [{\"id\": \"c1\", \"type\": \"function\","
                + " \"function\": {\"name\": \"multiply\", \"arguments\": \"{\\\"a\\\": 6, \\\"b\\\": 7}\"}}]},"
                + "{\"role\": \"tool\", \"tool_call_id\": \"c1\", \"content\": \"42\"},"
                + "{\"role\": \"assistant\", \"content\": \"It is 42.\"},"
                + "{\"role\": \"user\", \"content\": \"Read 'the answer is 42' aloud\"}]}").then().statusCode(200);
        UserRequest request = requests().get(0).getPayload();
        assertEquals(List.of("user", "assistant", "assistant", "user"), request.messages().stream().map(m -> m.role()).toList());
        assertEquals("Tool result: 42", request.messages().get(1).content());

        asTenantA().contentType("application/json").body("{\"model\": \"hugginggpt\", \"messages\": ["
                + "{\"role\": \"user\", \"content\": \"What is 6 times 7?\"},"
                + "{\"role\": \"assistant\", \"content\": null, \"tool_calls\": [{\"id\": \"c1\", \"type\": \"function\","
                + " \"function\": {\"name\": \"multiply\", \"arguments\": \"{}\"}}]},"
                + "{\"role\": \"tool\", \"tool_call_id\": \"c1\", \"content\": \"42\"}]}")
                .when().post("/v1/chat/completions").then().statusCode(400).body("error.param", equalTo("messages"))
                .body("error.message", containsString("the last message must be the user's"));
    }

    @Test
    void maxTokensCapTheAnswerTheLlmWrites() throws Exception {
        complete("{\"model\": \"hugginggpt\", \"max_completion_tokens\": 64, \"max_tokens\": 500,"
                + " \"messages\": [{\"role\": \"user\", \"content\": \"Read 'hello' aloud\"}]}").then().statusCode(200);
        assertEquals(64, requests().get(0).getPayload().options().maxAnswerTokens(), "max_completion_tokens wins over max_tokens");
    }

    @Test
    void stopCutsTheAnswerBeforeTheFirstStopSequence() throws Exception {
        complete("{\"model\": \"hugginggpt\", \"stop\": [\"Anything\", \".wav\"], \"messages\": [{\"role\": \"user\","
                + " \"content\": \"Read 'hello' aloud\"}]}").then().statusCode(200)
                .body("choices[0].message.content", equalTo("I read 'hello' aloud: r-00000000000000000001"))
                .body("choices[0].finish_reason", equalTo("stop"));
    }

    @Test
    void jsonObjectAnswersWithTheWorkflowTasksResultsAndFiles() throws Exception {
        Response r = complete("{\"model\": \"hugginggpt\", \"response_format\": {\"type\": \"json_object\"},"
                + " \"messages\": [{\"role\": \"user\", \"content\": \"Read 'hello' aloud\"}]}");
        r.then().statusCode(200);
        JsonNode answer = Json.MAPPER.readTree(r.path("choices[0].message.content").toString());
        assertEquals(ANSWER, answer.get("answer").asText());
        assertEquals("0 text-to-speech", answer.get("workflow").asText());
        assertEquals("text-to-speech", answer.at("/tasks/0/task").asText());
        assertEquals("SUCCEEDED", answer.at("/results/0/status").asText());
        assertEquals("local/espeak-ng", answer.at("/results/0/model").asText());
        assertEquals("r-00000000000000000001.wav", answer.at("/results/0/files/0").asText());
        assertEquals("/v1/resources/r-00000000000000000001.wav", answer.at("/files/0/url").asText());
        assertEquals("audio/wav", answer.at("/files/0/contentType").asText());
    }

    @Test
    void aJsonSchemaShapesTheJsonToTheNamedProperties() throws Exception {
        Response r = complete("{\"model\": \"hugginggpt\", \"response_format\": {\"type\": \"json_schema\", \"json_schema\": {"
                + "\"name\": \"files\", \"strict\": true, \"schema\": {\"type\": \"object\", \"additionalProperties\": false,"
                + " \"required\": [\"answer\", \"files\"], \"properties\": {\"answer\": {\"type\": \"string\"}, \"files\": {\"type\": \"array\","
                + " \"items\": {\"type\": \"object\", \"additionalProperties\": false, \"required\": [\"id\", \"contentType\"],"
                + " \"properties\": {\"id\": {\"type\": \"string\"}, \"contentType\": {\"type\": \"string\"}}}}}}}},"
                + " \"messages\": [{\"role\": \"user\", \"content\": \"Read 'hello' aloud\"}]}");
        r.then().statusCode(200);
        JsonNode answer = Json.MAPPER.readTree(r.path("choices[0].message.content").toString());
        assertEquals("{\"answer\":" + Json.MAPPER.writeValueAsString(ANSWER)
                + ",\"files\":[{\"id\":\"r-00000000000000000001.wav\",\"contentType\":\"audio/wav\"}]}", answer.toString());
    }

    /** Sends the call, plays the pipeline (a plan of one task, its result, the answer), returns the response. */
    private Response complete(String body) throws Exception {
        CompletableFuture<Response> call = CompletableFuture.supplyAsync(() -> asTenantA().contentType("application/json")
                .body(body).when().post("/v1/chat/completions"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (requests().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        String id = requests().get(0).getPayload().requestId();
        forward(RequestEvent.planned(EventStreamTest.plan(id), "planner-test"));
        ResourceRef wav = new ResourceRef("r-00000000000000000001.wav", "speech.wav", "audio/wav", 4410);
        forward(RequestEvent.taskFinished(new TaskResult(id, 0, "text-to-speech", new ModelChoice("local/espeak-ng", "local", "ranked 1"),
                TaskStatus.SUCCEEDED, TaskOutput.file(wav, Map.of("seconds", 0.5)), null, "executor-1", 1, Instant.now(), Instant.now()),
                "selector-test"));
        forward(RequestEvent.done(id, new Answer(ANSWER, "template", LlmUsage.NONE), "test"));
        return call.get(10, TimeUnit.SECONDS);
    }

    private static io.restassured.specification.RequestSpecification asTenantA() {
        return given().header("Authorization", "Bearer key-a");
    }

    private void forward(RequestEvent event) {
        connector.source(Channels.EVENTS_IN).send(EventRecord.of(event));
    }

    private List<Message<UserRequest>> requests() {
        return sent.received(Topics.REQUESTS);
    }
}
