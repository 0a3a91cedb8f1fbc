package dev.hugginggpt.gateway.access;

import dev.hugginggpt.gateway.api.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * JSON bodies are requests, not files: larger than {@code hg.gateway.max-json-bytes} is refused before it is read.
 * A chat completion may also carry files in base64 ({@code hg.gateway.max-inline-file-bytes} decoded).
 */
public class BodyLimit {
    private final long maxJsonBytes;
    private final long maxChatCompletionBytes;

    public BodyLimit(@ConfigProperty(name = "hg.gateway.max-json-bytes", defaultValue = "1048576") long maxJsonBytes,
            @ConfigProperty(name = "hg.gateway.max-inline-file-bytes", defaultValue = "10485760") long maxInlineFileBytes) {
        this.maxJsonBytes = maxJsonBytes;
        this.maxChatCompletionBytes = maxJsonBytes + (maxInlineFileBytes / 3 + 1) * 4;
    }

    @ServerRequestFilter(preMatching = true)
    public void limit(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && length != null) {
            long max = request.getUriInfo().getPath().endsWith("/chat/completions") ? maxChatCompletionBytes : maxJsonBytes;
            try {
                if (Long.parseLong(length.strip()) > max) {
                    throw ProblemException.tooLarge("a JSON request body may have at most " + max + " bytes");
                }
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("invalid Content-Length");
            }
        }
    }
}
