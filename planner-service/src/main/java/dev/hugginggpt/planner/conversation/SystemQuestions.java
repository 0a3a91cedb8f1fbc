package dev.hugginggpt.planner.conversation;

import dev.hugginggpt.protocol.TaskVocabulary;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the system answers when a user asks about it rather than for a task: where files go, what it remembers, what it
 * accepts, how it picks models, why a request takes time. The answers describe how the system is built; the limits
 * name their setting and its default, since a deployment may change them.
 */
final class SystemQuestions {
    private record Topic(Pattern asked, String answer) {
    }

    private static final List<Topic> TOPICS = List.of(
            topic("(?:stored|store|keep|kept|saved|save|deleted|delete|privacy|private|who can see|see my|볼 수 있|저장|삭제)",
                    "Files you upload and the files your requests produce are kept in this deployment's resource store;"
                            + " only your tenant (your API key) can read them, and nothing here deletes them on a schedule."),
            topic("(?:remember|memory|what we talked|기억)",
                    "I keep no conversation on the server: your client sends the conversation so far with each message,"
                            + " so I know what it sends and nothing else."),
            topic("(?:size limit|file size|how (?:big|large|long)|upload|kinds? of files|types? of files|send you|올려도|업로드)",
                    "You can attach pictures (png, jpg, gif, bmp, webp, tiff), recordings (wav, flac, mp3, ogg), videos (mp4,"
                            + " webm, avi, mov, mkv) and documents (txt, md, csv, json, html, pdf), several per message; one upload"
                            + " is at most hg.gateway.max-upload-bytes (50 MiB by default)."),
            topic("(?:which model|what model|decide|choose|pick)",
                    "For each task I take the models of that task type that a running executor offers, rank them (local first,"
                            + " then by downloads and likes), keep the top few and pick one in the context of your request; the"
                            + " others are fallbacks if it fails."),
            topic("(?:so long|slow|take time|오래 걸)",
                    "A model that has not run yet loads on its first task, and tasks wait for a free executor slot; each"
                            + " task has a time limit (hg.selector.task-timeout, 120 s by default)."));

    private static final Pattern ASKS_WHAT_IT_MEANS = Pattern.compile("\\bmean|\\bwhat (?:is|are|'s)\\b|뜻|뭐(?:야|예요|에요|죠)|무엇인가요");

    private SystemQuestions() {
    }

    private static Topic topic(String asked, String answer) {
        return new Topic(Pattern.compile(asked), answer);
    }

    /** The answer to the first topic the message asks about, if it asks about one. */
    static Optional<String> answer(String message) {
        if (message == null) {
            return Optional.empty();
        }
        String text = message.toLowerCase(Locale.ROOT);
        if (ASKS_WHAT_IT_MEANS.matcher(text).find()) {
            // "what does 'text2text generation' even mean?": the task type's own description
            Optional<String> named = TaskVocabulary.all().stream()
                    .filter(type -> text.replaceAll("[\\s_]+", "-").contains(type.name()))
                    .max(Comparator.comparingInt(type -> type.name().length()))
                    .map(type -> type.name() + ": " + type.description());
            if (named.isPresent()) {
                return named;
            }
        }
        return TOPICS.stream().filter(t -> t.asked().matcher(text).find()).map(Topic::answer).findFirst();
    }
}
