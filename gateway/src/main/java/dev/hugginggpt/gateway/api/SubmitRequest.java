package dev.hugginggpt.gateway.api;

import dev.hugginggpt.protocol.ChatMessage;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.RequestOptions;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A request: the conversation so far, ending with the user's new message, and uploaded files.")
public record SubmitRequest(
        @Schema(description = "The conversation; the last user message is the request. May be left out when 'plan' is"
                + " given.") List<ChatMessage> messages,
        @Schema(description = "Ids of uploaded resources (POST /v1/resources) the request may use.") List<String> resources,
        @Schema(description = "Options.") RequestOptions options,
        @Schema(description = "A plan to run instead of planning (the tasks of a plan from POST /v1/plan or GET"
                + " /v1/requests/{id}, edited or not); checked like a planner's plan, a 400 names every problem. An"
                + " empty list is no plan: the request is planned (generated clients send one for a list not set).")
        List<PlannedTask> plan) {

    /** Clients generated from the API document send {@code "plan": []} for a plan they were not given. */
    public SubmitRequest {
        plan = plan == null || plan.isEmpty() ? null : plan;
    }

    /** A request without a plan of its own. */
    public SubmitRequest(List<ChatMessage> messages, List<String> resources, RequestOptions options) {
        this(messages, resources, options, null);
    }
}
