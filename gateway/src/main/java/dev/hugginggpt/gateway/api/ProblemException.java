package dev.hugginggpt.gateway.api;

/** A client error the API reports as problem+json. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final Long retryAfterSeconds;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, null);
    }

    private ProblemException(int status, String title, String detail, Long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(429, "Too many requests", detail, retryAfterSeconds);
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "Service unavailable", detail);
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "Content too large", detail);
    }

    public static ProblemException unsupportedType(String detail) {
        return new ProblemException(415, "Unsupported media type", detail);
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad request", detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail);
    }

    public Problem problem() {
        return new Problem("about:blank", title, status, getMessage());
    }

    public int status() {
        return status;
    }
}
