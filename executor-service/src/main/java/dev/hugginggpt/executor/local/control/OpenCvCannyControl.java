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
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/** canny-control: the Canny edge map ControlNet's canny model is conditioned on (white edges on black), with OpenCV. */
public final class OpenCvCannyControl extends MediaModel implements OpenCvModel {
    public OpenCvCannyControl(ResourceStore store, MediaLimits limits) {
        super(store, limits, "local/opencv-canny", "canny-control",
                "OpenCV Canny edge detector: turns an image into its canny edge map (white edges on black), the control"
                        + " image for canny-text-to-image; thresholds 'low_threshold' and 'high_threshold', default 100 and 200",
                "Apache-2.0");
    }

    @Override
    public TaskOutput run(Map<String, String> args, Duration timeLeft) throws ModelException {
        Mat image = OpenCv.read(Inputs.image(args, "image", store, limits));
        double low = Inputs.number(args, "low_threshold", 100);
        double high = Inputs.number(args, "high_threshold", 200);
        Mat gray = new Mat();
        Imgproc.cvtColor(image, gray, Imgproc.COLOR_BGR2GRAY);
        Mat edges = new Mat();
        Imgproc.Canny(gray, edges, low, high);
        int edgePixels = Core.countNonZero(edges);
        Mat control = new Mat();
        Imgproc.cvtColor(edges, control, Imgproc.COLOR_GRAY2BGR);
        ResourceRef ref = OpenCv.savePng(store, control, "canny.png");
        return TaskOutput.file(ref, Map.of("edgePixels", edgePixels, "lowThreshold", low, "highThreshold", high,
                "width", image.cols(), "height", image.rows()));
    }
}
