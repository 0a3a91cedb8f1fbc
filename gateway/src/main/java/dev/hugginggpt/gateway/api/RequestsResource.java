package dev.hugginggpt.gateway.api;

import dev.hugginggpt.gateway.config.GatewayConfig;
import dev.hugginggpt.gateway.problem.ProblemException;
import dev.hugginggpt.gateway.problem.Problem;
import dev.hugginggpt.gateway.access.Caller;
import dev.hugginggpt.gateway.config.RequestJson;
import dev.hugginggpt.gateway.view.RequestView;
import dev.hugginggpt.gateway.view.RequestViews;
import dev.hugginggpt.gateway.view.SequencedEvent;
import dev.hugginggpt.protocol.RequestEvent;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

@Path("/v1")
@Tag(name = "requests", description = "Submit requests and follow them through planning, selection, execution and response.")
@Produces(MediaType.APPLICATION_JSON)
public class RequestsResource {
    private final RequestSubmitter submitter;
    private final RequestViews views;
    private final Caller caller;
    private final Duration chatTimeout;
    private final Duration heartbeat;
    private final Approvals approvals;
    private final Cancellations cancellations;
    /** The longest a submission waits for its records to be written (the producer's own bound is longer). */
    private static final Duration RECORD_SEND_WAIT = Duration.ofSeconds(60);
    private final Duration cancelWait;

    public RequestsResource(RequestSubmitter submitter, RequestViews views, Caller caller, Approvals approvals,
            Cancellations cancellations, GatewayConfig config) {
        this.heartbeat = config.streams().streamHeartbeat();
        this.cancelWait = config.lifecycle().cancelWait();
        this.approvals = approvals;
        this.cancellations = cancellations;
        this.submitter = submitter;
        this.views = views;
        this.caller = caller;
        this.chatTimeout = config.streams().chatTimeout();
    }

