package dev.hugginggpt.gateway.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An error, as RFC 9457 problem details.")
public record Problem(
        @Schema(description = "Problem type URI.") String type,
        @Schema(description = "Short summary.") String title,
        @Schema(description = "HTTP status.") int status,
        @Schema(description = "What went wrong and how to fix it.") String detail) {
}
