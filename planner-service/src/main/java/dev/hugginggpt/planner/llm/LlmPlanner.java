package dev.hugginggpt.planner.llm;

import dev.hugginggpt.planner.catalog.ServedTaskTypes;
import dev.hugginggpt.planner.config.PlannerConfig;
import dev.hugginggpt.planner.conversation.SmallTalk;
import dev.hugginggpt.planner.plan.PlanningResult;
import dev.hugginggpt.planner.plan.TaskPlanner;
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
 * with the last errors as the reason. There is no silent fallback to another planner. A prose answer to
 * small talk is the LLM answering it, as in HuggingGPT: the direct reply, with no task. A model that answers a
 * request in prose twice is not planning, and is not asked a third time.
 */
@ApplicationScoped
public class LlmPlanner implements TaskPlanner {
    /** The longest prose answer passed on as a direct reply; the rest is cut. */
    static final int MAX_REPLY_CHARS = 4000;
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
        boolean smallTalk = SmallTalk.answeredDirectly(request.lastUserMessage());
        boolean proseBefore = false;
        int attempts = 0;
        for (int attempt = 0; attempt <= config.llmRepairAttempts(); attempt++) {
            attempts++;
            ChatResponse response = chatModel.chat(ChatRequest.builder().messages(messages).build());
            usage = usage.plus(usageOf(response));
            String answer = response.aiMessage() == null ? null : response.aiMessage().text();
            boolean prose = PlanParser.isProse(answer);
            if (prose && smallTalk) {
                return PlanningResult.replied(reply(answer), name(), usage);
            }
            if (prose && proseBefore) {
                return PlanningResult.failed(name(), usage, "the LLM planner got no plan from the LLM: it answered in prose"
                        + " twice, with no JSON plan in it, even when asked for " + PlanParser.FORMAT + "; its last answer began: \""
                        + abbreviated(answer) + "\"");
            }
            proseBefore = prose;
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
                + attempts + " attempts; what was wrong with its last answer: " + String.join("; ", problems));
    }

    private static String reply(String answer) {
        String text = answer.strip();
        return text.length() <= MAX_REPLY_CHARS ? text : text.substring(0, MAX_REPLY_CHARS) + "…";
    }

    private static String abbreviated(String answer) {
        String start = answer.strip();
        String line = start.substring(0, Math.min(start.length(), 200)).replaceAll("\\s+", " ");
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }

    private static LlmUsage usageOf(ChatResponse response) {
        TokenUsage tokens = response.tokenUsage();
        return tokens == null ? LlmUsage.oneCall(null, null) : LlmUsage.oneCall(tokens.inputTokenCount(), tokens.outputTokenCount());
    }
}
