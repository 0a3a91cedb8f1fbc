package dev.hugginggpt.executor.local.control;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.model.Inputs;
import dev.hugginggpt.executor.local.model.MediaLimits;
import dev.hugginggpt.executor.local.model.MediaModel;
import dev.hugginggpt.executor.local.pose.BlazePose;
import dev.hugginggpt.executor.local.pose.PoseLandmark;
import dev.hugginggpt.executor.local.runtime.OpenCv;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * openpose-control with BlazePose: the OpenPose body control map (the image's size, skeleton on black) of the image's
 * most prominent person, and BlazePose's 33 landmarks in {@code data.keypoints}. With no person found, the map is
 * all black, as OpenPose's would be, and the text says so.
 */
public final class MediaPipePoseControl extends MediaModel {
    private final BlazePose blazePose;

    public MediaPipePoseControl(ResourceStore store, BlazePose blazePose, MediaLimits limits) {
        super(store, limits, "local/mediapipe-blazepose", "openpose-control",
                "MediaPipe BlazePose (person detector + full landmark network, TensorFlow Lite in the JVM): finds the"
                        + " image's most prominent person, gives 33 body landmarks with visibility, and draws the OpenPose"
                        + " body control map (18 keypoints, coloured limbs on black) for openpose-text-to-image; one"
                        + " person per image, body only (no hand or face keypoints)",
                "Apache-2.0 (MediaPipe models)");
        this.blazePose = blazePose;
    }

    @Override
    public boolean available() {
        return OpenCv.available() && BlazePose.available();
    }

    @Override
    public void load() throws ModelException {
        OpenCv.load();
        blazePose.load();
    }

    @Override
    public TaskOutput run(Map<String, String> args, Duration timeLeft) throws ModelException {
        Mat image = OpenCv.read(Inputs.image(args, "image", store, limits));
        Mat rgb = new Mat();
        Imgproc.cvtColor(image, rgb, Imgproc.COLOR_BGR2RGB);
        Optional<BlazePose.Pose> pose = blazePose.estimate(rgb);
        Mat map = Mat.zeros(image.rows(), image.cols(), CvType.CV_8UC3);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("width", image.cols());
        data.put("height", image.rows());
        data.put("persons", pose.isPresent() ? 1 : 0);
        List<Map<String, Object>> keypoints = new ArrayList<>();
        List<Map<String, Object>> openPose = new ArrayList<>();
        String text = "no person found";
        if (pose.isPresent()) {
            int visible = 0;
            for (PoseLandmark p : pose.get().landmarks()) {
                keypoints.add(Map.of("name", p.name(), "x", round(p.x(), 10), "y", round(p.y(), 10),
                        "z", round(p.z(), 10), "visibility", round(p.visibility(), 1000)));
                visible += p.visibility() >= 0.5 ? 1 : 0;
            }
            double[][] points = OpenPoseMap.keypoints(pose.get().landmarks(), image.cols(), image.rows());
            OpenPoseMap.draw(map, points);
            for (int k = 0; k < points.length; k++) {
                if (points[k] != null) {
                    openPose.add(Map.of("name", OpenPoseMap.NAMES.get(k), "x", round(points[k][0], 10),
                            "y", round(points[k][1], 10)));
                }
            }
            data.put("score", round(pose.get().person().score(), 1000));
            text = "1 person, " + keypoints.size() + " keypoints (" + visible + " visible)";
        }
        data.put("keypoints", keypoints);
        data.put("openposeKeypoints", openPose);
        ResourceRef ref = OpenCv.savePng(store, map, "openpose.png");
        return new TaskOutput(text, List.of(ref), data);
    }

    private static double round(double value, int scale) {
        return Math.round(value * scale) / (double) scale;
    }
}
