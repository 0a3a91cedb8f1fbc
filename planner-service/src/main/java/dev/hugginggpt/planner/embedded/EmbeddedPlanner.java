package dev.hugginggpt.planner.embedded;

import dev.hugginggpt.planner.catalog.ServedTaskTypes;
import dev.hugginggpt.planner.config.PlannerConfig;
import dev.hugginggpt.planner.conversation.SmallTalk;
import dev.hugginggpt.planner.plan.PlanningResult;
import dev.hugginggpt.planner.plan.TaskPlanner;
import dev.hugginggpt.protocol.ChatMessage;
import dev.hugginggpt.protocol.LlmUsage;
import dev.hugginggpt.protocol.MediaKind;
import dev.hugginggpt.protocol.PlanValidator;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.TaskType;
import dev.hugginggpt.protocol.TaskVocabulary;
import dev.hugginggpt.protocol.UserRequest;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline planner. The request is cut into clauses; each clause that asks for something is
 * mapped to a task type by phrase rules, with sentence embeddings breaking ties and placing clauses
 * no rule knows (see {@link ClauseClassifier}). Inputs come from the clause (quoted text, file names),
 * from earlier outputs by resource flow, or from the files the request names; a task nothing can
 * feed is left out, and the request fails with the reason when that leaves no task at all.
 */
@ApplicationScoped
public class EmbeddedPlanner implements TaskPlanner {
    /** Tasks a clause can ask for as the form of another task's text result. */
    private static final Set<String> OUTPUT_FORMS = Set.of("text-to-speech", "text-to-video", "translation");

