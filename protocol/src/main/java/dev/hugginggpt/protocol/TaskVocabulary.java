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
        add("object-detection", List.of(IMAGE), TEXT, "find objects in an image with boxes", IMAGE);
        add("image-classification", List.of(IMAGE), TEXT, "assign a label to an image");
        add("image-to-image", List.of(IMAGE), IMAGE, "transform an image into another image");
        add("image-to-text", List.of(IMAGE), TEXT, "describe an image or read the text in it");
        add("text-to-image", List.of(TEXT), IMAGE, "draw an image from a text");
        add("text-to-video", List.of(TEXT), VIDEO, "make a video from a text");
        add("visual-question-answering", List.of(IMAGE, TEXT), TEXT, "answer a question about an image");
        add("document-question-answering", List.of(IMAGE, TEXT), TEXT, "answer a question about a document image");
        add("image-segmentation", List.of(IMAGE), IMAGE, "split an image into segments or masks", TEXT);
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

    private static void add(String name, List<MediaKind> inputs, MediaKind output, String description, MediaKind... alsoProduces) {
        TYPES.put(name, new TaskType(name, inputs, output, description, List.of(alsoProduces)));
    }

    /**
     * Other names models give the pipeline tags (display names, common task names); each maps to the one type that does
     * that task. Keys are normalized (see {@link #normalize}).
     */
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("image-captioning", "image-to-text"), Map.entry("captioning", "image-to-text"), Map.entry("ocr", "image-to-text"),
            Map.entry("optical-character-recognition", "image-to-text"), Map.entry("image-description", "image-to-text"),
            Map.entry("speech-recognition", "automatic-speech-recognition"), Map.entry("asr", "automatic-speech-recognition"),
            Map.entry("speech-to-text", "automatic-speech-recognition"), Map.entry("transcription", "automatic-speech-recognition"),
            Map.entry("tts", "text-to-speech"), Map.entry("speech-synthesis", "text-to-speech"),
            Map.entry("named-entity-recognition", "token-classification"), Map.entry("ner", "token-classification"),
            Map.entry("part-of-speech-tagging", "token-classification"),
            Map.entry("sentiment-analysis", "text-classification"), Map.entry("language-detection", "text-classification"),
            Map.entry("language-identification", "text-classification"),
            Map.entry("image-generation", "text-to-image"), Map.entry("video-generation", "text-to-video"),
            Map.entry("object-recognition", "object-detection"), Map.entry("vqa", "visual-question-answering"),
            Map.entry("document-qa", "document-question-answering"), Map.entry("text-summarization", "summarization"),
            Map.entry("machine-translation", "translation"), Map.entry("chat", "conversational"),
            Map.entry("chatbot", "conversational"), Map.entry("dialogue", "conversational"),
            Map.entry("background-removal", "image-segmentation"), Map.entry("noise-reduction", "audio-to-audio"),
            Map.entry("speech-enhancement", "audio-to-audio"), Map.entry("style-transfer", "image-to-image"),
            Map.entry("super-resolution", "image-to-image"), Map.entry("image-upscaling", "image-to-image"),
            Map.entry("text-to-text-generation", "text2text-generation"), Map.entry("pose-estimation", "openpose-control"),
            Map.entry("pose-detection", "openpose-control"), Map.entry("edge-detection", "canny-control"),
            Map.entry("zero-shot-text-classification", "zero-shot-classification"), Map.entry("text-summarizer", "summarization"),
            Map.entry("text-translator", "translation"), Map.entry("text-to-audio", "text-to-speech"),
            Map.entry("audio-to-text", "automatic-speech-recognition"), Map.entry("text-sentiment-analysis", "text-classification"),
            Map.entry("audio-noise-reduction", "audio-to-audio"), Map.entry("image-captioner", "image-to-text"));

    public static Optional<TaskType> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String normalized = normalize(name);
        return Optional.ofNullable(TYPES.getOrDefault(normalized, TYPES.get(SYNONYMS.getOrDefault(normalized, ""))));
    }

    /** The vocabulary's name for a task type or one of its other names; else the name normalized. */
    public static String canonical(String name) {
        return find(name).map(TaskType::name).orElseGet(() -> normalize(name));
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
