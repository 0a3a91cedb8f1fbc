package dev.hugginggpt.planner.embedded;

import dev.hugginggpt.protocol.GeneratedRefs;
import dev.hugginggpt.protocol.MediaKind;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.TaskType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The plan as far as it is built: its tasks and their output kinds, the request's quotes taken so far, and where an
 * input of a kind comes from (a file the clause names, an earlier output it means, a file of the request).
 */
final class PlanSoFar {
    final RequestText text;
    final Resources resources;
    final List<PlannedTask> tasks = new ArrayList<>();
    private final List<MediaKind> outputs = new ArrayList<>();
    private final Set<Integer> usedQuotes = new HashSet<>();
    final EarlierResults results = new EarlierResults(tasks, outputs);

    PlanSoFar(RequestText text, Resources resources) {
        this.text = text;
        this.resources = resources;
    }

    void add(TaskType type, Map<String, String> args) {
        tasks.add(new PlannedTask(tasks.size(), type.name(), List.of(-1), args));
        outputs.add(type.output());
    }

    MediaKind output(int task) {
        return outputs.get(task);
    }

    /** Where the plan is now, to go back to with {@link #rollBack}. */
    Mark mark() {
        return new Mark(tasks.size(), new HashSet<>(usedQuotes));
    }

    /** Forgets the tasks added and the quotes taken since the mark. */
    void rollBack(Mark mark) {
        tasks.subList(mark.tasks(), tasks.size()).clear();
        outputs.subList(mark.tasks(), outputs.size()).clear();
        usedQuotes.retainAll(mark.usedQuotes());
    }

    record Mark(int tasks, Set<Integer> usedQuotes) {
    }

    boolean quotesLeft() {
        return usedQuotes.size() < text.quotes.size();
    }

    /** The input of this kind: a file the clause names, else the earlier output it means, else a file of the request; null if none. */
    String resourceArgument(MediaKind kind, String clause) {
        Optional<String> named = resources.namedIn(clause, kind);
        if (named.isPresent()) {
            return named.get();
        }
        if (PlanPhrases.ORIGINAL_MEDIA.matcher(clause).find() && resources.anyOf(kind).isPresent()) {
            // "what birds are in the original recording", "an upscaled version of the original", "and separately tell me what
            // animal is calling": the request's own file
            return resources.anyOf(kind).get();
        }
        int producer = results.meant(kind, clause);
        if (producer >= 0) {
            return GeneratedRefs.of(producer);
        }
        return resources.anyOf(kind).orElse(null);
    }

    /** The recording or picture the words are about, when there is one of either. */
    MediaKind sourceKind(String words) {
        boolean audio = resourceArgument(MediaKind.AUDIO, words) != null;
        boolean image = resourceArgument(MediaKind.IMAGE, words) != null;
        if (audio && image) {
            if (PlanPhrases.MEDIA_AUDIO.matcher(words).find() || resources.namedIn(words, MediaKind.AUDIO).isPresent()) {
                return MediaKind.AUDIO;
            }
            if (PlanPhrases.MEDIA_IMAGE.matcher(words).find() || resources.namedIn(words, MediaKind.IMAGE).isPresent()) {
                return MediaKind.IMAGE;
            }
            return results.latest(MediaKind.AUDIO) > results.latest(MediaKind.IMAGE) ? MediaKind.AUDIO : MediaKind.IMAGE;
        }
        return audio ? MediaKind.AUDIO : image ? MediaKind.IMAGE : null;
    }

    /** Whether the clause holds quotes and an earlier task took every one of them. */
    boolean quotesTakenBefore(String clause) {
        List<Integer> own = text.quotesIn(clause);
        return !own.isEmpty() && usedQuotes.containsAll(own);
    }

    /** The quotes the clause holds, taken. */
    List<String> takeQuotes(String clause) {
        List<String> own = new ArrayList<>();
        for (int q : text.quotesIn(clause)) {
            usedQuotes.add(q);
            own.add(text.quotes.get(q));
        }
        return own;
    }

    Optional<String> nextUnusedQuote() {
        for (int q = 0; q < text.quotes.size(); q++) {
            if (!usedQuotes.contains(q)) {
                usedQuotes.add(q);
                return Optional.of(text.quotes.get(q));
            }
        }
        return Optional.empty();
    }
}
