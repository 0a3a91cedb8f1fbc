package dev.hugginggpt.executor.local.text;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.model.AbstractLocalModel;
import dev.hugginggpt.executor.local.model.Inputs;
import dev.hugginggpt.protocol.TaskOutput;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * token-classification as named-entity recognition with Stanford NER, the English CRF classifiers of Stanford CoreNLP
 * (GPL-3.0). The 3-class model finds PERSON, LOCATION and ORGANIZATION; the MUC 7-class model adds DATE, TIME, MONEY
 * and PERCENT where the first found nothing, as CoreNLP's own NER combines them. The output is that of the Hugging
 * Face token-classification pipeline with aggregation: entity_group, word, score, start, end. Offsets index the text
 * as given, in UTF-16 units like Java and JavaScript strings (they differ from code points only after characters
 * outside the Basic Multilingual Plane, such as emoji).
 */
public final class StanfordNamedEntityRecognizer extends AbstractLocalModel {
    static final String PEOPLE_PLACES_ORGANIZATIONS = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";
    static final String DATES_TIMES_MONEY_PERCENTS = "edu/stanford/nlp/models/ner/english.muc.7class.distsim.crf.ser.gz";
    /** About 1,700 words: one to two seconds on a busy 2-core machine once the classifiers are warm. */
    static final int MAX_CHARS = 10_000;
    private static final String OUTSIDE = "O";
    private static final String WARM_UP = "Ada Lovelace met Charles Babbage in London on 5 June 1833.";

    record Entity(String group, String word, int start, int end, double score) {
        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("entity_group", group);
            map.put("word", word);
            map.put("start", start);
            map.put("end", end);
            map.put("score", score);
            return map;
        }
    }

    private record Classifiers(CRFClassifier<CoreLabel> main, CRFClassifier<CoreLabel> numeric) {
    }

    private volatile Classifiers classifiers;

    public StanfordNamedEntityRecognizer() {
        super("local/stanford-ner-english", "token-classification",
                "Stanford NER named-entity recognition, English only: finds the named entities in a text, people"
                        + " (PERSON), places (LOCATION) and organizations (ORGANIZATION), plus dates, times, money"
                        + " amounts and percentages (DATE, TIME, MONEY, PERCENT), with character offsets; CRF sequence"
                        + " classifiers from Stanford CoreNLP 4.5.10, not a transformer",
                "GPL-3.0 (Stanford CoreNLP and its NER models)");
    }

    @Override
    public boolean available() {
        ClassLoader loader = StanfordNamedEntityRecognizer.class.getClassLoader();
        return loader.getResource(PEOPLE_PLACES_ORGANIZATIONS) != null && loader.getResource(DATES_TIMES_MONEY_PERCENTS) != null;
    }

    @Override
    public void load() {
        classifiers();
    }

    @Override
    public TaskOutput run(Map<String, String> args, Duration timeLeft) throws ModelException {
        Inputs.text(args); // rejects a missing or blank text; the offsets index the text as given, not stripped
        String text = args.get("text");
        if (text.length() > MAX_CHARS) {
            throw new ModelException("the text has " + text.length() + " characters; named-entity recognition takes at most "
                    + MAX_CHARS + " at a time, so split it");
        }
        List<Entity> entities = entities(text);
        String readable = entities.isEmpty() ? "no named entities found"
                : entities.stream().map(e -> e.word() + " (" + e.group() + ")").collect(Collectors.joining(", "));
        return TaskOutput.text(readable, Map.of("entities", entities.stream().map(Entity::asMap).toList()));
    }

    List<Entity> entities(String text) {
        Classifiers c = classifiers();
        List<Entity> found = spans(c.main(), text);
        for (Entity extra : spans(c.numeric(), text)) {
            if (!c.main().classIndex.contains(extra.group()) && found.stream().noneMatch(e -> overlap(e, extra))) {
                found.add(extra);
            }
        }
        found.sort(Comparator.comparingInt(Entity::start));
        return found;
    }

    /**
     * Runs of tokens with the same label, one entity each (the models label tokens PERSON, not B-PER/I-PER); the score
     * is the mean of the tokens' marginal probabilities, as the Hugging Face pipeline averages its token scores.
     * CRFClassifier.classify may be called from several threads at once on one classifier, as CoreNLP's multi-threaded
     * NER does (see {@link #read} for the one cache that is not thread safe).
     */
    private static List<Entity> spans(CRFClassifier<CoreLabel> classifier, String text) {
        List<Entity> entities = new ArrayList<>();
        for (List<CoreLabel> sentence : classifier.classify(text)) {
            int i = 0;
            while (i < sentence.size()) {
                String label = sentence.get(i).get(CoreAnnotations.AnswerAnnotation.class);
                int j = i;
                double scores = 0;
                while (j < sentence.size() && label.equals(sentence.get(j).get(CoreAnnotations.AnswerAnnotation.class))) {
                    scores += sentence.get(j).get(CoreAnnotations.AnswerProbAnnotation.class);
                    j++;
                }
                if (!OUTSIDE.equals(label)) {
                    int start = sentence.get(i).beginPosition();
                    int end = sentence.get(j - 1).endPosition();
                    entities.add(new Entity(label, text.substring(start, end), start, end,
                            Math.round(scores / (j - i) * 10000) / 10000.0));
                }
                i = j;
            }
        }
        return entities;
    }

    private static boolean overlap(Entity a, Entity b) {
        return a.start() < b.end() && b.start() < a.end();
    }

    private Classifiers classifiers() {
        if (classifiers == null) {
            synchronized (this) {
                if (classifiers == null) {
                    // the two load side by side (about 7 s and 5 s on one core)
                    CompletableFuture<CRFClassifier<CoreLabel>> numeric =
                            CompletableFuture.supplyAsync(() -> read(DATES_TIMES_MONEY_PERCENTS));
                    Classifiers loaded = new Classifiers(read(PEOPLE_PLACES_ORGANIZATIONS), numeric.join());
                    // the first classification sets a few fields lazily (inference type, clique potentials): do it
                    // here, before tasks share the classifiers
                    loaded.main().classify(WARM_UP);
                    loaded.numeric().classify(WARM_UP);
                    classifiers = loaded;
                }
            }
        }
        return classifiers;
    }

    private static CRFClassifier<CoreLabel> read(String resource) {
        try (InputStream in = StanfordNamedEntityRecognizer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Stanford NER classifier " + resource + " is not on the classpath");
            }
            CRFClassifier<CoreLabel> classifier = CRFClassifier.getClassifier(
                    new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16));
            // its n-gram cache is a plain HashMap that classification writes to; these models are saved with it off,
            // and it stays off so that threads can share the classifier
            classifier.flags.cacheNGrams = false;
            return classifier;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Stanford NER classifier " + resource + " does not match this CoreNLP", e);
        }
    }
}
