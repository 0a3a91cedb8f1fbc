package dev.hugginggpt.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hugginggpt.gateway.access.ResourceOwners;
import dev.hugginggpt.protocol.Json;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.resources.ResourceStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Files as they are stored and sent back: names and types that cannot break a header, downloads a browser will not run,
 * names in any script, and nothing left in the store by a refused upload.
 */
@QuarkusTest
class StoredFilesTest {
    private static final String BOUNDARY = "b0undary";

    @Inject
    ResourceStore store;

    @Inject
    ResourceOwners owners;

    /** A multipart body written by hand: the file part's Content-Disposition parameters as given. */
    private static byte[] multipart(String disposition, String type, String content) {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; " + disposition + "\r\n"
                + (type == null ? "" : "Content-Type: " + type + "\r\n") + "\r\n" + content + "\r\n--" + BOUNDARY + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Response upload(byte[] body) {
        return given().header("X-API-Key", "key-a").contentType("multipart/form-data; boundary=" + BOUNDARY).body(body)
                .when().post("/v1/resources");
    }

    private long storedFiles() throws IOException {
        try (Stream<Path> files = Files.list(store.root())) {
            return files.count();
        }
    }

    @Test
    void aNameWithControlCharactersIsStoredWithoutThemAndDownloads() {
        String nul = upload(multipart("filename=\"cat\u0000.png\"", "image/png", "PNG")).then().statusCode(201)
                .body("name", equalTo("cat.png")).extract().path("id");
        given().header("X-API-Key", "key-a").when().get("/v1/resources/" + nul).then().statusCode(200)
                .header("Content-Disposition", equalTo("inline; filename=\"cat.png\"; filename*=UTF-8''cat.png"));
        String lines = upload(multipart("filename*=UTF-8''cat%0D%0ASet-Cookie%3A%20x%3D1.png", "image/png", "PNG"))
                .then().statusCode(201).body("name", equalTo("catSet-Cookie: x=1.png")).extract().path("id");
        Response download = given().header("X-API-Key", "key-a").when().get("/v1/resources/" + lines);
        download.then().statusCode(200).contentType("image/png");
        assertNull(download.getCookie("x"), "no header made of a name");
    }

    @Test
    void aFileInAChatMessageKeepsNoControlCharactersInItsNameOrType() throws IOException {
        String wav = Base64.getEncoder().encodeToString("RIFF....WAVEfmt ".getBytes(StandardCharsets.US_ASCII));
        given().header("Authorization", "Bearer key-a").contentType("application/json")
                .body("{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"Transcribe\"},"
                        + " {\"type\": \"input_audio\", \"input_audio\": {\"format\": \"wav\\r\\nSet-Cookie: x=1\", \"data\": \"" + wav + "\"}}]}]}")
                .when().post("/v1/chat/completions")
                .then().statusCode(400).body("error.message", containsString("input_audio.format"));
        assertEquals("audio/wav", store.save(new ByteArrayInputStream(new byte[] {1}), "a.wav", "audio/wav\r\nX: 1").contentType());
    }

    @Test
    void aDescriptionWithLineBreaksWrittenBeforeStillDownloads() throws IOException {
        ResourceRef ref = store.save(new ByteArrayInputStream(new byte[] {1, 2}), "a.wav", "audio/wav");
        Json.MAPPER.writeValue(store.root().resolve(ref.id() + ".json").toFile(),
                new ResourceRef(ref.id(), "a\r\nSet-Cookie: x=1.wav", "audio/wav\r\nSet-Cookie: y=2", 2));
        owners.uploaded(ref.id(), "tenant-a");
        Response download = given().header("X-API-Key", "key-a").when().get("/v1/resources/" + ref.id());
        download.then().statusCode(200).contentType("application/octet-stream")
                .header("Content-Disposition", startsWith("attachment;"));
        assertNull(download.getCookie("x"));
        assertNull(download.getCookie("y"));
    }

    @Test
    void aDownloadCannotRunInTheBrowser() throws IOException {
        String png = given().header("X-API-Key", "key-a").multiPart("file", "cat.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png")
                .when().post("/v1/resources").then().statusCode(201).extract().path("id");
        given().header("X-API-Key", "key-a").when().get("/v1/resources/" + png).then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Content-Disposition", startsWith("inline;"));
        for (String[] active : new String[][] {{"page.html", "text/html"}, {"drawing.svg", "image/svg+xml"},
                {"data.json", "application/json"}, {"feed.xml", "application/xml"}, {"app.js", "text/javascript"}}) {
            ResourceRef ref = store.save(new ByteArrayInputStream("<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)),
                    active[0], active[1]);
            owners.uploaded(ref.id(), "tenant-a");
            given().header("X-API-Key", "key-a").when().get("/v1/resources/" + ref.id()).then().statusCode(200)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", "default-src 'none'; sandbox")
                    .header("Content-Disposition", startsWith("attachment;"));
        }
    }

    @Test
    void aNameInAnyScriptComesBackAsItWasSent() {
        String id = upload(multipart("filename=\"\uace0\uc591\uc774 1.png\"", "image/png", "PNG"))
                .then().statusCode(201).body("name", equalTo("\uace0\uc591\uc774 1.png")).extract().path("id");
        String disposition = given().header("X-API-Key", "key-a").when().get("/v1/resources/" + id)
                .then().statusCode(200).extract().header("Content-Disposition");
        assertEquals("inline; filename=\"___ 1.png\"; filename*=UTF-8''%EA%B3%A0%EC%96%91%EC%9D%B4%201.png", disposition);
    }

    @Test
    void onlyTheKnownTypesAreTakenIn() {
        upload(multipart("filename=\"drawing.svg\"", "image/svg+xml", "<svg onload=\"alert(1)\"/>")).then().statusCode(415)
                .contentType(startsWith("application/problem+json")).body("detail", containsString("image/svg+xml"));
        upload(multipart("filename=\"feed.xml\"", "application/xml", "<script/>")).then().statusCode(415);
        // a text document is taken in (text tasks read its text), and served back as an attachment only
        upload(multipart("filename=\"page.html\"", "text/html", "<script/>")).then().statusCode(201).body("contentType", equalTo("text/html"));
        upload(multipart("filename=\"paper.pdf\"", "application/pdf", "%PDF-1.7")).then().statusCode(201)
                .body("contentType", equalTo("application/pdf"));
        upload(multipart("filename=\"blob\"", "image/x-made-up", "x")).then().statusCode(415);
        upload(multipart("filename=\"photo\"", "image/JPEG", "JPEG")).then().statusCode(201).body("contentType", equalTo("image/jpeg"));
        upload(multipart("filename=\"voice\"", "audio/x-wav", "RIFF")).then().statusCode(201).body("contentType", equalTo("audio/wav"));
    }

    /** Whatever goes wrong with an upload, the store holds no file it did not describe and give to its tenant. */
    @Test
    void aRefusedUploadLeavesNothingInTheStore() throws IOException {
        long before = storedFiles();
        upload(multipart("filename=\"tool.exe\"", "application/x-msdownload", "MZ")).then().statusCode(415);
        upload(multipart("filename=\"empty.png\"", "image/png", "")).then().statusCode(400).body("detail", containsString("empty"));
        upload(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cut.png\"\r\nContent-Type: image/png"
                + "\r\n\r\nPNG and no closing boundary").getBytes(StandardCharsets.UTF_8))
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("multipart"));
        upload(("--" + BOUNDARY + "\r\nno header at all\r\n\r\nx\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8))
                .then().statusCode(400).body("detail", containsString("multipart"));
        given().header("X-API-Key", "key-a").multiPart("file", "big.png", new byte[2 * 1024 * 1024], "image/png").when().post("/v1/resources")
                .then().statusCode(413);
        StringBuilder parts = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            parts.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a").append(i)
                    .append(".png\"\r\nContent-Type: image/png\r\n\r\nPNG\r\n");
        }
        upload((parts + "--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("detail", containsString("at most 1000 parts"));

        String png = "{\"type\": \"image_url\", \"image_url\": {\"url\": \"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(("a fresh picture " + System.nanoTime()).getBytes(StandardCharsets.US_ASCII)) + "\"}}";
        // The file is stored while the messages are read; the request is refused after: the file goes too.
        given().header("Authorization", "Bearer key-a").contentType("application/json")
                .body("{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"Look\"}, " + png + "]},"
                        + " {\"role\": \"assistant\", \"content\": \"I looked\"}]}")
                .when().post("/v1/chat/completions").then().statusCode(400).body("error.message", containsString("last message"));
        given().header("Authorization", "Bearer key-a").contentType("application/json")
                .body("{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"Look\"}, " + png + ","
                        + " {\"type\": \"image_url\", \"image_url\": {\"url\": \"data:image/png;base64,%%%\"}}]}]}")
                .when().post("/v1/chat/completions").then().statusCode(400).body("error.message", containsString("base64"));
        assertEquals(before, storedFiles());
    }

    @Test
    void aChatCompletionCarriesAtMostAHundredFiles() throws IOException {
        long before = storedFiles();
        StringBuilder parts = new StringBuilder("{\"type\": \"text\", \"text\": \"Look\"}");
        for (int i = 0; i <= 100; i++) {
            parts.append(", {\"type\": \"image_url\", \"image_url\": {\"url\": \"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(("picture " + i + " " + System.nanoTime()).getBytes(StandardCharsets.US_ASCII)))
                    .append("\"}}");
        }
        given().header("Authorization", "Bearer key-a").contentType("application/json")
                .body("{\"messages\": [{\"role\": \"user\", \"content\": [" + parts + "]}]}")
                .when().post("/v1/chat/completions").then().statusCode(400).body("error.message", containsString("at most 100 files"));
        assertEquals(before, storedFiles());
    }
}
