package dev.hugginggpt.gateway.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Client errors as application/problem+json. */
public class ProblemMappers {
    static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder response = Response.status(e.status()).type(PROBLEM_JSON).entity(e.problem());
        if (e.retryAfterSeconds() != null) {
            response.header("Retry-After", e.retryAfterSeconds());
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return invalidJson(e);
    }

    @ServerExceptionMapper
    public Response invalidFormat(com.fasterxml.jackson.databind.exc.InvalidFormatException e) {
        return invalidJson(e);
    }

    @ServerExceptionMapper
    public Response json(com.fasterxml.jackson.core.JsonProcessingException e) {
        return invalidJson(e);
    }

    private static Response invalidJson(com.fasterxml.jackson.core.JsonProcessingException e) {
        String where = e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()
                ? " at '" + m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(java.util.stream.Collectors.joining(".")) + "'"
                : "";
        return Response.status(400).type(PROBLEM_JSON).entity(new Problem("about:blank", "Bad request", 400,
                "the body is not valid JSON for this endpoint" + where)).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String detail = status == 400 ? "the body is not valid JSON for this endpoint" : e.getMessage();
        return Response.status(status).type(PROBLEM_JSON)
                .entity(new Problem("about:blank", e.getResponse().getStatusInfo().getReasonPhrase(), status, detail)).build();
    }
}
