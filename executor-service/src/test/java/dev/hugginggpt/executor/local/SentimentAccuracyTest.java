package dev.hugginggpt.executor.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.protocol.TaskOutput;
import edu.stanford.nlp.process.DocumentPreprocessor;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sentiment classifier scored on the labelled sentences of bench/sentiment (see SOURCE.md there), beside its two
 * parts alone: CoreNLP's sentiment network (a neutral root read as its positive share of the rest) and the MiniLM
 * similarity. Prints each one's accuracy and misses.
 */
class SentimentAccuracyTest {
    private static final Duration TIME = Duration.ofSeconds(60);
    private static final StanfordSentimentClassifier CLASSIFIER =
            new StanfordSentimentClassifier(new SentimentSimilarity(new MiniLm()));
    private static List<Labelled> sentences;

    record Labelled(String label, String text) {
        boolean positive() {
            return label.equals("POSITIVE");
        }
    }

    @BeforeAll
    static void readTheLabelledSentences() throws IOException {
        Path file = Path.of("..", "bench", "sentiment", "sentences.tsv");
        sentences = Files.readAllLines(file, StandardCharsets.UTF_8).stream().skip(1).filter(l -> !l.isBlank())
                .map(l -> l.split("\t", 2)).map(p -> new Labelled(p[0], p[1])).toList();
        CLASSIFIER.load();
    }

    @Test
    void theSetHasAtLeastAHundredSentencesHalfOfThemPositive() {
        assertTrue(sentences.size() >= 100, sentences.size() + " sentences");
        assertEquals(sentences.size() / 2, sentences.stream().filter(Labelled::positive).count());
        assertEquals(sentences.size() / 2, sentences.stream().filter(s -> s.label().equals("NEGATIVE")).count());
    }

    @Test
    void theClassifierGetsNineInTenRightAndBeatsEachOfItsParts() throws Exception {
        double model = accuracy("the classifier", s -> answer(s).equals("POSITIVE"));
        double network = accuracy("CoreNLP's network alone", s -> {
            double[] classes = CLASSIFIER.classes(new DocumentPreprocessor(new StringReader(s)).iterator().next());
            return StanfordSentimentClassifier.positiveShare(classes) >= 0.5;
        });
        SentimentSimilarity similarity = new SentimentSimilarity(new MiniLm());
        double alone = accuracy("MiniLM similarity alone", s -> similarity.positive(s) >= 0.5);

        assertTrue(model >= 0.9, "accuracy " + model);
        assertTrue(model > network && model > alone, model + " against " + network + " and " + alone);
    }

    private static String answer(String text) {
        try {
            TaskOutput out = CLASSIFIER.run(Map.of("text", text), TIME);
            return out.text();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double accuracy(String name, Predicate<String> saysPositive) {
        int right = 0;
        long start = System.nanoTime();
        for (Labelled s : sentences) {
            if (saysPositive.test(s.text()) == s.positive()) {
                right++;
            } else {
                System.out.println(name + " misses: " + s.label() + " " + s.text());
            }
        }
        double accuracy = (double) right / sentences.size();
        System.out.printf("%s: %d of %d right (%.1f %%), %.0f ms per sentence%n", name, right, sentences.size(),
                100 * accuracy, (System.nanoTime() - start) / 1e6 / sentences.size());
        return accuracy;
    }
}
