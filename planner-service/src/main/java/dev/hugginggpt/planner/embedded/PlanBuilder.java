package dev.hugginggpt.planner.embedded;

import dev.hugginggpt.protocol.GeneratedRefs;
import dev.hugginggpt.protocol.MediaKind;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.TaskType;
import dev.hugginggpt.protocol.TaskVocabulary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the plan one clause at a time and wires inputs by resource flow: a task takes a file its
 * clause names, else the latest earlier output of the kind it needs, else a file of that kind the
 * request mentions. A text task on an audio or image source gets a transcription or description
 * task put in front of it.
 */
final class PlanBuilder {
    /** The tasks that make a picture or video of what their text describes. */
    private static final Set<String> DEPICTS = Set.of("text-to-image", "text-to-video");
    /** "a picture of X", "an image showing X", "draw me X", "paint X". */
    private static final Pattern DEPICTED = Pattern.compile(
            "\\b(?:images?|pictures?|photos?|photographs?|drawings?|illustrations?|paintings?|sketch(?:es)?|portraits?|videos?|clips?|animations?)"
                    + " (?:of|showing|depicting|with) (.+)"
                    + "|\\b(?:draw|paint|sketch|illustrate|depict|render)(?:ing)? (?:me |us )?(?!(?:an? |the )?(?:images?|pictures?|photos?|drawings?|illustrations?|paintings?|sketch(?:es)?|portraits?)\\b)(.+)",
            Pattern.CASE_INSENSITIVE);
    /** Words that point back at something already there: an earlier output or a mentioned file. */
    private static final Pattern BACK_REFERENCE = Pattern.compile(
            "\\b(it|its|that|this|these|those|them|they|the result|results|the output|the text|the description|the caption"
                    + "|transcri\\w*|translat\\w*|summary|the audio|the recording|the image|the picture|the photo|the file"
                    + "|content|generated|resulting|edited|modified|identified|detected|classified|answer|findings|information"
                    + "|the (?:quote|message|writing|inscription|sign|note|label))\\b"
                    + "|그\\s|그것|이것|결과|위의|해당",
            Pattern.CASE_INSENSITIVE);
    /** An instruction that builds on an earlier result ("based on the classification"). */
    private static final Pattern BUILDS_ON = Pattern.compile(
            "\\b(based on|according to|using|with|from|reflect\\w*|embod\\w*|matching|relat\\w* to|accordingly)\\b"
                    + "|그 결과|결과(를|에)|바탕",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MEDIA_AUDIO = Pattern.compile(
            "\\b(audio|recording|recorded|speech|voice|podcast|voicemail|sound|spoken|said|lecture|meeting|interview)\\b|오디오|음성|녹음",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MEDIA_IMAGE = Pattern.compile(
            "\\b(image|picture|photo|photograph|snapshot|scan|document|table|chart|scene|inscription|visual)\\b|사진|이미지|그림|문서",
            Pattern.CASE_INSENSITIVE);

    /** What an earlier text result is called: "these objects", "the labels", "the findings". */
    private static final Pattern EARLIER_TEXT = Pattern.compile(
            "\\b(objects|items|elements|results?|labels|entities|findings|information|details|answers?|summary|(?:the|this|that) text|names"
                    + "|categories|class(?:es)?|classification|these|those|them)\\b",
            Pattern.CASE_INSENSITIVE);
    /** "Read that answer aloud": an earlier text to be spoken as it is, not described (within 300 characters, as TaskRules). */
    private static final Pattern READ_ALOUD = Pattern.compile("\\bread\\b.{0,300}\\b(aloud|out loud|out)\\b", Pattern.CASE_INSENSITIVE);
    /** Pictures of writing, and questions on what is written. */
    private static final Pattern TEXT_IN_PICTURE = Pattern.compile(
            "\\b(?:receipts?|signs?|signboards?|menus?|labels?|posters?|screenshots?|notes?|tickets?|whiteboards?|slides?|flyers?"
                    + "|banners?|price tags?|handwriting|written|writing|says?|text|total|phone number|address|opening hours)\\b"
                    + "|영수증|간판|메뉴|표지판|글자|적힌|쓰인",
            Pattern.CASE_INSENSITIVE);
    /** Documents read with their layout: document question answering. */
    private static final Pattern LAID_OUT_DOCUMENT = Pattern.compile(
            "\\b(?:document|invoice|form|contract|report|scanned|certificate)s?\\b|문서", Pattern.CASE_INSENSITIVE);
    /** A description asked to be short is a summary. */
    private static final Pattern BRIEF = Pattern.compile("\\b(brief|briefly|short|compact|concise|succinct|summar\\w*)\\b",
            Pattern.CASE_INSENSITIVE);

    /** An edit the clause spells out itself: a colour, a thing to add, remove or replace. */
    private static final Pattern CONCRETE_EDIT = Pattern.compile(
            "\\b(red|green|blue|yellow|white|black|purple|pink|orange|gr[ae]y|brown|golden|add|insert|remove|erase|replace|background"
                    + "|sky|brighter|darker|text|caption|watermark)\\b|색|배경",
            Pattern.CASE_INSENSITIVE);

    /** A quoted passage and the words that introduce it as the source: "based on «Q0»,", "in «Q1»". */
    private static final Pattern QUOTED_SOURCE = Pattern.compile(
            "(?:\\b(?:based on|according to|from|in|given|using|with|of)\\s++(?:the\\s++)?(?:text|passage|paragraph|context)?\\s*+:?\\s*+)?«Q\\d+»\\s*+[,:]?",
            Pattern.CASE_INSENSITIVE);

    /** Punctuation and white space that end a text; found from where their run begins, so a long run is read once. */
    private static final String TRAILING_PUNCTUATION = "(?<![\\s.!?,;:])[\\s.!?,;:]+$";

    /** The same task on a picture or on a recording: "enhance it", "classify the content", "turn it into text" mean the one meant. */
    private static final Map<String, String> MEDIA_TWINS = Map.of(
            "audio-to-audio", "image-to-image", "image-to-image", "audio-to-audio",
            "audio-classification", "image-classification", "image-classification", "audio-classification",
            "automatic-speech-recognition", "image-to-text", "image-to-text", "automatic-speech-recognition");

    /** The readings of a question on what a picture shows: a question, or a class of the whole picture. */
    private static final Set<String> PICTURE_QUESTIONS = Set.of("visual-question-answering", "image-classification",
            "question-answering");
    private static final TaskType QUESTION_ANSWERING = TaskVocabulary.find("question-answering").orElseThrow();
    /** Tasks whose text result is a label or a score, not a text another task works on unless the request names it. */
    private static final Set<String> LABELLERS = Set.of("text-classification", "zero-shot-classification", "sentence-similarity",
            "audio-classification", "image-classification", "tabular-classification", "video-classification");
    /** Tasks that read a text to say something about it (its language, sentiment, topic, names). */
    private static final Set<String> ANALYSES = Set.of("text-classification", "zero-shot-classification", "token-classification");
    /** "Read the result aloud", "translate the label": a clause that means the label itself. */
    private static final Pattern NAMES_A_RESULT = Pattern.compile(
            "\\b(?:results?|outputs?|labels?|answers?|categor(?:y|ies)|class(?:es)?|classifications?|predictions?|scores?|language name)\\b",
            Pattern.CASE_INSENSITIVE);

    /** Arguments the request states outright; a task with another value is another task. */
    private static final Set<String> NAMED_OPTIONS = Set.of("target_language", "labels");

    private final RequestText text;
    private final Resources resources;
    private final Optional<String> earlierTurn;
    private final List<PlannedTask> tasks = new ArrayList<>();
    private final List<MediaKind> outputs = new ArrayList<>();
    private final Set<Integer> usedQuotes = new HashSet<>();
    private final EarlierResults results = new EarlierResults(tasks, outputs);

    /** {@code earlierTurn}: what "it" means when the request refers back to the conversation (see RequestText). */
    PlanBuilder(RequestText text, Resources resources, Optional<String> earlierTurn) {
        this.text = text;
        this.resources = resources;
        this.earlierTurn = earlierTurn;
    }

    List<PlannedTask> tasks() {
        return tasks;
    }

    /**
     * The task type made specific to what the request says its picture is: classifying a picture of
     * a table is tabular classification, a question on a picture of a document is document QA.
     */
    TaskType specialise(TaskType type, Clause clause) {
        if (type.name().equals("image-to-text") && describesEarlierText(clause.text())) {
            if (READ_ALOUD.matcher(clause.text()).find()) {
                return TaskVocabulary.find("text-to-speech").orElseThrow();
            }
            return TaskVocabulary.find(BRIEF.matcher(clause.text()).find() ? "summarization" : "text-generation").orElseThrow();
        }
        String twin = MEDIA_TWINS.get(type.name());
        if (twin != null) {
            MediaKind kind = mediumMeant(clause.text());
            if (kind != null && kind != type.inputs().get(0) && resourceArgument(kind, clause.text()) != null) {
                return TaskVocabulary.find(twin).orElseThrow();
            }
        }
        if (PICTURE_QUESTIONS.contains(type.name()) && PictureContents.asked(clause.text()) && !TEXT_IN_PICTURE.matcher(clause.text()).find()
                && (!type.name().equals("question-answering") || asksAboutAPicture(clause))
                && resourceArgument(MediaKind.IMAGE, clause.text()) != null) {
            // "what is in this photo?", "how many dogs are there?": what a detector finds, with its counts
            return TaskVocabulary.find("object-detection").orElseThrow();
        }
        if (type.name().equals("question-answering") && asksAboutAPicture(clause)) {
            return TaskVocabulary.find(resources.imageIsDocument() ? "document-question-answering" : "visual-question-answering")
                    .orElseThrow();
        }
        String image = resourceArgument(MediaKind.IMAGE, clause.text());
        boolean onRequestFile = image != null && GeneratedRefs.in(image).isEmpty();
        if (!onRequestFile) {
            return type;
        }
        String name = type.name();
        if (name.equals("image-classification") && resources.imageIsTable()) {
            return TaskVocabulary.find("tabular-classification").orElseThrow();
        }
        boolean question = name.equals("visual-question-answering")
                || name.equals("question-answering") && results.latest(MediaKind.TEXT) < 0 && resources.textFile(clause.text()).isEmpty();
        if (question && resources.imageIsDocument()) {
            return TaskVocabulary.find("document-question-answering").orElseThrow();
        }
        return type;
    }

    /**
     * "Describe these objects", "a caption for the results": what the clause describes is the text an
     * earlier task made (detected objects, labels), not a picture, so the description is written from that text.
     */
    private boolean describesEarlierText(String clause) {
        return results.latest(MediaKind.TEXT) > results.latest(MediaKind.IMAGE)
                && !MEDIA_IMAGE.matcher(clause).find()
                && resources.namedIn(clause, MediaKind.IMAGE).isEmpty()
                && EARLIER_TEXT.matcher(clause).find();
    }

    /** The medium a clause is about: the one it names, else the one "it" most likely is. */
    private MediaKind mediumMeant(String clause) {
        boolean audio = MEDIA_AUDIO.matcher(clause).find() || resources.namedIn(clause, MediaKind.AUDIO).isPresent();
        boolean image = MEDIA_IMAGE.matcher(clause).find() || resources.namedIn(clause, MediaKind.IMAGE).isPresent();
        if (audio != image) {
            return audio ? MediaKind.AUDIO : MediaKind.IMAGE;
        }
        return sourceKind(clause);
    }

    /** A question on a picture the clause names, or with no text to answer it from on a picture the clause is about. */
    private boolean asksAboutAPicture(Clause clause) {
        boolean textSource = results.latest(MediaKind.TEXT) >= 0 || !text.quotesIn(clause.text()).isEmpty()
                || usedQuotes.size() < text.quotes.size() || resources.textFile(clause.text()).isPresent();
        boolean namesAPicture = resources.namedIn(clause.text(), MediaKind.IMAGE).isPresent()
                || MEDIA_IMAGE.matcher(clause.text()).find() && resourceArgument(MediaKind.IMAGE, clause.text()) != null;
        return namesAPicture || !textSource && sourceKind(clause.text()) == MediaKind.IMAGE;
    }

    /**
     * Plans a picture drawn on the shape of another (see {@link ConditionedGeneration}): the control task on the picture
     * the sentence names (else the request's picture, else the latest made), then the text-to-image task of that kind
     * on its output. Returns false, planning nothing, when there is no picture to take the shape from.
     */
    boolean addConditioned(ConditionedGeneration.Found found, String sentence) {
        String image = resourceArgument(MediaKind.IMAGE, sentence);
        if (image == null) {
            return false;
        }
        TaskType control = TaskVocabulary.find(found.kind() + "-control").orElseThrow();
        TaskType drawing = TaskVocabulary.find(found.kind() + "-text-to-image").orElseThrow();
        tasks.add(new PlannedTask(tasks.size(), control.name(), List.of(-1), new LinkedHashMap<>(Map.of(MediaKind.IMAGE.argKey(), image))));
        outputs.add(control.output());
        Map<String, String> args = new LinkedHashMap<>();
        args.put(MediaKind.TEXT.argKey(), text.restore(found.prompt()));
        args.put(MediaKind.IMAGE.argKey(), GeneratedRefs.of(tasks.size() - 1));
        tasks.add(new PlannedTask(tasks.size(), drawing.name(), List.of(-1), args));
        outputs.add(drawing.output());
        return true;
    }

    /**
     * "What's the total on this receipt?", "What does the sign say about parking?": a question whose answer is written in
     * the picture, answered from the picture's text (image-to-text, then question-answering on it). A document, an invoice,
     * a form or a scan stays a document question (document-question-answering reads its layout too).
     */
    boolean asksAboutTextInPicture(TaskType type, Clause clause) {
        boolean pictureQuestion = type.name().equals("visual-question-answering") || type.name().equals("document-question-answering");
        return pictureQuestion && TEXT_IN_PICTURE.matcher(clause.text()).find() && !LAID_OUT_DOCUMENT.matcher(text.original).find();
    }

    /** The first input kind this task could get from nowhere, if any. */
    Optional<MediaKind> missingInput(TaskType type, Clause clause) {
        for (MediaKind kind : type.inputs()) {
            if (kind != MediaKind.TEXT && resourceArgument(kind, clause.text()) == null) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /**
     * Adds the task for a clause unless it restates a task already planned. A task of a type the plan
     * has is another task when the clause says so ("too", "again", "또") or when an input differs from
     * that task's: another quote or file, another named option (target language, labels), or an
     * earlier output that does not itself come from a task of this type. Returns whether it was added.
     */
    boolean addUnlessDuplicate(TaskType type, Clause clause) {
        int planned = tasks.size();
        Set<Integer> quotesBefore = new HashSet<>(usedQuotes);
        add(type, clause);
        PlannedTask added = tasks.get(tasks.size() - 1);
        if (ArgumentPhrases.asksAgain(clause.text())) {
            return true;
        }
        boolean duplicate = tasks.subList(0, planned).stream()
                .anyMatch(earlier -> earlier.task().equals(added.task()) && !hasOwnInput(added, earlier));
        if (duplicate) {
            tasks.subList(planned, tasks.size()).clear();
            outputs.subList(planned, outputs.size()).clear();
            usedQuotes.retainAll(quotesBefore);
        }
        return !duplicate;
    }

    private boolean hasOwnInput(PlannedTask task, PlannedTask earlier) {
        for (Map.Entry<String, String> arg : task.args().entrySet()) {
            String value = arg.getValue();
            if (value.equals(earlier.args().get(arg.getKey()))) {
                continue;
            }
            boolean own = NAMED_OPTIONS.contains(arg.getKey())
                    || text.quotes.contains(value)
                    || MediaKind.ofFileName(value).isPresent()
                    || !GeneratedRefs.in(value).isEmpty() && GeneratedRefs.in(value).stream().noneMatch(id -> descendsFrom(id, task.task()));
            if (own) {
                return true;
            }
        }
        return false;
    }

    /** Whether the output of task {@code id} is made by, or from the output of, a task of this type. */
    private boolean descendsFrom(int id, String type) {
        // each earlier task once, without recursion: a plan may be a long chain, or a lattice with many paths
        Set<Integer> seen = new HashSet<>();
        java.util.Deque<Integer> next = new java.util.ArrayDeque<>(List.of(id));
        while (!next.isEmpty()) {
            int at = next.pop();
            PlannedTask task = tasks.get(at);
            if (task.task().equals(type)) {
                return true;
            }
            for (int source : GeneratedRefs.in(task.args())) {
                if (source < at && seen.add(source)) {
                    next.push(source);
                }
            }
        }
        return false;
    }

    /** Adds the task for a clause; every input it needs must be available (see {@link #missingInput}). */
    void add(TaskType type, Clause clause) {
        Map<String, String> args = new LinkedHashMap<>();
        long textInputs = type.inputs().stream().filter(k -> k == MediaKind.TEXT).count();
        for (MediaKind kind : new java.util.LinkedHashSet<>(type.inputs())) {
            if (kind != MediaKind.TEXT) {
                String value = resourceArgument(kind, clause.text());
                if (value == null) {
                    throw new IllegalStateException(type.name() + " has no " + kind.argKey() + " to work on");
                }
                args.put(kind.argKey(), value);
            }
        }
        if (textInputs == 2) {
            addTextPair(type, clause, args);
        } else if (textInputs == 1) {
            boolean instruction = type.inputs().size() > 1;
            args.put("text", instruction ? instructionText(type, clause)
                    : DEPICTS.contains(type.name()) ? depiction(clause).orElseGet(() -> textArgument(type, clause)) : textArgument(type, clause));
        }
        addNamedOptions(type, clause, args);
        tasks.add(new PlannedTask(tasks.size(), type.name(), List.of(-1), args));
        outputs.add(type.output());
    }

    /** The target language of a translation, the candidate labels of a zero-shot classification, an image transformation. */
    private void addNamedOptions(TaskType type, Clause clause, Map<String, String> args) {
        switch (type.name()) {
            case "translation" -> ArgumentPhrases.targetLanguage(clause.text())
                    .or(() -> ArgumentPhrases.intoLanguage(text.masked))
                    .ifPresent(language -> args.put("target_language", language));
            case "zero-shot-classification" -> ArgumentPhrases.labels(clause.text())
                    .ifPresent(labels -> args.put("labels", labels));
            // what to do to the picture: the clause's own words (never an earlier result, so no edge is added)
            case "image-to-image" -> args.put("text", text.restore(clause.text()));
            default -> {
            }
        }
    }

    /** Two texts: a question and its context, or the two sentences to compare. */
    private void addTextPair(TaskType type, Clause clause, Map<String, String> args) {
        List<String> own = takeQuotes(clause.text());
        if (type.name().equals("sentence-similarity")) {
            List<String> texts = new ArrayList<>(own);
            int producer = results.meant(MediaKind.TEXT, clause.text());
            if (texts.size() < 2 && producer >= 0) {
                texts.add(0, GeneratedRefs.of(producer));
            }
            int other = results.other(producer, clause.text());
            if (texts.size() < 2 && other >= 0) {
                texts.add(0, GeneratedRefs.of(other));
            }
            while (texts.size() < 2) {
                texts.add(texts.isEmpty() ? textArgument(type, clause) : nextUnusedQuote().orElse(text.restore(clause.text())));
            }
            args.put("text", texts.get(0));
            args.put("text2", texts.get(1));
            return;
        }
        addQuestionAndContext(clause, own, args);
    }

    /**
     * A question and the text to find its answer in: a quoted question or the clause's own words; a
     * quoted passage that is not a question, else an earlier output, a document or the request.
     */
    private void addQuestionAndContext(Clause clause, List<String> own, Map<String, String> args) {
        Optional<String> quotedQuestion = own.stream().filter(ArgumentPhrases::isQuestion).findFirst();
        Optional<String> quotedPassage = own.stream().filter(q -> !ArgumentPhrases.isQuestion(q)).findFirst();
        String words = QUOTED_SOURCE.matcher(clause.text()).replaceAll(" ").replaceAll("\\s+", " ").strip();
        String question;
        if (quotedQuestion.isPresent()) {
            question = quotedQuestion.get();
        } else if (quotedPassage.isPresent() && ArgumentPhrases.isQuestion(words)) {
            question = words.replaceFirst("^[,;:\\s]+", "");
        } else {
            question = own.isEmpty() ? askedAfterColon(clause.text()) : own.get(0);
            quotedPassage = own.size() > 1 ? Optional.of(own.get(1)) : Optional.empty();
        }
        args.put("text", question);
        args.put("context", quotedPassage.or(text::labelledContext).orElseGet(() -> contextText(QUESTION_ANSWERING, clause)));
    }

    /** "Answer this question: what is the capital of France?" asks what follows the colon. */
    private String askedAfterColon(String clause) {
        String after = RequestText.afterColon(clause);
        return text.restore(ArgumentPhrases.isQuestion(after) ? after : clause);
    }

    /**
     * What a picture or video to be made shows, from the clause's own words: "draw a picture of a red cat" → "a red cat",
     * "generate an image of a lake at sunrise" → "a lake at sunrise", "draw a cat on a skateboard" → "a cat on a
     * skateboard"; none when the clause quotes its prompt or means an earlier text ("draw it", "draw a picture of the summary").
     */
    private Optional<String> depiction(Clause clause) {
        String words = clause.text();
        if (!text.quotesIn(words).isEmpty() || results.meant(MediaKind.TEXT, words) >= 0) {
            return Optional.empty();
        }
        Matcher shown = DEPICTED.matcher(words);
        if (!shown.find()) {
            return Optional.empty();
        }
        String subject = text.restore(shown.group(1) != null ? shown.group(1) : shown.group(2)).strip().replaceFirst(TRAILING_PUNCTUATION, "");
        return subject.split("\\s+").length < 2 || BACK_REFERENCE.matcher(subject).lookingAt() ? Optional.empty() : Optional.of(subject);
    }

    /** The text input of a text-only task. */
    private String textArgument(TaskType type, Clause clause) {
        List<String> own = takeQuotes(clause.text());
        if (!own.isEmpty()) {
            return own.get(0);
        }
        return contextText(type, clause);
    }

    /**
     * The text the request gives (a quoted passage or a text document) that the latest task taking one took: what
     * "it" means in "read 'Bonjour' aloud and tell me what language it is", before any earlier output of another kind.
     */
    private Optional<String> givenText() {
        for (int i = tasks.size() - 1; i >= 0; i--) {
            Optional<String> given = givenTextOf(tasks.get(i));
            if (given.isPresent()) {
                return given;
            }
        }
        return Optional.empty();
    }

    private Optional<String> givenTextOf(PlannedTask task) {
        return task.args().entrySet().stream()
                .filter(arg -> MediaKind.ofArgKey(arg.getKey()).isEmpty() || arg.getKey().equals("text"))
                .map(Map.Entry::getValue)
                .filter(value -> text.quotes.contains(value) || resources.isTextFile(value))
                .findFirst();
    }

    /**
     * Whether a text task that refers back means the text the request gave rather than the latest text result: when
     * that result is a label (a language, a sentiment, a class: no text to work on) and the clause does not name it,
     * or when the task analyses a text ("translate 'X' and tell me its sentiment") and the latest result was made from
     * the given text.
     */
    private boolean meansGivenText(TaskType type, int latest, Clause clause) {
        PlannedTask producer = tasks.get(latest);
        if (LABELLERS.contains(producer.task())) {
            return !NAMES_A_RESULT.matcher(clause.text()).find();
        }
        return ANALYSES.contains(type.name()) && givenTextOf(producer).isPresent();
    }

    /**
     * Earlier text output, an unused quote, a text file, the text given to an earlier task, a converted file, the words after the clause's colon or the
     * passage the request introduces with one ("translate it into English and read it aloud: ..."), what an earlier turn
     * of the conversation gave when the clause refers back to it ("now read it aloud"), else the request.
     */
    private String contextText(TaskType type, Clause clause) {
        int named = results.named(MediaKind.TEXT, clause.text());
        if (named >= 0) {
            return GeneratedRefs.of(named);
        }
        int latest = results.latest(MediaKind.TEXT);
        Optional<String> given = givenText();
        if (latest >= 0 && !(given.isPresent() && meansGivenText(type, latest, clause))) {
            return GeneratedRefs.of(latest);
        }
        Optional<String> quote = nextUnusedQuote();
        if (quote.isPresent()) {
            return quote.get();
        }
        Optional<String> file = resources.textFile(clause.text());
        if (file.isPresent()) {
            return file.get();
        }
        if (given.isPresent()) {
            // "read 'Bonjour' aloud and tell me what language it is": the text given, not a transcript of its speech
            return given.get();
        }
        Optional<String> converted = convertToText(clause);
        if (converted.isPresent()) {
            return converted.get();
        }
        String own = clause.text();
        int colon = own.indexOf(':');
        String passage = colon >= 0 ? own.substring(colon + 1).strip() : text.colonPassage();
        if (passage.isEmpty() && earlierTurn.isPresent() && BACK_REFERENCE.matcher(own).find()) {
            return earlierTurn.get();
        }
        return text.restore(passage.isEmpty() ? text.original : passage);
    }

    /**
     * The instruction or question of an image-and-text task: its quote, the text just made when an edit says no
     * more than "accordingly", an earlier result it names or builds on, or its words.
     */
    private String instructionText(TaskType type, Clause clause) {
        List<String> own = takeQuotes(clause.text());
        if (!own.isEmpty()) {
            return own.get(0);
        }
        int named = results.named(MediaKind.TEXT, clause.text());
        if (named >= 0) {
            return GeneratedRefs.of(named);
        }
        int previous = tasks.size() - 1;
        boolean vagueEdit = type.name().equals("image-editing") && !CONCRETE_EDIT.matcher(clause.text()).find();
        if (vagueEdit && previous >= 0 && outputs.get(previous) == MediaKind.TEXT) {
            // "then adjust the image accordingly": the text just made says how
            return GeneratedRefs.of(previous);
        }
        int producer = results.latest(MediaKind.TEXT);
        if (producer >= 0 && BUILDS_ON.matcher(clause.text()).find()) {
            return GeneratedRefs.of(producer);
        }
        return text.restore(clause.text());
    }

    /** Transcribes the audio or describes the image the clause is about, as a task of its own. */
    private Optional<String> convertToText(Clause clause) {
        String words = clause.text();
        if (!BACK_REFERENCE.matcher(words).find() && !MEDIA_AUDIO.matcher(words).find() && !MEDIA_IMAGE.matcher(words).find()) {
            return Optional.empty();
        }
        MediaKind source = sourceKind(words);
        if (source == null) {
            return Optional.empty();
        }
        String task = source == MediaKind.AUDIO ? "automatic-speech-recognition" : "image-to-text";
        Clause conversion = new Clause(words, clause.request());
        add(TaskVocabulary.find(task).orElseThrow(), conversion);
        return Optional.of(GeneratedRefs.of(tasks.size() - 1));
    }

    private MediaKind sourceKind(String words) {
        boolean audio = resourceArgument(MediaKind.AUDIO, words) != null;
        boolean image = resourceArgument(MediaKind.IMAGE, words) != null;
        if (audio && image) {
            if (MEDIA_AUDIO.matcher(words).find() || resources.namedIn(words, MediaKind.AUDIO).isPresent()) {
                return MediaKind.AUDIO;
            }
            if (MEDIA_IMAGE.matcher(words).find() || resources.namedIn(words, MediaKind.IMAGE).isPresent()) {
                return MediaKind.IMAGE;
            }
            return results.latest(MediaKind.AUDIO) > results.latest(MediaKind.IMAGE) ? MediaKind.AUDIO : MediaKind.IMAGE;
        }
        return audio ? MediaKind.AUDIO : image ? MediaKind.IMAGE : null;
    }

    private String resourceArgument(MediaKind kind, String clause) {
        Optional<String> named = resources.namedIn(clause, kind);
        if (named.isPresent()) {
            return named.get();
        }
        int producer = results.meant(kind, clause);
        if (producer >= 0) {
            return GeneratedRefs.of(producer);
        }
        return resources.anyOf(kind).orElse(null);
    }

    private List<String> takeQuotes(String clause) {
        List<String> own = new ArrayList<>();
        for (int q : text.quotesIn(clause)) {
            usedQuotes.add(q);
            own.add(text.quotes.get(q));
        }
        return own;
    }

    private Optional<String> nextUnusedQuote() {
        for (int q = 0; q < text.quotes.size(); q++) {
            if (!usedQuotes.contains(q)) {
                usedQuotes.add(q);
                return Optional.of(text.quotes.get(q));
            }
        }
        return Optional.empty();
    }
}
