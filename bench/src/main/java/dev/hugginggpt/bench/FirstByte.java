package dev.hugginggpt.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Streamed chat completions ({@code stream: true}), one at a time: how long from sending the request to its first byte
 * (the headers and the role chunk, which leave once the request is handed to the planner), and to its {@code [DONE]}.
 */
final class FirstByte {
    private FirstByte() {
    }

    record Sample(double firstByteMillis, double doneMillis) {
    }

    static List<Sample> measure(String gatewayUrl, String apiKey, String text, int samples, Duration deadline) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            String body = "{\"model\": \"hugginggpt\", \"stream\": true, \"messages\": [{\"role\": \"user\", \"content\": "
                    + GatewayClient.JSON.writeValueAsString(text) + "}]}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/v1/chat/completions")).timeout(deadline)
                    .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long sent = System.nanoTime();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200 || in.read() < 0) {
                    throw new IOException("a streamed chat completion answered " + response.statusCode());
                }
                double first = (System.nanoTime() - sent) / 1e6;
                String rest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (!rest.contains("data: [DONE]")) {
                    throw new IOException("a streamed chat completion ended without [DONE]: " + rest);
                }
                out.add(new Sample(first, (System.nanoTime() - sent) / 1e6));
            }
        }
        return out;
    }
}
