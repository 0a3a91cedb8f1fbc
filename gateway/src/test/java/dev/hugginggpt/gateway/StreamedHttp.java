package dev.hugginggpt.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A streamed HTTP response read line by line as it arrives, as a Server-Sent Events client reads it: the status and
 * headers, when the first line came, and each line in turn (an empty line ends an event).
 */
final class StreamedHttp implements AutoCloseable {
    private static final String END = "\u0000end";
    private final HttpResponse<InputStream> response;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final long sentNanos;
    private volatile long firstLineNanos;

    private StreamedHttp(HttpResponse<InputStream> response, long sentNanos) {
        this.response = response;
        this.sentNanos = sentNanos;
        Thread reader = new Thread(this::read, "streamed-http");
        reader.setDaemon(true);
        reader.start();
    }

    static StreamedHttp open(HttpRequest.Builder request) throws Exception {
        long sent = System.nanoTime();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        return new StreamedHttp(response, sent);
    }

    static HttpRequest.Builder to(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    }

    int status() {
        return response.statusCode();
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** From sending the request to its first line of body. */
    Duration firstLineAfter() {
        return Duration.ofNanos(firstLineNanos - sentNanos);
    }

    /** The next line that matches, failing after the wait; the lines passed over are kept in {@link #seen()}. */
    String next(Predicate<String> wanted, Duration wait) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        while (true) {
            String line = lines.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(END)) {
                throw new AssertionError("no such line " + (line == null ? "within " + wait : "before the end") + "; read: " + seen);
            }
            seen.add(line);
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    /** Every line until the body ends. */
    List<String> rest(Duration wait) throws InterruptedException {
        List<String> rest = new ArrayList<>();
        long end = System.nanoTime() + wait.toNanos();
        while (true) {
            String line = lines.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("the body did not end within " + wait + "; read: " + rest);
            }
            if (line.equals(END)) {
                return rest;
            }
            seen.add(line);
            rest.add(line);
        }
    }

    List<String> seen() {
        return seen;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (firstLineNanos == 0) {
                    firstLineNanos = System.nanoTime();
                }
                lines.add(line);
            }
        } catch (IOException e) {
            // closed by the test
        } finally {
            lines.add(END);
        }
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
