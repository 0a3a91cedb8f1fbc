package dev.hugginggpt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class LoopbackHttpTest {
    private static LoopbackHttp.Response read(String raw) throws IOException {
        return LoopbackHttp.read(new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)), null);
    }

    @Test
    void readsAContentLengthBody() throws IOException {
        LoopbackHttp.Response r = read("HTTP/1.1 200 OK\r\ncontent-length: 11\r\nContent-Type: application/json\r\n\r\n{\"a\": true}");
        assertEquals(200, r.status());
        assertEquals("{\"a\": true}", new String(r.body(), StandardCharsets.UTF_8));
    }

    @Test
    void readsAChunkedBody() throws IOException {
        LoopbackHttp.Response r = read("HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n6;x=y\r\n: 1}\r\n\r\n0\r\n\r\n");
        assertEquals(202, r.status());
        assertEquals("{\"a\": 1}\r\n", new String(r.body(), StandardCharsets.UTF_8));
    }

    @Test
    void aCutBodyIsAnError() {
        assertThrows(IOException.class, () -> read("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\nshort"));
        assertThrows(IOException.class, () -> read("garbage\r\n\r\n"));
    }

    @Test
    void postsOnKeptAliveConnectionsAndTimesOut() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
        server.createContext("/echo", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            byte[] body = exchange.getRequestBody().readAllBytes();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] answer = (auth + " " + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try (LoopbackHttp http = new LoopbackHttp("127.0.0.1", server.getAddress().getPort())) {
            for (int i = 0; i < 3; i++) {
                LoopbackHttp.Response r = http.post("/echo", "Authorization: Bearer k\r\n", ("body " + i).getBytes(StandardCharsets.UTF_8),
                        Duration.ofSeconds(5));
                assertEquals(200, r.status());
                assertEquals("Bearer k body " + i, new String(r.body(), StandardCharsets.UTF_8));
            }
            assertEquals(1, clientPorts.size(), "one connection, kept alive");
            assertThrows(SocketTimeoutException.class, () -> http.post("/slow", "", new byte[0], Duration.ofMillis(200)));
        } finally {
            server.stop(0);
        }
    }
}
