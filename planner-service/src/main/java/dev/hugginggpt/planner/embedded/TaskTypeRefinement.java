package dev.hugginggpt.planner.embedded;

import dev.hugginggpt.protocol.GeneratedRefs;
import dev.hugginggpt.protocol.MediaKind;
import dev.hugginggpt.protocol.TaskType;
import dev.hugginggpt.protocol.TaskVocabulary;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A clause's task type made specific to what the request says its input is: classifying a picture of a table is
 * tabular classification, a question on a picture of a document is document QA, "enhance it" on a recording is audio
 * enhancement.
 */
final class TaskTypeRefinement {
    /** The same task on a picture or on a recording: "enhance it", "classify the content", "turn it into text" mean the one meant. */
    private static final Map<String, String> MEDIA_TWINS = Map.of(
            "audio-to-audio", "image-to-image", "image-to-image", "audio-to-audio",
            "audio-classification", "image-classification", "image-classification", "audio-classification",
            "automatic-speech-recognition", "image-to-text", "image-to-text", "automatic-speech-recognition");
    /** The readings of a question on what a picture shows: a question, or a class of the whole picture. */
    private static final Set<String> PICTURE_QUESTIONS = Set.of("visual-question-answering", "image-classification",
            "question-answering");

    /** "What's on the menu?", "what is in the note?": a question on the contents of a thing, asked outright. */
    private static final Pattern WHAT_IS_ON = Pattern.compile(
            "^\\W*+(?:(?:" + EnglishLexicon.WHAT_IS_ON_OPENERS + ")\\W++)*+what(?:'s|\\s+is|\\s+are)\\s+(?:written\\s+)?(?:on|in)\\b",
            Pattern.CASE_INSENSITIVE);

    /** "a depth map of room.jpg for controlnet", "컨트롤넷용 depth 맵": the map is a control map. */
    private static final Pattern FOR_CONTROLNET = Pattern.compile("\\bcontrol ?net\\b|컨트롤 ?넷", Pattern.CASE_INSENSITIVE);
    /** The estimation whose map a ControlNet takes as its control. */
    private static final Map<String, String> CONTROL_OF = Map.of("depth-estimation", "depth-control", "image-segmentation", "seg-control");

    private final PlanSoFar plan;

    TaskTypeRefinement(PlanSoFar plan) {
        this.plan = plan;
    }

    TaskType specialise(TaskType type, Clause clause) {
        if (type.name().equals("image-to-text") && describesEarlierText(clause.text())) {
            if (PlanPhrases.READ_ALOUD.matcher(clause.text()).find()) {
                return TaskVocabulary.find("text-to-speech").orElseThrow();
            }
            return TaskVocabulary.find(PlanPhrases.BRIEF.matcher(clause.text()).find() ? "summarization" : "text-generation").orElseThrow();
        }
        if (CONTROL_OF.containsKey(type.name()) && FOR_CONTROLNET.matcher(plan.text.original).find()) {
            return TaskVocabulary.find(CONTROL_OF.get(type.name())).orElseThrow();
        }
        String twin = MEDIA_TWINS.get(type.name());
        if (twin != null) {
            MediaKind kind = mediumMeant(clause.text());
            if (kind != null && kind != type.inputs().get(0) && plan.resourceArgument(kind, clause.text()) != null) {
                return TaskVocabulary.find(twin).orElseThrow();
            }
            // "무슨 소리인지 분류해줄 수 있어요?" with a recording: the request gives only the twin's input
            MediaKind twinInput = TaskVocabulary.find(twin).orElseThrow().inputs().get(0);
            if (plan.resourceArgument(type.inputs().get(0), clause.text()) == null && plan.resourceArgument(twinInput, clause.text()) != null) {
                return TaskVocabulary.find(twin).orElseThrow();
            }
        }
        if (PICTURE_QUESTIONS.contains(type.name()) && PictureContents.asked(clause.text())
                && !PlanPhrases.TEXT_IN_PICTURE.matcher(clause.text()).find()
                && (!type.name().equals("question-answering") || asksAboutAPicture(clause))
                && plan.resourceArgument(MediaKind.IMAGE, clause.text()) != null) {
            // "what is in this photo?", "how many dogs are there?": what a detector finds, with its counts
            return TaskVocabulary.find("object-detection").orElseThrow();
        }
        if (type.name().equals("question-answering") && asksAboutAPicture(clause)) {
            return TaskVocabulary.find(plan.resources.imageIsDocument() ? "document-question-answering" : "visual-question-answering")
                    .orElseThrow();
        }
        String image = plan.resourceArgument(MediaKind.IMAGE, clause.text());
        boolean onRequestFile = image != null && GeneratedRefs.in(image).isEmpty();
        if (!onRequestFile) {
            return type;
        }
        String name = type.name();
        if (name.equals("image-classification") && plan.resources.imageIsTable()) {
            return TaskVocabulary.find("tabular-classification").orElseThrow();
        }
        boolean question = name.equals("visual-question-answering")
                || name.equals("question-answering") && plan.results.latest(MediaKind.TEXT) < 0
                        && plan.resources.textFile(clause.text()).isEmpty();
        if (question && plan.resources.imageIsDocument()) {
            return TaskVocabulary.find("document-question-answering").orElseThrow();
        }
        return type;
    }

