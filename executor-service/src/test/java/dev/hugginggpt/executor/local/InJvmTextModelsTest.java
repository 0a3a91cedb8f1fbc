package dev.hugginggpt.executor.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.executor.backend.InputRejected;
import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.TaskOutput;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The in-process text models: MiniLM embeddings and OpenNLP. */
class InJvmTextModelsTest {
    private static final Duration TIME = Duration.ofSeconds(60);
    private static final MiniLm ENCODER = new MiniLm();
    private static final OpenNlpEnglish ENGLISH = new OpenNlpEnglish();

    @Test
    void paraphrasesAreMoreSimilarThanUnrelatedSentences() throws ModelException {
        var model = new MiniLmSentenceSimilarity(ENCODER);
        double paraphrase = similarity(model, "A man is playing a guitar.", "Someone plays the guitar.");
        double unrelated = similarity(model, "A man is playing a guitar.", "The stock market fell sharply today.");

        assertTrue(paraphrase > 0.5 && unrelated < 0.2 && paraphrase > unrelated + 0.4, paraphrase + " vs " + unrelated);
    }

    @Test
    void zeroShotPicksTheObviousLabel() throws ModelException {
        var model = new MiniLmZeroShotClassifier(ENCODER);
        String labels = "sports, politics, cooking";

        assertEquals("sports", model.run(Map.of("text", "The striker scored twice in the last minutes of the match.",
                "labels", labels), TIME).text());
        assertEquals("cooking", model.run(Map.of("text", "Preheat the oven and whisk the eggs with the sugar.",
                "labels", labels), TIME).text());
        assertEquals("politics", model.run(Map.of("text", "The senate passed the bill after a long debate between"
                + " the parties.", "candidate_labels", labels), TIME).text());
    }

    @Test
    void zeroShotNeedsLabels() {
        assertThrows(ModelException.class,
                () -> new MiniLmZeroShotClassifier(ENCODER).run(Map.of("text", "Hello"), TIME));
    }

    @Test
    void sentimentOfClearReviews() throws ModelException {
        var model = new StanfordSentimentClassifier(new SentimentSimilarity(ENCODER));

        assertEquals("POSITIVE", model.run(Map.of("text", "I absolutely loved this film, the acting was brilliant."), TIME).text());
        assertEquals("POSITIVE", model.run(Map.of("text", "Fast delivery and the shoes fit perfectly, very pleased."), TIME).text());
        assertEquals("NEGATIVE", model.run(Map.of("text", "What a waste of money, it broke after one day."), TIME).text());
        assertEquals("NEGATIVE", model.run(Map.of("text", "The service was rude and the food was cold."), TIME).text());
    }

    @Test
    @SuppressWarnings("unchecked")
    void sentimentAnswersAsTheHuggingFacePipelineWithTheFiveClassesAndEachSentence() throws ModelException {
        var model = new StanfordSentimentClassifier(new SentimentSimilarity(ENCODER));

        TaskOutput out = model.run(Map.of("text", "The train was late, crowded and filthy. The staff were rude."), TIME);

        List<Map<String, Object>> labels = (List<Map<String, Object>>) out.data().get("labels");
        assertEquals(List.of("NEGATIVE", "POSITIVE"), labels.stream().map(l -> l.get("label")).toList());
        assertEquals(1.0, (double) labels.get(0).get("score") + (double) labels.get(1).get("score"), 1e-3);
        assertTrue((double) labels.get(0).get("score") > 0.5);
        List<Map<String, Object>> classes = (List<Map<String, Object>>) out.data().get("classes");
        assertEquals(List.of("very positive", "positive", "neutral", "negative", "very negative"),
                classes.stream().map(c -> c.get("label")).toList());
        List<Map<String, Object>> sentences = (List<Map<String, Object>>) out.data().get("sentences");
        assertEquals(2, sentences.size());
        assertEquals("The train was late, crowded and filthy.", sentences.get(0).get("text"));
        // the network reads the first as neutral, so the similarity gives its sentiment
        assertTrue(((String) sentences.get(0).get("by")).startsWith("similarity"), sentences.toString());
        assertThrows(InputRejected.class, () -> model.run(Map.of("text", "word ".repeat(1001)), TIME));
    }

