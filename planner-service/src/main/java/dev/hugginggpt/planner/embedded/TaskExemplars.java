package dev.hugginggpt.planner.embedded;

import java.util.List;
import java.util.Map;

/**
 * How people ask for each task type, a few phrasings each: the embedding index compares a clause no
 * rule recognises with these and with the task descriptions of the vocabulary.
 */
final class TaskExemplars {
    static final Map<String, List<String>> BY_TASK = Map.ofEntries(
            Map.entry("token-classification", List.of("find the names of people, places and dates in this text",
                    "tag each word with its part of speech", "break the sentence into its grammatical parts")),
            Map.entry("translation", List.of("put this text into another language", "how do you say this in German",
                    "render the message in my friend's language")),
            Map.entry("summarization", List.of("give me the short version of this long text",
                    "what are the main points of the article", "cut this down to a few lines")),
            Map.entry("question-answering", List.of("answer my question using the passage",
                    "look up the answer in the text", "according to the text, who did it")),
            Map.entry("conversational", List.of("chat with me about this topic", "give me some advice on this",
                    "keep the conversation going and reply to me", "tell me more about the subject")),
            Map.entry("text-generation", List.of("write a story about this", "continue the paragraph",
                    "come up with some ideas from this prompt", "produce a few sentences on the theme")),
            Map.entry("text-classification", List.of("is this review positive or negative",
                    "which language is this sentence in", "what is the sentiment of the comment")),
            Map.entry("sentence-similarity", List.of("how alike are these two sentences",
                    "check whether the two texts say the same thing", "score how close the meaning of both phrases is")),
            Map.entry("tabular-classification", List.of("classify the table in this picture",
                    "what kind of data does the table show", "categorize the rows of the spreadsheet image")),
            Map.entry("object-detection", List.of("find all the objects in the photo and box them",
                    "which things appear in this picture", "locate the people and cars in the image")),
            Map.entry("image-classification", List.of("what is this a picture of", "which category does the photo belong to",
                    "tell me what kind of animal this is")),
            Map.entry("image-to-image", List.of("make my photo look like a painting", "give the picture a different style",
                    "improve the sharpness of the image")),
            Map.entry("image-to-text", List.of("describe what the photo shows", "write a caption for the picture",
                    "read the words printed in the image")),
            Map.entry("text-to-image", List.of("draw a picture of this scene", "make an illustration from my description",
                    "show me what this would look like")),
            Map.entry("text-to-video", List.of("make a short clip from this script", "turn the story into moving pictures")),
            Map.entry("visual-question-answering", List.of("look at the photo and tell me what colour the car is",
                    "how many people are standing in the picture", "what is the person in the image holding")),
            Map.entry("document-question-answering", List.of("find the total on this scanned invoice",
                    "what date is written on the form", "answer from the document page")),
            Map.entry("image-segmentation", List.of("split the picture into regions", "cut out each object from the photo",
                    "label every pixel of the image")),
            Map.entry("depth-estimation", List.of("how far away is each thing in the photo", "make a depth map of the scene")),
            Map.entry("text-to-speech", List.of("say this out loud", "turn the text into an audio file", "I want to hear it")),
            Map.entry("automatic-speech-recognition", List.of("write down the words of the recording",
                    "what does the speaker say in the audio", "turn the voice message into text")),
            Map.entry("audio-to-audio", List.of("clean up the noisy recording", "separate the singer from the music",
                    "make the audio clearer")),
            Map.entry("audio-classification", List.of("what kind of sound is this", "which emotion does the speaker's voice show",
                    "classify the audio clip")),
            Map.entry("image-editing", List.of("change the colour of the car in my photo", "put a hat on the dog in the picture",
                    "remove the person from the background of the image")));

    /** The exemplar bank: steps of plans, each with its task type (task-exemplars.tsv, see bench/task-exemplars.py). */
    static final String BANK = "task-exemplars.tsv";

    private TaskExemplars() {
    }

    /** The bank's (task, phrase) pairs; none when the file is missing. */
    static List<Map.Entry<String, String>> bank() {
        try (java.io.InputStream in = TaskExemplars.class.getClassLoader().getResourceAsStream(BANK)) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(line -> line.split("\t", 2))
                    .filter(parts -> parts.length == 2 && dev.hugginggpt.protocol.TaskVocabulary.isKnown(parts[0]))
                    .map(parts -> Map.entry(parts[0], parts[1]))
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the exemplar bank " + BANK + " could not be read", e);
        }
    }
}
