package dev.hugginggpt.planner.llm;

import dev.hugginggpt.planner.catalog.ServedTaskTypes;
import dev.hugginggpt.planner.config.PlannerConfig;
import dev.hugginggpt.planner.service.PlanningResult;
import dev.hugginggpt.planner.service.TaskPlanner;
import dev.hugginggpt.protocol.LlmUsage;
import dev.hugginggpt.protocol.PlanValidator;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.UserRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans with an OpenAI-compatible LLM. An answer that does not parse or validate is sent back with
 * its errors, at most {@code hg.planner.llm-repair-attempts} times; after that the request fails
 * with the last errors as the reason. There is no silent fallback to another planner.
 */
@ApplicationScoped
public class LlmPlanner implements TaskPlanner {
    private final ChatModel chatModel;
    private final PlannerConfig config;
    private final PlanValidator validator;
    private final ServedTaskTypes served;

    public LlmPlanner(ChatModel chatModel, PlannerConfig config, ServedTaskTypes served) {
        this.chatModel = chatModel;
        this.served = served;
        this.config = config;
        this.validator = new PlanValidator(config.maxTasks(), type -> true);
    }

    @Override
    public String name() {
        return "llm";
    }

    @Override
    public PlanningResult plan(UserRequest request) {
        List<ChatMessage> messages = new ArrayList<>(PlanningPrompt.build(served.types(Instant.now()), request.history(),
                request.lastUserMessage(), request.resources(), config.llmContextTokens()));
        LlmUsage usage = LlmUsage.NONE;
        List<String> problems = List.of();
        for (int attempt = 0; attempt <= config.llmRepairAttempts(); attempt++) {
            ChatResponse response = chatModel.chat(ChatRequest.builder().messages(messages).build());
            usage = usage.plus(usageOf(response));
            String answer = response.aiMessage() == null ? null : response.aiMessage().text();
            try {
                List<PlannedTask> plan = PlanValidator.normalize(PlanParser.parse(answer));
                problems = validator.validate(plan);
                if (problems.isEmpty()) {
                    return PlanningResult.planned(plan, name(), usage);
                }
            } catch (PlanParseException e) {
                problems = List.of(e.getMessage());
            }
            messages.add(AiMessage.from(answer == null ? "" : answer));
            messages.add(UserMessage.from("That plan cannot be used: " + String.join("; ", problems)
                    + ". Answer again with the corrected JSON array only."));
        }
        return PlanningResult.failed(name(), usage, "the LLM gave no valid plan after "
                + (config.llmRepairAttempts() + 1) + " attempts: " + String.join("; ", problems));
    }

    private static LlmUsage usageOf(ChatResponse response) {
        TokenUsage tokens = response.tokenUsage();
        return tokens == null ? LlmUsage.oneCall(null, null) : LlmUsage.oneCall(tokens.inputTokenCount(), tokens.outputTokenCount());
    }
}
