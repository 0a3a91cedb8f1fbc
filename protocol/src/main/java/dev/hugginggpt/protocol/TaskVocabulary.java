package dev.hugginggpt.protocol;

import static dev.hugginggpt.protocol.MediaKind.AUDIO;
import static dev.hugginggpt.protocol.MediaKind.IMAGE;
import static dev.hugginggpt.protocol.MediaKind.TEXT;
import static dev.hugginggpt.protocol.MediaKind.VIDEO;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The task types HuggingGPT plans with: Hugging Face pipeline tags plus the ControlNet family. */
public final class TaskVocabulary {
    private static final Map<String, TaskType> TYPES = new LinkedHashMap<>();

    static {
        text("token-classification", "label each token of a text (named entities, parts of speech)");
        text("text2text-generation", "turn a text into another text");
        text("summarization", "shorten a text keeping its meaning");
        text("translation", "translate a text to another language");
        add("question-answering", List.of(TEXT, TEXT), TEXT, "answer a question from a given context text");
        text("conversational", "reply in a conversation");
        text("text-generation", "continue or write text");
        text("text-classification", "assign a label to a text (sentiment, language, topic)");
        add("zero-shot-classification", List.of(TEXT), TEXT, "classify a text into labels given at run time");
        add("sentence-similarity", List.of(TEXT, TEXT), TEXT, "score how similar two texts are");
        add("feature-extraction", List.of(TEXT), TEXT, "turn a text into an embedding vector");
        add("tabular-classification", List.of(IMAGE), TEXT, "classify a table given as an image");
        add("object-detection", List.of(IMAGE), TEXT, "find objects in an image with boxes");
        add("image-classification", List.of(IMAGE), TEXT, "assign a label to an image");
        add("image-to-image", List.of(IMAGE), IMAGE, "transform an image into another image");
        add("image-to-text", List.of(IMAGE), TEXT, "describe an image or read the text in it");
        add("text-to-image", List.of(TEXT), IMAGE, "draw an image from a text");
        add("text-to-video", List.of(TEXT), VIDEO, "make a video from a text");
        add("visual-question-answering", List.of(IMAGE, TEXT), TEXT, "answer a question about an image");
        add("document-question-answering", List.of(IMAGE, TEXT), TEXT, "answer a question about a document image");
        add("image-segmentation", List.of(IMAGE), IMAGE, "split an image into segments or masks");
        add("depth-estimation", List.of(IMAGE), IMAGE, "estimate the depth of each pixel of an image");
        add("text-to-speech", List.of(TEXT), AUDIO, "speak a text aloud");
        add("automatic-speech-recognition", List.of(AUDIO), TEXT, "transcribe speech in an audio file");
        add("audio-to-audio", List.of(AUDIO), AUDIO, "transform audio (enhance, separate sources)");
        add("audio-classification", List.of(AUDIO), TEXT, "assign a label to an audio clip");
        add("image-editing", List.of(TEXT, IMAGE), IMAGE, "edit an image following a text");
        add("video-classification", List.of(VIDEO), TEXT, "assign a label to a video");
        for (String control : List.of("canny", "hed", "mlsd", "normal", "openpose", "scribble", "seg", "depth")) {
            add(control + "-control", List.of(IMAGE), IMAGE, "extract the " + control + " control map of an image");
            add(control + "-text-to-image", List.of(TEXT, IMAGE), IMAGE,
                    "draw an image from a text and a " + control + " control map");
        }
    }

    private TaskVocabulary() {
    }

    private static void text(String name, String description) {
        add(name, List.of(TEXT), TEXT, description);
    }

    private static void add(String name, List<MediaKind> inputs, MediaKind output, String description) {
        TYPES.put(name, new TaskType(name, inputs, output, description));
    }

    public static Optional<TaskType> find(String name) {
        return Optional.ofNullable(name == null ? null : TYPES.get(normalize(name)));
    }

    public static boolean isKnown(String name) {
        return find(name).isPresent();
    }

    public static List<TaskType> all() {
        return List.copyOf(TYPES.values());
    }

    /** "Image-to-Text", "image_to_text" and "Automatic Speech Recognition" become pipeline tags. */
    public static String normalize(String name) {
        return name.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_]+", "-");
    }
}
