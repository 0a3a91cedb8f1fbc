package dev.hugginggpt.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAI chat completions facade: what a chat client sends and expects back. */
@QuarkusTest
class OpenAiCompatTest {
    @Inject
    @Any
    InMemoryConnector connector;

    TopicSink sent;

    @BeforeEach
    void clear() {
        sent = new TopicSink(connector.sink(Channels.RECORDS));
        sent.clear();
    }

    /** Sends the call, plays the pipeline's answer when the request reaches hg.requests, returns the response. */
    private Response complete(String body) throws Exception {
        CompletableFuture<Response> call = CompletableFuture.supplyAsync(() -> given()
                .header("Authorization", "Bearer key-a").contentType("application/json").body(body)
                .when().post("/v1/chat/completions"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (requests().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        String id = requests().get(0).getPayload().requestId();
        connector.source(Channels.EVENTS_IN).send(EventRecord.of(RequestEvent.done(id,
                new Answer("I read 'hello' aloud: r-00000000000000000001.wav.", "template", LlmUsage.NONE), "test")));
        return call.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aChatCompletionRunsThePipelineAndReturnsItsAnswer() throws Exception {
        Response r = complete("{\"model\": \"hugginggpt\", \"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"},"
                + " {\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"Read 'hello' aloud\"}]}]}");
        r.then().statusCode(200).contentType(containsString("application/json"))
                .body("object", equalTo("chat.completion"))
                .body("model", equalTo("hugginggpt"))
                .body("choices[0].message.role", equalTo("assistant"))
                .body("choices[0].message.content", containsString("r-00000000000000000001.wav"))
                .body("choices[0].finish_reason", equalTo("stop"))
                .body("hugginggpt.requestId", equalTo(requests().get(0).getPayload().requestId()));
        assertEquals("Read 'hello' aloud", requests().get(0).getPayload().lastUserMessage());
    }

    @Test
    void aStreamedCompletionIsServerSentChunksEndingInDone() throws Exception {
        Response r = complete("{\"model\": \"hugginggpt\", \"stream\": true, \"messages\": [{\"role\": \"user\", \"content\": \"Read 'hello' aloud\"}]}");
        r.then().statusCode(200).contentType(containsString("text/event-stream"));
        String body = r.asString();
        assertTrue(body.contains("\"object\":\"chat.completion.chunk\""), body);
        assertTrue(body.contains("\"delta\":{\"role\":\"assistant\"}"), body);
        assertTrue(body.contains("r-00000000000000000001.wav"), body);
        assertTrue(body.strip().endsWith("data: [DONE]"), body);
    }

    @Test
    void errorsComeInTheOpenAiShape() {
        given().header("Authorization", "Bearer key-a").contentType("application/json")
                .body("{\"model\": \"gpt-4\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}")
                .when().post("/v1/chat/completions")
                .then().statusCode(404).body("error.type", equalTo("not_found_error")).body("error.message", containsString("hugginggpt"));
        given().header("Authorization", "Bearer key-a").contentType("application/json")
                .body("{\"model\": \"hugginggpt\", \"messages\": [{\"role\": \"user\", \"content\": \"  \"}]}")
                .when().post("/v1/chat/completions")
                .then().statusCode(400).body("error.type", equalTo("invalid_request_error"))
                .body("error.message", containsString("non-empty user message"));
        given().header("Authorization", "Bearer key-a").contentType("application/json")
                .body("{\"model\": \"hugginggpt\", \"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"image_url\","
                        + " \"image_url\": {\"url\": \"http://169.254.169.254/\"}}]}]}")
                .when().post("/v1/chat/completions")
                .then().statusCode(400).body("error.message", containsString("URLs are not fetched"));
        assertTrue(requests().isEmpty());
    }

    @Test
    void filesInsideTheMessagesAreTheTenantsResourcesAndKeepTheirIdsAcrossTurns() throws Exception {
        byte[] png = pngBytes();
        String image = "{\"type\": \"image_url\", \"image_url\": {\"url\": \"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + "\"}}";
        complete("{\"model\": \"hugginggpt\", \"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\","
                + " \"text\": \"Find the faces in this photo\"}, " + image + "]}]}").then().statusCode(200);
        UserRequest first = requests().get(0).getPayload();
        assertEquals("Find the faces in this photo", first.lastUserMessage());
        assertEquals(1, first.resources().size(), first.toString());
        String id = first.resources().get(0).id();
        assertEquals("image/png", first.resources().get(0).contentType());
        byte[] stored = given().header("Authorization", "Bearer key-a").when().get("/v1/resources/" + id)
                .then().statusCode(200).extract().asByteArray();
        assertArrayEquals(png, stored);
        given().header("Authorization", "Bearer key-b").when().get("/v1/resources/" + id).then().statusCode(404);

        sent.clear();
        String audio = "{\"type\": \"input_audio\", \"input_audio\": {\"format\": \"wav\", \"data\": \""
                + Base64.getEncoder().encodeToString("RIFF....WAVEfmt ".getBytes()) + "\"}}";
        complete("{\"model\": \"hugginggpt\", \"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\","
                + " \"text\": \"Find the faces in this photo\"}, " + image + "]}, {\"role\": \"assistant\", \"content\": \"1 face found\"},"
                + " {\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"Now transcribe this\"}, " + audio + "]}]}")
                .then().statusCode(200);
        UserRequest second = requests().get(0).getPayload();
        assertEquals("Find the faces in this photo (attached: " + id + ")", second.messages().get(0).content(),
                "the earlier turn's photo, sent again, is the same resource, named in its turn");
        assertEquals(1, second.resources().size(), second.toString());
        assertTrue(second.resources().get(0).id().endsWith(".wav"), second.toString());
        assertEquals("audio/wav", second.resources().get(0).contentType());
    }

    @Test
    void aFileInsideAMessageThatCannotBeTakenIsRefusedAndNothingRuns() {
        String pdf = "data:application/x-msdownload;base64," + Base64.getEncoder().encodeToString("MZ".getBytes());
        String tooLarge = "data:image/png;base64," + Base64.getEncoder().encodeToString(new byte[70_000]);
        refused("{\"type\": \"image_url\", \"image_url\": {\"url\": \"" + pdf + "\"}}", 415, "unsupported file type");
        refused("{\"type\": \"image_url\", \"image_url\": {\"url\": \"data:image/png;base64,%%%\"}}", 400, "not valid base64");
        String manyParameters = "data:image/png" + ";a=b".repeat(100_000) + ";base64,%%%";
        refused("{\"type\": \"image_url\", \"image_url\": {\"url\": \"" + manyParameters + "\"}}", 400, "not valid base64");
        refused("{\"type\": \"image_url\", \"image_url\": {\"url\": \"" + tooLarge + "\"}}", 413, "at most 65536 bytes");
        refused("{\"type\": \"file\", \"file\": {\"file_id\": \"file-abc\"}}", 400, "file ids are not known here");
        refused("{\"type\": \"video_url\", \"video_url\": {\"url\": \"x\"}}", 400, "'video_url' is not supported");
        given().header("Authorization", "Bearer key-a").contentType("application/json").body("{\"model\": \"hugginggpt\", \"messages\": [")
                .when().post("/v1/chat/completions")
                .then().statusCode(400).body("error.type", equalTo("invalid_request_error")).body("error.message", containsString("not valid JSON"));
        given().contentType("application/json").body("{\"model\": \"hugginggpt\", \"messages\": []}")
                .when().post("/v1/chat/completions")
                .then().statusCode(401).body("error.type", equalTo("authentication_error"));
        given().header("Authorization", "Bearer key-a").contentType("application/json")
                .body("{\"model\": \"hugginggpt\", \"padding\": \"" + "x".repeat(1_200_000) + "\"}").when().post("/v1/chat/completions")
                .then().statusCode(413).body("error.message", containsString("at most"));
        assertTrue(requests().isEmpty());
    }

    private void refused(String part, int status, String message) {
        given().header("Authorization", "Bearer key-a").contentType("application/json")
                .body("{\"model\": \"hugginggpt\", \"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\","
                        + " \"text\": \"Describe this\"}, " + part + "]}]}")
                .when().post("/v1/chat/completions")
                .then().statusCode(status).body("error.message", containsString(message));
    }

    private static byte[] pngBytes() throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void theModelListNamesHugginggpt() {
        given().header("Authorization", "Bearer key-a").when().get("/v1/models")
                .then().statusCode(200).body("data[0].id", equalTo("hugginggpt"));
    }

    private List<Message<UserRequest>> requests() {
        return sent.received(Topics.REQUESTS);
    }
}
