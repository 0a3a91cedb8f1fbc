package dev.hugginggpt.gateway.access;

import dev.hugginggpt.gateway.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * JSON bodies (and bodies without a Content-Type, which the API reads as JSON) are requests, not files: larger than
 * {@code hg.gateway.max-json-bytes} is refused. A chat completion may
 * also carry files in base64 ({@code hg.gateway.max-inline-file-bytes} decoded). A declared Content-Length over the limit
 * is refused before a byte is read; a body without one (chunked) is counted as it is read, by {@link JsonBodyCheck}.
 */
public class BodyLimit {
    /** The request property that tells {@link JsonBodyCheck} the most bytes this request's JSON body may have. */
    static final String MAX_JSON_BYTES = "hg.max-json-bytes";

    private final long maxJsonBytes;
    private final long maxChatCompletionBytes;

    public BodyLimit(@ConfigProperty(name = "hg.gateway.max-json-bytes", defaultValue = "1048576") long maxJsonBytes,
            @ConfigProperty(name = "hg.gateway.max-inline-file-bytes", defaultValue = "10485760") long maxInlineFileBytes) {
        this.maxJsonBytes = maxJsonBytes;
        this.maxChatCompletionBytes = maxJsonBytes + (maxInlineFileBytes / 3 + 1) * 4;
    }

    @ServerRequestFilter(preMatching = true)
    public void limit(ContainerRequestContext request) {
        MediaType type = mediaType(request.getHeaderString(HttpHeaders.CONTENT_TYPE));
        if (type != null && !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return;
        }
        long max = request.getUriInfo().getPath().endsWith("/chat/completions") ? maxChatCompletionBytes : maxJsonBytes;
        request.setProperty(MAX_JSON_BYTES, max);
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > max) {
                    throw ProblemException.tooLarge("a JSON request body may have at most " + max + " bytes");
                }
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("invalid Content-Length");
            }
        }
    }

    /** The declared type, null without one; a header that is no media type is the client's error, not the server's. */
    private static MediaType mediaType(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return MediaType.valueOf(header);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("the Content-Type header '" + header + "' is not a media type (application/json,"
                    + " multipart/form-data, ...)");
        }
    }
}
