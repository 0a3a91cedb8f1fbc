package dev.hugginggpt.planner.conversation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.planner.catalog.ServedTaskTypes;
import dev.hugginggpt.protocol.ExecutorHeartbeat;
import dev.hugginggpt.protocol.ModelCard;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The direct answer says what the live executors serve, with their models, and offers only examples that can run. */
class CapabilitiesTest {
    private static ModelCard card(String id, String task, String backend) {
        return new ModelCard(id, task, backend, 0, 0, "", "");
    }

    @Test
    void theAnswerNamesTheServedTasksAndModelsAndExamplesThatRunHere() {
        ServedTaskTypes served = new ServedTaskTypes();
        served.onHeartbeat(new ExecutorHeartbeat("e1", List.of(card("local/espeak-ng", "text-to-speech", "local"),
                card("local/opennlp-langdetect", "text-classification", "local"), card("gpt-4o-mini", "summarization", "openai")),
                List.of("openai"), Instant.now(), false));
        String reply = new Capabilities(served).reply("Hello, who are you?", Instant.now());

        assertTrue(reply.startsWith("Hello!"), reply);
        assertTrue(reply.contains("- text-to-speech: local/espeak-ng (local)"), reply);
        assertTrue(reply.contains("- summarization: gpt-4o-mini (remote, openai)"), reply);
        assertTrue(reply.contains("Read 'Bonjour tout le monde' aloud"), "its tasks are served: " + reply);
        assertTrue(reply.contains("Summarize this document"), reply);
        assertFalse(reply.contains("Transcribe this recording"), "no speech recognition is served: " + reply);
        assertFalse(reply.contains("image-to-text"), reply);
    }

    @Test
    void aQuestionAboutTheSystemIsAnsweredBeforeTheListOfWhatRunsHere() {
        Capabilities capabilities = new Capabilities(new ServedTaskTypes());
        assertTrue(capabilities.reply("is my data stored anywhere after i upload it?", Instant.now())
                .startsWith("Files you upload and the files your requests produce are kept"));
        assertTrue(capabilities.reply("can you remember what we talked about yesterday?", Instant.now())
                .startsWith("I keep no conversation on the server"));
        assertTrue(capabilities.reply("Is there a size limit on uploads? My video is around 2 GB.", Instant.now())
                .contains("50 MiB by default"));
        assertTrue(capabilities.reply("how do you decide which model to use for my request?", Instant.now())
                .startsWith("For each task I take the models"));
        assertTrue(capabilities.reply("Hello, who are you?", Instant.now()).startsWith("Hello!"));
        assertTrue(capabilities.reply("what does 'text2text generation' even mean? just curious, don't run anything", Instant.now())
                .startsWith("text2text-generation: "));
        assertTrue(capabilities.reply("ok nevermind, i'll sort it out myself later. bye!", Instant.now()).startsWith("Goodbye"));
    }

    @Test
    void withoutAnyExecutorTheAnswerSaysNothingCanRunYet() {
        String reply = new Capabilities(new ServedTaskTypes()).reply("The weather is nice.", Instant.now());
        assertTrue(reply.startsWith("I found no AI task in your request"), reply);
        assertTrue(reply.contains("No executor has announced its models yet"), reply);
    }
}
