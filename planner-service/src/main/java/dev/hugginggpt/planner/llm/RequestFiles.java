package dev.hugginggpt.planner.llm;

import dev.hugginggpt.protocol.ChatMessage;
import dev.hugginggpt.protocol.GeneratedRefs;
import dev.hugginggpt.protocol.MediaKind;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.UserRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The files a request has: its uploads (by id or name) and the file names its messages write. A plan's file arguments
 * (image, audio, video) must be one of these or an earlier task's output; a model that makes a file up is told so.
 */
final class RequestFiles {
    private final List<ResourceRef> uploads;
    private final List<String> texts;

    private RequestFiles(List<ResourceRef> uploads, List<String> texts) {
        this.uploads = uploads;
        this.texts = texts;
    }

    static RequestFiles of(UserRequest request) {
        List<String> texts = new ArrayList<>();
        request.messages().forEach(m -> texts.add(m.content() == null ? "" : m.content()));
        return new RequestFiles(request.resources() == null ? List.of() : request.resources(), texts);
    }

    /** What is wrong with the plan's file arguments, in words for the model. */
    List<String> problems(List<PlannedTask> plan) {
        List<String> problems = new ArrayList<>();
        for (PlannedTask task : plan) {
            for (Map.Entry<String, String> arg : task.args().entrySet()) {
                MediaKind kind = MediaKind.ofArgKey(arg.getKey()).orElse(MediaKind.TEXT);
                String value = arg.getValue() == null ? "" : arg.getValue().strip();
                if (kind == MediaKind.TEXT || value.isEmpty() || !GeneratedRefs.in(value).isEmpty() || has(value)) {
                    continue;
                }
                problems.add("task " + task.id() + " takes the " + kind.argKey() + " '" + value + "', which is not a file of this request ("
                        + filesOf(kind) + "); use a file the user gave or \"<GENERATED>-ID\" for an earlier task's output");
            }
        }
        return problems;
    }

    private boolean has(String value) {
        return uploads.stream().anyMatch(r -> value.equals(r.id()) || value.equals(r.name()))
                || texts.stream().anyMatch(text -> text.contains(value));
    }

    private String filesOf(MediaKind kind) {
        List<String> files = uploads.stream().filter(r -> r.kind() == kind).map(r -> r.id() + " (" + r.name() + ")").toList();
        return files.isEmpty() ? "it has no " + kind.argKey() + " file" : "its " + kind.argKey() + " files: "
                + files.stream().collect(Collectors.joining(", "));
    }

    /** For tests: the messages of a request. */
    static RequestFiles of(List<ResourceRef> uploads, List<ChatMessage> messages) {
        return new RequestFiles(uploads, messages.stream().map(m -> m.content() == null ? "" : m.content()).toList());
    }
}
