package dev.hugginggpt.executor.local.pose;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.runtime.TfLiteNetwork;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opencv.core.Mat;

/**
 * Stage one of BlazePose: MediaPipe's person detector (pose_detection.tflite), an SSD over the whole image
 * letterboxed to 224 x 224 (RGB in -1..1). Its 2254 anchors, box decoding, score threshold and weighted non-maximum
 * suppression follow the options of MediaPipe's pose_detection graph.
 */
public final class PoseDetector {
    public static final String RESOURCE = "models/mediapipe/pose_detection.tflite";
    private static final int SIDE = 224;
    private static final int[] STRIDES = {8, 16, 32, 32, 32};
    private static final int COORDS = 12;
    private static final int KEYPOINTS = 4;
    private static final double MIN_SCORE = 0.5;
    private static final double MIN_SUPPRESSION_IOU = 0.3;
    private static final double[][] ANCHORS = anchors();
    private final TfLiteNetwork network;

    PoseDetector(TfLiteNetwork network) {
        this.network = network;
    }

    /** People found, best first, in image pixels. */
    List<PersonDetection> detect(Mat rgb) throws ModelException {
        SquareRoi whole = SquareRoi.around(rgb);
        float[][] out = network.run(whole.tensor(rgb, SIDE, -1f, 1f, false), 1, SIDE, SIDE, 3);
        float[] boxes = out[0].length == ANCHORS.length * COORDS ? out[0] : out[1];
        float[] scores = out[0].length == ANCHORS.length * COORDS ? out[1] : out[0];
        List<Candidate> candidates = new ArrayList<>();
        for (int a = 0; a < ANCHORS.length; a++) {
            double score = sigmoid(Math.max(-100, Math.min(100, scores[a])));
            if (score >= MIN_SCORE) {
                candidates.add(decode(boxes, a, score));
            }
        }
        List<PersonDetection> people = new ArrayList<>();
        for (Candidate c : weightedNonMaxSuppression(candidates)) {
            double[] topLeft = whole.toImage(c.values[0], c.values[1]);
            double[] bottomRight = whole.toImage(c.values[2], c.values[3]);
            double[][] keypoints = new double[KEYPOINTS][];
            for (int k = 0; k < KEYPOINTS; k++) {
                keypoints[k] = whole.toImage(c.values[4 + 2 * k], c.values[5 + 2 * k]);
            }
            people.add(new PersonDetection(c.score, topLeft[0], topLeft[1], bottomRight[0], bottomRight[1], keypoints));
        }
        return people;
    }

    /** Box as xmin, ymin, xmax, ymax, then the keypoints' x, y; all 0..1 of the 224 x 224 input. */
    private static Candidate decode(float[] raw, int anchor, double score) {
        int at = anchor * COORDS;
        double ax = ANCHORS[anchor][0];
        double ay = ANCHORS[anchor][1];
        double cx = raw[at] / SIDE + ax;
        double cy = raw[at + 1] / SIDE + ay;
        double w = raw[at + 2] / SIDE;
        double h = raw[at + 3] / SIDE;
        double[] values = new double[4 + 2 * KEYPOINTS];
        values[0] = cx - w / 2;
        values[1] = cy - h / 2;
        values[2] = cx + w / 2;
        values[3] = cy + h / 2;
        for (int k = 0; k < KEYPOINTS; k++) {
            values[4 + 2 * k] = raw[at + 4 + 2 * k] / SIDE + ax;
            values[5 + 2 * k] = raw[at + 5 + 2 * k] / SIDE + ay;
        }
        return new Candidate(score, values);
    }

    /** Each kept detection is the score-weighted mean of the candidates overlapping the best remaining one. */
    private static List<Candidate> weightedNonMaxSuppression(List<Candidate> candidates) {
        List<Candidate> remaining = new ArrayList<>(candidates);
        remaining.sort(Comparator.comparingDouble(Candidate::score).reversed());
        List<Candidate> kept = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Candidate best = remaining.get(0);
            List<Candidate> cluster = remaining.stream().filter(c -> iou(best.values, c.values) > MIN_SUPPRESSION_IOU)
                    .toList();
            double[] mean = new double[best.values.length];
            double total = 0;
            for (Candidate c : cluster) {
                total += c.score;
                for (int k = 0; k < mean.length; k++) {
                    mean[k] += c.score * c.values[k];
                }
            }
            for (int k = 0; k < mean.length; k++) {
                mean[k] /= total;
            }
            kept.add(new Candidate(best.score, mean));
            remaining.removeAll(cluster);
        }
        return kept;
    }

    private static double iou(double[] a, double[] b) {
        double w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
        double h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double intersection = w * h;
        double union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - intersection;
        return union <= 0 ? 0 : intersection / union;
    }

    /**
     * SSD anchor centres for pose_detection's options: strides 8, 16, 32, 32, 32 on 224 x 224, fixed anchor size,
     * aspect ratio 1 plus the interpolated scale, so two anchors per cell and layer; layers of equal stride share
     * their cells. 28x28x2 + 14x14x2 + 7x7x6 = 2254.
     */
    static double[][] anchors() {
        List<double[]> anchors = new ArrayList<>();
        int layer = 0;
        while (layer < STRIDES.length) {
            int last = layer;
            int perCell = 0;
            while (last < STRIDES.length && STRIDES[last] == STRIDES[layer]) {
                perCell += 2;
                last++;
            }
            int cells = (int) Math.ceil((double) SIDE / STRIDES[layer]);
            for (int y = 0; y < cells; y++) {
                for (int x = 0; x < cells; x++) {
                    for (int a = 0; a < perCell; a++) {
                        anchors.add(new double[] {(x + 0.5) / cells, (y + 0.5) / cells});
                    }
                }
            }
            layer = last;
        }
        return anchors.toArray(double[][]::new);
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private record Candidate(double score, double[] values) {
    }
}
