package dev.hugginggpt.gateway.problem;

/** A client error the API reports as problem+json. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final Long retryAfterSeconds;
    /** The request parameter at fault, for the OpenAI error shape; and whether the server refuses it altogether. */
    private final String param;
    private final boolean unsupported;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, null, null, false);
    }

    private ProblemException(int status, String title, String detail, Long retryAfterSeconds, String param, boolean unsupported) {
        super(detail);
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
        this.param = param;
        this.unsupported = unsupported;
    }

    /** A parameter with a value that is not what it must be. */
    public static ProblemException badParameter(String param, String detail) {
        return new ProblemException(400, "Bad request", detail, null, param, false);
    }

    /** A parameter asking for something this server does not do. */
    public static ProblemException unsupportedParameter(String param, String detail) {
        return new ProblemException(400, "Bad request", detail, null, param, true);
    }

    public String param() {
        return param;
    }

    public boolean isUnsupportedParameter() {
        return unsupported;
    }

    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(429, "Too many requests", detail, retryAfterSeconds, null, false);
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

    /** The request is not in a state where this can be done (approving one that does not wait, cancelling one over). */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
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
