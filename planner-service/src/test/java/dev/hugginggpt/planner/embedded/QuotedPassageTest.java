package dev.hugginggpt.planner.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hugginggpt.testkit.CpuBound;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QuotedPassageTest {
    /**
     * The regular expression the scanner replaces, without its length limit. It overflows the stack on a quote of a
     * few thousand characters, but on short text it says what a quote is.
     */
    private static final Pattern QUOTE_REGEX = Pattern.compile(
            "\"([^\"]+)\"|“([^”]+)”|「([^」]+)」|‘([^’]+)’|(?<![\\p{L}\\p{N}])'((?:[^']|(?<=\\p{L})'(?=\\p{L})){2,}?)'(?![\\p{L}\\p{N}&&[^가-힣]])");

    @Test
    void findsWhatTheRegexFoundOnShortText() {
        Random random = new Random(20_240_611);
        String alphabet = "''''\"“”‘’「」ab가나1 .,";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(16);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertEquals(byRegex(text.toString()), QuotedPassage.allIn(text.toString()), text::toString);
        }
    }

    @Test
    void readsEachKindOfQuote() {
        assertEquals(List.of(new QuotedPassage(5, 21, "Bonjour, l'ami")), QuotedPassage.allIn("Read 'Bonjour, l'ami' aloud"));
        assertEquals(List.of("a", "b", "c", "d"), texts("\"a\" “b” 「c」 ‘d’"));
        assertEquals(List.of("안녕"), texts("'안녕'이라고 말해줘"));
        assertEquals(List.of(), texts("it's Tom's 'x' and \"\" and “”"));
        assertEquals(List.of("we're here"), texts("so 'we're here' now"));
    }

    @Test
    void aQuoteMayBeAsLongAsTheMessage() {
        String passage = "It's the cat's toy, isn't it? ".repeat(10_000);
        assertEquals(List.of(passage), texts("Read this aloud: '" + passage + "'"));
        assertEquals(List.of(passage), texts("Read this aloud: “" + passage + "”"));
        assertEquals(List.of(), texts("Read this aloud: '" + passage));
    }

    @Test
    void takesTimeLinearInTheTextWhateverItsQuoteMarks() {
        for (String unit : List.of("'", "“", "\"", "‘", "「", "'a ", "a'", " 'x", "“'\"‘「")) {
            String text = unit.repeat(1_000_000 / unit.length());
            CpuBound.within(Duration.ofSeconds(2), Duration.ofSeconds(30), () -> QuotedPassage.allIn(text));
        }
    }

    private static List<String> texts(String text) {
        return QuotedPassage.allIn(text).stream().map(QuotedPassage::text).toList();
    }

    private static List<QuotedPassage> byRegex(String text) {
        List<QuotedPassage> found = new ArrayList<>();
        Matcher m = QUOTE_REGEX.matcher(text);
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    found.add(new QuotedPassage(m.start(), m.end(), m.group(g)));
                }
            }
        }
        return found;
    }
}
