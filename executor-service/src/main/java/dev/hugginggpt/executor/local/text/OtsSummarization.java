package dev.hugginggpt.executor.local.text;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.model.AbstractLocalModel;
import dev.hugginggpt.executor.local.model.Inputs;
import dev.hugginggpt.executor.local.runtime.Programs;
import dev.hugginggpt.protocol.TaskOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * summarization, extractive: the Open Text Summarizer (Debian package ots, GPL-2.0) keeps the sentences whose words
 * are most frequent in the text; it writes no new sentences. 'ratio' is the percentage of sentences kept (default 30).
 */
public final class OtsSummarization extends AbstractLocalModel {
    public OtsSummarization() {
        super("local/ots", "summarization",
                "Open Text Summarizer: extractive summary that keeps the most important sentences of a text unchanged"
                        + " (word frequency), does not rewrite or paraphrase; 'ratio' is the percent kept, default 30",
                "GPL-2.0");
    }

    @Override
    public Optional<String> unavailableReason() {
        return Programs.missing("ots", "ots");
    }

    @Override
    public TaskOutput run(Map<String, String> args, Duration timeLeft) throws ModelException {
        String text = Inputs.text(args);
        int ratio = (int) Inputs.number(args, "ratio", 30);
        if (ratio < 1 || ratio > 100) {
            throw new ModelException("'ratio' is a percentage of sentences to keep, from 1 to 100");
        }
        String summary = summarize(text, ratio, timeLeft).replaceAll("\\s+", " ").strip();
        if (summary.isEmpty()) {
            throw new ModelException("ots found no sentence to keep in this text");
        }
        return TaskOutput.text(summary, Map.of("ratio", ratio, "characters", text.length(), "summaryCharacters", summary.length()));
    }

    /** ots 0.5.0 often dies of a segmentation fault when it reads the text from its standard input, never from a file. */
    private static String summarize(String text, int ratio, Duration timeLeft) throws ModelException {
        Path input = null;
        try {
            input = Files.createTempFile("hg-ots", ".txt");
            Files.writeString(input, text);
            return Programs.run(List.of("ots", "--ratio=" + ratio, input.toString()), null, timeLeft);
        } catch (IOException e) {
            throw new ModelException("could not write the text for ots: " + e.getMessage(), e);
        } finally {
            if (input != null) {
                input.toFile().delete();
            }
        }
    }
}
