package dev.hugginggpt.gateway.access;

import dev.hugginggpt.gateway.problem.ProblemException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of a JSON request body as the JSON reader takes them: counted, refused past {@code max}, and followed as
 * UTF-8 (Unicode table 3-7: no overlong forms, no surrogates, no truncated character).
 * <p>
 * The JSON reader closes the body when it is done, also when it stopped in the middle (a syntax error, too many
 * messages, a refusal here). A body not read to its end is not waited for (the reader would wait for a client that may
 * never send it): its answer goes out, the rest is dropped for {@value #LINGER_MILLIS} ms so that a client still sending
 * can read the answer, then the connection is closed.
 */
final class CheckedJsonBody extends InputStream {
    static final long LINGER_MILLIS = 2000;

    private final InputStream in;
    private final long max;
    private final RoutingContext http;
    private long count;
    private boolean ended;
    private boolean refused;
    private boolean closed;
    /** Continuation bytes the current character still needs, and the range the next one must be in. */
    private int pending;
    private int lead;
    private int low = 0x80;
    private int high = 0xBF;

    CheckedJsonBody(InputStream in, long max, RoutingContext http) {
        this.in = in;
        this.max = max;
        this.http = http;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (refused) {
            throw new IOException("the body was refused");
        }
        int n = in.read(buffer, offset, length);
        if (n < 0) {
            ended = true;
            if (pending > 0) {
                throw refuse(notUtf8("the body ends inside a character"));
            }
            return n;
        }
        if (count + n > max) {
            throw refuse(ProblemException.tooLarge("a JSON request body may have at most " + max + " bytes"));
        }
        for (int i = offset; i < offset + n; i++) {
            follow(buffer[i] & 0xFF, count + i - offset);
        }
        count += n;
        return n;
    }

    private void follow(int b, long at) throws JsonBodyCheck.Refused {
        if (pending > 0) {
            if (b < low || b > high) {
                throw refuse(notUtf8(String.format("byte 0x%02X at offset %d does not continue the character begun by 0x%02X",
                        b, at, lead)));
            }
            pending--;
            low = 0x80;
            high = 0xBF;
        } else if (b >= 0x80) {
            lead = b;
            if (b >= 0xC2 && b <= 0xDF) {
                pending = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                pending = 2;
                low = b == 0xE0 ? 0xA0 : 0x80;
                high = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                pending = 3;
                low = b == 0xF0 ? 0x90 : 0x80;
                high = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                throw refuse(notUtf8(String.format("byte 0x%02X at offset %d", b, at)));
            }
        }
    }

    private static ProblemException notUtf8(String where) {
        return ProblemException.badRequest("the body is not valid UTF-8 (" + where + "); send JSON as UTF-8");
    }

    private JsonBodyCheck.Refused refuse(ProblemException problem) {
        refused = true;
        return new JsonBodyCheck.Refused(problem);
    }

    @Override
    public int available() throws IOException {
        return refused ? 0 : in.available();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        byte[] rest = new byte[8192];
        try {
            while (!refused && !ended && in.available() > 0) {
                read(rest, 0, rest.length);
            }
        } catch (JsonBodyCheck.Refused beyond) {
            refused = true;
        }
        if (ended || !refused && http != null && http.request().isEnded()) {
            in.close();
        } else {
            lingerThenClose();
        }
    }

    /** After the answer: the rest of the body is read and dropped for a while, then the connection is closed. */
    private void lingerThenClose() {
        if (http == null || http.request().version() == HttpVersion.HTTP_2) {
            return;
        }
        HttpServerRequest request = http.request();
        http.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        http.addEndHandler(answered -> {
            request.handler(dropped -> {
            }).endHandler(ended -> request.connection().close()).resume();
            http.vertx().setTimer(LINGER_MILLIS, timer -> request.connection().close());
        });
    }
}