    /** See {@link PlanBuilder#asksAboutTextInPicture}. */
    boolean asksAboutTextInPicture(TaskType type, Clause clause) {
        boolean pictureQuestion = type.name().equals("visual-question-answering") || type.name().equals("document-question-answering")
                || type.name().equals("image-classification") && WHAT_IS_ON.matcher(clause.text()).find();
        return pictureQuestion && PlanPhrases.TEXT_IN_PICTURE.matcher(clause.text()).find()
                && !PlanPhrases.LAID_OUT_DOCUMENT.matcher(plan.text.fileNameWords).find();
    }

    /**
     * "Describe these objects", "a caption for the results": what the clause describes is the text an
     * earlier task made (detected objects, labels), not a picture, so the description is written from that text.
     */
    private boolean describesEarlierText(String clause) {
        return plan.results.latest(MediaKind.TEXT) > plan.results.latest(MediaKind.IMAGE)
                && !PlanPhrases.MEDIA_IMAGE.matcher(clause).find()
                && plan.resources.namedIn(clause, MediaKind.IMAGE).isEmpty()
                && PlanPhrases.EARLIER_TEXT.matcher(clause).find();
    }

    /** The medium a clause is about: the one it names, else the one "it" most likely is. */
    private MediaKind mediumMeant(String clause) {
        boolean audio = PlanPhrases.MEDIA_AUDIO.matcher(clause).find() || plan.resources.namedIn(clause, MediaKind.AUDIO).isPresent();
        boolean image = PlanPhrases.MEDIA_IMAGE.matcher(clause).find() || plan.resources.namedIn(clause, MediaKind.IMAGE).isPresent();
        if (audio != image) {
            return audio ? MediaKind.AUDIO : MediaKind.IMAGE;
        }
        return plan.sourceKind(clause);
    }

    /** A question on a picture the clause names, or with no text to answer it from on a picture the clause is about. */
    private boolean asksAboutAPicture(Clause clause) {
        int latestText = plan.results.latest(MediaKind.TEXT);
        boolean textSource = latestText >= 0 && !secondQuestionOnThePicture(latestText, clause) || !plan.text.quotesIn(clause.text()).isEmpty()
                || plan.quotesLeft() || plan.resources.textFile(clause.text()).isPresent();
        boolean namesAPicture = plan.resources.namedIn(clause.text(), MediaKind.IMAGE).isPresent()
                || PlanPhrases.MEDIA_IMAGE.matcher(clause.text()).find() && plan.resourceArgument(MediaKind.IMAGE, clause.text()) != null;
        return namesAPicture || !textSource && plan.sourceKind(clause.text()) == MediaKind.IMAGE;
    }

    /**
     * "what breed is it and is it wearing a collar?": a yes/no question after the text a task read off the request's own
     * picture asks about the picture, not about that text, unless it names the text ("is the caption accurate?").
     */
    private boolean secondQuestionOnThePicture(int latestText, Clause clause) {
        String image = plan.tasks.get(latestText).args().get(MediaKind.IMAGE.argKey());
        return image != null && GeneratedRefs.in(image).isEmpty() && PlanPhrases.YES_NO_QUESTION.matcher(clause.text()).find()
                && ResultNames.namedIn(clause.text()).isEmpty();
    }
}
