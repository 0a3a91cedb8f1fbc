package dev.hugginggpt.gateway.response;

import dev.hugginggpt.protocol.Outcome;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.Scripts;
import dev.hugginggpt.protocol.TaskResult;
import dev.hugginggpt.protocol.TaskStatus;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The offline answer: what was asked, the workflow, each task's model and result, the files
 * produced, and plainly which tasks failed and why, in the user's terms ({@link UserTerms}; the operator's words stay in
 * the task's error). It states only what the tasks returned.
 */
public final class TemplateAnswer {
    private TemplateAnswer() {
    }

    public static String write(Outcome outcome) {
        List<PlannedTask> plan = outcome.plan().tasks();
        if (plan.isEmpty()) {
            String nothing = nothingPlanned(outcome.plan().planner(), outcome.plan().userMessage());
            String reply = outcome.plan().reply();
            if (reply == null || reply.isBlank()) {
                return nothing;
            }
            // the planner's direct answer (what this deployment can do); a request in a script it does not read says so first
            return unreadScript(outcome.plan().userMessage()).isPresent() && "embedded".equals(outcome.plan().planner())
                    ? nothing + "\n\n" + reply.strip() : reply.strip();
        }
        StringBuilder out = new StringBuilder();
        out.append("Workflow: ").append(plan.stream().map(t -> t.id() + " " + t.task()
                + (t.dep().stream().anyMatch(d -> d >= 0)
                        ? " (after " + t.dep().stream().filter(d -> d >= 0).map(String::valueOf).collect(Collectors.joining(", ")) + ")"
                        : ""))
                .collect(Collectors.joining(" → "))).append(".\n");
        for (TaskResult r : outcome.results()) {
            out.append("- Task ").append(r.taskId()).append(" (").append(r.task()).append(")");
            if (r.model() != null) {
                out.append(" with ").append(r.model().modelId());
            }
            if (r.status() == TaskStatus.SUCCEEDED) {
                out.append(": ").append(describe(r)).append('\n');
            } else {
                out.append(r.status() == TaskStatus.SKIPPED ? " was skipped: " : " failed: ")
                        .append(UserTerms.reason(r.task(), r.error())).append('\n');
            }
        }
        List<ResourceRef> files = outcome.results().stream().filter(TaskResult::succeeded)
                .flatMap(r -> r.output().resources() == null ? java.util.stream.Stream.empty() : r.output().resources().stream())
                .toList();
        if (!files.isEmpty()) {
            out.append("Files produced: ").append(files.stream().map(f -> f.id() + " (" + f.contentType() + ")")
                    .collect(Collectors.joining(", "))).append(" — download them from /v1/resources/{id}.\n");
        }
        long failed = outcome.results().stream().filter(r -> !r.succeeded()).count();
        if (failed > 0) {
            out.append(failed).append(" of ").append(outcome.results().size())
                    .append(" tasks did not complete; their results above are missing, not guessed.\n");
        }
        return out.toString().strip();
    }

    private static String nothingPlanned(String planner, String request) {
        String nothing = "I found no AI task in your request, so nothing was run. Ask me to work on text, images or"
                + " audio (for example: read a sentence aloud, transcribe an audio file, read the text in an image).";
        if (!"embedded".equals(planner)) {
            return nothing;
        }
        String offline = " This service reads requests in English and Korean; please ask in one of them.";
        return unreadScript(request).map(script -> "Your request is written in " + script
                + ", which this service does not read, so nothing was run." + offline)
                .orElse(nothing + offline);
    }

    /** The writing system of most of the request's letters, when it is neither Latin nor Hangul. */
    static Optional<String> unreadScript(String text) {
        Character.UnicodeScript script = Scripts.dominant(text);
        return switch (script) {
            case LATIN, HANGUL -> Optional.empty();
            case HIRAGANA, KATAKANA -> Optional.of("Japanese");
            case HAN -> Optional.of(Scripts.hasKana(text) ? "Japanese" : "Chinese characters");
            default -> Optional.of(name(script) + " script");
        };
    }

    private static String name(Character.UnicodeScript script) {
        String lower = script.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static String describe(TaskResult r) {
        StringBuilder s = new StringBuilder();
        if (r.output().text() != null && !r.output().text().isBlank()) {
            s.append('"').append(r.output().text().strip()).append('"');
        }
        List<ResourceRef> files = r.output().resources() == null ? List.of() : r.output().resources();
        if (!files.isEmpty()) {
            if (!s.isEmpty()) {
                s.append(", ");
            }
            s.append("produced ").append(files.stream().map(ResourceRef::id).collect(Collectors.joining(", ")));
        }
        return s.isEmpty() ? "finished with no output" : s.toString();
    }
}
