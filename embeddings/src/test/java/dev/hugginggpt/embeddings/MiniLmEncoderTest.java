package dev.hugginggpt.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MiniLmEncoderTest {
    private static final MiniLmEncoder ENCODER = new MiniLmEncoder();

    private static float[] embed(String text) {
        return ENCODER.embed(text).content().vector();
    }

    @Test
    void embedsASentenceIn384Numbers() {
        assertEquals(MiniLmEncoder.DIMENSIONS, embed("Transcribe the recording.").length);
        assertEquals(384, ENCODER.dimension());
    }

    @Test
    void aParaphraseIsNearerThanAnotherRequest() {
        float[] request = embed("Write down what is said in this audio file.");
        double paraphrase = MiniLmEncoder.cosine(request, embed("Transcribe the speech in the recording."));
        double other = MiniLmEncoder.cosine(request, embed("Draw a red bicycle leaning on a wall."));
        assertTrue(paraphrase > other + 0.2, "paraphrase " + paraphrase + ", other request " + other);
    }

    @Test
    void theSameTextIsTheSamePoint() {
        float[] a = embed("Hello there");
        assertEquals(1.0, MiniLmEncoder.cosine(a, embed("Hello there")), 1e-6);
        assertEquals(1.0, MiniLmEncoder.cosine(a, a), 1e-6);
    }
}
