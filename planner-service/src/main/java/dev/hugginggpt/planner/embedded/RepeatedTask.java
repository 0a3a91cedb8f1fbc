package dev.hugginggpt.planner.embedded;

import dev.hugginggpt.protocol.ChatMessage;
import dev.hugginggpt.protocol.MediaKind;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TaskType;
import dev.hugginggpt.protocol.TaskVocabulary;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A follow-up that asks for the previous answer's task again on something new: "what about market.jpg?", "now do the
 * same for the second one", "두번째 리뷰도 봐줘: '…'". The previous answer must have run one task, and the message must
 * give that task a new input of its kind (a file of that kind, named or attached; a quote or a text document for a text
 * task; "the second one" of the files the previous request named).
 */
final class RepeatedTask {
    private static final Pattern ASKS_AGAIN = Pattern.compile(EnglishLexicon.ASKS_AGAIN + "|" + KoreanLexicon.ASKS_AGAIN,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern THE_SECOND = Pattern.compile(EnglishLexicon.THE_SECOND + "|" + KoreanLexicon.THE_SECOND,
            Pattern.CASE_INSENSITIVE);
    /** The first line of an answer that ran one task: "Workflow: 0 image-segmentation." */
    /** "Workflow: 0 automatic-speech-recognition, 1 summarization." */
    private static final Pattern SEVERAL_TASK_WORKFLOW = Pattern.compile("^Workflow:[ \\t]*+0 [a-z0-9-]{1,60}, 1 ", Pattern.MULTILINE);
    private static final Pattern ONE_TASK_WORKFLOW = Pattern.compile("^Workflow:[ \\t]*+0 ([a-z0-9-]{1,60})\\.[ \\t]*+$", Pattern.MULTILINE);

    /** The task again, and the words its input is found in (the message, with the file "the second one" means). */
    record Again(TaskType type, Clause clause) {
    }

    private RepeatedTask() {
    }

    static Optional<Again> in(String message, List<ResourceRef> uploads, List<ChatMessage> history, RequestText text) {
        if (message == null || !ASKS_AGAIN.matcher(message).find()) {
            return Optional.empty();
        }
        Optional<TaskType> earlier = previousTask(history);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        TaskType type = earlier.get();
        String words = message;
        for (MediaKind kind : type.inputs()) {
            boolean given = kind == MediaKind.TEXT
                    ? !text.quotes.isEmpty() || !RequestText.textFilesIn(message).isEmpty()
                            || uploads.stream().anyMatch(r -> r.kind() == MediaKind.TEXT)
                    : uploads.stream().anyMatch(r -> r.kind() == kind) || filesOf(message, kind).findAny().isPresent();
            if (!given && kind != MediaKind.TEXT && THE_SECOND.matcher(message).find()) {
                Optional<String> second = previousUserMessage(history).flatMap(m -> filesOf(m, kind).skip(1).findFirst());
                if (second.isPresent()) {
                    words = message + " " + second.get();
                    given = true;
                }
            }
            if (!given) {
                return Optional.empty();
            }
        }
        return Optional.of(new Again(type, new Clause(words, true)));
    }

    /**
     * "same thing for week2.mp3 please" after an answer that ran several tasks: the previous request, said again of the new
     * input (its one file of that kind renamed, or as it was when the new input is attached). Empty unless the previous
     * answer ran more than one task (one task is asked again by {@link #in}) and the message gives an input of a kind the
     * previous request worked on; a previous request that itself asked again is not followed further.
     */
    static Optional<String> previousRequestOn(String message, List<ResourceRef> uploads, List<ChatMessage> history) {
        if (message == null || !ASKS_AGAIN.matcher(message).find() || !previousWorkflowHasSeveralTasks(history)) {
            return Optional.empty();
        }
        Optional<String> previous = previousUserMessage(history).filter(m -> !ASKS_AGAIN.matcher(m).find());
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        for (MediaKind kind : MediaKind.values()) {
            List<String> named = filesOf(message, kind).toList();
            List<String> before = filesOf(previous.get(), kind).toList();
            if (named.size() == 1 && before.size() == 1) {
                return Optional.of(previous.get().replace(before.get(0), named.get(0)));
            }
            if (named.isEmpty() && before.isEmpty() && uploads.stream().anyMatch(r -> r.kind() == kind)) {
                return previous;
            }
        }
        return Optional.empty();
    }

    private static boolean previousWorkflowHasSeveralTasks(List<ChatMessage> history) {
        return SEVERAL_TASK_WORKFLOW.matcher(RequestText.latestAnswer(history)).find();
    }

    /** The target language the previous request asked for, for a translation asked again. */
    static Optional<String> previousLanguage(List<ChatMessage> history) {
        return previousUserMessage(history).flatMap(ArgumentPhrases::intoLanguage);
    }

    private static java.util.stream.Stream<String> filesOf(String message, MediaKind kind) {
        return RequestText.filesIn(message).stream().filter(f -> MediaKind.ofFileName(f).orElse(null) == kind);
    }

    private static Optional<TaskType> previousTask(List<ChatMessage> history) {
        Matcher workflow = ONE_TASK_WORKFLOW.matcher(RequestText.latestAnswer(history));
        return workflow.find() ? TaskVocabulary.find(workflow.group(1)) : Optional.empty();
    }

    private static Optional<String> previousUserMessage(List<ChatMessage> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if ("user".equals(history.get(i).role())) {
                return Optional.ofNullable(history.get(i).content());
            }
        }
        return Optional.empty();
    }
}
