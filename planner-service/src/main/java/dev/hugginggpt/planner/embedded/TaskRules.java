package dev.hugginggpt.planner.embedded;

import static dev.hugginggpt.planner.embedded.TaskRuleParts.AUDIO;
import static dev.hugginggpt.planner.embedded.TaskRuleParts.GAP;
import static dev.hugginggpt.planner.embedded.TaskRuleParts.IMAGE;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Clause-to-task rules, most specific first: the first rule that matches a clause names its task. A rule is a task
 * with its English phrasings ({@link EnglishTaskRules}) and its Korean ones ({@link KoreanTaskRules}); this class
 * only puts them in the order that decides.
 */
final class TaskRules {
    /**
     * A list of labels in a clause about sentiment, a picture or a sound is for those tasks, not zero-shot classification;
     * unless the clause has the recording or picture written out first ("받아쓰고 배송/환불/교환 중에 분류해줘").
     */
    private static final String NOT_ZERO_SHOT = EnglishTaskRules.NOT_ZERO_SHOT
            + "|^(?!.*(?:transcri|받아\\s*(?:적|쓰|써)|(?:텍스트|글)로 (?:바꿔|변환|옮겨)|read the text|extract the text)).*?(?:" + IMAGE + "|" + AUDIO + ")";

    static final List<TaskRule> RULES = List.of(
            TaskRule.of("video-classification", EnglishTaskRules.VIDEO_CLASSIFICATION, KoreanTaskRules.VIDEO_CLASSIFICATION),
            TaskRule.of("text-to-video", EnglishTaskRules.TEXT_TO_VIDEO, KoreanTaskRules.TEXT_TO_VIDEO),
            TaskRule.of("image-to-text", EnglishTaskRules.IMAGE_TO_TEXT_READING, KoreanTaskRules.IMAGE_TO_TEXT_READING),
            TaskRule.of("automatic-speech-recognition", EnglishTaskRules.AUTOMATIC_SPEECH_RECOGNITION,
                    KoreanTaskRules.AUTOMATIC_SPEECH_RECOGNITION),
            TaskRule.of("audio-to-audio", EnglishTaskRules.AUDIO_TO_AUDIO, KoreanTaskRules.AUDIO_TO_AUDIO),
            TaskRule.of("text-to-speech", EnglishTaskRules.TEXT_TO_SPEECH, KoreanTaskRules.TEXT_TO_SPEECH),
            TaskRule.of("audio-classification", EnglishTaskRules.AUDIO_CLASSIFICATION, KoreanTaskRules.AUDIO_CLASSIFICATION),
            TaskRule.of("translation", EnglishTaskRules.TRANSLATION, KoreanTaskRules.TRANSLATION),
            TaskRule.unless(NOT_ZERO_SHOT, "zero-shot-classification", EnglishTaskRules.ZERO_SHOT_CLASSIFICATION,
                    KoreanTaskRules.ZERO_SHOT_CLASSIFICATION),
            TaskRule.of("text-classification", EnglishTaskRules.TEXT_CLASSIFICATION, KoreanTaskRules.TEXT_CLASSIFICATION),
            TaskRule.of("token-classification", EnglishTaskRules.TOKEN_CLASSIFICATION, KoreanTaskRules.TOKEN_CLASSIFICATION),
            TaskRule.of("text2text-generation", EnglishTaskRules.TEXT2TEXT_GENERATION, KoreanTaskRules.TEXT2TEXT_GENERATION),
            TaskRule.of("summarization", EnglishTaskRules.SUMMARIZATION, KoreanTaskRules.SUMMARIZATION),
            TaskRule.of("conversational", EnglishTaskRules.CONVERSATIONAL, KoreanTaskRules.CONVERSATIONAL),
            TaskRule.of("feature-extraction", EnglishTaskRules.FEATURE_EXTRACTION, KoreanTaskRules.FEATURE_EXTRACTION),
            TaskRule.of("sentence-similarity", EnglishTaskRules.SENTENCE_SIMILARITY, KoreanTaskRules.SENTENCE_SIMILARITY),
            TaskRule.of("scribble-control", EnglishTaskRules.SCRIBBLE_CONTROL, KoreanTaskRules.SCRIBBLE_CONTROL),
            TaskRule.of("hed-control", EnglishTaskRules.HED_CONTROL, KoreanTaskRules.HED_CONTROL),
            TaskRule.of("mlsd-control", EnglishTaskRules.MLSD_CONTROL, KoreanTaskRules.MLSD_CONTROL),
            TaskRule.of("normal-control", EnglishTaskRules.NORMAL_CONTROL, KoreanTaskRules.NORMAL_CONTROL),
            TaskRule.of("seg-control", EnglishTaskRules.SEG_CONTROL, KoreanTaskRules.SEG_CONTROL),
            TaskRule.of("depth-control", EnglishTaskRules.DEPTH_CONTROL, KoreanTaskRules.DEPTH_CONTROL),
            TaskRule.of("depth-estimation", EnglishTaskRules.DEPTH_ESTIMATION, KoreanTaskRules.DEPTH_ESTIMATION),
            TaskRule.of("tabular-classification", EnglishTaskRules.TABULAR_CLASSIFICATION, KoreanTaskRules.TABULAR_CLASSIFICATION),
            TaskRule.of("canny-control", EnglishTaskRules.CANNY_CONTROL, KoreanTaskRules.CANNY_CONTROL),
            TaskRule.of("openpose-control", EnglishTaskRules.OPENPOSE_CONTROL, KoreanTaskRules.OPENPOSE_CONTROL),
            TaskRule.of("image-segmentation", EnglishTaskRules.IMAGE_SEGMENTATION, KoreanTaskRules.IMAGE_SEGMENTATION),
            TaskRule.of("image-classification", EnglishTaskRules.IMAGE_CLASSIFICATION_WHAT_IS_IN_IT,
                    KoreanTaskRules.IMAGE_CLASSIFICATION_WHAT_IS_IN_IT),
            TaskRule.of("document-question-answering", EnglishTaskRules.DOCUMENT_QUESTION_ANSWERING,
                    KoreanTaskRules.DOCUMENT_QUESTION_ANSWERING),
            TaskRule.of("visual-question-answering", EnglishTaskRules.VISUAL_QUESTION_ANSWERING,
                    KoreanTaskRules.VISUAL_QUESTION_ANSWERING),
            TaskRule.of("text-to-image", EnglishTaskRules.TEXT_TO_IMAGE, KoreanTaskRules.TEXT_TO_IMAGE),
            TaskRule.of("image-editing", EnglishTaskRules.IMAGE_EDITING, KoreanTaskRules.IMAGE_EDITING),
            TaskRule.of("image-to-image", EnglishTaskRules.IMAGE_TO_IMAGE, KoreanTaskRules.IMAGE_TO_IMAGE),
            TaskRule.of("object-detection", EnglishTaskRules.OBJECT_DETECTION, KoreanTaskRules.OBJECT_DETECTION),
            TaskRule.of("image-to-text", EnglishTaskRules.IMAGE_TO_TEXT_DESCRIBING, KoreanTaskRules.IMAGE_TO_TEXT_DESCRIBING),
            TaskRule.of("image-classification", EnglishTaskRules.IMAGE_CLASSIFICATION, KoreanTaskRules.IMAGE_CLASSIFICATION),
            TaskRule.of("text-generation", EnglishTaskRules.TEXT_GENERATION, KoreanTaskRules.TEXT_GENERATION),
            TaskRule.weak("audio-classification", EnglishTaskRules.AUDIO_CLASSIFICATION_WEAK, KoreanTaskRules.AUDIO_CLASSIFICATION_WEAK),
            TaskRule.weak("question-answering", EnglishTaskRules.QUESTION_ANSWERING_WEAK, KoreanTaskRules.QUESTION_ANSWERING_WEAK),
            TaskRule.weak("conversational", EnglishTaskRules.CONVERSATIONAL_WEAK, KoreanTaskRules.CONVERSATIONAL_WEAK),
            TaskRule.weak("text-generation", EnglishTaskRules.TEXT_GENERATION_WEAK, KoreanTaskRules.TEXT_GENERATION_WEAK));

