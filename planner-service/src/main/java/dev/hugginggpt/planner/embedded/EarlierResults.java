package dev.hugginggpt.planner.embedded;

import dev.hugginggpt.protocol.MediaKind;
import dev.hugginggpt.protocol.PlannedTask;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which earlier output a clause means, by task index: the latest of a kind, or one the clause names by
 * its result ("the transcription", "the edited image"). Reads the plan being built, as it grows.
 */
final class EarlierResults {
    /** Words that compare two results with each other. */
    private static final Pattern BOTH_RESULTS = Pattern.compile(
            "\\b(?:" + EnglishLexicon.BOTH_RESULTS + ")\\b|" + KoreanLexicon.BOTH_RESULTS, Pattern.CASE_INSENSITIVE);

    private final List<PlannedTask> tasks;
    private final List<MediaKind> outputs;

    EarlierResults(List<PlannedTask> tasks, List<MediaKind> outputs) {
        this.tasks = tasks;
        this.outputs = outputs;
    }

    /**
     * The latest output of this kind. A control map (pose skeleton, edges, lines) is what a ControlNet draws from,
     * not a picture of anything: "cut her out", "the picture" still mean the photo, unless the clause names the map.
     */
    int latest(MediaKind kind) {
        for (int i = outputs.size() - 1; i >= 0; i--) {
            if (outputs.get(i) == kind && !tasks.get(i).task().endsWith("-control")) {
                return i;
            }
        }
        return -1;
    }

    /** The task whose output of this kind the clause uses: the one it names by its result, else the latest. */
    int meant(MediaKind kind, String clause) {
        int named = named(kind, clause);
        return named >= 0 ? named : latest(kind);
    }

    /** The latest task of a type whose result the clause names ("the transcription", "the edited image"), or -1. */
    int named(MediaKind kind, String clause) {
        for (Set<String> types : ResultNames.namedIn(clause)) {
            for (int i = tasks.size() - 1; i >= 0; i--) {
                if (outputs.get(i) == kind && types.contains(tasks.get(i).task())) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** "How similar are they", "compare it with the summary": the text result compared with the one in use. */
    int other(int inUse, String clause) {
        if (inUse < 0) {
            return -1;
        }
        for (Set<String> types : ResultNames.namedIn(clause)) {
            for (int i = tasks.size() - 1; i >= 0; i--) {
                if (i != inUse && outputs.get(i) == MediaKind.TEXT && types.contains(tasks.get(i).task())) {
                    return i;
                }
            }
        }
        if (!BOTH_RESULTS.matcher(clause).find()) {
            return -1;
        }
        for (int i = inUse - 1; i >= 0; i--) {
            if (outputs.get(i) == MediaKind.TEXT) {
                return i;
            }
        }
        return -1;
    }
}
