package dev.hugginggpt.gateway.api;

import dev.hugginggpt.gateway.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.hugginggpt.gateway.access.JsonBodyCheck;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Client errors as application/problem+json; on the OpenAI-compatible paths in OpenAI's error shape, as its clients read.
 * Whatever a body holds, the client gets a 4xx that says what is wrong with it, never a 500.
 */
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

    /** Not an error: the event stream of a finished request has nothing more for this client. */
    @ServerExceptionMapper
    public Response streamOver(EventStreamOver e) {
        return Response.noContent().build();
    }

    @ServerExceptionMapper
    public Response refused(JsonBodyCheck.Refused e, UriInfo uri) {
        return problem(e.problem(), uri);
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
    public Response json(JsonProcessingException e, UriInfo uri) {
        return invalidJson(e, uri);
    }

    /** A multipart body that does not follow its own boundaries. */
    @ServerExceptionMapper
    public Response malformedMultipart(MultipartParser.MalformedMessageException e, UriInfo uri) {
        return problem(ProblemException.badRequest("the multipart body is malformed; send a multipart/form-data body with a"
                + " part named 'file'"), uri);
    }

    /**
     * Quarkus refuses a multipart body of more than {@code quarkus.http.limits.max-parameters} parts with a bare
     * RuntimeException; any other RuntimeException without a mapper of its own is a server error, and stays one.
     */
    @ServerExceptionMapper
    public Response unmapped(RuntimeException e, UriInfo uri) {
        if (e.getClass() == RuntimeException.class && String.valueOf(e.getMessage()).startsWith("Param limit of")) {
            return problem(ProblemException.badRequest("a multipart body may have at most " + e.getMessage().replaceAll("\\D+", "")
                    + " parts; send one part named 'file'"), uri);
        }
        throw e;
    }

    /**
     * A request body that could not be read: the connection ended in the middle of it, or a multipart body has no closing
     * boundary. The API's own input and output failures are UncheckedIOExceptions, and stay server errors.
     */
    @ServerExceptionMapper
    public Response unreadable(IOException e, UriInfo uri) {
        String detail = String.valueOf(e.getMessage()).contains("multipart")
                ? "the multipart body ends before its closing boundary; send a multipart/form-data body with a part named 'file'"
                : "the request body could not be read (" + e.getMessage() + ")";
        return problem(ProblemException.badRequest(detail), uri);
    }

    private static boolean isOpenAiPath(UriInfo uri) {
        String path = uri.getPath();
        return path.endsWith("/chat/completions") || path.endsWith("/v1/models") || path.contains("/v1/models/");
    }

    private Response invalidJson(JsonProcessingException e, UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException limit) {
                return problem(beyondLimits(limit), uri);
            }
            if (cause instanceof JsonBodyCheck.Refused refused) {
                return problem(refused.problem(), uri);
            }
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
            return problem(ProblemException.badRequest("the body holds more after its JSON value; send one JSON object"), uri);
        }
        String where = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? " at '" + m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining(".")) + "'"
                : e.getLocation() != null && e.getLocation().getLineNr() > 0
                        ? " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"
                        : "";
        return problem(ProblemException.badRequest("the body is not valid JSON for this endpoint" + where), uri);
    }

    /** Jackson's words, without the name of its setting: too deep is a bad request, too many or too long is too large. */
    private static ProblemException beyondLimits(StreamConstraintsException e) {
        String what = e.getOriginalMessage().replaceAll(", from `[^`]*`", "");
        String detail = "the JSON body is beyond what a request may hold: " + what;
        return what.startsWith("Token count") || what.startsWith("String value length") || what.startsWith("Document length")
                ? ProblemException.tooLarge(detail) : ProblemException.badRequest(detail);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return invalidJson(json, uri);
        }
        String detail = status == 400 ? "the body is not valid JSON for this endpoint" : e.getMessage();
        return problem(new ProblemException(status, e.getResponse().getStatusInfo().getReasonPhrase(), detail), uri);
    }
}
