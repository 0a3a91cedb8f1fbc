package dev.hugginggpt.executor.local;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** How much of a text a recognizer or OCR gave back. */
public final class Transcripts {
    private Transcripts() {
    }

    /** Share of the spoken words found in the transcript. */
    public static double sharedWords(String spoken, String heard) {
        Set<String> words = Arrays.stream(heard.toLowerCase(Locale.ROOT).split("\\W+")).collect(Collectors.toSet());
        List<String> said = List.of(spoken.split(" "));
        return said.stream().filter(words::contains).count() / (double) said.size();
    }
}
