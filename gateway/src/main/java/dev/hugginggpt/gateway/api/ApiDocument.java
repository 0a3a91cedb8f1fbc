package dev.hugginggpt.gateway.api;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The OpenAPI document's header: every operation takes the caller's API key as a bearer token. */
@OpenAPIDefinition(
        info = @Info(title = "HuggingGPT for the JVM", version = "1.0"),
        components = @Components(securitySchemes = @SecurityScheme(securitySchemeName = "apiKey",
                type = SecuritySchemeType.HTTP, scheme = "bearer",
                description = "The API key as 'Authorization: Bearer KEY' ('X-API-Key: KEY' works too).")),
        security = @SecurityRequirement(name = "apiKey"))
public class ApiDocument extends Application {
}
