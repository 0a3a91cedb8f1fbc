package dev.hugginggpt.executor.local.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.TaskOutput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Stanford NER on real sentences, through the LocalModel interface the executor uses. */
class StanfordNamedEntityRecognizerTest {
    private static final Duration TIME = Duration.ofSeconds(60);
    private static final StanfordNamedEntityRecognizer NER = new StanfordNamedEntityRecognizer();

    @Test
    void findsPeoplePlacesAndOrganisationsWithTheirOffsets() throws ModelException {
        String text = "Barack Obama was born in Honolulu, Hawaii. After law school he worked with Microsoft in Seattle.";

        TaskOutput out = NER.run(Map.of("text", text), TIME);

        assertEquals(List.of("PERSON Barack Obama", "LOCATION Honolulu", "LOCATION Hawaii", "ORGANIZATION Microsoft",
                "LOCATION Seattle"), summary(out));
        assertEquals("Barack Obama (PERSON), Honolulu (LOCATION), Hawaii (LOCATION), Microsoft (ORGANIZATION),"
                + " Seattle (LOCATION)", out.text());
        assertOffsetsMatch(text, out);
        Map<?, ?> obama = entities(out).get(0);
        assertEquals(0, obama.get("start"));
        assertEquals(12, obama.get("end"));
        double score = (Double) obama.get("score");
        assertTrue(score > 0.5 && score <= 1.0, "score " + score);
    }

    @Test
    void addsDatesMoneyAndPercentagesWhereThePeopleModelFoundNothing() throws ModelException {
        String text = "On August 4, 1961, the Bank of America lent Ford $5 million at 20% interest.";

        TaskOutput out = NER.run(Map.of("text", text), TIME);

        List<String> found = summary(out);
        assertTrue(found.contains("DATE August 4, 1961"), found.toString());
        assertTrue(found.contains("ORGANIZATION Bank of America"), found.toString());
        assertTrue(found.contains("MONEY $5 million"), found.toString());
        assertTrue(found.contains("PERCENT 20%"), found.toString());
        assertOffsetsMatch(text, out);
    }

    @Test
    void aSentenceWithNoNamesHasNoEntities() throws ModelException {
        TaskOutput out = NER.run(Map.of("text", "The cat sleeps on the warm mat while the rain falls."), TIME);

        assertEquals("no named entities found", out.text());
        assertEquals(List.of(), entities(out));
    }

    @Test
    void accentedNamesKeepTheirLetters() throws ModelException {
        String text = "Zoë Saldaña flew from São Paulo to Zürich with François Hollande.";

        TaskOutput out = NER.run(Map.of("text", text), TIME);

        List<String> found = summary(out);
        assertTrue(found.contains("PERSON Zoë Saldaña"), found.toString());
        assertTrue(found.contains("LOCATION São Paulo"), found.toString());
        assertTrue(found.contains("PERSON François Hollande"), found.toString());
        assertOffsetsMatch(text, out);
    }

    @Test
    void offsetsIndexTheTextAsGivenAfterAnEmojiAndLeadingSpace() throws ModelException {
        // 🎉 is one code point, two UTF-16 units (four bytes in UTF-8); the offsets count UTF-16 units like Java
        String text = "  🎉 Angela Merkel visited Paris.";

        TaskOutput out = NER.run(Map.of("text", text), TIME);

        assertEquals(List.of("PERSON Angela Merkel", "LOCATION Paris"), summary(out));
        assertEquals(text.indexOf("Angela"), entities(out).get(0).get("start"));
        assertEquals(text.indexOf("Paris"), entities(out).get(1).get("start"));
        assertOffsetsMatch(text, out);
    }

    @Test
    void rejectsEmptyAndTooLongTexts() {
        assertThrows(ModelException.class, () -> NER.run(Map.of("text", "  "), TIME));
        assertThrows(ModelException.class, () -> NER.run(Map.of(), TIME));
        String tooLong = "Paris is lovely. ".repeat(StanfordNamedEntityRecognizer.MAX_CHARS / 17 + 1);
        ModelException e = assertThrows(ModelException.class, () -> NER.run(Map.of("text", tooLong), TIME));
        assertTrue(e.getMessage().contains("at most " + StanfordNamedEntityRecognizer.MAX_CHARS), e.getMessage());
    }

    @Test
    void aTextAtTheLengthLimitRuns() throws ModelException {
        String sentence = "Marie Curie worked in Paris for the University of Paris. ";
        String text = sentence.repeat(StanfordNamedEntityRecognizer.MAX_CHARS / sentence.length());

        TaskOutput out = NER.run(Map.of("text", text), TIME);

        assertEquals(StanfordNamedEntityRecognizer.MAX_CHARS / sentence.length(),
                summary(out).stream().filter("PERSON Marie Curie"::equals).count());
        assertOffsetsMatch(text, out);
    }

    @Test
    void fourThreadsAtOnceGetTheSameAnswersAsOne() throws Exception {
        List<String> texts = List.of(
                "Barack Obama was born in Honolulu, Hawaii.",
                "Angela Merkel met Emmanuel Macron in Berlin on Tuesday.",
                "Apple and Google opened offices in London and Tokyo.",
                "On 4 August 1961 the Bank of America lent Ford $5 million at 20% interest.",
                "Zoë Saldaña flew from São Paulo to Zürich with François Hollande.",
                "The cat sleeps on the warm mat.");
        List<TaskOutput> alone = new ArrayList<>();
        for (String text : texts) {
            alone.add(NER.run(Map.of("text", text), TIME));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<TaskOutput>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                runs.add(pool.submit(() -> {
                    List<TaskOutput> outs = new ArrayList<>();
                    for (int round = 0; round < 5; round++) {
                        for (int i = 0; i < texts.size(); i++) {
                            outs.add(NER.run(Map.of("text", texts.get((i + offset) % texts.size())), TIME));
                        }
                    }
                    return outs;
                }));
            }
            for (int t = 0; t < runs.size(); t++) {
                List<TaskOutput> outs = runs.get(t).get();
                for (int k = 0; k < outs.size(); k++) {
                    TaskOutput expected = alone.get((k % texts.size() + t) % texts.size());
                    assertEquals(expected.text(), outs.get(k).text());
                    assertEquals(expected.data(), outs.get(k).data());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Map<?, ?>> entities(TaskOutput out) {
        return ((List<?>) out.data().get("entities")).stream().<Map<?, ?>>map(e -> (Map<?, ?>) e).toList();
    }

    private static List<String> summary(TaskOutput out) {
        return entities(out).stream().map(e -> e.get("entity_group") + " " + e.get("word")).toList();
    }

    private static void assertOffsetsMatch(String text, TaskOutput out) {
        for (Map<?, ?> e : entities(out)) {
            assertEquals(e.get("word"), text.substring((Integer) e.get("start"), (Integer) e.get("end")), e.toString());
        }
    }
}
