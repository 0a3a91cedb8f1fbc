package dev.hugginggpt.executor.local.pose;

import java.util.List;

/**
 * One of BlazePose's 33 body landmarks in image pixels. {@code z} is depth relative to the hips, in the same scale as
 * x (smaller is nearer the camera); visibility is the network's probability that the point is visible in the image
 * (not hidden or outside it), presence that it lies within the image.
 */
public record PoseLandmark(String name, double x, double y, double z, double visibility, double presence) {
    static final List<String> NAMES = List.of("nose", "left_eye_inner", "left_eye", "left_eye_outer",
            "right_eye_inner", "right_eye", "right_eye_outer", "left_ear", "right_ear", "mouth_left", "mouth_right",
            "left_shoulder", "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist", "left_pinky",
            "right_pinky", "left_index", "right_index", "left_thumb", "right_thumb", "left_hip", "right_hip",
            "left_knee", "right_knee", "left_ankle", "right_ankle", "left_heel", "right_heel", "left_foot_index",
            "right_foot_index");
}