    private static final String DETERMINER = "(\\b(?:" + EnglishLexicon.EARLIER_RESULT_DETERMINERS + ")\\s+)";
    /** "the translated terms", "this newly generated image": a result of earlier work, named by the work. */
    private static final Pattern MADE_EARLIER = Pattern.compile(DETERMINER + "(?:" + EnglishLexicon.LATELY + ")?"
            + "(?:" + EnglishLexicon.MADE_EARLIER + ")\\b\\s*", Pattern.CASE_INSENSITIVE);
    /** "after its modification", "those changes": edits already asked for. */
    private static final Pattern EDITS_MADE = Pattern.compile("(\\b(?:" + EnglishLexicon.EDITS_DETERMINERS + ")\\s+)(?:"
            + EnglishLexicon.EDITS + ")\\b", Pattern.CASE_INSENSITIVE);
    /** "the summary", "this transcription": an earlier result named by what it is (but "give me the transcript" asks for it). */
    private static final Pattern RESULT_NOUN = Pattern.compile("(?<!\\b(?:give|get|send|show) (?:me|us) )(?<!\\b(?:i|we) (?:need|want) )" + DETERMINER
            + "(?:(?:" + EnglishLexicon.RESULT_MEDIA + ") )?(?:" + EnglishLexicon.RESULT_NOUNS + ")s?\\b",
            Pattern.CASE_INSENSITIVE);