    @POST
    @Path("/requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitRequest", summary = "Submit a request", description = "Accepts the request and returns at once; follow it with GET or the event stream.")
    @APIResponse(responseCode = "202", description = "Accepted; Location names the request.",
            content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request.", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Blocking
    @CustomDeserialization(RequestJson.class)
    public Response submit(SubmitRequest body) {
        // Answered on this worker thread once the records are written: a response resumed on the producer's thread
        // was seen, rarely, without its request context (a 500).
        String id = awaitHere(submitter.submit(body, caller.tenant(), false), RECORD_SEND_WAIT);
        return Response.accepted(views.find(id).orElseThrow()).location(URI.create("/v1/requests/" + id)).build();
    }

    /** What a Uni of this request gives, waited for on the worker thread; past {@code atMost} a 503. */
    private static <T> T awaitHere(Uni<T> work, Duration atMost) {
        try {
            return work.await().atMost(atMost);
        } catch (io.smallrye.mutiny.TimeoutException e) {
            throw ProblemException.unavailable("no answer from Kafka within " + atMost.toSeconds() + " s; try again");
        }
    }

    @GET
    @Path("/requests/{id}")
    @Operation(operationId = "getRequest", summary = "Get a request", description = "Stage, plan, per-task status, model and output, and the answer.")
    @APIResponse(responseCode = "200", description = "The request.", content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "404", description = "No such request.", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public RequestView get(@PathParam("id") String id) {
        return views.find(id, caller.tenant()).orElseThrow(() -> ProblemException.notFound("no request " + id));
    }

    @POST
    @Path("/requests/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "approveRequest", summary = "Approve a plan", description = """
            Runs the plan of a request that waits at AWAITING_APPROVAL (options.approval: required): as planned with an \
            empty body or `{}`, or as edited with `{"plan": [tasks]}` (arguments changed, tasks removed, a task's \
            `model` chosen among its candidates). An edited plan is checked like a submitted one; a 400 names every \
            problem and the request keeps waiting. An APPROVED event carries the plan that runs.""")
    @APIResponse(responseCode = "202", description = "Approved; the plan runs.", content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "400", description = "The edited plan cannot run; the detail names each problem.", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such request.", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The request does not wait for approval (never did, already approved, or over).", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Blocking
    @CustomDeserialization(RequestJson.class)
    public Response approve(@PathParam("id") String id, ApproveRequest body) {
        return Response.accepted(approvals.approve(id, caller.tenant(), body)).location(URI.create("/v1/requests/" + id))
                .build();
    }

    @POST
    @Path("/requests/{id}/cancel")
    @Operation(operationId = "cancelRequest", summary = "Cancel a request", description = """
            Ends a request that is not over: its tasks not started do not start, its running tasks are stopped (a \
            local program is killed), and it ends FAILED with an error saying which tasks were not started, stopped \
            or had already ended. No body. Waits (at most HG_CANCEL_WAIT) for the selector to confirm.""")
    @APIResponse(responseCode = "200", description = "Cancelled: the request view, FAILED, its error saying what was cancelled.", content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "404", description = "No such request.", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The request is already over, or its answer is being written.", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @Blocking
    public RequestView cancel(@PathParam("id") String id) {
        return awaitHere(cancellations.cancel(id, caller.tenant()), cancelWait.plus(RECORD_SEND_WAIT));
    }

    @GET
    @Path("/requests/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(operationId = "streamRequestEvents", summary = "Stream a request's events", description = """
            Server-Sent Events (WHATWG HTML): every stage and task transition, past ones first, then live ones. Each event \
            has an `id:` (its place in the request's history: 1, 2, 3, ...), an `event:` naming its type (ACCEPTED, \
            PLANNED, TASK_SELECTED, ...) and a `data:` line holding the RequestEvent as JSON. A comment line \
            (`: keep-alive`) is sent whenever nothing has happened for a while. The stream ends after DONE or FAILED. \
            A reconnect with `Last-Event-ID` gets only the later events; once the request is over and the client has \
            had its last event, the answer is 204 No Content, which stops an EventSource. Events come in the order the \
            gateway received them from the services (a task's events may come before PLANNED, and a TASK_STARTED \
            after its TASK_FINISHED); TASK_STARTED only for a task still running 250 ms after it started, a quicker \
            task's TASK_FINISHED says when and where it ran.""")
    @APIResponse(responseCode = "200", description = "The event stream; each event's data is a RequestEvent.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING,
                    description = "text/event-stream: `id: N`, `event: TYPE`, `data: {RequestEvent}` and a blank line per"
                            + " event; `: keep-alive` comments.")))
    @APIResponse(responseCode = "204", description = "The request is over and Last-Event-ID names its last event: nothing more will come.")
    @APIResponse(responseCode = "404", description = "No such request.", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Multi<OutboundSseEvent> events(@PathParam("id") String id,
            @Parameter(description = "The id of the last event the client has; only later ones are sent.")
            @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        RequestViews.HistoryEnd end = views.find(id, caller.tenant()).flatMap(v -> views.historyEnd(id))
                .orElseThrow(() -> ProblemException.notFound("no request " + id));
        long after = lastEventId(lastEventId);
        if (after > 0 && end.over() && after >= end.events()) {
            throw new EventStreamOver(id);
        }
        Multi<OutboundSseEvent> events = views.stream(id, after).filter(SequencedEvent::isKept)
                .map(e -> sse.newEventBuilder().id(Long.toString(e.id())).name(e.event().type().name())
                        .data(RequestEvent.class, e.event()).build());
        return Heartbeats.whileQuiet(events, heartbeat, () -> sse.newEventBuilder().comment("keep-alive").build());
    }

    /** The number in a Last-Event-ID header; anything else (absent, not one of this API's ids) is 0: from the start. */
    private static long lastEventId(String header) {
        if (header == null || !header.strip().matches("\\d{1,18}")) {
            return 0;
        }
        return Long.parseLong(header.strip());
    }

    @POST
    @Path("/chat")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "chat", summary = "Ask and wait", description = "Submits the request and waits (bounded) for the answer; returns the full request view.")
    @APIResponse(responseCode = "200", description = "Done or failed.", content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "202", description = "Still running when the wait ended (HG_CHAT_TIMEOUT); follow Location.",
            content = @Content(schema = @Schema(implementation = RequestView.class)))
    @Blocking
    @CustomDeserialization(RequestJson.class)
    public Uni<Response> chat(SubmitRequest body) {
        return submitter.submit(body, caller.tenant(), false).chain(id -> waitFor(id));
    }

    @POST
    @Path("/plan")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "plan", summary = "Plan only", description = "Runs task planning only and returns the plan; nothing is executed.")
    @APIResponse(responseCode = "200", description = "The planned request.", content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "202", description = "Still planning when the wait ended (HG_CHAT_TIMEOUT); follow Location.",
            content = @Content(schema = @Schema(implementation = RequestView.class)))
    @Blocking
    @CustomDeserialization(RequestJson.class)
    public Uni<Response> plan(SubmitRequest body) {
        return submitter.submit(body, caller.tenant(), true).chain(id -> waitFor(id));
    }

    private Uni<Response> waitFor(String id) {
        return Uni.createFrom().completionStage(() -> views.whenTerminal(id))
                .map(view -> Response.ok(view).build())
                .ifNoItem().after(chatTimeout)
                .recoverWithItem(() -> Response.accepted(views.find(id).orElseThrow())
                        .location(URI.create("/v1/requests/" + id)).build());
    }
}
