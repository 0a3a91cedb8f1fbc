package dev.hugginggpt.planner.embedded;

/**
 * What the task rules of both languages ({@link EnglishTaskRules}, {@link KoreanTaskRules}) are built from: the bounded
 * gaps between the words a rule relates, and the media words of both languages.
 */
final class TaskRuleParts {
    private TaskRuleParts() {
    }

    /**
     * What may stand between two words a rule relates ("the emotion ... of the recording"): at most this many
     * characters, so that a rule's work per word it starts from is bounded and the rules take time linear in the
     * clause (an unbounded {@code .*} between two words is quadratic in a clause that repeats the first one).
     * Longer than any clause of the benchmark (210 characters).
     */
    static final String GAP = ".{0,300}";
    /** The same within one sentence. */
    static final String SENTENCE_GAP = "[^.?!]{0,300}";

    /**
     * A {@link #SENTENCE_GAP} that ends where {@code word} occurs again: from there, the word's own gap is searched.
     * The same list is found, and each place is searched from one word only, not from every word within 300
     * characters before it ("label label label ..." would be 300 times the work).
     */
    static String gapUntil(String word) {
        // a dot inside a word ("ticket.json") does not end the sentence
        return "(?:(?!" + word + ")(?:[^.?!]|\\.(?=\\w))){0,300}";
    }

    /**
     * A picture or a sound named in either language, for the phrasings around it: "the text in the 사진". Media words
     * group the rules, so that "transcribe the audio" and "transcribe the text in the photo", or "enhance the
     * recording" and "enhance the picture", go to different tasks.
     */
    static final String IMAGE = "(?:" + EnglishTaskRules.IMAGE_WORDS + "|" + KoreanTaskRules.IMAGE_WORDS + ")";
    static final String AUDIO = "(?:" + EnglishTaskRules.AUDIO_WORDS + "|" + KoreanTaskRules.AUDIO_WORDS + ")";
}
