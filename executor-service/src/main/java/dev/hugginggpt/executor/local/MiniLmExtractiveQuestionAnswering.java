package dev.hugginggpt.executor.local;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.TaskOutput;
import java.time.Duration;
import java.util.Map;
import opennlp.tools.util.Span;

/**
 * question-answering, extractive at sentence level: the context is split into sentences (OpenNLP) and the answer is
 * the sentence whose all-MiniLM-L6-v2 embedding is closest to the question's. It returns a whole sentence of the
 * context, never a short span, and it cannot answer what the context does not say.
 */
final class MiniLmExtractiveQuestionAnswering implements LocalModel {
    private final MiniLm encoder;
    private final OpenNlpEnglish english;

    MiniLmExtractiveQuestionAnswering(MiniLm encoder, OpenNlpEnglish english) {
        this.encoder = encoder;
        this.english = english;
    }

    @Override
    public ModelCard card() {
        return new ModelCard("local/all-MiniLM-L6-v2-extractive-qa", "question-answering", "local", 0, 0,
                "extractive question answering: returns the sentence of the context ('context') that best answers the"
                        + " question ('question' or 'text'), chosen by all-MiniLM-L6-v2 sentence-embedding similarity;"
                        + " answers with a whole sentence, not a short span", "Apache-2.0");
    }

    @Override
    public boolean available() {
        return OpenNlpEnglish.installed(OpenNlpEnglish.SENTENCES);
    }

    @Override
    public void load() {
        encoder.load();
        english.sentences("Warm up.");
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
        Span best = null;
        double bestScore = -2;
        for (Span sentence : english.sentences(context)) {
            double score = MiniLm.cosine(asked, encoder.embed(sentence.getCoveredText(context).toString()));
            if (score > bestScore) {
                best = sentence;
                bestScore = score;
            }
        }
        if (best == null) {
            throw new ModelException("the context has no sentence to answer from");
        }
        String answer = best.getCoveredText(context).toString();
        return TaskOutput.text(answer, Map.of("answer", answer, "score", MiniLm.round(bestScore),
                "start", best.getStart(), "end", best.getEnd()));
    }
}
