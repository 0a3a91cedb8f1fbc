package dev.hugginggpt.planner.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a clause names the result of an earlier task: "the transcription", "this French summary", "the
 * edited image". A task whose input is so named takes it from the latest task of those types rather
 * than from the latest output of the kind it needs.
 */
final class ResultNames {
    private record Name(Pattern pattern, Set<String> producers) {
    }

    /** A determiner and at most two words before the name: "the French summary", "this newly edited image". */
    private static final String DETERMINER = "\\b(?:" + EnglishLexicon.RESULT_DETERMINERS + ")\\s+(?:[\\w-]+\\s+){0,2}?";

    /** "the original text", "원문": the text read from the picture or the recording, before it was translated or summarised. */
    private static final Name ORIGINAL = new Name(Pattern.compile("\\bthe original (?:text|transcript|wording|words|" + EnglishLexicon.LANGUAGES + ")\\b|원문",
            Pattern.CASE_INSENSITIVE), Set.of("image-to-text", "automatic-speech-recognition"));

    private static final List<Name> NAMES = List.of(
            // first: "the original English" names the text before its translation, not the translation
            ORIGINAL,
            name(EnglishLexicon.TRANSCRIPTION_NAMES, "automatic-speech-recognition"),
            name(EnglishLexicon.TRANSLATION_NAMES, "translation"),
            name(EnglishLexicon.SUMMARY_NAMES, "summarization"),
            korean(KoreanLexicon.TRANSCRIPTION_NAMES, "automatic-speech-recognition"),
            korean(KoreanLexicon.TRANSLATION_NAMES, "translation"),
            korean(KoreanLexicon.SUMMARY_NAMES, "summarization"),
            name(EnglishLexicon.CAPTION_NAMES, "image-to-text"),
            name(EnglishLexicon.ANSWER_NAMES, "question-answering", "visual-question-answering", "document-question-answering"),
            name(EnglishLexicon.DETECTION_NAMES, "object-detection"),
            name(EnglishLexicon.CLASSIFICATION_NAMES, "image-classification", "audio-classification",
                    "tabular-classification", "text-classification", "zero-shot-classification"),
            name(EnglishLexicon.ENTITY_NAMES, "token-classification"),
            name(EnglishLexicon.GENERATED_IMAGE_NAMES, "text-to-image"),
            name(EnglishLexicon.EDITED_IMAGE_NAMES, "image-editing"),
            name(EnglishLexicon.SEGMENTATION_NAMES, "image-segmentation"),
            name(EnglishLexicon.DEPTH_NAMES, "depth-estimation"),
            name(EnglishLexicon.POSE_NAMES, "openpose-control"),
            name(EnglishLexicon.EDGE_MAP_NAMES, "canny-control", "mlsd-control", "hed-control", "scribble-control"),
            name(EnglishLexicon.TRANSFORMED_IMAGE_NAMES, "image-to-image"),
            name(EnglishLexicon.ENHANCED_AUDIO_NAMES, "audio-to-audio"),
            name(EnglishLexicon.REPLY_NAMES, "conversational"),
            name(EnglishLexicon.GENERATED_TEXT_NAMES, "text-generation"),
            name(EnglishLexicon.REWRITE_NAMES, "text2text-generation", "text-generation"));

    private ResultNames() {
    }

    /** Korean names stand alone: "요약본", "요약은 음성으로도", "번역한 내용". */
    private static Name korean(String words, String producer) {
        return new Name(Pattern.compile(words), Set.of(producer));
    }

    private static Name name(String words, String... producers) {
        return new Name(Pattern.compile(DETERMINER + "(?:" + words + ")", Pattern.CASE_INSENSITIVE), Set.of(producers));
    }

    /** The task types whose results the clause names, in the order it names them. */
    static List<Set<String>> namedIn(String clause) {
        record Hit(int at, Set<String> producers) {
        }
        List<Hit> hits = new ArrayList<>();
        for (Name name : NAMES) {
            Matcher m = name.pattern().matcher(clause);
            if (m.find()) {
                hits.add(new Hit(m.start(), name.producers()));
            }
        }
        hits.sort((a, b) -> Integer.compare(a.at(), b.at()));
        return hits.stream().map(Hit::producers).toList();
    }
}
