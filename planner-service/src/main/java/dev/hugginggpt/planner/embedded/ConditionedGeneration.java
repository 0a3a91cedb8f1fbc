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

    private ConditionedGeneration() {
    }

    private static Shape shape(String kind, String words) {
        return new Shape(kind, Pattern.compile(TAKES + "\\s++(?:(?:the|its|their|his|her|my|this|that|same|these|those|a|an)\\s++){0,3}"
                + "(?:[\\w-]+\\s++)?(?:" + words + ")\\b", Pattern.CASE_INSENSITIVE));
    }

    /** The conditioned drawing a sentence asks for, if it asks for one. */
    static Optional<Found> in(String sentence) {
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
