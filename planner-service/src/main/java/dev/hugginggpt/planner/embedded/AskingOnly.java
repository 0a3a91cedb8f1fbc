package dev.hugginggpt.planner.embedded;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a request is nothing but the asking: "Summarize", "Translate into Spanish", "What language is it?". Such a
 * request gives a text task no text, and the request itself is not the text it means (the fallback for a passage
 * written into the request without quotes or a colon). What is left once every task phrase is taken out and the
 * words that only ask or point are dropped must be empty.
 */
final class AskingOnly {
    /** The asking alone is a sentence or two; a longer request has words of its own (and is not read rule by rule). */
    static final int MAX_CHARS = 1000;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
    /** A Korean word's particle, taken off before the word is looked up: "문장을" is "문장". */
    private static final Pattern KOREAN_ENDING = Pattern.compile("(?:" + KoreanLexicon.PARTICLES + ")$");
    /** Words that only ask or point, in every language (the Korean ones without their particles). */
    private static final Set<String> ASKING = union(EnglishLexicon.ASKING_ONLY, KoreanLexicon.ASKING_ONLY);

    private AskingOnly() {
    }

    private static Set<String> union(Set<String> english, Set<String> korean) {
        Set<String> words = new HashSet<>(english);
        words.addAll(korean);
        return Set.copyOf(words);
    }

    static boolean is(String request) {
        if (request.length() > MAX_CHARS) {
            return false;
        }
        StringBuilder rest = new StringBuilder(request.toLowerCase(Locale.ROOT));
        for (TaskRule rule : TaskRules.RULES) {
            Matcher m = rule.pattern().matcher(rest);
            while (m.find()) {
                // the whole words a phrase touches: "summar" takes "summarize"
                int start = m.start();
                int end = m.end();
                while (start > 0 && Character.isLetter(rest.charAt(start - 1))) {
                    start--;
                }
                while (end < rest.length() && Character.isLetter(rest.charAt(end))) {
                    end++;
                }
                for (int i = start; i < end; i++) {
                    rest.setCharAt(i, ' ');
                }
            }
        }
        Matcher words = WORD.matcher(rest);
        while (words.find()) {
            String word = words.group();
            String stem = KOREAN_ENDING.matcher(word).replaceFirst("");
            if (!ASKING.contains(word) && !ASKING.contains(stem) && !stem.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
