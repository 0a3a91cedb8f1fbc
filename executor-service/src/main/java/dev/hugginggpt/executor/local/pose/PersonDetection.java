package dev.hugginggpt.executor.local.pose;

/**
 * A person found by BlazePose's detector, in image pixels: a box around the head (the detector finds people by their
 * heads), and four keypoints: 0 hip centre, 1 a point above the head that encodes the body's size and rotation,
 * 2 shoulder centre, 3 a point that encodes the upper body's size and rotation.
 */
public record PersonDetection(double score, double xmin, double ymin, double xmax, double ymax, double[][] keypoints) {
    /**
     * The square region the landmark network looks at, as MediaPipe's pose_detection_to_roi makes it: centred on the
     * hip centre, turned so that the hip-to-head direction points up, side twice the hip-to-head distance times 1.25.
     */
    SquareRoi landmarkRoi() {
        double[] hip = keypoints[0];
        double[] head = keypoints[1];
        double angle = Math.PI / 2 - Math.atan2(-(head[1] - hip[1]), head[0] - hip[0]);
        angle = angle - 2 * Math.PI * Math.floor((angle + Math.PI) / (2 * Math.PI));
        double size = 2 * Math.hypot(head[0] - hip[0], head[1] - hip[1]) * 1.25;
        return new SquareRoi(hip[0], hip[1], size, angle);
    }
}
