package dev.hugginggpt.executor.local.pose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The pose detector's anchors, as MediaPipe lays them out. */
class PoseDetectorTest {
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
}
