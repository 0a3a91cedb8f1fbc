package dev.hugginggpt.gateway.access;

import dev.hugginggpt.gateway.problem.ProblemException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A JSON body is checked on its bytes as the JSON reader takes them ({@link CheckedJsonBody}): refused (413) once it has
 * more than its limit ({@link BodyLimit}), with or without a Content-Length, and refused (400) at the first byte that is
 * not UTF-8, so that the text the API reads is the text the client wrote (a U+FFFD the client typed is a character).
 * Request bodies only: the REST clients (the LLM's answers) do not go through it.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class JsonBodyCheck implements ReaderInterceptor {
    private final long maxJsonBytes;
    private final CurrentVertxRequest http;

    public JsonBodyCheck(@ConfigProperty(name = "hg.gateway.max-json-bytes", defaultValue = "1048576") long maxJsonBytes,
            CurrentVertxRequest http) {
        this.maxJsonBytes = maxJsonBytes;
        this.http = http;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            long max = context.getProperty(BodyLimit.MAX_JSON_BYTES) instanceof Long limit ? limit : maxJsonBytes;
            context.setInputStream(new CheckedJsonBody(context.getInputStream(), max, http.getCurrent()));
        }
        return context.proceed();
    }

    /** A body refused while it was read; an IOException, so that the JSON reader passes it on as it is. */
    public static final class Refused extends IOException {
        private final transient ProblemException problem;

        Refused(ProblemException problem) {
            super(problem.getMessage());
            this.problem = problem;
        }

        public ProblemException problem() {
            return problem;
        }
    }
}
