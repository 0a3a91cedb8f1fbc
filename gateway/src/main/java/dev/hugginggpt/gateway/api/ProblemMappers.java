package dev.hugginggpt.gateway.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Client errors as application/problem+json; on the OpenAI-compatible paths in OpenAI's error shape, as its clients read. */
public class ProblemMappers {
    static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        if (isOpenAiPath(uri)) {
            return OpenAiCompatResource.error(e);
        }
        Response.ResponseBuilder response = Response.status(e.status()).type(PROBLEM_JSON).entity(e.problem());
        if (e.retryAfterSeconds() != null) {
            response.header("Retry-After", e.retryAfterSeconds());
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return invalidJson(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(com.fasterxml.jackson.databind.exc.InvalidFormatException e, UriInfo uri) {
        return invalidJson(e, uri);
    }

    @ServerExceptionMapper
    public Response json(com.fasterxml.jackson.core.JsonProcessingException e, UriInfo uri) {
        return invalidJson(e, uri);
    }

    private static boolean isOpenAiPath(UriInfo uri) {
        String path = uri.getPath();
        return path.endsWith("/chat/completions") || path.endsWith("/v1/models");
    }

    private Response invalidJson(com.fasterxml.jackson.core.JsonProcessingException e, UriInfo uri) {
        String where = e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()
                ? " at '" + m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(java.util.stream.Collectors.joining(".")) + "'"
                : "";
        return problem(ProblemException.badRequest("the body is not valid JSON for this endpoint" + where), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String detail = status == 400 ? "the body is not valid JSON for this endpoint" : e.getMessage();
        return problem(new ProblemException(status, e.getResponse().getStatusInfo().getReasonPhrase(), detail), uri);
    }
}
