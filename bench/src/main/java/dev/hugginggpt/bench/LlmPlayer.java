package dev.hugginggpt.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hugginggpt.testkit.OpenAiStandIn.ChatCall;
import dev.hugginggpt.testkit.OpenAiStandIn.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays the LLM for the LLM-calls scenario, behind the OpenAI-protocol stand-in: at planning it answers with the plan
 * the embedded planner made for the same request (so both pipelines count calls for the same plan), at model
 * selection it picks the first candidate of each task, and it writes a short answer. It counts nothing itself:
 * the services report their calls and tokens in the request view.
 */
public final class LlmPlayer {
    private static final Pattern TASK = Pattern.compile("^Task (\\d+): ", Pattern.MULTILINE);
    private static final Pattern CANDIDATE = Pattern.compile("\\{\"id\": \"([^\"]+)\"");

    private final Map<String, String> plans = new ConcurrentHashMap<>();

    /** The plan to give for a request: the tasks of an embedded plan, as the planning stage asks for them. */
    public void planFor(String request, JsonNode embeddedView) {
        List<String> tasks = new ArrayList<>();
        for (JsonNode t : embeddedView.path("tasks")) {
            tasks.add(OriginalCost.command(t).toString());
        }
        plans.put(request, "[" + String.join(", ", tasks) + "]");
    }

    public Reply answer(ChatCall call) {
        String system = call.system();
        String user = call.lastUser();
        if (system.contains("#1 Task planning stage")) {
            return plans.entrySet().stream().filter(p -> user.contains(p.getKey())).findFirst()
                    .map(p -> Reply.content(p.getValue()))
                    .orElse(Reply.content("[]"));
        }
        if (system.contains("#2 Model selection stage")) {
            return Reply.content(choose(user));
        }
        if (system.contains("#4 Response generation stage")) {
            return Reply.content("I ran the tasks you asked for; the results are listed above.");
        }
        return Reply.error(400, "{\"error\":{\"message\":\"the benchmark's LLM does not know this prompt\"}}");
    }

    /** The first candidate listed under each task. */
    static String choose(String prompt) {
        List<String> picks = new ArrayList<>();
        Matcher task = TASK.matcher(prompt);
        List<int[]> starts = new ArrayList<>();
        while (task.find()) {
            starts.add(new int[] {task.start(), Integer.parseInt(task.group(1))});
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : prompt.length();
            Matcher candidate = CANDIDATE.matcher(prompt.substring(starts.get(i)[0], end));
            if (candidate.find()) {
                picks.add("{\"task\": " + starts.get(i)[1] + ", \"id\": \"" + candidate.group(1)
                        + "\", \"reason\": \"listed first\"}");
            }
        }
        return "[" + String.join(", ", picks) + "]";
    }
}
