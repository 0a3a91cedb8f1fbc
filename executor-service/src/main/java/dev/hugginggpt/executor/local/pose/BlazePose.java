package dev.hugginggpt.executor.local.pose;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.runtime.TfLiteNetwork;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Mat;

/**
 * BlazePose, MediaPipe Pose's two networks (Apache-2.0, from the npm package @mediapipe/pose, in the executor's jar):
 * the person detector, then the full landmark network on the region the detector's keypoints give. Single person,
 * as MediaPipe Pose is: the detector's best person. Loaded once, on first use.
 */
public final class BlazePose {
    /** MediaPipe's threshold on the landmark network's own person score, under which the landmarks are dropped. */
    private static final double MIN_POSE_SCORE = 0.5;
    private volatile PoseDetector detector;
    private volatile PoseLandmarker landmarker;

    public static boolean available() {
        return TfLiteNetwork.engineAvailable() && TfLiteNetwork.resourceExists(PoseDetector.RESOURCE)
                && TfLiteNetwork.resourceExists(PoseLandmarker.RESOURCE);
    }

    public void load() throws ModelException {
        if (landmarker == null) {
            synchronized (this) {
                if (landmarker == null) {
                    detector = new PoseDetector(TfLiteNetwork.load(PoseDetector.RESOURCE));
                    landmarker = new PoseLandmarker(TfLiteNetwork.load(PoseLandmarker.RESOURCE));
                }
            }
        }
    }

    /** The pose of the image's most prominent person, if the detector finds one and the landmark network agrees. */
    public Optional<Pose> estimate(Mat rgb) throws ModelException {
        load();
        List<PersonDetection> people = detector.detect(rgb);
        if (people.isEmpty()) {
            return Optional.empty();
        }
        PersonDetection person = people.get(0);
        PoseLandmarker.Landmarks landmarks = landmarker.landmarks(rgb, person.landmarkRoi());
        if (landmarks.poseScore() < MIN_POSE_SCORE) {
            return Optional.empty();
        }
        return Optional.of(new Pose(person, landmarks.points(), landmarks.poseScore()));
    }

    public record Pose(PersonDetection person, List<PoseLandmark> landmarks, double poseScore) {
    }
}
