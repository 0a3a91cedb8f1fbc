package dev.hugginggpt.executor.local;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The MediaPipe model files the build puts in the jar, the custom-op rewrite, and the detector's anchors. */
class MediaPipeModelFilesTest {
    @Test
    void theBuildShipsTheThreeModelsAndTheDetectorIsAWholeTfLiteFile() throws IOException {
        byte[] detector = resource(PoseDetector.RESOURCE);
        assertEquals(2962288, detector.length);
        assertEquals("TFL3", new String(detector, 4, 4, US_ASCII));
        assertTrue(resource(PoseLandmarker.RESOURCE).length > 1_000_000);
        assertTrue(resource(MediaPipeSelfieSegmentation.RESOURCE).length > 100_000);
    }

    @Test
    void rewriteTurnsTheCustomTransposedConvolutionIntoTheBuiltinAndKeepsTheOriginalBytes() throws Exception {
        byte[] original = resource(MediaPipeSelfieSegmentation.RESOURCE);
        assertTrue(TransposeConvBiasRewrite.needed(original));

        byte[] rewritten = TransposeConvBiasRewrite.rewrite(original);

        assertFalse(TransposeConvBiasRewrite.needed(rewritten));
        FlatTable before = FlatTable.root(original);
        FlatTable after = FlatTable.root(rewritten);
        assertEquals("TFL3", new String(rewritten, 4, 4, US_ASCII));
        assertEquals(before.vectorLength(4) + 1, after.vectorLength(4), "one buffer more: the output shape");
        FlatTable graphBefore = before.tableAt(2, 0);
        FlatTable graphAfter = after.tableAt(2, 0);
        assertEquals(graphBefore.vectorLength(0) + 1, graphAfter.vectorLength(0), "one tensor more");
        assertEquals(graphBefore.vectorLength(3), graphAfter.vectorLength(3), "as many operators");
        int transposeConvs = 0;
        for (int k = 0; k < graphAfter.vectorLength(3); k++) {
            FlatTable op = graphAfter.tableAt(3, k);
            FlatTable code = after.tableAt(1, op.intField(0, 0));
            if (code.intField(3, 0) == 67) {
                transposeConvs++;
                int[] inputs = op.ints(1);
                assertEquals(4, inputs.length, "output shape, weights, input, bias");
                FlatTable shape = graphAfter.tableAt(0, inputs[0]);
                assertArrayEquals(new int[] {4}, shape.ints(0));
                int[] outputShape = graphAfter.tableAt(0, op.ints(2)[0]).ints(0);
                FlatTable data = after.tableAt(4, shape.intField(2, 0));
                ByteBuffer bytes = ByteBuffer.wrap(data.bytes(0)).order(ByteOrder.LITTLE_ENDIAN);
                for (int d : outputShape) {
                    assertEquals(d, bytes.getInt());
                }
                assertEquals(49, op.byteField(3, 0), "TransposeConvOptions");
                assertEquals(2, op.table(4).intField(1, 0), "stride width");
            }
        }
        assertEquals(1, transposeConvs);
        // the original is untouched at the end, 16-byte aligned
        int start = rewritten.length - ((original.length + 15) / 16 * 16);
        assertEquals(0, start % 16);
        assertArrayEquals(original, Arrays.copyOfRange(rewritten, start, start + original.length));
    }

    @Test
    void modelsWithoutTheCustomOpAreLeftAsTheyAre() throws Exception {
        byte[] landmarks = resource(PoseLandmarker.RESOURCE);

        assertSame(landmarks, TransposeConvBiasRewrite.rewrite(landmarks));
    }

    @Test
    void detectorAnchorsAreMediaPipesTwoThousandTwoHundredFiftyFour() {
        double[][] anchors = PoseDetector.anchors();

        assertEquals(2254, anchors.length);
        assertArrayEquals(new double[] {0.5 / 28, 0.5 / 28}, anchors[0], 1e-9);
        assertArrayEquals(new double[] {0.5 / 28, 0.5 / 28}, anchors[1], 1e-9);
        assertArrayEquals(new double[] {1.5 / 28, 0.5 / 28}, anchors[2], 1e-9);
        assertArrayEquals(new double[] {0.5 / 14, 0.5 / 14}, anchors[28 * 28 * 2], 1e-9);
        assertArrayEquals(new double[] {6.5 / 7, 6.5 / 7}, anchors[2253], 1e-9);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = MediaPipeModelFilesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertTrue(in != null, name + " is not on the classpath: the build's npm-models step did not run");
            return in.readAllBytes();
        }
    }
}
