package dev.hugginggpt.executor.local;

import dev.hugginggpt.executor.backend.InputRejected;
import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.TaskOutput;
import edu.stanford.nlp.ling.HasWord;
import edu.stanford.nlp.ling.SentenceUtils;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.parser.lexparser.LexicalizedParser;
import edu.stanford.nlp.parser.lexparser.TreeBinarizer;
import edu.stanford.nlp.process.DocumentPreprocessor;
import edu.stanford.nlp.sentiment.CollapseUnaryTransformer;
import edu.stanford.nlp.sentiment.SentimentCostAndGradient;
import edu.stanford.nlp.sentiment.SentimentModel;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.trees.Trees;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.simple.SimpleMatrix;

/**
 * text-classification of sentiment with Stanford CoreNLP's sentiment model (GPL-3.0): a recursive neural tensor
 * network (Socher et al. 2013) trained on the Stanford Sentiment Treebank, run over the binarized parse of each
 * sentence by CoreNLP's English PCFG parser, as CoreNLP's own sentiment annotator does. Each sentence gets the five SST
 * classes at its root. Where the root's most likely class is neutral, the network sees no sentiment in the sentence
 * (it misses many plain descriptions: "the train was late, crowded and filthy"), and the sentence's positive or
 * negative comes from {@link SentimentSimilarity} instead; on bench/sentiment this mix scored above either alone. A
 * text's POSITIVE probability is its sentences' averaged by their length in tokens. The answer is that of the Hugging
 * Face sentiment pipeline, POSITIVE and NEGATIVE with scores, the five classes beside them.
 */
final class StanfordSentimentClassifier implements LocalModel {
    static final String PARSER = "edu/stanford/nlp/models/lexparser/englishPCFG.ser.gz";
    static final String SENTIMENT = "edu/stanford/nlp/models/sentiment/sentiment.ser.gz";
    /** A PCFG parse costs the cube of the sentence's length: longer sentences are parsed in pieces of this many tokens. */
    static final int MAX_SENTENCE_TOKENS = 60;
    static final int MAX_CHARS = 5_000;
    static final List<String> CLASSES = List.of("very negative", "negative", "neutral", "positive", "very positive");
    private static final String WARM_UP = "The warm-up sentence is not bad at all.";

    private record Networks(LexicalizedParser parser, TreeBinarizer binarizer, SentimentModel sentiment) {
    }

    private volatile Networks networks;
    private final SentimentSimilarity similarity;

    StanfordSentimentClassifier(SentimentSimilarity similarity) {
        this.similarity = similarity;
    }

    /** One sentence's five classes, its probability of POSITIVE, and whether the network or the similarity gave it. */
    record Sentence(String text, int tokens, double[] classes, double positive, boolean byNetwork) {
        static final int NEUTRAL = 2;

        int best() {
            return argmax(classes);
        }
    }

    @Override
    public ModelCard card() {
        return new ModelCard("local/stanford-sentiment-english", "text-classification", "local", 0, 0, DESCRIPTION,
                "GPL-3.0 (Stanford CoreNLP and its models)");
    }

    static final String DESCRIPTION = "Stanford CoreNLP sentiment analysis, English only: tells whether a text is"
            + " positive or negative, with the five classes from very negative to very positive; a recursive neural"
            + " tensor network trained on the Stanford Sentiment Treebank (movie reviews) over each sentence's parse, and"
            + " MiniLM similarity to positive and negative descriptions where the network sees a sentence as neutral";

    @Override
    public boolean available() {
        ClassLoader loader = getClass().getClassLoader();
        return loader.getResource(PARSER) != null && loader.getResource(SENTIMENT) != null;
    }

    @Override
    public void load() {
        networks();
        similarity.load();
    }

