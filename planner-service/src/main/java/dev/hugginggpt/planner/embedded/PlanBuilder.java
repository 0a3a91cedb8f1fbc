package dev.hugginggpt.planner.embedded;

import dev.hugginggpt.protocol.GeneratedRefs;
import dev.hugginggpt.protocol.MediaKind;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.TaskType;
import dev.hugginggpt.protocol.TaskVocabulary;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the plan one clause at a time and wires inputs by resource flow: a task takes a file its
 * clause names, else the latest earlier output of the kind it needs, else a file of that kind the
 * request mentions. A text task on an audio or image source gets a transcription or description
 * task put in front of it (see {@link TextArguments}); the task type is made specific to its input
 * ({@link TaskTypeRefinement}); a task that restates one already planned is taken back ({@link RestatedTasks}).
 */
final class PlanBuilder {
    private final RequestText text;
    private final PlanSoFar plan;
    private final TaskTypeRefinement refinement;
    private final TextArguments textArguments;
    private final RestatedTasks restated;
    /** The lists of files the request names ("a.jpg and b.jpg"), each as the arguments it binds to. */
    private final List<List<String>> fileLists;

    /** {@code earlierTurn}: what "it" means when the request refers back to the conversation (see RequestText). */
    PlanBuilder(RequestText text, Resources resources, Optional<String> earlierTurn) {
        this.text = text;
        this.plan = new PlanSoFar(text, resources);
        this.refinement = new TaskTypeRefinement(plan);
        this.textArguments = new TextArguments(plan, earlierTurn, this::add);
        this.restated = new RestatedTasks(plan);
        this.fileLists = RequestText.fileListsIn(text.original).stream()
                .map(list -> list.stream().map(resources::bind).distinct().toList()).toList();
    }

    List<PlannedTask> tasks() {
        return plan.tasks;
    }

    /**
     * The task type made specific to what the request says its picture is: classifying a picture of
     * a table is tabular classification, a question on a picture of a document is document QA.
     */
    TaskType specialise(TaskType type, Clause clause) {
        return refinement.specialise(type, clause);
    }

    /**
     * Plans a picture drawn on the shape of another (see {@link ConditionedGeneration}): the control task on the picture
     * the sentence names (else the request's picture, else the latest made), then the text-to-image task of that kind
     * on its output. Returns false, planning nothing, when there is no picture to take the shape from.
     */
    boolean addConditioned(ConditionedGeneration.Found found, String sentence) {
        String image = found.map() != null && !found.map().isEmpty() ? plan.resourceArgument(MediaKind.IMAGE, found.map())
                : plan.resourceArgument(MediaKind.IMAGE, sentence);
        if (image == null) {
            return false;
        }
        TaskType drawing = TaskVocabulary.find(found.kind() + "-text-to-image").orElseThrow();
        Map<String, String> args = new LinkedHashMap<>();
        args.put(MediaKind.TEXT.argKey(), text.restore(found.prompt()));
        if (found.map() != null) {
            // the picture already is the shape: drawn on as it is
            args.put(MediaKind.IMAGE.argKey(), image);
        } else {
            TaskType control = TaskVocabulary.find(found.kind() + "-control").orElseThrow();
            plan.add(control, new LinkedHashMap<>(Map.of(MediaKind.IMAGE.argKey(), image)));
            args.put(MediaKind.IMAGE.argKey(), GeneratedRefs.of(plan.tasks.size() - 1));
        }
        plan.add(drawing, args);
        return true;
    }

    /**
     * "What's the total on this receipt?", "What does the sign say about parking?": a question whose answer is written in
     * the picture, answered from the picture's text (image-to-text, then question-answering on it). A document, an invoice,
     * a form or a scan stays a document question (document-question-answering reads its layout too).
     */
    boolean asksAboutTextInPicture(TaskType type, Clause clause) {
        return refinement.asksAboutTextInPicture(type, clause);
    }

    /** Whether the request gives a text document the clause can work on. */
    boolean givesTextDocument(Clause clause) {
        return plan.resources.textFile(clause.text()).isPresent();
    }

