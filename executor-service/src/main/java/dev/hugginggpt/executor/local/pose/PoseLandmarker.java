package dev.hugginggpt.executor.local.pose;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.runtime.TfLiteNetwork;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;

/**
 * Stage two of BlazePose: MediaPipe's landmark network (pose_landmark_full.tflite) on the detector's rotated square
 * region, resampled to 256 x 256 (RGB in 0..1). Of its 39 landmarks (x, y, z, visibility, presence, in input pixels)
 * the first 33 are the body's; the last six only help MediaPipe's video tracking and are dropped.
 */
public final class PoseLandmarker {
    public static final String RESOURCE = "models/mediapipe/pose_landmark_full.tflite";
    private static final int SIDE = 256;
    private static final int VALUES = 5;
    private static final int ALL_LANDMARKS = 39;
    private final TfLiteNetwork network;

    PoseLandmarker(TfLiteNetwork network) {
        this.network = network;
    }

    /** The 33 landmarks in image pixels, and the network's probability that a person is in the region. */
    Landmarks landmarks(Mat rgb, SquareRoi roi) throws ModelException {
        float[][] out = network.run(roi.tensor(rgb, SIDE, 0f, 1f, true), 1, SIDE, SIDE, 3);
        float[] raw = null;
        float poseScore = 0;
        for (float[] tensor : out) {
            if (tensor.length == ALL_LANDMARKS * VALUES) {
                raw = tensor;
            } else if (tensor.length == 1) {
                poseScore = tensor[0];
            }
        }
        if (raw == null) {
            throw new ModelException("the pose landmark network gave no landmark tensor");
        }
        List<PoseLandmark> landmarks = new ArrayList<>();
        for (int i = 0; i < PoseLandmark.NAMES.size(); i++) {
            int at = i * VALUES;
            double[] xy = roi.toImage(raw[at] / SIDE, raw[at + 1] / SIDE);
            double z = raw[at + 2] / SIDE * roi.size();
            landmarks.add(new PoseLandmark(PoseLandmark.NAMES.get(i), xy[0], xy[1], z,
                    PoseDetector.sigmoid(raw[at + 3]), PoseDetector.sigmoid(raw[at + 4])));
        }
        return new Landmarks(landmarks, poseScore);
    }

    record Landmarks(List<PoseLandmark> points, double poseScore) {
    }
}
