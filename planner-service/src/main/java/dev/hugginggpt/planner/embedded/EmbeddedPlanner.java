package dev.hugginggpt.planner.embedded;

import dev.hugginggpt.planner.config.PlannerConfig;
import dev.hugginggpt.planner.service.PlanningResult;
import dev.hugginggpt.planner.service.TaskPlanner;
import dev.hugginggpt.protocol.GeneratedRefs;
import dev.hugginggpt.protocol.LlmUsage;
import dev.hugginggpt.protocol.MediaKind;
import dev.hugginggpt.protocol.PlanValidator;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TaskType;
import dev.hugginggpt.protocol.TaskVocabulary;
import dev.hugginggpt.protocol.UserRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The offline planner: one task per clause that asks for one, arguments taken from the clause
 * (quoted text, file names) or from earlier outputs when the clause refers back ("it", "the result",
 * "그") or names no input of the kind its task needs.
 */
@ApplicationScoped
public class EmbeddedPlanner implements TaskPlanner {
    private static final Pattern BACK_REFERENCE = Pattern.compile(
            "\\b(it|its|that|this|them|the result|the output|the text|the description|the caption|the transcript"
                    + "|the translation|the summary|the audio|the recording|the image|the picture)\\b"
                    + "|그\\s|그것|이것|결과|위의|해당",
            Pattern.CASE_INSENSITIVE);

    private final PlanValidator validator;

    public EmbeddedPlanner(PlannerConfig config) {
        this.validator = new PlanValidator(config.maxTasks(), type -> true);
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public PlanningResult plan(UserRequest request) {
        RequestText text = new RequestText(request.lastUserMessage());
        Resources resources = new Resources(request.resources(), text);
        List<PlannedTask> tasks = new ArrayList<>();
        List<MediaKind> outputs = new ArrayList<>();
        for (String clause : text.clauses) {
            Optional<String> taskName = TaskRules.taskFor(clause);
            if (taskName.isEmpty()) {
                continue;
            }
            TaskType type = TaskVocabulary.find(taskName.get()).orElseThrow();
            Map<String, String> args = new LinkedHashMap<>();
            boolean refersBack = BACK_REFERENCE.matcher(clause).find();
            for (MediaKind kind : type.inputs()) {
                if (args.containsKey(kind.argKey())) {
                    continue;
                }
                String value = kind == MediaKind.TEXT
                        ? textArgument(clause, text, refersBack, outputs)
                        : resourceArgument(kind, clause, resources, refersBack, outputs);
                if (value == null) {
                    return PlanningResult.failed(name(), LlmUsage.NONE, "the request asks for " + type.name()
                            + " (\"" + text.restore(clause) + "\") but gives no " + kind.argKey()
                            + "; attach one or name an uploaded file");
                }
                args.put(kind.argKey(), value);
            }
            tasks.add(new PlannedTask(tasks.size(), type.name(), List.of(-1), args));
            outputs.add(type.output());
        }
        List<PlannedTask> plan = PlanValidator.normalize(tasks);
        List<String> errors = validator.validate(plan);
        if (!errors.isEmpty()) {
            return PlanningResult.failed(name(), LlmUsage.NONE, "embedded planner made an invalid plan: " + errors);
        }
        return PlanningResult.planned(plan, name(), LlmUsage.NONE);
    }

    private static String textArgument(String clause, RequestText text, boolean refersBack, List<MediaKind> outputs) {
        List<Integer> quoted = RequestText.quotesIn(clause);
        if (!quoted.isEmpty()) {
            return text.quotes.get(quoted.get(0));
        }
        int producer = latest(outputs, MediaKind.TEXT);
        if (producer >= 0 && (refersBack || text.quotes.isEmpty())) {
            return GeneratedRefs.of(producer);
        }
        if (!text.quotes.isEmpty()) {
            return text.quotes.get(text.quotes.size() == 1 ? 0 : Math.min(outputs.size(), text.quotes.size() - 1));
        }
        int colon = clause.indexOf(':');
        String own = colon >= 0 ? clause.substring(colon + 1).strip() : "";
        return text.restore(own.isEmpty() ? text.original : own);
    }

    private static String resourceArgument(MediaKind kind, String clause, Resources resources, boolean refersBack,
            List<MediaKind> outputs) {
        Optional<String> named = resources.namedIn(clause, kind);
        if (named.isPresent()) {
            return named.get();
        }
        int producer = latest(outputs, kind);
        if (producer >= 0) {
            return GeneratedRefs.of(producer);
        }
        return resources.anyOf(kind).orElse(null);
    }

    private static int latest(List<MediaKind> outputs, MediaKind kind) {
        for (int i = outputs.size() - 1; i >= 0; i--) {
            if (outputs.get(i) == kind) {
                return i;
            }
        }
        return -1;
    }

    /** Files the request can use: uploads (by id or name) and file names written in the text. */
    private static final class Resources {
        private final List<ResourceRef> uploads;
        private final List<String> mentioned;

        Resources(List<ResourceRef> uploads, RequestText text) {
            this.uploads = uploads == null ? List.of() : uploads;
            this.mentioned = RequestText.filesIn(text.original);
        }

        Optional<String> namedIn(String clause, MediaKind kind) {
            return RequestText.filesIn(clause).stream()
                    .filter(f -> MediaKind.ofFileName(f).orElse(null) == kind)
                    .map(this::bind)
                    .findFirst();
        }

        Optional<String> anyOf(MediaKind kind) {
            Optional<String> upload = uploads.stream().filter(r -> r.kind() == kind).map(ResourceRef::id).findFirst();
            if (upload.isPresent()) {
                return upload;
            }
            return mentioned.stream().filter(f -> MediaKind.ofFileName(f).orElse(null) == kind).map(this::bind).findFirst();
        }

        private String bind(String fileName) {
            return uploads.stream()
                    .filter(r -> fileName.equals(r.id()) || fileName.equals(r.name()))
                    .map(ResourceRef::id)
                    .findFirst()
                    .orElse(fileName);
        }
    }
}
