package dev.hugginggpt.planner.embedded;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A picture drawn on the shape of another: "use the edges of house.jpg to generate a cabin", "draw an astronaut in
 * the pose of dancer.png", "a city using the depth map of street.jpg", "turn my scribble into a photo of a cat". Its
 * plan is the control task that extracts that shape (canny-control, openpose-control, depth-control, seg-control,
 * scribble-control, hed-control, mlsd-control, normal-control) and the text-to-image task conditioned on it
 * ({@code canny-text-to-image}, ...), whether or not a model here runs the second (remote backends do).
 */
final class ConditionedGeneration {
    /** The shape a sentence names, as a control kind, and the prompt of the picture to draw. */
    record Found(String kind, String prompt) {
    }

    private record Shape(String kind, Pattern words) {
    }

    /** Most specific first: "soft edges" before "edges", "segmentation map" before anything with "map". */
    private static final List<Shape> SHAPES = List.of(
            shape("scribble", EnglishLexicon.SCRIBBLE),
            shape("hed", EnglishLexicon.SOFT_EDGES),
            shape("mlsd", EnglishLexicon.STRAIGHT_LINES),
            shape("normal", EnglishLexicon.NORMAL_MAP),
            shape("seg", EnglishLexicon.SEGMENTATION_MAP),
            shape("depth", EnglishLexicon.DEPTH_MAP),
            shape("openpose", EnglishLexicon.POSE),
            shape("canny", EnglishLexicon.EDGES));

    /** Words that take a shape to draw on: "use the edges of", "using the depth map", "in that pose", "turn my scribble". */
    private static final String TAKES = "\\b(?:" + EnglishLexicon.TAKES_A_SHAPE + ")\\b";
    private static final Pattern DRAWS = Pattern.compile(
            "\\b(?:" + EnglishLexicon.DRAWING_VERB_STEMS + "|" + EnglishLexicon.TURNING_VERB_STEMS + ")\\w*\\b", Pattern.CASE_INSENSITIVE);
    /** What to draw: the words after the drawing verb, up to where the shape is named (file names keep their dots). */
    private static final Pattern PROMPT = Pattern.compile(
            "\\b(?:" + EnglishLexicon.DRAWING_VERB_STEMS + ")\\w*\\s++(?:me\\s++|us\\s++)?(?:an?\\s++(?:new\\s++)?(?:image|picture) of\\s++)?"
                    + "([^?!]{3,300}?)(?=\\s++(?:" + EnglishLexicon.BEFORE_THE_SHAPE + ")\\b|\\s*+[.?!]?\\s*+$)"
                    + "|\\b(?:" + EnglishLexicon.TURNING_VERB_STEMS + ")\\w*\\b[^?!]{0,100}?\\binto\\s++([^?!]{3,300}?)\\s*+[.?!]?\\s*+$",
            Pattern.CASE_INSENSITIVE);

    /** The same in Korean: the shape's name, then a picture drawn ("자세를 따라 해서 기사 그림 만들어 줘"). */
    private static final List<Shape> KOREAN_SHAPES = List.of(
            new Shape("scribble", Pattern.compile(KoreanLexicon.SCRIBBLE)),
            new Shape("mlsd", Pattern.compile(KoreanLexicon.STRAIGHT_LINES)),
            new Shape("normal", Pattern.compile(KoreanLexicon.NORMAL_MAP)),
            new Shape("seg", Pattern.compile(KoreanLexicon.SEGMENTATION_MAP)),
            new Shape("depth", Pattern.compile(KoreanLexicon.DEPTH_MAP)),
            new Shape("openpose", Pattern.compile(KoreanLexicon.POSE)),
            new Shape("canny", Pattern.compile(KoreanLexicon.EDGES)));
    private static final Pattern KOREAN_DRAWS = Pattern.compile(KoreanLexicon.DRAWS_A_PICTURE);
    /** What to draw in Korean: the words after the shape is taken ("그걸로", "따라 해서") up to the drawing verb. */
    private static final Pattern KOREAN_PROMPT = Pattern.compile(
            "(?:" + KoreanLexicon.TAKES_A_SHAPE + ")\\s++([^?!]{2,300}?)"
                    + "(?:을|를)?\\s*+(?:" + KoreanLexicon.PICTURE_TO_DRAW + ")?(?:을|를)?\\s*+(?:" + KoreanLexicon.DRAWING_VERBS + ")");

    private ConditionedGeneration() {
    }

    private static Shape shape(String kind, String words) {
        return new Shape(kind, Pattern.compile(TAKES + "\\s++(?:(?:" + EnglishLexicon.SHAPE_DETERMINERS + ")\\s++){0,3}"
                + "(?:[\\w-]+\\s++)?(?:" + words + ")\\b", Pattern.CASE_INSENSITIVE));
    }

    /** The conditioned drawing a sentence asks for, if it asks for one. */
    static Optional<Found> in(String sentence) {
        if (KOREAN_DRAWS.matcher(sentence).find()) {
            for (Shape shape : KOREAN_SHAPES) {
                Matcher named = shape.words().matcher(sentence);
                if (named.find()) {
                    Matcher prompt = KOREAN_PROMPT.matcher(sentence);
                    return Optional.of(new Found(shape.kind(), prompt.find(named.end()) ? prompt.group(1).strip() : sentence.strip()));
                }
            }
        }
        if (!DRAWS.matcher(sentence).find()) {
            return Optional.empty();
        }
        for (Shape shape : SHAPES) {
            if (shape.words().matcher(sentence).find()) {
                Matcher prompt = PROMPT.matcher(sentence);
                String what = prompt.find() ? (prompt.group(1) != null ? prompt.group(1) : prompt.group(2)) : sentence;
                return Optional.of(new Found(shape.kind(), what.strip()));
            }
        }
        return Optional.empty();
    }
}
