package dev.hugginggpt.gateway.response;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a task could not run, in the user's terms: what this deployment cannot do and what it can do instead. The
 * operator's words (which variable enables a backend) stay in the task's error, in the logs and in the README.
 */
final class UserTerms {
    private static final Pattern NO_MODEL = Pattern.compile("^no offline model serves (\\S+) and .*", Pattern.DOTALL);

    /** What a task type does, as a user would ask for it. */
    private static final Map<String, String> ABILITIES = Map.ofEntries(
            Map.entry("text-to-image", "create pictures from a description"),
            Map.entry("image-to-text", "describe pictures in words"),
            Map.entry("image-classification", "tell what a picture shows"),
            Map.entry("visual-question-answering", "answer questions about a picture"),
            Map.entry("document-question-answering", "answer questions about a document's picture"),
            Map.entry("depth-estimation", "estimate depth in a picture"),
            Map.entry("image-segmentation", "cut a picture into its objects"),
            Map.entry("object-detection", "find objects in a picture"),
            Map.entry("text-to-video", "create videos"),
            Map.entry("video-classification", "tell what a video shows"),
            Map.entry("audio-classification", "tell what kind of sound a recording holds"),
            Map.entry("automatic-speech-recognition", "transcribe speech"),
            Map.entry("text-to-speech", "read text aloud"),
            Map.entry("text-generation", "write free text"),
            Map.entry("conversational", "chat freely"),
            Map.entry("text2text-generation", "rewrite text"),
            Map.entry("summarization", "summarize text"),
            Map.entry("translation", "translate text"),
            Map.entry("question-answering", "answer questions from a text"),
            Map.entry("fill-mask", "fill in missing words"),
            Map.entry("table-question-answering", "answer questions about a table"));

    private static final String IMAGES = "read the text in a picture, find the faces or the people in it, or change it"
            + " (black and white, blur, cartoon, ...)";
    private static final String AUDIO = "transcribe English speech, clean up a noisy recording, or read a text aloud";
    private static final String TEXT = "summarize a text, translate between English and Spanish, answer a question from a"
            + " text you give, tell its language or its sentiment, or read it aloud";

    private UserTerms() {
    }

    /** The reason in the user's terms, when it is one this class knows; the reason as it is otherwise. */
    static String reason(String task, String error) {
        return translated(task, error).orElse(error);
    }

    static Optional<String> translated(String task, String error) {
        if (error == null) {
            return Optional.empty();
        }
        if (error.startsWith("no executor is running")) {
            return Optional.of("the workers that run the models are not up at the moment; try again in a minute");
        }
        Matcher noModel = NO_MODEL.matcher(error);
        if (!noModel.matches()) {
            return Optional.empty();
        }
        String type = noModel.group(1);
        String ability = ABILITIES.getOrDefault(type, "run " + type.replace('-', ' ') + " tasks");
        return Optional.of("this service cannot " + ability + " (it has no model for " + type + "). It can instead "
                + insteadOf(type));
    }

    private static String insteadOf(String type) {
        if (type.contains("image") || type.contains("video") || type.contains("depth") || type.contains("object")
                || type.contains("segmentation") || type.startsWith("visual") || type.startsWith("document")) {
            return IMAGES;
        }
        if (type.contains("audio") || type.contains("speech")) {
            return AUDIO;
        }
        return TEXT;
    }
}
