package dev.hugginggpt.planner.embedded;

import java.util.ArrayList;
import java.util.List;

/**
 * A passage the user put in quotes: "...", “...”, 「...」, ‘...’, or '...' (at least two characters; an apostrophe
 * between two letters, as in "it's", stays inside; the closing quote may be followed by a Korean particle, as in
 * '안녕'이라고). {@code start} and {@code end} take in the quote marks; {@code text} is what is between them.
 *
 * <p>Found by one pass over the text, never by a regular expression: a quote can be as long as the message, and
 * Java's regex engine recurses once per character of a repeated alternation, so a few thousand characters of a
 * quoted passage overflowed the stack.
 */
record QuotedPassage(int start, int end, String text) {

    /** The quoted passages of the text, left to right, none inside another. */
    static List<QuotedPassage> allIn(String text) {
        return new Scan(text).passages();
    }

    /**
     * One pass: at each quote mark, the passage it opens, if any, else on to the next character. The search from an
     * apostrophe stops at the first apostrophe that cannot be inside a passage, and no apostrophe it passes can open
     * one; the next closing mark of each paired kind is remembered. So each character is read a bounded number of
     * times, however the quote marks are arranged.
     */
    private static final class Scan {
        private static final String OPENING = "\"“「‘";
        private static final String CLOSING = "\"”」’";

        private final String text;
        /** Per paired kind: the first closing mark after the last place searched from; -1 for none, -2 not searched. */
        private final int[] nextClosing = {-2, -2, -2, -2};

        Scan(String text) {
            this.text = text;
        }

        List<QuotedPassage> passages() {
            List<QuotedPassage> found = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                int kind = OPENING.indexOf(c);
                int close = kind >= 0 ? pairedClosing(kind, i) : c == '\'' ? apostropheClosing(i) : -1;
                if (close < 0) {
                    i++;
                    continue;
                }
                found.add(new QuotedPassage(i, close + 1, text.substring(i + 1, close)));
                i = close + 1;
            }
            return found;
        }

        /** Where the passage opened at {@code open} by a mark of this kind closes: at least one character later. */
        private int pairedClosing(int kind, int open) {
            if (nextClosing[kind] == -2 || nextClosing[kind] >= 0 && nextClosing[kind] <= open) {
                nextClosing[kind] = text.indexOf(CLOSING.charAt(kind), open + 1);
            }
            int close = nextClosing[kind];
            return close > open + 1 ? close : -1;
        }

        /**
         * Where a passage opened by an apostrophe closes: not after a letter or digit; inside, an apostrophe only
         * between two letters; the first apostrophe after at least two characters that is not followed by a letter
         * or digit (a Korean syllable may follow) closes it. -1 if none.
         */
        private int apostropheClosing(int open) {
            if (open > 0 && isLetterOrDigit(text.codePointBefore(open))) {
                return -1;
            }
            int inside = 0;
            int j = open + 1;
            while (j < text.length()) {
                int cp = text.codePointAt(j);
                if (cp == '\'') {
                    if (inside >= 2 && closes(j)) {
                        return j;
                    }
                    boolean withinWord = j + 1 < text.length()
                            && Character.isLetter(text.codePointBefore(j)) && Character.isLetter(text.codePointAt(j + 1));
                    if (!withinWord) {
                        return -1;
                    }
                }
                inside++;
                j += Character.charCount(cp);
            }
            return -1;
        }

        private boolean closes(int quote) {
            if (quote + 1 >= text.length()) {
                return true;
            }
            int next = text.codePointAt(quote + 1);
            return !isLetterOrDigit(next) || isHangulSyllable(next);
        }

        /** {@code \p{L}} or {@code \p{N}}. */
        private static boolean isLetterOrDigit(int cp) {
            if (Character.isLetter(cp)) {
                return true;
            }
            int type = Character.getType(cp);
            return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
        }

        private static boolean isHangulSyllable(int cp) {
            return cp >= '가' && cp <= '힣';
        }
    }
}
