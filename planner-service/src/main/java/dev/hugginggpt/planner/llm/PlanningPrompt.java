package dev.hugginggpt.planner.llm;

import dev.hugginggpt.protocol.ChatMessage;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TaskType;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The task-planning prompt in the original's design: a format specification, the task types the
 * configured backends serve, demonstrations, the chat log (trimmed to the token budget, oldest
 * first out), and the new request.
 */
final class PlanningPrompt {
    static final String SPECIFICATION = """
            #1 Task planning stage. You turn the user's request into AI tasks, as a JSON array:
            [{"task": TASK, "id": ID, "dep": [IDS], "args": {"text": TEXT or "<GENERATED>-ID", "image": FILE or "<GENERATED>-ID", "audio": FILE or "<GENERATED>-ID", "video": FILE or "<GENERATED>-ID"}}]
            - "<GENERATED>-ID" stands for the text, image, audio or video produced by the earlier task ID; use it only if that task produces that kind, and put ID in "dep".
            - "dep" lists the ids of the earlier tasks whose outputs this task needs; [-1] when there are none.
            - "args" keys are text, image, audio, video only. Files are the names or resource ids the user gave.
            - "task" MUST be one of: %s.
            - A task type may appear more than once. Plan as few tasks as solve the request; mind the order and the input and output kinds.
            - If the request needs no AI task, answer [].
            Answer with the JSON array only.""";

    private static final List<String[]> DEMONSTRATIONS = List.of(
            new String[] {"Look at example.jpg: tell me what it shows and read that description aloud.",
                    "[{\"task\": \"image-to-text\", \"id\": 0, \"dep\": [-1], \"args\": {\"image\": \"example.jpg\"}}, "
                            + "{\"task\": \"text-to-speech\", \"id\": 1, \"dep\": [0], \"args\": {\"text\": \"<GENERATED>-0\"}}]"},
            new String[] {"Transcribe speech.wav, then translate the transcript, and tell me what language 'Hola, amigos' is.",
                    "[{\"task\": \"automatic-speech-recognition\", \"id\": 0, \"dep\": [-1], \"args\": {\"audio\": \"speech.wav\"}}, "
                            + "{\"task\": \"translation\", \"id\": 1, \"dep\": [0], \"args\": {\"text\": \"<GENERATED>-0\"}}, "
                            + "{\"task\": \"text-classification\", \"id\": 2, \"dep\": [-1], \"args\": {\"text\": \"Hola, amigos\"}}]"});

    private PlanningPrompt() {
    }

    static List<dev.langchain4j.data.message.ChatMessage> build(List<TaskType> types, List<ChatMessage> history,
            String request, List<ResourceRef> resources, int tokenBudget) {
        String typeList = types.stream().map(TaskType::name).collect(Collectors.joining(", "));
        List<dev.langchain4j.data.message.ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(SPECIFICATION.formatted(typeList)));
        for (String[] demo : DEMONSTRATIONS) {
            messages.add(UserMessage.from(demo[0]));
            messages.add(AiMessage.from(demo[1]));
        }
        int used = messages.stream().mapToInt(PlanningPrompt::tokens).sum() + tokens(request) + 200;
        List<String> log = new ArrayList<>();
        for (int i = history.size() - 1; i >= 0; i--) {
            String line = history.get(i).role() + ": " + history.get(i).content();
            if (used + line.length() / 4 > tokenBudget) {
                break;
            }
            used += line.length() / 4;
            log.add(0, line);
        }
        String files = resources == null || resources.isEmpty() ? "none"
                : resources.stream().map(r -> r.id() + " (" + r.name() + ", " + r.contentType() + ")")
                        .collect(Collectors.joining(", "));
        messages.add(UserMessage.from("The chat log [" + String.join("\n", log) + "] may name resources I mentioned. "
                + "Uploaded files: " + files + ".\nNow I input: {" + request + "}. "
                + "Mind the input and output kinds of the tasks and the dependencies between them."));
        return messages;
    }

    static int tokens(dev.langchain4j.data.message.ChatMessage message) {
        return message.toString().length() / 4;
    }

    static int tokens(String text) {
        return text.length() / 4;
    }
}
