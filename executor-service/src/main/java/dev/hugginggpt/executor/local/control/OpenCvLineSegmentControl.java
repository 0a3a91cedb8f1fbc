package dev.hugginggpt.executor.local.control;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.model.Inputs;
import dev.hugginggpt.executor.local.model.MediaLimits;
import dev.hugginggpt.executor.local.model.MediaModel;
import dev.hugginggpt.executor.local.model.OpenCvModel;
import dev.hugginggpt.executor.local.runtime.OpenCv;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.time.Duration;
import java.util.Map;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * mlsd-control with a classical detector: OpenCV's LSD line segment detector (von Gioi et al.) draws the straight
 * lines of an image white on black, the kind of map ControlNet's mlsd model is conditioned on. It is not the M-LSD
 * network, so it also keeps short segments of texture that M-LSD would drop; 'min_length' (pixels) filters them.
 */
public final class OpenCvLineSegmentControl extends MediaModel implements OpenCvModel {
    public OpenCvLineSegmentControl(ResourceStore store, MediaLimits limits) {
        super(store, limits, "local/opencv-lsd-lines", "mlsd-control",
                "OpenCV line segment detector (LSD, classical, not the M-LSD network): draws the straight lines of an"
                        + " image white on black, a control image for mlsd-text-to-image; 'min_length' drops short segments",
                "Apache-2.0");
    }

    @Override
    public TaskOutput run(Map<String, String> args, Duration timeLeft) throws ModelException {
        Mat image = OpenCv.read(Inputs.image(args, "image", store, limits));
        double minLength = Inputs.number(args, "min_length", Math.max(image.cols(), image.rows()) / 40.0);
        Mat gray = new Mat();
        Imgproc.cvtColor(image, gray, Imgproc.COLOR_BGR2GRAY);
        Mat lines = new Mat();
        Imgproc.createLineSegmentDetector().detect(gray, lines);
        Mat control = Mat.zeros(image.size(), CvType.CV_8UC3);
        int kept = 0;
        for (int i = 0; i < lines.rows(); i++) {
            double[] l = lines.get(i, 0);
            if (Math.hypot(l[2] - l[0], l[3] - l[1]) >= minLength) {
                Imgproc.line(control, new Point(l[0], l[1]), new Point(l[2], l[3]), new Scalar(255, 255, 255), 2);
                kept++;
            }
        }
        ResourceRef ref = OpenCv.savePng(store, control, "lines.png");
        return TaskOutput.file(ref, Map.of("segments", kept, "detected", lines.rows(), "minLength", minLength));
    }
}
