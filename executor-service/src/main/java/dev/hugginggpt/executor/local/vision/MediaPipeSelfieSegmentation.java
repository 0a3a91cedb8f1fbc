package dev.hugginggpt.executor.local.vision;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.model.Inputs;
import dev.hugginggpt.executor.local.model.MediaLimits;
import dev.hugginggpt.executor.local.model.MediaModel;
import dev.hugginggpt.executor.local.runtime.LazyNetwork;
import dev.hugginggpt.executor.local.runtime.OpenCv;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * image-segmentation of people only: MediaPipe's selfie segmentation (general model, 256 x 256 RGB in 0..1, the whole
 * image stretched to it, from the npm package @mediapipe/selfie_segmentation) in the JVM. Its per-pixel person
 * probability is scaled back to the image and cut at 0.5: a mask PNG (white person, black background) and a cut-out
 * PNG of the person on a transparent background.
 */
public final class MediaPipeSelfieSegmentation extends MediaModel {
    public static final String RESOURCE = "models/mediapipe/selfie_segmentation.tflite";
    private static final int SIDE = 256;
    private final LazyNetwork network = new LazyNetwork(RESOURCE);

    public MediaPipeSelfieSegmentation(ResourceStore store, MediaLimits limits) {
        super(store, limits, "local/mediapipe-selfie-segmentation", "image-segmentation",
                "MediaPipe selfie segmentation (TensorFlow Lite in the JVM): separates people from the background and"
                        + " nothing else (one class: person); answers a mask PNG (white person, black background) and a"
                        + " cut-out PNG with a transparent background. Made for selfies and video calls; on a picture"
                        + " without a person it tends to mark the main foreground object (a pet, a cup) as person",
                "Apache-2.0 (MediaPipe model)");
    }

    @Override
    public boolean available() {
        return OpenCv.available() && network.available();
    }

    @Override
    public void load() throws ModelException {
        OpenCv.load();
        network.get();
    }

    @Override
    public TaskOutput run(Map<String, String> args, Duration timeLeft) throws ModelException {
        Mat image = OpenCv.read(Inputs.image(args, "image", store, limits));
        Mat rgb = new Mat();
        Imgproc.cvtColor(image, rgb, Imgproc.COLOR_BGR2RGB);
        Imgproc.resize(rgb, rgb, new Size(SIDE, SIDE), 0, 0, Imgproc.INTER_AREA);
        Mat input = new Mat();
        rgb.convertTo(input, CvType.CV_32FC3, 1 / 255.0);
        float[] pixels = new float[SIDE * SIDE * 3];
        input.get(0, 0, pixels);
        float[] probabilities = network.get().run(pixels, 1, SIDE, SIDE, 3)[0];

        Mat small = new Mat(SIDE, SIDE, CvType.CV_32F);
        small.put(0, 0, probabilities);
        Mat probability = new Mat();
        Imgproc.resize(small, probability, image.size(), 0, 0, Imgproc.INTER_LINEAR);
        Mat mask = new Mat();
        Imgproc.threshold(probability, mask, 0.5, 255, Imgproc.THRESH_BINARY);
        mask.convertTo(mask, CvType.CV_8U);
        double fraction = (double) Core.countNonZero(mask) / (image.rows() * (double) image.cols());

        Mat maskImage = new Mat();
        Imgproc.cvtColor(mask, maskImage, Imgproc.COLOR_GRAY2BGR);
        Mat cutOut = new Mat();
        Imgproc.cvtColor(image, cutOut, Imgproc.COLOR_BGR2BGRA);
        List<Mat> channels = new ArrayList<>();
        Core.split(cutOut, channels);
        channels.set(3, mask);
        Core.merge(channels, cutOut);
        ResourceRef maskRef = OpenCv.savePng(store, maskImage, "person-mask.png");
        ResourceRef cutOutRef = OpenCv.savePng(store, cutOut, "person-cutout.png");
        long percent = Math.round(fraction * 100);
        String text = Core.countNonZero(mask) == 0 ? "no person found"
                : "person covers " + (percent == 0 ? "under 1" : String.valueOf(percent)) + "% of the image";
        return new TaskOutput(text, List.of(maskRef, cutOutRef), Map.of("label", "person",
                "personFraction", Math.round(fraction * 10000) / 10000.0, "width", image.cols(), "height", image.rows()));
    }
}
