package dev.hugginggpt.planner.embedded;

import java.util.regex.Pattern;

/**
 * A question on what a picture shows or how many of a thing are in it ("what is in this photo?", "how many dogs are
 * there?", "이 사진에 무엇이 있어?"): object detection answers it, with the things found, their boxes and their counts.
 * Only things a detector finds are counted; "how many colours" stays a question on the picture.
 */
final class PictureContents {
    /** What the detectors find (the COCO classes, people and faces), and the words for things in general. */
    private static final String COUNTABLE = "(?:people|persons?|men|women|kids|children|pedestrians|faces|objects|items|things"
            + "|animals|vehicles|cars|bicycles|bikes|motorcycles|motorbikes|(?:air)?planes|buses|trains|trucks|boats"
            + "|traffic lights|benches|birds|cats|dogs|horses|sheep|cows|cattle|elephants|bears|zebras|giraffes|backpacks"
            + "|umbrellas|handbags|bags|suitcases|balls|kites|skateboards|surfboards|bottles|glasses|cups|forks|knives|spoons"
            + "|bowls|bananas|apples|oranges|sandwiches|carrots|pizzas|donuts|doughnuts|cakes|chairs|couches|sofas|plants"
            + "|beds|tables|toilets|tvs|televisions|laptops|keyboards|phones|books|clocks|vases|teddy bears|toothbrushes)\\b";
    private static final String KOREAN_PICTURE = "(?:사진|이미지|그림)[^.?!]{0,40}";
    /**
     * The question asked outright, as a chat message asks it ("What is in this picture?", "Tell me what you see in it"),
     * not a clause that only mentions it ("help me understand what's in the image": what the picture is, a class).
     */
    private static final Pattern ASKS = Pattern.compile(
            "^\\W*(?:(?:and|so|ok(?:ay)?|hey|hi|please|now)\\W+)*(?:(?:can|could) you\\s+)?(?:tell me\\s+|show me\\s+)?"
                    + "what(?:'s|\\s+is|\\s+are|\\s+do\\s+you\\s+see|\\s+can\\s+you\\s+see|\\s+you\\s+see|\\s+(?:objects|things|items)\\s+are)"
                    + "(?:\\s+there)?\\s+(?:in|on|inside)\\b"
                    + "|\\bhow\\s+many\\s+(?:\\w+\\s+){0,2}?" + COUNTABLE
                    + "|\\bcount\\s+(?:the\\s+|all\\s+(?:the\\s+)?)?(?:\\w+\\s+)?" + COUNTABLE
                    + "|" + KOREAN_PICTURE + "(?:무엇이|뭐가|무엇|뭐|어떤\\s?(?:것|게|물체|사물)[이가]?)\\s?(?:있|보)"
                    + "|" + KOREAN_PICTURE + "몇\\s?(?:명|개|마리|대)",
            Pattern.CASE_INSENSITIVE);

    /** A clause that names the task it wants ("use your image classification to tell me what's in it"). */
    private static final Pattern NAMES_ANOTHER_TASK = Pattern.compile("\\b(?:classif|categor|caption|describ|segment)",
            Pattern.CASE_INSENSITIVE);

    private PictureContents() {
    }

    static boolean asked(String clause) {
        return ASKS.matcher(clause).find() && !NAMES_ANOTHER_TASK.matcher(clause).find();
    }
}
