package dev.hugginggpt.planner.service;

import dev.hugginggpt.planner.config.PlannerConfig;
import dev.hugginggpt.planner.conversation.Capabilities;
import dev.hugginggpt.planner.embedded.EmbeddedPlanner;
import dev.hugginggpt.planner.llm.LlmPlanner;
import dev.hugginggpt.planner.plan.PlanningResult;
import dev.hugginggpt.planner.plan.TaskPlanner;
import dev.hugginggpt.protocol.UserRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Chooses the planner for a request: the LLM when configured (or asked for), else the embedded one. */
@ApplicationScoped
public class PlanningService {
    private static final Logger LOG = Logger.getLogger(PlanningService.class);

    private final PlannerConfig config;
    private final EmbeddedPlanner embedded;
    private final LlmPlanner llm;
    private final Capabilities capabilities;

    public PlanningService(PlannerConfig config, EmbeddedPlanner embedded, LlmPlanner llm, Capabilities capabilities) {
        this.config = config;
        this.embedded = embedded;
        this.llm = llm;
        this.capabilities = capabilities;
    }

    public PlanningResult plan(UserRequest request) {
        String wanted = request.options() == null ? "auto" : request.options().plannerOrAuto();
        boolean llmConfigured = config.llmBaseUrl().filter(u -> !u.isBlank()).isPresent();
        TaskPlanner planner = switch (wanted) {
            case "embedded" -> embedded;
            case "llm" -> llmConfigured ? llm : null;
            default -> llmConfigured ? llm : embedded;
        };
        if (planner == null) {
            return PlanningResult.failed("llm", null,
                    "the LLM planner was requested but no LLM is configured (set HG_LLM_BASE_URL)");
        }
        return withReply(planWith(planner, request), request);
    }

    /** A plan without tasks is conversation: it carries the direct answer (what this deployment can do right now). */
    private PlanningResult withReply(PlanningResult result, UserRequest request) {
        if (!result.ok() || !result.tasks().isEmpty() || result.reply() != null) {
            return result;
        }
        return PlanningResult.replied(capabilities.reply(request.lastUserMessage(), Instant.now()), result.planner(), result.usage());
    }

    /**
     * The planner's plan, or a failed result with the reason when planning throws: an exception, or a stack
     * overflow, which a request's own data can cause (text too long or too deeply nested for a parser or a regular
     * expression). The request then fails with that reason instead of staying in planning. Other errors of the VM,
     * such as running out of memory, are not one request's doing and are left alone.
     */
    static PlanningResult planWith(TaskPlanner planner, UserRequest request) {
        try {
            return planner.plan(request);
        } catch (RuntimeException e) {
            LOG.warnf(e, "planner %s failed on request %s", planner.name(), request.requestId());
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return PlanningResult.failed(planner.name(), null, planner.name() + " planner error: " + why);
        } catch (StackOverflowError e) {
            LOG.warnf("planner %s ran out of stack on request %s", planner.name(), request.requestId());
            return PlanningResult.failed(planner.name(), null, "the request could not be planned: the " + planner.name()
                    + " planner ran out of stack on its text (too long or too deeply nested); shorten the message or"
                    + " split it into several requests");
        }
    }
}