    /** The first input kind this task could get from nowhere, if any. */
    Optional<MediaKind> missingInput(TaskType type, Clause clause) {
        for (MediaKind kind : type.inputs()) {
            if (kind != MediaKind.TEXT && plan.resourceArgument(kind, clause.text()) == null) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /**
     * Adds the task for a clause unless it restates a task already planned. A task of a type the plan
     * has is another task when the clause says so ("too", "again", "또") or when an input differs from
     * that task's (see {@link RestatedTasks}). Returns whether it was added.
     */
    boolean addUnlessDuplicate(TaskType type, Clause clause) {
        PlanSoFar.Mark before = plan.mark();
        add(type, clause);
        PlannedTask added = plan.tasks.get(plan.tasks.size() - 1);
        if (ArgumentPhrases.asksAgain(clause.text())) {
            return true;
        }
        boolean duplicate = restated.restatesOneOf(added, before.tasks());
        if (duplicate) {
            plan.rollBack(before);
        }
        return !duplicate;
    }

    /**
     * Adds a task the clause asks for beside another, on that task's inputs ("the key points of this document and the
     * people it mentions": both on the document). Returns whether it was added (not a restatement of a planned task).
     */
    boolean addBeside(TaskType type, PlannedTask beside, Clause clause) {
        Map<String, String> args = new LinkedHashMap<>();
        for (MediaKind kind : new LinkedHashSet<>(type.inputs())) {
            String value = beside.args().get(kind.argKey());
            if (value == null) {
                return false;
            }
            args.put(kind.argKey(), value);
        }
        addNamedOptions(type, clause, args);
        PlanSoFar.Mark before = plan.mark();
        plan.add(type, args);
        if (restated.restatesOneOf(plan.tasks.get(plan.tasks.size() - 1), before.tasks())) {
            plan.rollBack(before);
            return false;
        }
        return true;
    }

    /**
     * "Detect the objects in front.jpg and back.jpg": the task planned for one file of a list the clause names, planned
     * again for each other file of that list.
     */
    void addForEachListedFile(PlannedTask planned) {
        TaskType type = TaskVocabulary.find(planned.task()).orElseThrow();
        Optional<MediaKind> media = type.inputs().stream().filter(kind -> kind != MediaKind.TEXT).findFirst();
        // "summarize report_2023.pdf and report_2024.pdf": a task on one text works on each listed document
        boolean onDocuments = media.isEmpty() && type.inputs().size() == 1;
        if (media.isEmpty() && !onDocuments) {
            return;
        }
        MediaKind kind = media.orElse(MediaKind.TEXT);
        String used = planned.args().get(kind.argKey());
        fileLists.stream()
                .filter(list -> list.contains(used)
                        && list.stream().allMatch(f -> kindOfFile(f) == kind || !f.contains(".")))
                .findFirst()
                .ifPresent(list -> list.stream().filter(f -> !f.equals(used) && !planned(type, kind, f)).forEach(file -> {
                    Map<String, String> args = new LinkedHashMap<>(planned.args());
                    args.put(kind.argKey(), file);
                    plan.add(type, args);
                }));
    }

    /**
     * "recorded two takes, transcribe both": a task on one upload the clause says to do to each of several uploads of that
     * kind runs on each of them.
     */
    void addForEachUpload(PlannedTask planned, Clause clause) {
        TaskType type = TaskVocabulary.find(planned.task()).orElseThrow();
        Optional<MediaKind> media = type.inputs().stream().filter(kind -> kind != MediaKind.TEXT).findFirst();
        if (media.isEmpty() || !PlanPhrases.EACH_OF_THEM.matcher(clause.text()).find()) {
            return;
        }
        MediaKind kind = media.get();
        List<String> uploads = plan.resources.uploadsOf(kind);
        if (uploads.size() > 1 && uploads.contains(planned.args().get(kind.argKey()))) {
            uploads.stream().filter(id -> !planned(type, kind, id)).forEach(id -> {
                Map<String, String> args = new LinkedHashMap<>(planned.args());
                args.put(kind.argKey(), id);
                plan.add(type, args);
            });
        }
    }

    private static MediaKind kindOfFile(String fileName) {
        return MediaKind.contentTypeOfFileName(fileName).map(MediaKind::ofContentType).orElse(null);
    }

    /** Whether a task of this type already works on this file. */
    private boolean planned(TaskType type, MediaKind kind, String file) {
        return plan.tasks.stream().anyMatch(t -> t.task().equals(type.name()) && file.equals(t.args().get(kind.argKey())));
    }

    /** A picture drawn from the request's own words ("a misty mountain valley landscape"). */
    void addPicture(String prompt) {
        plan.add(TaskVocabulary.find("text-to-image").orElseThrow(), new LinkedHashMap<>(Map.of(MediaKind.TEXT.argKey(), text.restore(prompt))));
    }

    /** Adds the task for a clause; every input it needs must be available (see {@link #missingInput}). */
    void add(TaskType type, Clause clause) {
        add(type, clause, Optional.empty());
    }

    /** The previous answer's task asked for again (see {@link RepeatedTask}), in the language it translated into if none is given. */
    void addAgain(TaskType type, Clause clause, Optional<String> previousLanguage) {
        add(type, clause, previousLanguage);
    }

    private void add(TaskType type, Clause clause, Optional<String> languageIfNoneNamed) {
        Map<String, String> args = new LinkedHashMap<>();
        long textInputs = type.inputs().stream().filter(k -> k == MediaKind.TEXT).count();
        for (MediaKind kind : new LinkedHashSet<>(type.inputs())) {
            if (kind != MediaKind.TEXT) {
                String value = plan.resourceArgument(kind, clause.text());
                if (value == null) {
                    throw new IllegalStateException(type.name() + " has no " + kind.argKey() + " to work on");
                }
                args.put(kind.argKey(), value);
            }
        }
        if (textInputs == 2) {
            textArguments.addPair(type, clause, args);
        } else if (textInputs == 1) {
            args.put("text", textArguments.single(type, clause));
        }
        addNamedOptions(type, clause, args, languageIfNoneNamed);
        plan.add(type, args);
    }

    private void addNamedOptions(TaskType type, Clause clause, Map<String, String> args) {
        addNamedOptions(type, clause, args, Optional.empty());
    }

    /**
     * The target language of a translation (the one named, else {@code languageIfNoneNamed}), the candidate labels of a
     * zero-shot classification, an image transformation.
     */
    private void addNamedOptions(TaskType type, Clause clause, Map<String, String> args, Optional<String> languageIfNoneNamed) {
        switch (type.name()) {
            case "translation" -> ArgumentPhrases.targetLanguage(clause.text())
                    .or(() -> ArgumentPhrases.intoLanguage(text.masked))
                    .or(() -> languageIfNoneNamed)
                    .ifPresent(language -> args.put("target_language", language));
            case "zero-shot-classification" -> ArgumentPhrases.labels(clause.text())
                    .ifPresent(labels -> args.put("labels", labels));
            // what to do to the picture: the clause's own words (never an earlier result, so no edge is added)
            case "image-to-image" -> args.put("text", text.restore(clause.text()));
            default -> {
            }
        }
    }
}
