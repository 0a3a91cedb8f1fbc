package dev.hugginggpt.selector.selection;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hugginggpt.protocol.LlmUsage;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.ModelChoice;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The in-context model choice: one LLM call for all the tasks of a plan that have more than one
 * candidate. An answer that names no candidate, or no answer at all, leaves a task with its
 * top-ranked model, and the reason says so. It never fails a request.
 */
@ApplicationScoped
public class InContextChooser {
    private static final Logger LOG = Logger.getLogger(InContextChooser.class);
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .build();
    private static final int DESCRIPTION_CHARS = 240;
    static final String INSTRUCTIONS = """
            #2 Model selection stage. For each task of the user's request you get a list of candidate models \
            (id, backend, downloads, likes, description). Pick, for every task, the candidate most likely to do \
            that task well for this request: read the descriptions first; prefer local models, which are faster \
            and more reliable, when they fit. Answer with a JSON array only, one object per task:
            [{"task": TASK_ID, "id": "MODEL_ID", "reason": "why, in one sentence"}]
            Use only ids from the task's own candidate list.""";

    private final ChatModel chatModel;

    public InContextChooser(ChatModel chatModel) {
        this.chatModel = chatModel;
    }

    public InContextChoice choose(String userMessage, List<TaskCandidates> tasks) {
        List<TaskCandidates> open = tasks.stream().filter(t -> t.ranked().size() > 1).toList();
        if (open.isEmpty()) {
            return InContextChoice.NONE;
        }
        String answer;
        LlmUsage usage;
        try {
            ChatResponse response = chatModel.chat(ChatRequest.builder()
                    .messages(SystemMessage.from(INSTRUCTIONS), UserMessage.from(prompt(userMessage, open))).build());
            usage = usageOf(response);
            answer = response.aiMessage() == null ? null : response.aiMessage().text();
        } catch (RuntimeException e) {
            LOG.warnf("in-context model choice failed: %s", e.getMessage());
            return fallback(open, new LlmUsage(1, 0, 0), "the LLM call failed (" + e.getMessage() + ")");
        }
        Map<Integer, Pick> picked = parse(answer);
        Map<Integer, ModelChoice> picks = new LinkedHashMap<>();
        int followed = 0;
        for (TaskCandidates t : open) {
            Pick pick = picked.get(t.taskId());
            Optional<ModelCard> card = pick == null ? Optional.empty()
                    : t.ranked().stream().filter(m -> m.id().equals(pick.modelId())).findFirst();
            if (card.isPresent()) {
                followed++;
                String reason = "chosen by the LLM from " + t.ranked().size() + " candidates"
                        + (pick.reason().isBlank() ? "" : ": " + pick.reason());
                picks.put(t.taskId(), new ModelChoice(card.get().id(), card.get().backend(), reason));
            } else {
                ModelCard top = t.ranked().get(0);
                String why = pick == null ? "the LLM named no model for this task"
                        : "the LLM named " + pick.modelId() + ", which is not a candidate";
                picks.put(t.taskId(), new ModelChoice(top.id(), top.backend(), why + "; took the top-ranked"));
            }
        }
        return new InContextChoice(picks, usage,
                "the LLM chose the models of " + followed + " of " + open.size() + " tasks in one call");
    }

    private static InContextChoice fallback(List<TaskCandidates> open, LlmUsage usage, String why) {
        Map<Integer, ModelChoice> picks = new LinkedHashMap<>();
        for (TaskCandidates t : open) {
            ModelCard top = t.ranked().get(0);
            picks.put(t.taskId(), new ModelChoice(top.id(), top.backend(), why + "; took the top-ranked"));
        }
        return new InContextChoice(picks, usage, why);
    }

    static String prompt(String userMessage, List<TaskCandidates> open) {
        StringBuilder p = new StringBuilder("The user's request: ").append(userMessage).append("\n");
        for (TaskCandidates t : open) {
            p.append("\nTask ").append(t.taskId()).append(": ").append(t.task()).append(", arguments ")
                    .append(t.args()).append("\nCandidates:\n");
            for (ModelCard m : t.ranked()) {
                p.append("- {\"id\": \"").append(m.id()).append("\", \"backend\": \"").append(m.backend())
                        .append("\", \"downloads\": ").append(m.downloads()).append(", \"likes\": ").append(m.likes())
                        .append(", \"description\": \"").append(shorten(m.description())).append("\"}\n");
            }
        }
        return p.toString();
    }

    /** Reads {task, id, reason} objects from an array, a single object, or an object keyed by task id. */
    static Map<Integer, Pick> parse(String answer) {
        Map<Integer, Pick> picks = new LinkedHashMap<>();
        if (answer == null) {
            return picks;
        }
        JsonNode root = readJson(answer);
        if (root == null) {
            return picks;
        }
        List<JsonNode> items = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(items::add);
        } else if (root.isObject() && (root.has("id") || root.has("model"))) {
            items.add(root);
        } else if (root.isObject()) {
            root.fields().forEachRemaining(f -> {
                if (f.getKey().matches("\\d+")) {
                    JsonNode value = f.getValue();
                    if (value.isTextual()) {
                        picks.put(Integer.parseInt(f.getKey()), new Pick(value.asText(), ""));
                    } else if (value.isObject()) {
                        Pick pick = pickOf(value);
                        if (pick != null) {
                            picks.put(Integer.parseInt(f.getKey()), pick);
                        }
                    }
                }
            });
        }
        for (JsonNode item : items) {
            JsonNode task = item.has("task") ? item.get("task") : item.get("task_id");
            Pick pick = pickOf(item);
            if (task != null && pick != null && (task.canConvertToInt() || task.asText().matches("\\d+"))) {
                picks.put(task.asInt(), pick);
            }
        }
        return picks;
    }

    private static Pick pickOf(JsonNode node) {
        JsonNode id = node.has("id") ? node.get("id") : node.get("model");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            return null;
        }
        return new Pick(id.asText().strip(), node.path("reason").asText("").strip());
    }

    private static JsonNode readJson(String answer) {
        String text = answer.strip();
        int fence = text.indexOf("```");
        if (fence >= 0) {
            int end = text.indexOf("```", fence + 3);
            text = text.substring(text.indexOf('\n', fence) + 1, end > fence ? end : text.length());
        }
        int array = text.indexOf('[');
        int object = text.indexOf('{');
        int start = array < 0 ? object : object < 0 ? array : Math.min(array, object);
        if (start < 0) {
            return null;
        }
        char close = text.charAt(start) == '[' ? ']' : '}';
        int end = text.lastIndexOf(close);
        if (end <= start) {
            return null;
        }
        try {
            return LENIENT.readTree(text.substring(start, end + 1));
        } catch (Exception e) {
            return null;
        }
    }

    private static String shorten(String description) {
        String flat = description == null ? "" : description.replaceAll("\\s+", " ").replace("\"", "'");
        return flat.length() <= DESCRIPTION_CHARS ? flat : flat.substring(0, DESCRIPTION_CHARS) + "...";
    }

    private static LlmUsage usageOf(ChatResponse response) {
        TokenUsage tokens = response.tokenUsage();
        return tokens == null ? LlmUsage.oneCall(null, null) : LlmUsage.oneCall(tokens.inputTokenCount(), tokens.outputTokenCount());
    }

    record Pick(String modelId, String reason) {
    }
}
