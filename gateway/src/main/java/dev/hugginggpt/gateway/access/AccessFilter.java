package dev.hugginggpt.gateway.access;

import dev.hugginggpt.gateway.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Every API call carries a key ({@code Authorization: Bearer KEY} or {@code X-API-Key}); the key names the tenant. */
public class AccessFilter {
    private final ApiKeys keys;
    private final Caller caller;

    public AccessFilter(ApiKeys keys, Caller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @ServerRequestFilter(preMatching = true)
    public void authenticate(ContainerRequestContext request) {
        if (!keys.required()) {
            caller.tenant(ApiKeys.LOCAL_TENANT);
            return;
        }
        String key = request.getHeaderString("X-API-Key");
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (key == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = authorization.substring(7);
        }
        if (key == null || key.isBlank()) {
            throw new ProblemException(401, "Unauthorized",
                    "send your API key as 'Authorization: Bearer KEY' or 'X-API-Key: KEY'");
        }
        caller.tenant(keys.tenantOf(key).orElseThrow(() -> new ProblemException(401, "Unauthorized", "unknown API key")));
    }
}
