package dev.hugginggpt.executor.local.control;

import dev.hugginggpt.executor.local.pose.PoseLandmark;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The OpenPose body control map that ControlNet's openpose model is conditioned on: OpenPose's 18 COCO keypoints,
 * made from BlazePose's 33 (the neck is the shoulders' midpoint), limbs as translucent coloured ellipses and joints
 * as dots on black, in OpenPose's colour order. A keypoint is drawn only where BlazePose thinks it visible and it
 * lies inside the image.
 */
final class OpenPoseMap {
    static final List<String> NAMES = List.of("nose", "neck", "right_shoulder", "right_elbow", "right_wrist",
            "left_shoulder", "left_elbow", "left_wrist", "right_hip", "right_knee", "right_ankle", "left_hip",
            "left_knee", "left_ankle", "right_eye", "left_eye", "right_ear", "left_ear");
    private static final int NECK = 1;
    /** BlazePose index of each OpenPose keypoint; the neck has none. */
    private static final int[] FROM_BLAZEPOSE = {0, -1, 12, 14, 16, 11, 13, 15, 24, 26, 28, 23, 25, 27, 5, 2, 8, 7};
    private static final int[][] LIMBS = {{1, 2}, {1, 5}, {2, 3}, {3, 4}, {5, 6}, {6, 7}, {1, 8}, {8, 9}, {9, 10},
            {1, 11}, {11, 12}, {12, 13}, {1, 0}, {0, 14}, {14, 16}, {0, 15}, {15, 17}};
    /** RGB. */
    private static final int[][] COLOURS = {{255, 0, 0}, {255, 85, 0}, {255, 170, 0}, {255, 255, 0}, {170, 255, 0},
            {85, 255, 0}, {0, 255, 0}, {0, 255, 85}, {0, 255, 170}, {0, 255, 255}, {0, 170, 255}, {0, 85, 255},
            {0, 0, 255}, {85, 0, 255}, {170, 0, 255}, {255, 0, 255}, {255, 0, 170}, {255, 0, 85}};
    private static final double MIN_VISIBILITY = 0.5;

    private OpenPoseMap() {
    }

    /** OpenPose's 18 keypoints as {x, y} in image pixels, null where not visible. */
    static double[][] keypoints(List<PoseLandmark> blazePose, int width, int height) {
        double[][] points = new double[NAMES.size()][];
        for (int k = 0; k < points.length; k++) {
            if (k != NECK) {
                PoseLandmark p = blazePose.get(FROM_BLAZEPOSE[k]);
                boolean inside = p.x() >= 0 && p.y() >= 0 && p.x() < width && p.y() < height;
                points[k] = p.visibility() >= MIN_VISIBILITY && inside ? new double[] {p.x(), p.y()} : null;
            }
        }
        double[] right = points[NAMES.indexOf("right_shoulder")];
        double[] left = points[NAMES.indexOf("left_shoulder")];
        if (right != null && left != null) {
            points[NECK] = new double[] {(right[0] + left[0]) / 2, (right[1] + left[1]) / 2};
        }
        return points;
    }

    /** Draws the keypoints' skeleton on {@code canvas} (8-bit BGR, black for a control map). */
    static void draw(Mat canvas, double[][] keypoints) {
        int stick = (int) Math.max(2, Math.round(4.0 * Math.max(canvas.cols(), canvas.rows()) / 512));
        for (int i = 0; i < LIMBS.length; i++) {
            double[] a = keypoints[LIMBS[i][0]];
            double[] b = keypoints[LIMBS[i][1]];
            if (a == null || b == null) {
                continue;
            }
            double length = Math.hypot(a[0] - b[0], a[1] - b[1]);
            int angle = (int) Math.round(Math.toDegrees(Math.atan2(b[1] - a[1], b[0] - a[0])));
            MatOfPoint polygon = new MatOfPoint();
            Imgproc.ellipse2Poly(new Point((a[0] + b[0]) / 2, (a[1] + b[1]) / 2),
                    new Size(length / 2, stick), angle, 0, 360, 1, polygon);
            Mat limb = canvas.clone();
            Imgproc.fillConvexPoly(limb, polygon, bgr(COLOURS[i]));
            Core.addWeighted(canvas, 0.4, limb, 0.6, 0, canvas);
        }
        for (int k = 0; k < keypoints.length; k++) {
            if (keypoints[k] != null) {
                Imgproc.circle(canvas, new Point(keypoints[k][0], keypoints[k][1]), stick, bgr(COLOURS[k]), -1);
            }
        }
    }

    private static Scalar bgr(int[] rgb) {
        return new Scalar(rgb[2], rgb[1], rgb[0]);
    }
}
