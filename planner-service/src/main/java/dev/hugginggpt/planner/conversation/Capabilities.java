package dev.hugginggpt.planner.conversation;

import dev.hugginggpt.planner.catalog.ServedTaskTypes;
import dev.hugginggpt.protocol.ModelCard;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The direct answer to a request that asks for no task: what this deployment can do right now, from the executors'
 * heartbeats (each task type served, by which models, local or remote), and three example requests that its task
 * types can run. With an LLM configured, the LLM writes the answer to the user from this.
 */
@ApplicationScoped
public class Capabilities {
    /** An example request and the task types it needs, in the order they are offered. */
    record Example(String request, Set<String> needs) {
    }

    static final List<Example> EXAMPLES = List.of(
            new Example("Read 'Bonjour tout le monde' aloud and tell me what language it is.",
                    Set.of("text-to-speech", "text-classification")),
            new Example("Transcribe this recording (attach a .wav file).", Set.of("automatic-speech-recognition")),
            new Example("What is written in this picture? (attach a photo of a sign)", Set.of("image-to-text")),
            new Example("Summarize this document (attach a .txt, .md or .pdf file).", Set.of("summarization")),
            new Example("Translate 'Good morning, my friend' into Spanish.", Set.of("translation")),
            new Example("Is 'The striker scored twice in the final' about sports, politics or science?",
                    Set.of("zero-shot-classification")),
            new Example("Find the people in this photo (attach it).", Set.of("object-detection")),
            new Example("Draw a lighthouse at dusk.", Set.of("text-to-image")),
            new Example("Is this review positive or negative: 'The battery died in an hour'?", Set.of("text-classification")));

    private final ServedTaskTypes served;

    public Capabilities(ServedTaskTypes served) {
        this.served = served;
    }

    /** The answer to a message that asks for no task: a greeting or question about the system, or nothing recognised. */
    public String reply(String message, Instant now) {
        boolean conversation = SmallTalk.answeredDirectly(message) || SmallTalk.addressesTheAssistant(message);
        String opening = !conversation
                ? "I found no AI task in your request, so nothing was run."
                : SystemQuestions.answer(message).orElse(SmallTalk.saysGoodbye(message)
                        ? "Goodbye, come back any time."
                        : "Hello! I am HuggingGPT for the JVM: I turn a request into AI tasks on"
                        + " text, images and audio, run them on the models this deployment has, and answer with their results.");
        return opening + "\n\n" + describe(served.modelsByTask(now)) ;
    }

    static String describe(Map<String, List<ModelCard>> modelsByTask) {
        if (modelsByTask.isEmpty()) {
            return "No executor has announced its models yet, so no task can run right now; try again in a moment.";
        }
        StringBuilder out = new StringBuilder("What I can do here right now:\n");
        modelsByTask.forEach((task, models) -> out.append("- ").append(task).append(": ").append(models.stream()
                .map(m -> m.id() + ("local".equals(m.backend()) ? " (local)" : " (remote, " + m.backend() + ")"))
                .distinct().limit(3).collect(Collectors.joining(", ")))
                .append(models.size() > 3 ? " and " + (models.size() - 3) + " more" : "").append('\n'));
        List<String> examples = EXAMPLES.stream().filter(e -> modelsByTask.keySet().containsAll(e.needs()))
                .map(Example::request).limit(3).toList();
        if (!examples.isEmpty()) {
            out.append("\nFor example:\n");
            examples.forEach(e -> out.append("- ").append(e).append('\n'));
        }
        return out.toString().strip();
    }
}
