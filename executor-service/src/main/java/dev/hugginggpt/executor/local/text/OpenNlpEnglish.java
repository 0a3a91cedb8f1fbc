package dev.hugginggpt.executor.local.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.lemmatizer.ThreadSafeLemmatizerME;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.ThreadSafePOSTaggerME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.ThreadSafeSentenceDetectorME;
import opennlp.tools.tokenize.ThreadSafeTokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Apache OpenNLP's English models trained on the Universal Dependencies English Web Treebank (opennlp-models-*-en
 * jars, Apache-2.0; the treebank is CC BY-SA 4.0): sentences, tokens, part-of-speech tags, lemmas. Loaded once.
 */
public final class OpenNlpEnglish {
    static final String SENTENCES = "opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    static final String TOKENS = "opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    static final String POS = "opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    static final String LEMMAS = "opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin";

    record Token(String word, int start, int end, String tag, double score, String lemma) {
    }

    private volatile ThreadSafeSentenceDetectorME sentences;
    private volatile Tagging tagging;

    private record Tagging(ThreadSafeTokenizerME tokenizer, ThreadSafePOSTaggerME tagger, ThreadSafeLemmatizerME lemmatizer) {
    }

    static boolean installed(String model) {
        return OpenNlpEnglish.class.getClassLoader().getResource(model) != null;
    }

    List<Span> sentences(String text) {
        if (sentences == null) {
            synchronized (this) {
                if (sentences == null) {
                    sentences = new ThreadSafeSentenceDetectorME(OpenNlpEnglish.<SentenceModel>read(SENTENCES, in -> new SentenceModel(in)));
                }
            }
        }
        return List.of(sentences.sentPosDetect(text));
    }

    List<Token> tag(String text) {
        Tagging t = tagging();
        Span[] spans = t.tokenizer().tokenizePos(text);
        String[] words = Span.spansToStrings(spans, text);
        String[] tags = t.tagger().tag(words);
        double[] scores = t.tagger().probs();
        String[] lemmas = t.lemmatizer().lemmatize(words, tags);
        Token[] tokens = new Token[words.length];
        for (int i = 0; i < words.length; i++) {
            tokens[i] = new Token(words[i], spans[i].getStart(), spans[i].getEnd(), tags[i],
                    Math.round(scores[i] * 1000) / 1000.0, lemmas[i]);
        }
        return List.of(tokens);
    }

    void loadTagging() {
        tagging();
    }

    private Tagging tagging() {
        if (tagging == null) {
            synchronized (this) {
                if (tagging == null) {
                    tagging = new Tagging(new ThreadSafeTokenizerME(OpenNlpEnglish.<TokenizerModel>read(TOKENS, in -> new TokenizerModel(in))),
                            new ThreadSafePOSTaggerME(OpenNlpEnglish.<POSModel>read(POS, in -> new POSModel(in))),
                            new ThreadSafeLemmatizerME(OpenNlpEnglish.<LemmatizerModel>read(LEMMAS, in -> new LemmatizerModel(in))));
                }
            }
        }
        return tagging;
    }

    private interface ModelReader<T> {
        T read(InputStream in) throws IOException;
    }

    private static <T> T read(String model, ModelReader<T> reader) {
        try (InputStream in = OpenNlpEnglish.class.getClassLoader().getResourceAsStream(model)) {
            if (in == null) {
                throw new IOException("OpenNLP model " + model + " is not on the classpath");
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
