package dev.hugginggpt.executor.local.text;

import dev.hugginggpt.embeddings.MiniLmEncoder;
import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.runtime.MiniLm;
import dev.hugginggpt.protocol.TaskOutput;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import opennlp.tools.stemmer.PorterStemmer;
import opennlp.tools.util.Span;

/**
 * question-answering, extractive at sentence level: the context is split into sentences (OpenNLP) and the answer is
 * the sentence that scores best on all-MiniLM-L6-v2 embedding similarity to the question plus a bonus for the share
 * of the question's content words (Porter stems of nouns, verbs, adjectives, numbers) it contains. It returns a whole
 * sentence of the context, never a short span, cannot answer what the context does not say, and does not resolve
 * pronouns.
 */
public final class MiniLmExtractiveQuestionAnswering extends MiniLmModel {
    static final double WORD_WEIGHT = 0.25;
    private static final Set<String> CONTENT = Set.of("NOUN", "PROPN", "VERB", "ADJ", "NUM");
    /** Sentences that ask rather than tell: no answer is in them (the context may be the whole request). */
    private static final Pattern ASKS = Pattern.compile("\\?[\\s\"'”’)]*+$|^\\W*(?:please|could you|can you|would you|tell me|answer|help me)\\b"
            + "|\\b(?:i want|i need|i'd like|i would like) (?:you |to know)\\b", Pattern.CASE_INSENSITIVE);
    private final OpenNlpEnglish english;

    public MiniLmExtractiveQuestionAnswering(MiniLm encoder, OpenNlpEnglish english) {
        super(encoder, "local/all-MiniLM-L6-v2-extractive-qa", "question-answering",
                "extractive question answering: returns the sentence of the context ('context') that best answers the"
                        + " question ('question' or 'text'), chosen by all-MiniLM-L6-v2 sentence-embedding similarity and"
                        + " shared words; answers with a whole sentence, not a short span, and does not resolve pronouns");
        this.english = english;
    }

    @Override
    public boolean available() {
        return OpenNlpEnglish.installed(OpenNlpEnglish.SENTENCES) && OpenNlpEnglish.installed(OpenNlpEnglish.POS);
    }

    @Override
    public void load() {
        super.load();
        english.sentences("Warm up.");
        english.loadTagging();
    }

    @Override
    public TaskOutput run(Map<String, String> args, Duration timeLeft) throws ModelException {
        String question = args.getOrDefault("question", args.get("text"));
        String context = args.get("context");
        if (question == null || question.isBlank()) {
            throw new ModelException("question-answering needs a question: 'question' or 'text'");
        }
        if (context == null || context.isBlank()) {
            throw new ModelException("extractive question answering needs the text to find the answer in: 'context'");
        }
        float[] asked = encoder.embed(question.strip());
        Set<String> askedWords = contentWords(question);
        Span best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Span span : english.sentences(context)) {
            String sentence = span.getCoveredText(context).toString();
            if (ASKS.matcher(sentence.strip()).find()) {
                continue;
            }
            Set<String> shared = contentWords(sentence);
            shared.retainAll(askedWords);
            double score = MiniLmEncoder.cosine(asked, encoder.embed(sentence))
                    + (askedWords.isEmpty() ? 0 : WORD_WEIGHT * shared.size() / askedWords.size());
            if (score > bestScore) {
                best = span;
                bestScore = score;
            }
        }
        if (best == null) {
            throw new ModelException("the context has no sentence that could answer the question, only questions or requests:"
                    + " extractive question answering finds the answer in a text you give (\"Given 'Paris is the capital of"
                    + " France.', what is the capital of France?\"); it knows no facts of its own. An LLM (HG_LLM_BASE_URL) or a"
                    + " remote question-answering model answers from knowledge.");
        }
        String answer = best.getCoveredText(context).toString();
        return TaskOutput.text(answer, Map.of("answer", answer, "score", MiniLm.round(bestScore),
                "start", best.getStart(), "end", best.getEnd()));
    }

    private Set<String> contentWords(String text) {
        PorterStemmer stemmer = new PorterStemmer();
        return english.tag(text).stream()
                .filter(t -> CONTENT.contains(t.tag()))
                .map(t -> stemmer.stem(t.word().toLowerCase(Locale.ROOT)))
                .collect(Collectors.toSet());
    }
}
