package dev.hugginggpt.executor.local.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.runtime.Programs;
import dev.hugginggpt.protocol.TaskOutput;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The packaged text programs: Apertium translation and ots summarization. */
class TextProgramsTest {
    private static final Duration TIME = Duration.ofSeconds(60);
    private static final OpenNlpLanguageDetector DETECTOR = new OpenNlpLanguageDetector();

    @Test
    void translatesEnglishToSpanishWhenNoTargetIsGiven() throws ModelException {
        TaskOutput out = apertium().run(Map.of("text", "Hello, how are you?"), TIME);

        assertTrue(out.text().contains("Hola"), out.text());
        assertEquals("eng-spa", out.data().get("pair"));
    }

    @Test
    void takesTheTargetLanguageByNameOrCode() throws ModelException {
        for (String target : new String[] {"to Spanish", "es", "spa", "Español"}) {
            TaskOutput out = apertium().run(Map.of("text", "The house is big.", "target_language", target), TIME);
            assertTrue(out.text().contains("casa"), target + ": " + out.text());
        }
    }

    @Test
    void detectsSpanishAndTranslatesItToEnglish() throws ModelException {
        TaskOutput out = apertium().run(Map.of("text", "Me gusta mucho la música y los libros de historia."), TIME);

        assertEquals("spa-eng", out.data().get("pair"));
        assertTrue(out.text().contains("music"), out.text());
    }

    @Test
    void saysWhichPairsExistWhenAskedForAnotherOne() {
        ModelException e = assertThrows(ModelException.class,
                () -> apertium().run(Map.of("text", "Hello", "target_language", "Korean"), TIME));

        assertTrue(e.getMessage().startsWith("Apertium has no pair into Korean installed here"), e.getMessage());
        assertTrue(e.getMessage().contains("English to Spanish"), e.getMessage());
    }

    @Test
    void refusesTextInALanguageNoInstalledPairTranslatesInsteadOfPassingItThrough() {
        ModelException e = assertThrows(ModelException.class,
                () -> apertium().run(Map.of("text", "오늘은 날씨가 정말 좋네요", "target_language", "English"), TIME));

        assertTrue(e.getMessage().startsWith("Apertium has no pair Korean to English installed here"), e.getMessage());
        assertTrue(e.getMessage().contains("Spanish to English"), "names the pairs it has: " + e.getMessage());
    }

    @Test
    void aShortOrGarbledTextInTheSourceLanguageIsStillTranslated() throws ModelException {
        for (String text : new String[] {"Hello", "the quick brown fox jumps over the lazy dog", "a quick brown fox jump over lazy dog"}) {
            TaskOutput out = apertium().run(Map.of("text", text, "target_language", "Spanish"), TIME);
            assertEquals("eng-spa", out.data().get("pair"), text);
        }
    }

    @Test
    void rejectsAnUnknownLanguageName() {
        assertThrows(ModelException.class,
                () -> apertium().run(Map.of("text", "Hello", "target_language", "Klingonish"), TIME));
    }

    @Test
    void summaryIsShorterAndMadeOfSourceSentences() throws ModelException {
        assumeTrue(Programs.installed("ots"));
        String text = "The city council met on Monday to discuss the new bridge. The bridge will connect the old town"
                + " with the harbour district. Construction of the bridge is expected to take three years. Some"
                + " residents worry about the noise during construction. The council said the bridge will reduce"
                + " traffic in the old town. A local bakery celebrated its fiftieth anniversary on the same day."
                + " The mayor promised that the bridge will be finished before the next election.";

        String summary = new OtsSummarization().run(Map.of("text", text, "ratio", "30"), TIME).text();

        assertTrue(summary.length() < text.length() * 0.6, summary);
        for (String sentence : summary.split("(?<=\\.)\\s+")) {
            assertTrue(text.contains(sentence.strip()), "not a source sentence: " + sentence);
        }
        assertTrue(summary.contains("bridge"), summary);
    }

    @Test
    void summarizesTheSameTextTenTimesInARow() throws ModelException {
        assumeTrue(Programs.installed("ots"));
        String text = "The city council met on Monday to discuss the new bridge. The bridge will connect the old town"
                + " with the harbour district. Construction of the bridge is expected to take three years.";
        Set<String> summaries = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            summaries.add(new OtsSummarization().run(Map.of("text", text), TIME).text());
        }
        assertEquals(1, summaries.size(), summaries.toString());
    }

    private static ApertiumTranslation apertium() {
        ApertiumTranslation model = new ApertiumTranslation(DETECTOR);
        assumeTrue(model.available(), "apertium with an installed pair");
        return model;
    }
}
