package dev.hugginggpt.executor.local;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfRect;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.CascadeClassifier;

/**
 * object-detection of faces only: OpenCV's Viola-Jones Haar cascade for frontal faces. Answers the boxes and a copy
 * of the image with the boxes drawn. The score is the cascade's last-stage weight, a confidence but not a probability.
 */
final class OpenCvFaceDetection implements OpenCvModel {
    private static final String CASCADE = "haarcascades/haarcascade_frontalface_default.xml";
    private final ResourceStore store;
    private final MediaLimits limits;
    private final ThreadLocal<CascadeClassifier> cascade = new ThreadLocal<>();

    OpenCvFaceDetection(ResourceStore store, MediaLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    @Override
    public ModelCard card() {
        return new ModelCard("local/opencv-haar-frontalface", "object-detection", "local", 0, 0,
                DESCRIPTION, "Apache-2.0 (OpenCV), cascade: Intel licence (BSD-like)");
    }

    static final String DESCRIPTION = "OpenCV Haar cascade face detector (Viola-Jones): finds frontal human faces in an"
            + " image, picture or photo and draws boxes around them; it detects faces only, nothing else";

    @Override
    public void load() throws ModelException {
        classifier();
    }

    @Override
    public TaskOutput run(Map<String, String> args, Duration timeLeft) throws ModelException {
        Mat image = OpenCv.read(Inputs.image(args, "image", store, limits));
        Mat gray = new Mat();
        Imgproc.cvtColor(image, gray, Imgproc.COLOR_BGR2GRAY);
        Imgproc.equalizeHist(gray, gray);
        MatOfRect found = new MatOfRect();
        MatOfInt levels = new MatOfInt();
        MatOfDouble weights = new MatOfDouble();
        int minSide = Math.max(24, Math.min(image.cols(), image.rows()) / 20);
        classifier().detectMultiScale3(gray, found, levels, weights, 1.1, 5, 0, new Size(minSide, minSide), new Size(), true);
        Rect[] boxes = found.toArray();
        double[] scores = weights.empty() ? new double[boxes.length] : weights.toArray();
        List<Map<String, Object>> detections = new ArrayList<>();
        int thickness = Math.max(2, Math.min(image.cols(), image.rows()) / 200);
        for (int i = 0; i < boxes.length; i++) {
            Rect r = boxes[i];
            detections.add(Map.of("label", "face", "score", Math.round(scores[i] * 1000) / 1000.0,
                    "box", Map.of("xmin", r.x, "ymin", r.y, "xmax", r.x + r.width, "ymax", r.y + r.height)));
            Imgproc.rectangle(image, r.tl(), r.br(), new Scalar(0, 0, 255), thickness);
            Imgproc.putText(image, "face", new Point(r.x, Math.max(12, r.y - 6)), Imgproc.FONT_HERSHEY_SIMPLEX,
                    0.6, new Scalar(0, 0, 255), 2);
        }
        ResourceRef boxed = OpenCv.savePng(store, image, "faces.png");
        String text = boxes.length == 0 ? "no face found"
                : boxes.length + (boxes.length == 1 ? " face" : " faces") + " found";
        return new TaskOutput(text, List.of(boxed), Map.of("detections", detections));
    }

    private CascadeClassifier classifier() throws ModelException {
        CascadeClassifier classifier = cascade.get();
        if (classifier == null) {
            OpenCv.load();
            classifier = new CascadeClassifier(OpenCv.dataFile(CASCADE).toString());
            if (classifier.empty()) {
                throw new ModelException("OpenCV could not read the face cascade " + CASCADE);
            }
            cascade.set(classifier);
        }
        return classifier;
    }
}
