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

    private static final String DETERMINER = "\\b(?:the|this|that|these|those|its|their|your|our|my)\\s+(?:[\\w-]+\\s+){0,2}?";

    private static final List<Name> NAMES = List.of(
            name("transcri\\w*|spoken words", "automatic-speech-recognition"),
            name("translat\\w*", "translation"),
            name("summar\\w*|key points|main points", "summarization"),
            name("captions?|descriptions?|descriptive text|inscription|extracted text|text (?:from|in|on) (?:it|the (?:image|picture|photo))",
                    "image-to-text"),
            name("answers?", "question-answering", "visual-question-answering", "document-question-answering"),
            name("detected|objects? (?:found|identified|detected)", "object-detection"),
            name("classifications?|categor(?:y|ies)|class(?:es)?\\b|classified|identified (?:table|category|class|label|type)", "image-classification", "audio-classification",
                    "tabular-classification", "text-classification", "zero-shot-classification"),
            name("entities|tokens|tagged", "token-classification"),
            name("(?:generated|created|drawn) (?:image|picture|visual)", "text-to-image"),
            name("(?:edited|modified|altered|revised|updated) (?:image|picture|photo|version)", "image-editing"),
            name("(?:segmented|segments|masks)", "image-segmentation"),
            name("depth (?:map|image|estimat\\w*)", "depth-estimation"),
            name("(?:pose|skeleton|keypoints?) ?(?:map|image|drawing)?|(?:that|this|the same) pose", "openpose-control"),
            name("(?:edge|canny|line|control) (?:map|image|drawing)|(?:the|those|these) edges", "canny-control", "mlsd-control",
                    "hed-control", "scribble-control"),
            name("(?:styli[sz]ed|transformed|enhanced|improved|clearer) (?:image|picture|photo|version)", "image-to-image"),
            name("(?:enhanced|cleaned|clearer|improved) (?:audio|recording|sound|version)", "audio-to-audio"),
            name("(?:response|reply|conversation)", "conversational"),
            name("(?:generated text|story|paraphrase|rephrased \\w+|reworded \\w+)", "text-generation"));

    private ResultNames() {
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
