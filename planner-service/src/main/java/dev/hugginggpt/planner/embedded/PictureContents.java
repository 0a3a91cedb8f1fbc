package dev.hugginggpt.planner.embedded;

import java.util.regex.Pattern;

/**
 * A question on what a picture shows or how many of a thing are in it ("what is in this photo?", "how many dogs are
 * there?", "이 사진에 무엇이 있어?"): object detection answers it, with the things found, their boxes and their counts.
 * Only things a detector finds are counted; "how many colours" stays a question on the picture.
 */
final class PictureContents {
    /** What the detectors find (the COCO classes, people and faces), and the words for things in general. */
    private static final String COUNTABLE = "(?:" + EnglishLexicon.COUNTABLE + ")\\b";
    private static final String KOREAN_PICTURE = "(?:" + KoreanLexicon.PICTURE + ")[^.?!]{0,40}";
    /**
     * The question asked outright, as a chat message asks it ("What is in this picture?", "Tell me what you see in it"),
     * not a clause that only mentions it ("help me understand what's in the image": what the picture is, a class).
     */
    private static final Pattern ASKS = Pattern.compile(
            "^\\W*(?:(?:" + EnglishLexicon.QUESTION_OPENERS + ")\\W+)*(?:(?:can|could) you\\s+)?(?:tell me\\s+|show me\\s+)?"
                    + "what(?:'s|\\s+is|\\s+are|\\s+do\\s+you\\s+see|\\s+can\\s+you\\s+see|\\s+you\\s+see|\\s+(?:objects|things|items)\\s+are)"
                    + "(?:\\s+there)?\\s+(?:in|on|inside)\\b"
                    + "|\\bhow\\s+many\\s+(?:\\w+\\s+){0,2}?" + COUNTABLE
                    + "|\\bcount\\s+(?:the\\s+|all\\s+(?:the\\s+)?)?(?:\\w+\\s+)?" + COUNTABLE
                    + "|" + KOREAN_PICTURE + "(?:" + KoreanLexicon.WHAT + ")\\s?(?:있|보)"
                    + "|" + KOREAN_PICTURE + "몇\\s?(?:" + KoreanLexicon.COUNTERS + ")",
            Pattern.CASE_INSENSITIVE);

    /** A clause that names the task it wants ("use your image classification to tell me what's in it"). */
    private static final Pattern NAMES_ANOTHER_TASK = Pattern.compile("\\b(?:" + EnglishLexicon.OTHER_PICTURE_TASK_STEMS + ")",
            Pattern.CASE_INSENSITIVE);

    private PictureContents() {
    }

    static boolean asked(String clause) {
        return ASKS.matcher(clause).find() && !NAMES_ANOTHER_TASK.matcher(clause).find();
    }
}
