package dev.hugginggpt.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A minimal HTTP/1.1 client for the load: blocking sockets kept alive in a pool, one request per connection at a
 * time. The JDK's HttpClient spent 4-7 ms of CPU per request here, as much as a service; on a 2-core machine the
 * load generator's CPU is taken from the system it measures.
 */
final class LoopbackHttp implements AutoCloseable {
    /** A response: status and body. */
    record Response(int status, byte[] body) {
    }

    private final String host;
    private final int port;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

    LoopbackHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    Response post(String path, String headers, byte[] body, Duration timeout) throws IOException {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n" + headers
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        Connection c = idle.poll();
        boolean reused = c != null;
        if (c == null) {
            c = new Connection(host, port);
        }
        try {
            c.socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            Response r = c.exchange(head, body);
            if (c.keepAlive) {
                idle.add(c);
            } else {
                c.close();
            }
            return r;
        } catch (SocketTimeoutException e) {
            c.close();
            throw e;
        } catch (IOException e) {
            c.close();
            if (reused) {
                // the server closed an idle connection: the request was not taken, send it on a new one
                return post(path, headers, body, timeout);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        Connection c;
        while ((c = idle.poll()) != null) {
            c.close();
        }
    }

    private static final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        boolean keepAlive = true;

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 10_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }

        Response exchange(byte[] head, byte[] body) throws IOException {
            byte[] request = new byte[head.length + body.length];
            System.arraycopy(head, 0, request, 0, head.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            out.write(request);
            out.flush();
            return read(in, this);
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /** Reads one response: the status line, the headers, and a Content-Length or chunked body. */
    static Response read(InputStream in, Connection connection) throws IOException {
        String status = line(in);
        if (status == null) {
            throw new IOException("connection closed before a response");
        }
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x response: " + status);
        }
        int code = Integer.parseInt(parts[1]);
        long length = -1;
        boolean chunked = false;
        boolean close = parts[0].equals("HTTP/1.0");
        String header;
        while ((header = line(in)) != null && !header.isEmpty()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> {
                }
            }
        }
        byte[] body;
        if (chunked) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            while (true) {
                String size = line(in);
                if (size == null) {
                    throw new IOException("connection closed inside a chunked body");
                }
                int semicolon = size.indexOf(';');
                int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
                if (n == 0) {
                    while ((header = line(in)) != null && !header.isEmpty()) {
                        // trailers
                    }
                    break;
                }
                all.write(in.readNBytes(n));
                line(in);
            }
            body = all.toByteArray();
        } else if (length >= 0) {
            body = in.readNBytes((int) length);
            if (body.length < length) {
                throw new IOException("connection closed inside the body");
            }
        } else {
            body = in.readAllBytes();
            close = true;
        }
        if (connection != null) {
            connection.keepAlive = !close;
        }
        return new Response(code, body);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int end = s.length();
                if (end > 0 && s.charAt(end - 1) == '\r') {
                    s.setLength(end - 1);
                }
                return s.toString();
            }
            s.append((char) b);
        }
        return s.length() == 0 ? null : s.toString();
    }
}