    @Override
    public TaskOutput run(Map<String, String> args, Duration timeLeft) throws ModelException {
        List<Sentence> sentences = sentences(Inputs.text(args), Deadline.in(timeLeft));
        double[] classes = new double[CLASSES.size()];
        double positive = 0;
        double tokens = 0;
        for (Sentence sentence : sentences) {
            double weight = sentence.tokens();
            for (int k = 0; k < classes.length; k++) {
                classes[k] += sentence.classes()[k] * weight;
            }
            positive += sentence.positive() * weight;
            tokens += weight;
        }
        positive /= tokens;
        List<Map<String, Object>> labels = positive >= 0.5
                ? List.of(label("POSITIVE", positive), label("NEGATIVE", 1 - positive))
                : List.of(label("NEGATIVE", 1 - positive), label("POSITIVE", positive));
        List<Map<String, Object>> fine = new ArrayList<>();
        for (int k = CLASSES.size() - 1; k >= 0; k--) {
            fine.add(label(CLASSES.get(k), classes[k] / tokens));
        }
        List<Map<String, Object>> each = new ArrayList<>();
        for (Sentence sentence : sentences.subList(0, Math.min(50, sentences.size()))) {
            Map<String, Object> scored = new LinkedHashMap<>();
            scored.put("text", sentence.text());
            scored.put("class", CLASSES.get(sentence.best()));
            scored.put("positive", round(sentence.positive()));
            scored.put("by", sentence.byNetwork() ? "sentiment network" : "similarity (the network saw it as neutral)");
            each.add(scored);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", labels);
        data.put("classes", fine);
        data.put("sentences", each);
        return TaskOutput.text((String) labels.get(0).get("label"), data);
    }

    /** The text's sentences, each scored; a sentence longer than {@link #MAX_SENTENCE_TOKENS} is scored in pieces. */
    List<Sentence> sentences(String text, Deadline deadline) throws ModelException {
        if (text.length() > MAX_CHARS) {
            throw new InputRejected("the text has " + text.length() + " characters; sentiment analysis takes at most "
                    + MAX_CHARS + " at a time, so split it");
        }
        List<Sentence> sentences = new ArrayList<>();
        for (List<HasWord> sentence : new DocumentPreprocessor(new StringReader(text))) {
            for (int from = 0; from < sentence.size(); from += MAX_SENTENCE_TOKENS) {
                if (deadline.left().isZero()) {
                    throw new ModelException("sentiment analysis did not finish within the task's time; stopped");
                }
                List<HasWord> piece = sentence.subList(from, Math.min(sentence.size(), from + MAX_SENTENCE_TOKENS));
                String words = SentenceUtils.listToOriginalTextString(piece).strip();
                if (words.isEmpty()) {
                    words = SentenceUtils.listToString(piece);
                }
                double[] classes = classes(piece);
                boolean byNetwork = argmax(classes) != Sentence.NEUTRAL;
                double positive = byNetwork ? positiveShare(classes) : similarity.positive(words);
                sentences.add(new Sentence(words, piece.size(), classes, positive, byNetwork));
            }
        }
        if (sentences.isEmpty()) {
            throw new InputRejected("the text has no words to analyse");
        }
        return sentences;
    }

    /** The five SST class probabilities of one sentence, very negative first. */
    double[] classes(List<? extends HasWord> sentence) {
        Networks n = networks();
        Tree binarized = n.binarizer().transformTree(n.parser().parse(sentence));
        Trees.convertToCoreLabels(binarized);
        Tree collapsed = new CollapseUnaryTransformer().transformTree(binarized);
        new SentimentCostAndGradient(n.sentiment(), null).forwardPropagateTree(collapsed);
        SimpleMatrix predictions = RNNCoreAnnotations.getPredictions(collapsed);
        double[] classes = new double[CLASSES.size()];
        for (int k = 0; k < classes.length; k++) {
            classes[k] = predictions.get(k);
        }
        return classes;
    }

    /** The positive classes' share of the probability that is not neutral. */
    static double positiveShare(double[] classes) {
        double negative = classes[0] + classes[1];
        double positive = classes[3] + classes[4];
        return negative + positive == 0 ? 0.5 : positive / (negative + positive);
    }

    static int argmax(double[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }

    private static Map<String, Object> label(String label, double score) {
        return Map.of("label", label, "score", round(score));
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }

    private Networks networks() {
        if (networks == null) {
            synchronized (this) {
                if (networks == null) {
                    LexicalizedParser parser = LexicalizedParser.loadModel(PARSER);
                    TreeBinarizer binarizer = TreeBinarizer.simpleTreeBinarizer(parser.getTLPParams().headFinder(),
                            parser.treebankLanguagePack());
                    Networks loaded = new Networks(parser, binarizer, SentimentModel.loadSerialized(SENTIMENT));
                    networks = loaded;
                    classes(SentenceUtils.toWordList(WARM_UP.split(" ")));
                }
            }
        }
        return networks;
    }
}
