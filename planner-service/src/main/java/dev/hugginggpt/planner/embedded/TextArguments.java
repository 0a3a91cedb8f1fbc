package dev.hugginggpt.planner.embedded;

import dev.hugginggpt.protocol.GeneratedRefs;
import dev.hugginggpt.protocol.MediaKind;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.TaskType;
import dev.hugginggpt.protocol.TaskVocabulary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text inputs of a task: a quote, an earlier output, a text file, the words of the clause, or a transcription or
 * description of the recording or picture the clause is about, put in front of the task as a task of its own.
 */
final class TextArguments {
    /** The tasks that make a picture or video of what their text describes. */
    /** "the same clause", "separately": the request's own document again. */
    private static final Pattern SAME_DOCUMENT = Pattern.compile(
            "\\b(?:the same|the original|that same) (?:clause|document|file|text|article|report|passage|contract|paper)\\b|\\bseparately\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> DEPICTS = Set.of("text-to-image", "text-to-video");
    private static final Pattern SAME = Pattern.compile("\\bthe same\\b", Pattern.CASE_INSENSITIVE);
    private static final TaskType QUESTION_ANSWERING = TaskVocabulary.find("question-answering").orElseThrow();
    /** Tasks whose text result is a label or a score, not a text another task works on unless the request names it. */
    private static final Set<String> LABELLERS = Set.of("text-classification", "zero-shot-classification", "sentence-similarity", "token-classification",
            "audio-classification", "image-classification", "tabular-classification", "video-classification");
    /** Tasks that read a text to say something about it (its language, sentiment, topic, names). */
    private static final Set<String> ANALYSES = Set.of("text-classification", "zero-shot-classification", "token-classification");

    private final PlanSoFar plan;
    private final RequestText text;
    private final Optional<String> earlierTurn;
    /** Plans a task (the transcription or description a text comes from). */
    private final BiConsumer<TaskType, Clause> addTask;

    TextArguments(PlanSoFar plan, Optional<String> earlierTurn, BiConsumer<TaskType, Clause> addTask) {
        this.plan = plan;
        this.text = plan.text;
        this.earlierTurn = earlierTurn;
        this.addTask = addTask;
    }

    /** The one text input of a task: an instruction next to a picture, what a picture to be made shows, or the text worked on. */
    String single(TaskType type, Clause clause) {
        boolean instruction = type.inputs().size() > 1;
        return instruction ? instructionText(type, clause)
                : DEPICTS.contains(type.name()) ? depiction(clause).orElseGet(() -> textArgument(type, clause)) : textArgument(type, clause);
    }

    /** Two texts: a question and its context, or the two sentences to compare. */
    void addPair(TaskType type, Clause clause, Map<String, String> args) {
        List<String> own = plan.takeQuotes(clause.text());
        if (type.name().equals("sentence-similarity")) {
            List<String> texts = new ArrayList<>(own);
            // "does the caption of cover.jpg match the blurb in blurb.txt": what the clause names, each made text
            for (Resources.Named file : plan.resources.mediaNamedIn(clause.text())) {
                if (texts.size() < 2) {
                    texts.add(convertToText(file));
                }
            }
            for (String document : plan.resources.textFilesWrittenIn(clause.text())) {
                if (texts.size() < 2) {
                    texts.add(document);
                }
            }
            for (MediaKind kind : List.of(MediaKind.AUDIO, MediaKind.IMAGE)) {
                List<String> uploads = plan.resources.uploadsOf(kind);
                if (texts.isEmpty() && uploads.size() == 2 && plan.results.latest(MediaKind.TEXT) < 0) {
                    // "두 녹음이 같은 내용 말하는 건지 비교해줘", two recordings attached: each made text, then compared
                    uploads.forEach(upload -> texts.add(convertToText(new Resources.Named(upload, kind))));
                }
            }
            int producer = plan.results.meant(MediaKind.TEXT, clause.text());
            if (texts.size() < 2 && producer >= 0 && !texts.contains(GeneratedRefs.of(producer))) {
                texts.add(0, GeneratedRefs.of(producer));
            }
            int other = plan.results.other(producer, clause.text());
            if (texts.size() < 2 && other >= 0 && !texts.contains(GeneratedRefs.of(other))) {
                texts.add(0, GeneratedRefs.of(other));
            }
            if (texts.size() < 2 && PlanPhrases.THE_ORIGINAL.matcher(clause.text()).find()) {
                // "how similar your paraphrase is to the original": the text the request gave
                givenText().filter(given -> !texts.contains(given)).ifPresent(texts::add);
            }
            while (texts.size() < 2) {
                texts.add(texts.isEmpty() ? textArgument(type, clause) : plan.nextUnusedQuote().orElse(text.restore(clause.text())));
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
        String words = PlanPhrases.QUOTED_SOURCE.matcher(clause.text()).replaceAll(" ").replaceAll("\\s+", " ").strip();
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
     * skateboard"; none when the clause quotes its prompt, means an earlier text ("draw it", "draw a picture of the summary")
     * or names a text document.
     */
    private Optional<String> depiction(Clause clause) {
        String words = clause.text();
        if (!text.quotesIn(words).isEmpty() || plan.results.named(MediaKind.TEXT, words) >= 0) {
            return Optional.empty();
        }
        Matcher shown = PlanPhrases.DEPICTED.matcher(words);
        if (!shown.find()) {
            return Optional.empty();
        }
        String subject = text.restore(shown.group(1) != null ? shown.group(1) : shown.group(2) != null ? shown.group(2) : shown.group(3)).strip()
                .replaceFirst(PlanPhrases.TRAILING_PUNCTUATION, "");
        // "a picture of what's described in story.txt" shows the document's text, not these words; "make an album cover
        // from it": the thing made, of an earlier text
        boolean madeOfEarlier = shown.group(3) != null && (PlanPhrases.BACK_REFERENCE.matcher(subject).find()
                || PlanPhrases.BUILDS_ON.matcher(subject).find() || SAME.matcher(subject).find());
        return subject.split("\\s+").length < 2 || madeOfEarlier || PlanPhrases.BACK_REFERENCE.matcher(subject).lookingAt()
                || !RequestText.textFilesIn(subject).isEmpty() ? Optional.empty() : Optional.of(subject);
    }

    /** The text input of a text-only task. */
    private String textArgument(TaskType type, Clause clause) {
        if (plan.quotesTakenBefore(clause.text())) {
            // "summarize this and then translate it to French: '...'": the passage went to the first task; this one
            // works on what that made (or on the passage itself when it analyses it, see contextText)
            return contextText(type, clause);
        }
        List<String> own = plan.takeQuotes(clause.text());
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
        for (int i = plan.tasks.size() - 1; i >= 0; i--) {
            Optional<String> given = givenTextOf(plan.tasks.get(i));
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
                .filter(value -> text.quotes.contains(value) || plan.resources.isTextFile(value))
                .findFirst();
    }

    /**
     * "Pull out the names in it and translate it too": when the latest result is a label or a list of entities the clause
     * does not name, the text that labeller worked on, if an earlier task made it; likewise the text a summary was made
     * from, for a task that analyses a text or answers a question from it.
     */
    private Optional<String> textOfLabeller(int latest, TaskType type, Clause clause) {
        PlannedTask producer = plan.tasks.get(latest);
        if (producer.task().equals("summarization") && (ANALYSES.contains(type.name()) || type.equals(QUESTION_ANSWERING))) {
            // "transcribe it, give me a short summary, and pull out the company names": names, sentiments and answers are
            // read from the whole text the summary shortened, unless the clause names the summary (see contextText)
            return Optional.ofNullable(producer.args().get("text"));
        }
        if (!LABELLERS.contains(producer.task()) || LABELLERS.contains(type.name())
                || PlanPhrases.NAMES_A_RESULT.matcher(clause.text()).find()) {
            return Optional.empty();
        }
        return Optional.ofNullable(producer.args().get("text"));
    }

    /**
     * Whether a text task that refers back means the text the request gave rather than the latest text result: when
     * that result is a label (a language, a sentiment, a class: no text to work on) and the clause does not name it,
     * or when the task analyses a text ("translate 'X' and tell me its sentiment") and the latest result was made from
     * the given text.
     */
    private boolean meansGivenText(TaskType type, int latest, Clause clause) {
        PlannedTask producer = plan.tasks.get(latest);
        if (LABELLERS.contains(producer.task())) {
            // "which product names show up in it": names a labeller's entity finder looks for, not the label just made
            return type.name().equals("token-classification") || !PlanPhrases.NAMES_A_RESULT.matcher(clause.text()).find();
        }
        return ANALYSES.contains(type.name()) && givenTextOf(producer).isPresent();
    }

    /**
     * Earlier text output, an unused quote, a text file, the text given to an earlier task, a converted file, the words after the clause's colon or the
     * passage the request introduces with one ("translate it into English and read it aloud: ..."), what an earlier turn
     * of the conversation gave when the clause refers back to it ("now read it aloud"), else the request.
     */
    private String contextText(TaskType type, Clause clause) {
        int named = plan.results.named(MediaKind.TEXT, clause.text());
        if (named >= 0) {
            return GeneratedRefs.of(named);
        }
        Optional<String> made = resultOfNamedFile(type, clause);
        if (made.isPresent()) {
            return made.get();
        }
        Optional<String> document = plan.resources.textFileNamedIn(clause.text());
        if (document.isPresent()) {
            // "transcribe the recording and summarize the slides": the document the clause names, not the transcript
            return document.get();
        }
        if (SAME_DOCUMENT.matcher(clause.text()).find()) {
            // "Separately, give me a summary of the same clause": the request's document, not what was made from it
            Optional<String> same = plan.resources.textFile(clause.text());
            if (same.isPresent()) {
                return same.get();
            }
        }
        int latest = plan.results.latest(MediaKind.TEXT);
        Optional<String> given = givenText();
        if (latest >= 0 && !(given.isPresent() && meansGivenText(type, latest, clause))) {
            Optional<String> labelled = textOfLabeller(latest, type, clause);
            return labelled.orElse(GeneratedRefs.of(latest));
        }
        Optional<String> quote = plan.nextUnusedQuote();
        if (quote.isPresent()) {
            return quote.get();
        }
        Optional<String> file = plan.resources.textFile(clause.text());
        if (file.isPresent()) {
            return file.get();
        }
        if (given.isPresent()) {
            // "read 'Bonjour' aloud and tell me what language it is": the text given, not a transcript of its speech
            return given.get();
        }
        String own = clause.text();
        boolean backToEarlierTurn = earlierTurn.isPresent() && PlanPhrases.BACK_REFERENCE.matcher(own).find();
        if (backToEarlierTurn && !plan.resources.givesMedia() && !PlanPhrases.MEDIA_AUDIO.matcher(own).find()
                && !PlanPhrases.MEDIA_IMAGE.matcher(own).find()) {
            // "now translate that": the text the conversation's last answer gave, not its file worked on again
            return earlierTurn.get();
        }
        Optional<String> converted = convertToText(clause);
        if (converted.isPresent()) {
            return converted.get();
        }
        int colon = own.indexOf(':');
        String passage = colon >= 0 ? own.substring(colon + 1).strip() : text.colonPassage();
        if (passage.isEmpty() && backToEarlierTurn) {
            return earlierTurn.get();
        }
        if (passage.isEmpty() && type.equals(QUESTION_ANSWERING)) {
            // "그럼 육아휴직은 최대 몇 개월까지 쓸 수 있대?" after "회사_복지규정.pdf 요약해줘": the question is on the document the
            // conversation is about; a question is never its own context
            Optional<String> earlierDocument = plan.resources.latestEarlierTextFile();
            if (earlierDocument.isPresent()) {
                return earlierDocument.get();
            }
            if (earlierTurn.isPresent()) {
                // "ok what's the address he mentioned?" after a transcript: asked of what the conversation's last answer gave
                return earlierTurn.get();
            }
            Optional<String> recording = plan.resources.anyOf(MediaKind.AUDIO);
            if (recording.isPresent() && GeneratedRefs.in(recording.get()).isEmpty()) {
                // "recording is lecture_week9.mp3. when did the prof say the paper is due?": asked of what was said
                return convertToText(new Resources.Named(recording.get(), MediaKind.AUDIO));
            }
        }
        return text.restore(passage.isEmpty() ? text.original : passage);
    }

    /**
     * The instruction or question of an image-and-text task: its quote, the text just made when an edit says no
     * more than "accordingly", an earlier result it names or builds on, or its words.
     */
    private String instructionText(TaskType type, Clause clause) {
        List<String> own = plan.takeQuotes(clause.text());
        if (!own.isEmpty()) {
            return own.get(0);
        }
        int named = plan.results.named(MediaKind.TEXT, clause.text());
        if (named >= 0) {
            return GeneratedRefs.of(named);
        }
        int previous = plan.tasks.size() - 1;
        boolean vagueEdit = type.name().equals("image-editing") && !PlanPhrases.CONCRETE_EDIT.matcher(clause.text()).find();
        if (vagueEdit && previous >= 0 && plan.output(previous) == MediaKind.TEXT) {
            // "then adjust the image accordingly": the text just made says how
            return GeneratedRefs.of(previous);
        }
        int producer = plan.results.latest(MediaKind.TEXT);
        if (producer >= 0 && PlanPhrases.BUILDS_ON.matcher(clause.text()).find()) {
            return GeneratedRefs.of(producer);
        }
        Optional<String> recording = plan.resources.anyOf(MediaKind.AUDIO);
        if (producer < 0 && recording.isPresent() && GeneratedRefs.in(recording.get()).isEmpty()
                && PlanPhrases.SPOKEN_INSTRUCTIONS.matcher(text.original).find()) {
            // "I've recorded a voice note example.wav specifying the changes I want": the recording says how, transcribed
            return convertToText(new Resources.Named(recording.get(), MediaKind.AUDIO));
        }
        return text.restore(clause.text());
    }

    /**
     * "Make an image from the summary of article.txt", "translate the transcript of call.wav": a result the clause names
     * that no task has made yet, of a file the clause names, made first by a task of its own; its output's reference.
     */
    private Optional<String> resultOfNamedFile(TaskType type, Clause clause) {
        for (Set<String> producers : ResultNames.namedIn(clause.text())) {
            if (producers.size() != 1) {
                continue;
            }
            TaskType producer = TaskVocabulary.find(producers.iterator().next()).orElseThrow();
            if (producer.equals(type) || producer.inputs().size() != 1 || producer.output() != MediaKind.TEXT) {
                continue;
            }
            MediaKind kind = producer.inputs().get(0);
            Optional<String> file = kind == MediaKind.TEXT
                    ? plan.resources.textFilesWrittenIn(clause.text()).stream().findFirst()
                    : plan.resources.namedIn(clause.text(), kind);
            if (file.isPresent()) {
                Map<String, String> args = new LinkedHashMap<>(Map.of(kind.argKey(), file.get()));
                if (producer.name().equals("translation")) {
                    ArgumentPhrases.targetLanguage(clause.text()).ifPresent(language -> args.put("target_language", language));
                }
                plan.add(producer, args);
                return Optional.of(GeneratedRefs.of(plan.tasks.size() - 1));
            }
        }
        return Optional.empty();
    }

    /** Transcribes the recording or describes the picture of this file, as a task of its own; its output's reference. */
    private String convertToText(Resources.Named file) {
        TaskType task = TaskVocabulary.find(file.kind() == MediaKind.AUDIO ? "automatic-speech-recognition" : "image-to-text").orElseThrow();
        plan.add(task, new LinkedHashMap<>(Map.of(file.kind().argKey(), file.argument())));
        return GeneratedRefs.of(plan.tasks.size() - 1);
    }

    /** Transcribes the audio or describes the image the clause is about, as a task of its own. */
    private Optional<String> convertToText(Clause clause) {
        String words = clause.text();
        if (!PlanPhrases.BACK_REFERENCE.matcher(words).find() && !PlanPhrases.MEDIA_AUDIO.matcher(words).find()
                && !PlanPhrases.MEDIA_IMAGE.matcher(words).find() && plan.resources.mediaNamedIn(words).isEmpty()) {
            return Optional.empty();
        }
        MediaKind source = plan.sourceKind(words);
        if (source == null) {
            return Optional.empty();
        }
        String task = source == MediaKind.AUDIO ? "automatic-speech-recognition" : "image-to-text";
        Clause conversion = new Clause(words, clause.request());
        addTask.accept(TaskVocabulary.find(task).orElseThrow(), conversion);
        return Optional.of(GeneratedRefs.of(plan.tasks.size() - 1));
    }
}
