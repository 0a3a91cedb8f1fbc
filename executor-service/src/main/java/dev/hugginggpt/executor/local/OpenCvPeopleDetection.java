package dev.hugginggpt.executor.local;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.MatOfRect;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.HOGDescriptor;

/**
 * object-detection of people only: OpenCV's pedestrian detector, histograms of oriented gradients in a 64x128 window
 * scored by a linear SVM (Dalal and Triggs, trained on the INRIA person set of upright pedestrians). The window slides
 * over an image pyramid; every window scoring above 0 is kept, then non-maximum suppression keeps the best-scoring of
 * overlapping windows, and those scoring at least {@code threshold} (default 1.0) are the answer. The score is the SVM
 * margin, a confidence but not a probability. A box is the detector window, so it includes a margin around the body.
 * People shorter than about 100 pixels, seated, bending or cut off by the frame are mostly missed.
 */
final class OpenCvPeopleDetection implements OpenCvModel {
    static final double DEFAULT_THRESHOLD = 1.0;
    /** Larger images are scaled down to this longest side first: HOG's cost grows with the pixel count. */
    private static final int MAX_SIDE = 1280;
    private static final double PYRAMID_SCALE = 1.05;
    private final ResourceStore store;
    private final MediaLimits limits;
    private final ThreadLocal<HOGDescriptor> detector = new ThreadLocal<>();

    OpenCvPeopleDetection(ResourceStore store, MediaLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    @Override
    public ModelCard card() {
        return new ModelCard("local/opencv-hog-people", "object-detection", "local", 0, 0,
                "OpenCV HOG people detector (Dalal-Triggs histograms of oriented gradients with a linear SVM, trained"
                        + " on pedestrians): finds persons standing or walking upright with the whole body in view in an"
                        + " image, picture or photo, at least about 100 pixels tall, and draws boxes around them; misses"
                        + " seated, bending or partly hidden people and detects nothing else; 'threshold' is the minimum"
                        + " SVM score, default 1.0",
                "Apache-2.0 (OpenCV)");
    }

    @Override
    public void load() {
        hog();
    }

    @Override
    public TaskOutput run(Map<String, String> args, Duration timeLeft) throws ModelException {
        Mat image = OpenCv.read(Inputs.image(args, "image", store, limits));
        double threshold = Inputs.number(args, "threshold", DEFAULT_THRESHOLD);
        double scale = Math.min(1.0, MAX_SIDE / (double) Math.max(image.cols(), image.rows()));
        Mat searched = image;
        if (scale < 1.0) {
            searched = new Mat();
            Imgproc.resize(image, searched, new Size(), scale, scale, Imgproc.INTER_AREA);
        }
        List<Detection> kept = List.of();
        if (searched.cols() >= 64 && searched.rows() >= 128) {
            MatOfRect found = new MatOfRect();
            MatOfDouble weights = new MatOfDouble();
            // group threshold 0: every window above the hit threshold, grouped below by our own suppression
            hog().detectMultiScale(searched, found, weights, 0, new Size(8, 8), new Size(16, 16), PYRAMID_SCALE, 0, false);
            Rect[] windows = found.toArray();
            double[] scores = weights.empty() ? new double[windows.length] : weights.toArray();
            List<Detection> all = new ArrayList<>();
            for (int i = 0; i < windows.length; i++) {
                all.add(new Detection(windows[i], scores[i]));
            }
            kept = suppress(all).stream().filter(d -> d.score() >= threshold).toList();
        }
        List<Map<String, Object>> detections = new ArrayList<>();
        int thickness = Math.max(2, Math.min(image.cols(), image.rows()) / 200);
        for (Detection d : kept) {
            Rect r = d.box();
            int xmin = clamp((int) Math.round(r.x / scale), image.cols());
            int ymin = clamp((int) Math.round(r.y / scale), image.rows());
            int xmax = clamp((int) Math.round((r.x + r.width) / scale), image.cols());
            int ymax = clamp((int) Math.round((r.y + r.height) / scale), image.rows());
            detections.add(Map.of("label", "person", "score", Math.round(d.score() * 1000) / 1000.0,
                    "box", Map.of("xmin", xmin, "ymin", ymin, "xmax", xmax, "ymax", ymax)));
            Imgproc.rectangle(image, new Point(xmin, ymin), new Point(xmax - 1, ymax - 1), new Scalar(0, 0, 255), thickness);
            Imgproc.putText(image, "person", new Point(xmin + 2, Math.max(14, ymin - 6)), Imgproc.FONT_HERSHEY_SIMPLEX,
                    0.6, new Scalar(0, 0, 255), 2);
        }
        ResourceRef boxed = OpenCv.savePng(store, image, "people.png");
        String text = kept.isEmpty() ? "no person found"
                : kept.size() + (kept.size() == 1 ? " person" : " people") + " found";
        return new TaskOutput(text, List.of(boxed), Map.of("detections", detections, "threshold", threshold));
    }

    /**
     * Greedy non-maximum suppression: best score first; a window is dropped when it overlaps a kept one by more than
     * 30% intersection over union, or lies mostly (70%) inside it: the detector also fires on a torso-sized window
     * inside the window of the whole person.
     */
    static List<Detection> suppress(List<Detection> windows) {
        List<Detection> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection candidate : sorted) {
            boolean overlaps = false;
            for (Detection k : kept) {
                double inter = intersection(candidate.box(), k.box());
                double smaller = Math.min(candidate.box().area(), k.box().area());
                double union = candidate.box().area() + k.box().area() - inter;
                if (inter / union > 0.3 || inter / smaller > 0.7) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(candidate);
            }
        }
        return kept;
    }

    private static double intersection(Rect a, Rect b) {
        int w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
        int h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
        return w <= 0 || h <= 0 ? 0 : (double) w * h;
    }

    private static int clamp(int value, int limit) {
        return Math.max(0, Math.min(limit, value));
    }

    private HOGDescriptor hog() {
        HOGDescriptor hog = detector.get();
        if (hog == null) {
            OpenCv.load();
            hog = new HOGDescriptor();
            hog.setSVMDetector(HOGDescriptor.getDefaultPeopleDetector());
            detector.set(hog);
        }
        return hog;
    }

    record Detection(Rect box, double score) {
    }
}