    /** "받아적은 내용", "번역한 문장": a Korean result named by the work that made it. */
    private static final Pattern KOREAN_MADE_EARLIER = Pattern.compile(
            "(?:받아\\s*적은|받아\\s*쓴|번역한|번역된|요약한|요약된|추출한|읽은|바꾼|고친|만든|생성한|그린)\\s*(?:내용|문장|글|텍스트|결과|것|걸|버전|이미지|그림|사진)");

    /** "a verbatim transcript, no summary, no edits", "요약 말고": what the request says it does not want. */
    private static final Pattern NOT_ASKED = Pattern.compile("\\b(?:no|not|without|don't want|do not want|never) (?:a |an |any |the )?"
            + "(?:summary|summari[sz]\\w*|translation|edits?|captions?|description)\\b"
            + "|\\b(?:don'?t|dont|do not|no need to|without) (?:generate|make|create|draw|render|produce|redo|re-?\\w+)\\w* (?:any |a |an )?(?:new |other |more )?(?:images?|pictures?|drawings?|art|detection|extraction)\\b"
            + "|\\bno re-?(?:detect|extract)\\w*|(?:요약|번역|설명)(?:은|는)? ?(?:말고|빼고|필요 ?없)|(?:그림|이미지)(?:은|는)? ?안 (?:그려|만들어)(?:도|줘도)? ?(?:됨|돼|되|괜찮)",
            Pattern.CASE_INSENSITIVE);

    /** "convert the classification results into an audible format": the target names the task. */
    static final Pattern CONVERSION = Pattern.compile(
            "\\b(" + EnglishLexicon.CONVERSION_VERBS + ")\\w*\\b" + GAP + "?\\b(in(?:to| the form of)\\b.*)", Pattern.CASE_INSENSITIVE);

    /** The folders of a file's path ("/videos/", "./audio/"): where a file is, not what to do with it. */
    private static final Pattern FOLDERS = Pattern.compile(
            "(?<![\\w가-힣/.~-])(?:~?/)?(?:[\\w가-힣.-]++/){1,32}(?=[\\w가-힣-][\\w가-힣.-]*\\.[A-Za-z0-9]{2,5}(?!\\w))");

    private TaskRules() {
    }

    /** "Convert the results into an audible format": the clause names what to make, and that decides. */
    static boolean isConversion(String clause) {
        return CONVERSION.matcher(clause).find();
    }

    /**
     * The clause with the names of earlier results made neutral: "chat using the translated terms" asks for
     * a chat, not a translation; "read the summary aloud" asks for speech, not a summary; and without the folders of
     * its files' paths ("/videos/cctv.mp4" asks for no video).
     */
    static String withoutEarlierResults(String clause) {
        String files = FOLDERS.matcher(clause).replaceAll("");
        String plain = MADE_EARLIER.matcher(NOT_ASKED.matcher(KOREAN_MADE_EARLIER.matcher(files).replaceAll("그 결과"))
                .replaceAll(" ")).replaceAll("$1");
        return EDITS_MADE.matcher(RESULT_NOUN.matcher(plain).replaceAll("$1result")).replaceAll("$1result");
    }
}
