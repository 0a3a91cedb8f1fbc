package dev.hugginggpt.gateway.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Client errors as application/problem+json. */
public class ProblemMappers {
    static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Response.status(e.status()).type(PROBLEM_JSON).entity(e.problem()).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String detail = status == 400 ? "the body is not valid JSON for this endpoint" : e.getMessage();
        return Response.status(status).type(PROBLEM_JSON)
                .entity(new Problem("about:blank", e.getResponse().getStatusInfo().getReasonPhrase(), status, detail)).build();
    }
}