    private static final TaskType TRANSLATION = TaskVocabulary.find("translation").orElseThrow();
    private static final TaskType QUESTION_ANSWERING = TaskVocabulary.find("question-answering").orElseThrow();
    private static final TaskType ZERO_SHOT = TaskVocabulary.find("zero-shot-classification").orElseThrow();
    private static final TaskType VISUAL_QUESTION_ANSWERING = TaskVocabulary.find("visual-question-answering").orElseThrow();
    /** A question about what is so, not a request to do something ("could you split it into regions?"). */
    private static final Pattern ASKS_A_QUESTION = Pattern.compile(
            "^(?!.*\\b(?:can|could|would|will) (?:you|u)\\b)(?!.*\\bplease\\b).*\\?", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Set<String> MEDIA_CLASSIFICATION = Set.of("image-classification", "audio-classification");
    /** "generate a misty mountain valley landscape", "- generate 'a fox in a cafe'": something made, named by no picture word. */
    private static final Pattern MAKES_SOMETHING = Pattern.compile(
            "(?:^|\\s[-–—:]\\s*+)(?:(?:please|pls|now|first|ok|okay)\\W++)*+(?:generate|create|make|produce|design|render|paint|draw)\\s++(?:me\\s++)?"
                    + "(an?\\s.*|«Q\\d{1,9}».*)$", Pattern.CASE_INSENSITIVE);
    /** "in a drawing of a dog", "from a picture of a cat": a picture yet to be made (a, not the) that another task works on. */
    private static final Pattern PURPOSE = Pattern.compile(EnglishLexicon.PURPOSE, Pattern.CASE_INSENSITIVE);
    private static final Pattern MADE_TO_WORK_ON = Pattern.compile(
            "\\b(?:in|on|from)\\s+an?\\s+(?:" + EnglishLexicon.PICTURE_NOUNS + ")\\s+(?:of|showing|depicting)\\b",
            Pattern.CASE_INSENSITIVE);

    /** What a clause of a conditioned drawing asks for, planned already with it (see {@link ConditionedGeneration}). */
    private static final Set<String> DRAWING_OR_SHAPE = Set.of("text-to-image", "image-to-image", "image-editing", "depth-estimation",
            "image-segmentation", "canny-control", "openpose-control", "scribble-control", "hed-control", "mlsd-control",
            "normal-control", "seg-control", "depth-control", "object-detection", "image-to-text", "text-to-video");

    /**
     * How many clauses of a request are planned, per task a plan may have: each clause costs the phrase rules and
     * maybe a sentence embedding, and a request whose clauses ask for far more than a plan can hold is not planned.
     */
    static final int CLAUSES_PER_TASK = 3;
    /** The longest message planned: what the gateway accepts (RequestSubmitter.MAX_MESSAGE_CHARS). */
    static final int MAX_MESSAGE_CHARS = 20_000;

    public static final String NO_TASK_FOUND = "the offline planner found no task it knows in the request: say what to do"
            + " (transcribe, translate into French, summarize, describe, detect the objects, draw, read aloud, ...), with"
            + " the text in quotes ('...') or the file attached or named; an LLM (HG_LLM_BASE_URL) plans free-form requests";

    private final PlanValidator validator;
    private final ClauseClassifier classifier;
    private final int maxClauses;
    /** Whether a live executor serves a task type (every type when none has been heard from). */
    private final Predicate<String> served;

    /** A planner for every task type, as if every type were served (benchmarks and tests). */
    public EmbeddedPlanner(PlannerConfig config) {
        this(config, new ClauseClassifier(TaskEmbeddings.shared()), type -> true);
    }

    /** A planner for the task types {@code served} accepts. */
    public static EmbeddedPlanner serving(PlannerConfig config, Predicate<String> served) {
        return new EmbeddedPlanner(config, new ClauseClassifier(TaskEmbeddings.shared()), served);
    }

    @Inject
    public EmbeddedPlanner(PlannerConfig config, ServedTaskTypes servedTypes) {
        this(config, new ClauseClassifier(TaskEmbeddings.shared()),
                type -> servedTypes.types(Instant.now()).stream().anyMatch(t -> t.name().equals(type)));
    }

    private EmbeddedPlanner(PlannerConfig config, ClauseClassifier classifier, Predicate<String> served) {
        this.validator = new PlanValidator(config.maxTasks(), type -> true);
        this.classifier = classifier;
        this.maxClauses = CLAUSES_PER_TASK * config.maxTasks();
        this.served = served;
    }

    /**
     * Loads the embedding model during start-up, so the first request does not wait for it. Not in the
     * background: a JVM that exits while ONNX Runtime is still creating its session crashes.
     */
    void warmUp(@Observes StartupEvent event) {
        TaskEmbeddings.shared().warmUp();
    }

    /** The planner without the embedding fallback: phrase rules only. */
    public static EmbeddedPlanner rulesOnly(PlannerConfig config) {
        return new EmbeddedPlanner(config, ClauseClassifier.rulesOnly(), type -> true);
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public PlanningResult plan(UserRequest request) {
        String message = request.lastUserMessage();
        if (message != null && message.length() > MAX_MESSAGE_CHARS) {
            return PlanningResult.failed(name(), LlmUsage.NONE, "the message is too long to plan: " + message.length()
                    + " characters, at most " + MAX_MESSAGE_CHARS + "; attach a long text as a file");
        }
        if (SmallTalk.answeredDirectly(message)) {
            // a greeting, "who are you", "what can you do", thanks, a question about the system: answered directly (see PlanningService)
            return PlanningResult.planned(List.of(), name(), LlmUsage.NONE);
        }
        Optional<String> previousAgain = RepeatedTask.previousRequestOn(message, request.resources(), request.history());
        if (previousAgain.isPresent()) {
            // "same thing for week2.mp3 please": the previous request's whole plan, on the new input
            List<ChatMessage> messages = new ArrayList<>(request.history());
            messages.add(ChatMessage.user(previousAgain.get()));
            return plan(new UserRequest(request.requestId(), request.tenant(), messages, request.resources(), request.options(),
                    request.acceptedAt()));
        }
        RequestText text = new RequestText(message);
        Resources resources = new Resources(request.resources(), text, request.history());
        PlanBuilder builder = new PlanBuilder(text, resources, RequestText.earlierTurnText(request.history()));
        boolean onlyRequests = text.hasRequestClause();
        long read = text.clauses.stream().filter(c -> !onlyRequests || c.request()).count();
        if (read > maxClauses) {
            return PlanningResult.failed(name(), LlmUsage.NONE, "the request is too long to plan: " + read
                    + " of its clauses ask for something, and at most " + maxClauses + " are read; put a long text in quotes"
                    + " ('...') or after a colon, or split the request");
        }
        Optional<String> unfed = Optional.empty();
        // a clause that makes something no rule names, which a later picture task may show to be a picture
        Optional<Clause> madeUnnamed = Optional.empty();
        List<String> conditioned = new ArrayList<>();
        List<String> prompts = new ArrayList<>();
        boolean givesAPicture = request.resources().stream().anyMatch(r -> r.kind() == MediaKind.IMAGE)
                || RequestText.filesIn(text.original).stream().anyMatch(f -> MediaKind.ofFileName(f).orElse(null) == MediaKind.IMAGE);
        // "now use that pose to draw a ballerina": with no picture of its own, the map the last answer made
        Optional<ConditionedGeneration.ReadyMade> readyMap = ConditionedGeneration.readyMade(message)
                .or(() -> givesAPicture ? Optional.empty() : ConditionedGeneration.madeEarlier(message, request.history()));
        for (String sentence : text.sentences()) {
            Optional<ConditionedGeneration.Found> found = ConditionedGeneration.in(sentence, readyMap);
            if (found.isPresent() && builder.addConditioned(found.get(), sentence)) {
                conditioned.add(sentence);
                prompts.add(found.get().prompt());
            }
        }
        // "what about market.jpg?", "now do the same for the second one": the previous answer's task, on the new input
        Optional<RepeatedTask.Again> again = RepeatedTask.in(message, request.resources(), request.history(), text)
                .filter(asked -> builder.missingInput(asked.type(), asked.clause()).isEmpty());
        again.ifPresent(asked -> builder.addAgain(asked.type(), asked.clause(), RepeatedTask.previousLanguage(request.history())));
        for (Clause clause : again.isPresent() ? List.<Clause>of() : text.clauses) {
            if (onlyRequests && !clause.request()) {
                continue;
            }
            if (conditioned.stream().anyMatch(sentence -> sentence.contains(clause.text())) && (partOfTheDrawing(clause)
                    || prompts.stream().anyMatch(prompt -> prompt.length() >= 3 && text.restore(clause.text()).contains(prompt)))) {
                // "use it as the scribble and turn it into a dragon illustration": the clause that says what to draw is the drawing
                continue;
            }
            if (readyMap.isPresent() && !conditioned.isEmpty() && (clause.rules().tasks().stream().findFirst()
                    .filter(task -> task.endsWith("-control") || task.equals("image-segmentation") || task.equals("depth-estimation")).isPresent()
                    || !readyMap.get().map().isEmpty() && text.restore(clause.text()).contains(readyMap.get().map()))) {
                // "s.png is already an HED map": the map is drawn on as it is, not extracted again
                continue;
            }
            List<TaskType> candidates = new ArrayList<>(classifier.candidates(clause).stream()
                    .map(name -> TaskVocabulary.find(name).orElseThrow())
                    .toList());
            if (candidates.size() > 1 && MEDIA_CLASSIFICATION.contains(candidates.get(0).name()) && candidates.contains(ZERO_SHOT)
                    && ArgumentPhrases.labels(clause.text()).isPresent()
                    && builder.tasks().stream().anyMatch(task -> TaskVocabulary.find(task.task()).orElseThrow().output() == MediaKind.TEXT)) {
                // "글자 읽어서, 식비/교통비/숙박비 중에 어디에 들어가는지 분류해줘": labels offered for the text just read
                candidates.remove(ZERO_SHOT);
                candidates.add(0, ZERO_SHOT);
            }
            if (candidates.stream().anyMatch(type -> type.name().equals("document-question-answering")
                    && builder.missingInput(type, clause).isPresent()) && builder.givesTextDocument(clause)
                    && !candidates.contains(QUESTION_ANSWERING)) {
                // a question on a document that is text (a PDF, a report), not a picture of one, is question answering
                candidates.add(QUESTION_ANSWERING);
            }
            if (candidates.isEmpty() && MAKES_SOMETHING.matcher(clause.text()).find()) {
                madeUnnamed = Optional.of(clause);
                continue;
            }
            if (candidates.isEmpty() || !builder.tasks().isEmpty() && PURPOSE.matcher(clause.text()).find()
                    && !clause.rules().namesOutright(candidates.get(0).name())) {
                // "in beach.jpg what color is the umbrella? trying to find the same one online": why, after what
                continue;
            }
            if (madeUnnamed.isPresent() && candidates.get(0).inputs().contains(MediaKind.IMAGE)
                    && builder.missingInput(candidates.get(0), clause).isPresent()) {
                // "generate a misty mountain valley landscape and then estimate its depth": what was made is the picture
                Matcher made = MAKES_SOMETHING.matcher(madeUnnamed.get().text());
                builder.addPicture(made.find() ? made.group(1) : madeUnnamed.get().text());
            }
            madeUnnamed = Optional.empty();
            List<TaskType> fed = textTaskBeforeItsForm(
                    candidates.stream().filter(t -> builder.missingInput(t, clause).isEmpty()).toList(), clause);
            if (fed.isEmpty()) {
                unfed = unfed.or(() -> Optional.of(noInput(candidates.get(0), clause, builder, text)));
                continue;
            }
            // a clause whose first reading restates a planned task asks for the next thing it names outright
            for (TaskType type : fed.subList(0, Math.min(2, fed.size()))) {
                if (type != fed.get(0) && !clause.rules().namesOutright(type.name())) {
                    break;
                }
                int first = builder.tasks().size();
                if (addReading(builder, type, clause)) {
                    if (type.output() == MediaKind.IMAGE && MADE_TO_WORK_ON.matcher(clause.text()).find()) {
                        addWhatItsPictureFeeds(builder, candidates, fed, clause);
                    }
                    addCoordinated(builder, builder.tasks().get(first), type.name(), fed, clause);
                    builder.addForEachListedFile(builder.tasks().get(first));
                    builder.addForEachUpload(builder.tasks().get(first), clause);
                    break;
                }
            }
        }
        // a task nothing can feed is left out, unless it was all the request asked for
        if (builder.tasks().isEmpty() && unfed.isEmpty() && givesAPicture && ASKS_A_QUESTION.matcher(message).find()) {
            // "is my monstera getting too much sun??" with a photo: a question no phrase names, asked of the picture
            Clause question = new Clause(message, true);
            addReading(builder, VISUAL_QUESTION_ANSWERING, question);
        }
        if (builder.tasks().isEmpty()) {
            if (unfed.isEmpty() && SmallTalk.addressesTheAssistant(message)) {
                // "Are you running on my computer or in the cloud?": conversation no phrase of SmallTalk knows
                return PlanningResult.planned(List.of(), name(), LlmUsage.NONE);
            }
            // the task that lacks its input, else that no task was recognised
            return PlanningResult.failed(name(), LlmUsage.NONE, unfed.orElse(NO_TASK_FOUND));
        }
        String wholeRequest = text.restore(text.original);
        // the question about a picture or the instruction for an edit may be the whole request; the text a text task works on may not
        Optional<PlannedTask> onTheAsking = builder.tasks().stream()
                .filter(t -> materialOf(t).filter(wholeRequest::equals).isPresent())
                .findFirst();
        if (onTheAsking.isPresent() && AskingOnly.is(text.original)) {
            return PlanningResult.failed(name(), LlmUsage.NONE, onTheAsking.get().task().equals("question-answering")
                    ? "the request asks a question but gives no text to find its answer in: put the passage in quotes ('...')"
                            + " or after a colon; the offline planner and models know no facts of their own, an LLM"
                            + " (HG_LLM_BASE_URL) answers from knowledge"
                    : "the request asks for " + onTheAsking.get().task() + " but gives it no text: put the text in quotes"
                            + " ('...') or after a colon, or attach a text file");
        }
        List<PlannedTask> plan = PlanValidator.normalize(builder.tasks());
        List<String> errors = validator.validate(plan);
        if (!errors.isEmpty()) {
            return PlanningResult.failed(name(), LlmUsage.NONE, "embedded planner made an invalid plan: " + errors);
        }
        return PlanningResult.planned(plan, name(), LlmUsage.NONE);
    }

    /**
     * Whether a clause of a conditioned drawing's sentence is that drawing, planned already: it takes the shape ("using
     * the depth of desk.jpg as a guide") or asks for the picture ("draw an astronaut in that pose"), not what is done to
     * the picture after ("then upscale the result").
     */
    private static boolean partOfTheDrawing(Clause clause) {
        List<String> tasks = clause.rules().tasks();
        return tasks.isEmpty() || tasks.get(0).equals("text-to-image")
                || DRAWING_OR_SHAPE.contains(tasks.get(0)) && ConditionedGeneration.namesAShape(clause.text());
    }

    /**
     * Plans one reading of a clause: its task, made specific to the inputs, with the forms the clause asks
     * its result in. Returns false when the task restates one already planned.
     */
    private boolean addReading(PlanBuilder builder, TaskType type, Clause clause) {
        TaskType task = builder.specialise(type, clause);
        boolean noDocumentModel = task.name().equals("document-question-answering") && !served.test(task.name());
        if (builder.asksAboutTextInPicture(task, clause) || noDocumentModel) {
            // the answer is written in the picture, or no executor reads a document's layout: read its text, then answer from it
            builder.addUnlessDuplicate(TaskVocabulary.find("image-to-text").orElseThrow(), clause);
            return builder.addUnlessDuplicate(TaskVocabulary.find("question-answering").orElseThrow(), clause);
        }
        boolean translatedFirst = type.output() != MediaKind.TEXT && clause.rules().inSequence().contains(TRANSLATION.name());
        if (translatedFirst) {
            // "a spoken summary in French": the words are translated before they are spoken
            builder.addUnlessDuplicate(TRANSLATION, clause);
        }
        if (!builder.addUnlessDuplicate(task, translatedFirst ? clause.onEarlierResult() : clause)) {
            return false;
        }
        for (TaskType form : outputForms(type, task, clause)) {
            builder.addUnlessDuplicate(form, clause.onEarlierResult());
        }
        return true;
    }

    /**
     * "Detect the objects in a drawing of a dog": a task the clause names outright but had no picture for
     * (none attached) runs on the picture the clause's first reading makes.
     */
    private void addWhatItsPictureFeeds(PlanBuilder builder, List<TaskType> candidates, List<TaskType> fed, Clause clause) {
        for (TaskType type : candidates) {
            if (!fed.contains(type) && clause.rules().namesOutright(type.name()) && builder.missingInput(type, clause).isEmpty()) {
                addReading(builder, type, clause);
            }
        }
    }

    /**
     * "Give me the key points of this document and the people it mentions": the other tasks the clause names outright
     * after "and", on the same input (one verb, several things asked for); not the forms the result is asked in.
     */
    private static void addCoordinated(PlanBuilder builder, PlannedTask first, String read, List<TaskType> fed, Clause clause) {
        TaskType firstType = TaskVocabulary.find(first.task()).orElseThrow();
        // the tasks named beside the one the rules read, before it was made specific (a depth map for ControlNet: its control)
        for (String name : clause.rules().coordinatedWith(read)) {
            if (OUTPUT_FORMS.contains(name) && firstType.output() == MediaKind.TEXT) {
                // the form its text result is asked in (see outputForms); beside a picture or a video it is a task of its own
                continue;
            }
            fed.stream().filter(t -> t.name().equals(name) && t.inputs().equals(firstType.inputs()))
                    .findFirst()
                    .ifPresent(type -> builder.addBeside(type, first, clause));
        }
    }

    /**
     * "Describe them in Spanish": when the first reading is the form of a text result and the clause names
     * the task that makes that text first, that task comes first (its form follows, see {@link #outputForms}).
     */
    private static List<TaskType> textTaskBeforeItsForm(List<TaskType> fed, Clause clause) {
        if (fed.size() < 2 || !OUTPUT_FORMS.contains(fed.get(0).name())) {
            return fed;
        }
        List<String> sequence = clause.rules().inSequence();
        int form = sequence.indexOf(fed.get(0).name());
        for (String earlier : sequence.subList(0, Math.max(form, 0))) {
            for (TaskType type : fed) {
                if (type.name().equals(earlier) && type.output() == MediaKind.TEXT && !OUTPUT_FORMS.contains(earlier)) {
                    List<TaskType> reordered = new ArrayList<>(fed);
                    reordered.remove(type);
                    reordered.add(0, type);
                    return reordered;
                }
            }
        }
        return fed;
    }

    /**
     * The form a clause asks a text result in, after the task that makes it: "describe the objects
     * audibly" (speech), "summarize it in a short video" (video), "explain it in Spanish" (translation).
     * {@code read} is the clause's reading, {@code task} what it became for the plan's inputs.
     */
    private static List<TaskType> outputForms(TaskType read, TaskType task, Clause clause) {
        if (task.output() != MediaKind.TEXT) {
            return List.of();
        }
        List<String> sequence = clause.rules().inSequence();
        int at = Math.max(sequence.indexOf(read.name()), sequence.indexOf(task.name()));
        if (at < 0) {
            return List.of();
        }
        return sequence.subList(at + 1, sequence.size()).stream()
                .filter(OUTPUT_FORMS::contains)
                .sorted(Comparator.comparing(name -> !name.equals(TRANSLATION.name())))
                .map(name -> TaskVocabulary.find(name).orElseThrow())
                .toList();
    }

    /**
     * The text a task works on: a question's context, a text task's text; none for a task on a picture or a recording,
     * whose text is a question or an instruction about it (and may be the whole request).
     */
    private static Optional<String> materialOf(PlannedTask task) {
        boolean onText = TaskVocabulary.find(task.task()).map(type -> type.inputs().stream().allMatch(k -> k == MediaKind.TEXT)).orElse(true);
        if (!onText) {
            return Optional.empty();
        }
        return Optional.ofNullable(task.args().containsKey("context") ? task.args().get("context") : task.args().get("text"));
    }

    private static String noInput(TaskType type, Clause clause, PlanBuilder builder, RequestText text) {
        String kind = builder.missingInput(type, clause).map(MediaKind::argKey).orElse("input");
        return "the request asks for " + type.name() + " (\"" + text.restore(clause.text()) + "\") but gives no " + kind
                + "; attach one or name an uploaded file";
    }
}