    @Test
    void extractiveAnswerIsTheSentenceHoldingTheAnswer() throws ModelException {
        var model = new MiniLmExtractiveQuestionAnswering(ENCODER, ENGLISH);
        // each sentence names its subject: the model matches meaning, it does not resolve "she" to Marie
        String context = "Marie grew up in a small village near the coast. Marie now lives in Lyon with her two cats."
                + " The old bridge over the river was built in 1889. Every summer Marie travels to Norway to hike.";

        TaskOutput where = model.run(Map.of("question", "Where does Marie live?", "context", context), TIME);
        TaskOutput when = model.run(Map.of("text", "When was the bridge built?", "context", context), TIME);
        TaskOutput cats = model.run(Map.of("text", "How many cats does Marie have?", "context", context), TIME);

        assertEquals("Marie now lives in Lyon with her two cats.", where.text());
        assertEquals(where.text(), cats.text());
        assertEquals("The old bridge over the river was built in 1889.", when.text());
        assertEquals(when.text(), context.substring((Integer) when.data().get("start"), (Integer) when.data().get("end")));
    }

    @Test
    void aQuestionIsNeverItsOwnAnswer() throws ModelException {
        var model = new MiniLmExtractiveQuestionAnswering(ENCODER, ENGLISH);
        for (String request : new String[] {"What is the capital of France?", "Who wrote Hamlet? Please answer briefly."}) {
            ModelException e = assertThrows(ModelException.class, () -> model.run(Map.of("text", request, "context", request), TIME),
                    "a request with no passage echoed itself as the answer");
            assertTrue(e.getMessage().contains("knows no facts of its own"), e.getMessage());
        }
        TaskOutput told = model.run(Map.of("text", "Who won?", "context", "Do you know who won the cup? Brazil won the cup in 2002."), TIME);
        assertEquals("Brazil won the cup in 2002.", told.text());
    }

    @Test
    void questionAnsweringNeedsAContext() {
        assertThrows(ModelException.class, () -> new MiniLmExtractiveQuestionAnswering(ENCODER, ENGLISH)
                .run(Map.of("text", "Where does Marie live?"), TIME));
    }

    @Test
    void featureExtractionGivesA384NumberUnitVector() throws ModelException {
        TaskOutput out = new MiniLmFeatureExtraction(ENCODER).run(Map.of("text", "A sentence to embed."), TIME);

        List<?> vector = (List<?>) out.data().get("embedding");
        double norm = Math.sqrt(vector.stream().mapToDouble(v -> (Double) v * (Double) v).sum());
        assertEquals(384, vector.size());
        assertEquals(1.0, norm, 0.01);
    }

    @Test
    void partsOfSpeechAndLemmas() throws ModelException {
        TaskOutput out = new OpenNlpPartOfSpeechTagger(ENGLISH).run(Map.of("text", "The cat sleeps on the warm mat."), TIME);

        assertEquals("The/DET cat/NOUN sleeps/VERB on/ADP the/DET warm/ADJ mat/NOUN ./PUNCT", out.text());
        Map<?, ?> sleeps = (Map<?, ?>) ((List<?>) out.data().get("tokens")).get(2);
        assertEquals("sleep", sleeps.get("lemma"));
        assertEquals(8, sleeps.get("start"));
    }

    @Test
    void detectsFrench() throws ModelException {
        TaskOutput out = new OpenNlpLanguageDetector().run(
                Map.of("text", "Bonjour, je m'appelle Marie et j'habite à Paris depuis dix ans."), TIME);

        assertEquals("French", out.text());
    }

    private static double similarity(MiniLmSentenceSimilarity model, String a, String b) throws ModelException {
        return (Double) model.run(Map.of("text", a, "text2", b), TIME).data().get("similarity");
    }
}
