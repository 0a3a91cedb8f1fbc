package dev.hugginggpt.planner.llm;

import dev.hugginggpt.planner.catalog.ServedTaskTypes;
import dev.hugginggpt.planner.config.PlannerConfig;
import dev.hugginggpt.planner.service.PlanningResult;
import dev.hugginggpt.planner.service.TaskPlanner;
import dev.hugginggpt.protocol.LlmUsage;
import dev.hugginggpt.protocol.PlanValidator;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.TaskType;
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
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans with an OpenAI-compatible LLM. An answer that does not parse or validate is sent back with
 * its errors, at most {@code hg.planner.llm-repair-attempts} times; after that the request fails
 * with the last errors as the reason. There is no silent fallback to another planner.
 */
@ApplicationScoped
public class LlmPlanner implements TaskPlanner {
    private final ChatModel chatModel;
    private final PlannerConfig config;
    private final ServedTaskTypes served;

    public LlmPlanner(ChatModel chatModel, PlannerConfig config, ServedTaskTypes served) {
        this.chatModel = chatModel;
        this.served = served;
        this.config = config;
    }

    @Override
    public String name() {
        return "llm";
    }

    @Override
    public PlanningResult plan(UserRequest request) {
        List<TaskType> types = served.types(Instant.now());
        Set<String> allowed = types.stream().map(TaskType::name).collect(Collectors.toSet());
        // a type the prompt did not offer (unknown, or served by no live executor) is re-asked, never accepted
        PlanValidator validator = new PlanValidator(config.maxTasks(), allowed::contains);
        RequestFiles files = RequestFiles.of(request);
        List<ChatMessage> messages = new ArrayList<>(PlanningPrompt.build(types, request.history(),
                request.lastUserMessage(), request.resources(), config.llmContextTokens()));
        LlmUsage usage = LlmUsage.NONE;
        List<String> problems = List.of();
        for (int attempt = 0; attempt <= config.llmRepairAttempts(); attempt++) {
            ChatResponse response = chatModel.chat(ChatRequest.builder().messages(messages).build());
            usage = usage.plus(usageOf(response));
            String answer = response.aiMessage() == null ? null : response.aiMessage().text();
            try {
                List<PlannedTask> plan = PlanValidator.normalize(PlanParser.parse(answer));
                problems = new ArrayList<>(validator.validate(plan));
                problems.addAll(files.problems(plan));
                if (problems.isEmpty()) {
                    return PlanningResult.planned(plan, name(), usage);
                }
            } catch (PlanParseException e) {
                problems = List.of(e.getMessage());
            }
            messages.add(AiMessage.from(answer == null ? "" : answer));
            messages.add(UserMessage.from("That plan cannot be used: " + String.join("; ", problems) + ".\nAnswer again with "
                    + PlanParser.FORMAT + ", and nothing else. \"task\" must be one of: "
                    + types.stream().map(TaskType::name).collect(Collectors.joining(", ")) + "."));
        }
        return PlanningResult.failed(name(), usage, "the LLM planner got no usable plan from the LLM after "
                + (config.llmRepairAttempts() + 1) + " attempts; what was wrong with its last answer: " + String.join("; ", problems));
    }

    private static LlmUsage usageOf(ChatResponse response) {
        TokenUsage tokens = response.tokenUsage();
        return tokens == null ? LlmUsage.oneCall(null, null) : LlmUsage.oneCall(tokens.inputTokenCount(), tokens.outputTokenCount());
    }
}
