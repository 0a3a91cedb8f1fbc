package dev.hugginggpt.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the original HuggingGPT (microsoft/JARVIS, hugginggpt/server/awesome_chat.py) spends on the LLM for a plan,
 * by its rules: one call to parse the tasks; per task, one call to run it when it is one of the NLP tasks the LLM
 * does itself, else one call to choose its model when more than one candidate is available; one call for the
 * response. A single NLP task, or no task, is answered by one chat call after parsing.
 *
 * <p>Prompt tokens are an estimate, counted as our stand-in LLM counts ours (characters / 4): the original's fixed
 * prompt parts, measured once from its config.default.yaml (tprompt and prompt) and demos/*.json, plus the parts that
 * depend on the request, built as it builds them (the request, the task, up to five candidates with descriptions cut
 * to 100 characters, the task results).
 */
public final class OriginalCost {
    /** Characters of the original's parse_task system prompt, demonstrations and user prompt template. */
    static final int PARSE_FIXED_CHARS = 1819 + 3138 + 183;
    /** choose_model: system prompt, demonstration messages and user prompt template. */
    static final int CHOOSE_FIXED_CHARS = 396 + 17 + 181;
    /** response_results: system prompt, demonstration messages and user prompt template. */
    static final int RESPONSE_FIXED_CHARS = 129 + 191 + 546;
    /** The instruction around an NLP task the LLM runs itself. */
    static final int NLP_TASK_FIXED_CHARS = 200;
    static final Set<String> LLM_TASKS = Set.of("summarization", "translation", "conversational", "text-generation",
            "text2text-generation");

    /** Calls and estimated prompt tokens. */
    public record Cost(int calls, long promptTokens) {
    }

    private OriginalCost() {
    }

    /**
     * @param request the user's request
     * @param tasks the plan's tasks, as in a request view (task, id, dep, args, output)
     * @param candidates per task type, the candidates the original would list (at most five are used)
     */
    public static Cost of(String request, List<JsonNode> tasks, Map<String, List<JsonNode>> candidates) {
        long chars = PARSE_FIXED_CHARS + request.length() + 2;
        if (tasks.isEmpty() || tasks.size() == 1 && LLM_TASKS.contains(tasks.get(0).path("task").asText())) {
            return new Cost(2, (chars + request.length()) / 4);
        }
        int calls = 2;
        for (JsonNode task : tasks) {
            String command = command(task).toString();
            String type = task.path("task").asText();
            List<JsonNode> listed = candidates.getOrDefault(type, List.of());
            if (LLM_TASKS.contains(type)) {
                calls++;
                chars += NLP_TASK_FIXED_CHARS + request.length() + command.length() + task.path("args").toString().length();
            } else if (listed.size() > 1) {
                calls++;
                chars += CHOOSE_FIXED_CHARS + request.length() + 2L * command.length() + metas(listed).length();
            }
        }
        chars += RESPONSE_FIXED_CHARS + 2L * request.length() + results(tasks).length();
        return new Cost(calls, chars / 4);
    }

    static ObjectNode command(JsonNode task) {
        ObjectNode c = GatewayClient.JSON.createObjectNode();
        c.put("task", task.path("task").asText());
        c.put("id", task.path("id").asInt());
        c.set("dep", task.path("dep"));
        c.set("args", task.path("args"));
        return c;
    }

    /** Up to five candidates: id, endpoint, likes, description cut to 100 characters, tags. */
    static String metas(List<JsonNode> candidates) {
        ArrayNode metas = GatewayClient.JSON.createArrayNode();
        for (JsonNode c : candidates.subList(0, Math.min(5, candidates.size()))) {
            ObjectNode m = metas.addObject();
            m.put("id", c.path("id").asText());
            m.put("inference endpoint", "huggingface");
            m.put("likes", c.path("likes").asLong());
            String description = c.path("description").asText("").strip();
            m.put("description", description.substring(0, Math.min(100, description.length())));
            m.set("tags", c.path("meta").path("tags"));
        }
        return metas.toString();
    }

    /** Each task with the model chosen and its result, as the response prompt lists them. */
    static String results(List<JsonNode> tasks) {
        ArrayNode results = GatewayClient.JSON.createArrayNode();
        for (JsonNode t : tasks) {
            ObjectNode r = results.addObject();
            r.set("task", command(t));
            r.set("inference result", t.path("output"));
            ObjectNode choice = r.putObject("choose model result");
            choice.put("id", t.path("model").asText(""));
            choice.put("reason", t.path("reason").asText(""));
        }
        return results.toString();
    }
}
