package dev.hugginggpt.gateway.api.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An error in OpenAI's shape, as its clients read it.")
public record OpenAiError(@Schema(required = true) Body error) {

    @Schema(name = "OpenAiErrorBody")
    public record Body(
            @Schema(required = true, description = "What is wrong and how to fix it.") String message,
            @Schema(required = true, enumeration = {"invalid_request_error", "authentication_error", "not_found_error",
                    "rate_limit_error", "server_error"}) String type,
            @JsonInclude(JsonInclude.Include.ALWAYS)
            @Schema(required = true, type = SchemaType.STRING, nullable = true, description = "The request parameter at fault, if one is.") String param,
            @JsonInclude(JsonInclude.Include.ALWAYS)
            @Schema(required = true, type = SchemaType.STRING, nullable = true, description = "unsupported_parameter for a parameter this server refuses.") String code) {
    }
}
