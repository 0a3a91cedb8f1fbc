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
            shape("scribble", "scribbl\\w*|doodl\\w*"),
            shape("hed", "soft edges|hed (?:map|edges)|holistic edges"),
            shape("mlsd", "straight lines|line segments|mlsd"),
            shape("normal", "normal map|surface normals"),
            shape("seg", "segmentation(?: map| mask)?|semantic (?:map|layout)"),
            shape("depth", "depth(?: map| information)?"),
            shape("openpose", "poses?|posture|stance|skeleton|keypoints|body position"),
            shape("canny", "edges?|edge map|canny(?: edges| map)?|outlines?|contours?|line ?art"));

    /** Words that take a shape to draw on: "use the edges of", "using the depth map", "in that pose", "turn my scribble". */
    private static final String TAKES = "\\b(?:use|uses|using|used|with|from|based on|follow\\w*|keep\\w*|tak\\w*|according to"
            + "|guided by|conditioned on|match\\w*|copy\\w*|in|turn|convert|transform|respect\\w*|preserv\\w*)\\b";
    private static final Pattern DRAWS = Pattern.compile(
            "\\b(?:generat|creat|draw|mak|paint|render|produc|design|illustrat|turn|convert|transform|imagin)\\w*\\b", Pattern.CASE_INSENSITIVE);
    /** What to draw: the words after the drawing verb, up to where the shape is named (file names keep their dots). */
    private static final Pattern PROMPT = Pattern.compile(
            "\\b(?:generat|creat|draw|mak|paint|render|produc|design|illustrat|imagin)\\w*\\s++(?:me\\s++|us\\s++)?(?:an?\\s++(?:new\\s++)?(?:image|picture) of\\s++)?"
                    + "([^?!]{3,300}?)(?=\\s++(?:using|with|from|based on|following|according to|guided by|that (?:matches|follows|keeps)"
                    + "|in (?:that|the same|this|her|his|their|its) (?:pose|stance|posture|position|layout|shape))\\b|\\s*+[.?!]?\\s*+$)"
                    + "|\\b(?:turn|convert|transform)\\w*\\b[^?!]{0,100}?\\binto\\s++([^?!]{3,300}?)\\s*+[.?!]?\\s*+$",
            Pattern.CASE_INSENSITIVE);

    /** The same in Korean: the shape's name, then a picture drawn ("자세를 따라 해서 기사 그림 만들어 줘"). */
    private static final List<Shape> KOREAN_SHAPES = List.of(
            new Shape("scribble", Pattern.compile("낙서|스케치")),
            new Shape("mlsd", Pattern.compile("직선")),
            new Shape("normal", Pattern.compile("노멀 ?맵|법선")),
            new Shape("seg", Pattern.compile("세그멘테이션|분할 ?맵")),
            new Shape("depth", Pattern.compile("깊이 ?(?:맵|정보)")),
            new Shape("openpose", Pattern.compile("자세|포즈")),
            new Shape("canny", Pattern.compile("윤곽선?|외곽선|엣지")));
    private static final Pattern KOREAN_DRAWS = Pattern.compile("그려|그림을? ?(?:만들|생성)|(?:이미지|사진)을? ?(?:새로 )?(?:만들|생성)");
    /** What to draw in Korean: the words after the shape is taken ("그걸로", "따라 해서") up to the drawing verb. */
    private static final Pattern KOREAN_PROMPT = Pattern.compile(
            "(?:그걸로|이걸로|그것으로|따라(?: ?해서| ?하여|서)?|바탕으로|맞춰서?|참고해서?|유지하면서|살려서)\\s++([^?!]{2,300}?)"
                    + "(?:을|를)?\\s*+(?:그림|이미지|사진)?(?:을|를)?\\s*+(?:그려|만들|생성)");

    private ConditionedGeneration() {
    }

    private static Shape shape(String kind, String words) {
        return new Shape(kind, Pattern.compile(TAKES + "\\s++(?:(?:the|its|their|his|her|my|this|that|same|these|those|a|an)\\s++){0,3}"
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
