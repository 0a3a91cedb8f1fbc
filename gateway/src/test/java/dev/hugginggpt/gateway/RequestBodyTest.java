package dev.hugginggpt.gateway;

import static dev.hugginggpt.testkit.Await.await;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.gateway.messaging.EventRecord;
import dev.hugginggpt.protocol.Answer;
import dev.hugginggpt.protocol.Channels;
import dev.hugginggpt.protocol.LlmUsage;
import dev.hugginggpt.protocol.RequestEvent;
import dev.hugginggpt.protocol.Topics;
import dev.hugginggpt.protocol.UserRequest;
import dev.hugginggpt.testkit.TopicSink;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What clients send is read as they wrote it, off the event loop, however it is sent (chunked or not). */
@QuarkusTest
class RequestBodyTest {
    @Inject
    @Any
    InMemoryConnector connector;

    TopicSink sent;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void clear() {
        sent = new TopicSink(connector.sink(Channels.RECORDS));
        sent.clear();
    }

    /** Submits as tenant-body, checks what reached the planner, and ends the request so that the tenant's cap is not hit. */
    private UserRequest accepted(String path, byte[] body) {
        Response response = given().header("X-API-Key", "key-body").contentType("application/json").body(body).when().post(path);
        response.then().statusCode(202);
        UserRequest request = requests().get(requests().size() - 1).getPayload();
        connector.source(Channels.EVENTS_IN).send(EventRecord.of(RequestEvent.failed(request.requestId(), "ended by the test", "test")));
        return request;
    }

    @Test
    void aReplacementCharacterTheUserTypedIsText() {
        String text = "What does \uFFFD mean in \"caf\uFFFD\"? And \u00e9, \uace0\uc591\uc774, \ud83d\ude00.";
        UserRequest request = accepted("/v1/requests", ("{\"messages\": [{\"role\": \"user\", \"content\": \""
                + text.replace("\"", "\\\"") + "\"}]}").getBytes(StandardCharsets.UTF_8));
        assertEquals(text, request.lastUserMessage());
    }

    @Test
    void aChunkedBodyWithinTheLimitIsAccepted() throws Exception {
        String text = "Read this aloud: " + "la ".repeat(5000);
        byte[] body = ("{\"messages\": [{\"role\": \"user\", \"content\": \"" + text + "\"}]}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.toURI().resolve("/v1/requests"))
                .header("X-API-Key", "key-body").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), response.body());
        UserRequest request = requests().get(requests().size() - 1).getPayload();
        connector.source(Channels.EVENTS_IN).send(EventRecord.of(RequestEvent.failed(request.requestId(), "ended by the test", "test")));
        assertEquals(text, request.lastUserMessage());
    }

    /** The bodies the web UI, the CLI and OpenAI clients send, with fields this API does not read. */
    @Test
    void theBodiesTheClientsSendAreAccepted() throws Exception {
        accepted("/v1/requests", "{\"messages\":[{\"role\":\"user\",\"content\":\"Read 'hello' aloud\"}],\"resources\":[]}"
                .getBytes(StandardCharsets.UTF_8));
        UserRequest cli = accepted("/v1/requests", ("{\"messages\":[{\"role\":\"user\",\"content\":\"Read 'hello' aloud\"}],"
                + "\"resources\":[],\"options\":{\"planner\":\"embedded\",\"topK\":3}}").getBytes(StandardCharsets.UTF_8));
        assertEquals("embedded", cli.options().planner());
        assertEquals(3, cli.options().topK());

        CompletableFuture<Response> call = CompletableFuture.supplyAsync(() -> given().header("Authorization", "Bearer key-body")
                .contentType("application/json; charset=utf-8")
                .body("{\"model\":\"hugginggpt\",\"messages\":[{\"role\":\"developer\",\"content\":\"Be brief.\"},"
                        + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Read 'hello' aloud\"}],\"name\":\"ann\"}],"
                        + "\"temperature\":0.2,\"max_tokens\":100,\"n\":1,\"stream\":false,\"stream_options\":null,"
                        + "\"tools\":[],\"tool_choice\":\"auto\",\"parallel_tool_calls\":true,\"seed\":7,\"logprobs\":false,"
                        + "\"response_format\":{\"type\":\"text\"},\"user\":\"u-1\",\"logit_bias\":{\"50256\":-100}}")
                .when().post("/v1/chat/completions"));
        await("the chat completion's request", () -> !requests().isEmpty()
                && requests().get(requests().size() - 1).getPayload().messages().size() == 2);
        UserRequest completion = requests().get(requests().size() - 1).getPayload();
        connector.source(Channels.EVENTS_IN).send(EventRecord.of(RequestEvent.done(completion.requestId(),
                new Answer("Done.", "template", LlmUsage.NONE), "test")));
        call.get(10, TimeUnit.SECONDS).then().statusCode(200);
        assertEquals("system", completion.messages().get(0).role());
        assertEquals(100, completion.options().maxAnswerTokens(), "max_tokens caps the answer");
    }

    /** A 14.9 MB chat completion parsed on the event loop once held it for 15 s: every body is read on a worker. */
    @Test
    void bodiesAreReadOnWorkerThreadsNotOnTheEventLoop() {
        ReadingThreads.READS.clear();
        for (String path : new String[] {"/v1/requests", "/v1/chat", "/v1/plan", "/v1/chat/completions"}) {
            given().header("X-API-Key", "key-body").contentType("application/json").body("{\"messages\": []}")
                    .when().post(path).then().statusCode(400);
        }
        assertEquals(4, ReadingThreads.READS.size(), ReadingThreads.READS.toString());
        assertTrue(ReadingThreads.READS.stream().noneMatch(ReadingThreads.Read::onEventLoop), ReadingThreads.READS.toString());
    }

    private List<Message<UserRequest>> requests() {
        return sent.received(Topics.REQUESTS);
    }
}
