package dev.hugginggpt.protocol;

import java.util.EnumMap;
import java.util.Map;

/** Writing systems of text, told from its letters (no language model needed, and exact for short texts). */
public final class Scripts {
    private Scripts() {
    }

    /** The script most of a text's letters are written in; Latin for a text without letters. */
    public static Character.UnicodeScript dominant(String text) {
        Map<Character.UnicodeScript, Integer> letters = new EnumMap<>(Character.UnicodeScript.class);
        text.codePoints().filter(Character::isLetter).forEach(c -> letters.merge(Character.UnicodeScript.of(c), 1, Integer::sum));
        return letters.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(Character.UnicodeScript.LATIN);
    }

    /** Whether any letter is Japanese kana (which tells Japanese from Chinese where both use Han characters). */
    public static boolean hasKana(String text) {
        return text.codePoints().mapToObj(Character.UnicodeScript::of).anyMatch(
                script -> script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA);
    }
}
