package dev.hugginggpt.gateway.api;

import dev.hugginggpt.gateway.problem.Problem;
import dev.hugginggpt.gateway.problem.ProblemException;
import dev.hugginggpt.gateway.catalog.LiveExecutors;
import dev.hugginggpt.gateway.catalog.TaskModels;
import dev.hugginggpt.protocol.TaskType;
import dev.hugginggpt.protocol.TaskVocabulary;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/tasks")
@Tag(name = "tasks", description = "The task types and the models that can run them now.")
@Produces(MediaType.APPLICATION_JSON)
public class TaskModelsResource {
    private final LiveExecutors executors;

    public TaskModelsResource(LiveExecutors executors) {
        this.executors = executors;
    }

    @GET
    @Path("/{type}/models")
    @Operation(operationId = "listTaskModels", summary = "The models a task type can be run with", description = """
            The candidates a person can choose among when approving or writing a plan (a task's `model`): the models \
            of this type the live executors announce on hg.executors, ranked as the selector ranks them, the remote \
            backends they can call and the models they know but cannot run. Read-only; the same for every tenant.""")
    @APIResponse(responseCode = "200", description = "The candidates (possibly none).",
            content = @Content(schema = @Schema(implementation = TaskModels.class)))
    @APIResponse(responseCode = "404", description = "No such task type.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public TaskModels models(@Parameter(description = "A task type, a Hugging Face pipeline tag.", example = "text-to-speech")
            @PathParam("type") String type) {
        TaskType known = TaskVocabulary.find(type).orElseThrow(() -> ProblemException.notFound("no task type '"
                + (type.length() > 60 ? type.substring(0, 60) + "…" : type) + "'; the types are "
                + TaskVocabulary.all().stream().map(TaskType::name).collect(Collectors.joining(", "))));
        return executors.models(known.name(), Instant.now());
    }
}
