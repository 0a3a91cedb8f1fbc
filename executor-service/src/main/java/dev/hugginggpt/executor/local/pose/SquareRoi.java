package dev.hugginggpt.executor.local.pose;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * A square region of an image, rotated by {@code angle} radians (clockwise on screen, as y points down), in image
 * pixels: a pixel covers [x, x + 1). Its own coordinates (u, v) run 0..1 from its top-left to its bottom-right corner,
 * as a network's input tensor made from it does, so points the network finds map straight back to the image.
 */
record SquareRoi(double centerX, double centerY, double size, double angle) {
    /** The whole image, letterboxed into a square (as MediaPipe's detectors see it). */
    static SquareRoi around(Mat image) {
        return new SquareRoi(image.cols() / 2.0, image.rows() / 2.0, Math.max(image.cols(), image.rows()), 0);
    }

    double[] toImage(double u, double v) {
        double du = (u - 0.5) * size;
        double dv = (v - 0.5) * size;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        return new double[] {centerX + du * cos - dv * sin, centerY + du * sin + dv * cos};
    }

    /**
     * The region resampled to side x side pixels of an 8-bit RGB image, as row-major RGB floats scaled from 0..255 to
     * low..high. Outside the image: black, or the nearest edge pixel when {@code replicateBorder}. When the region is
     * larger than the tensor, the image is first shrunk by area averaging, so that the bilinear resampling does not
     * alias.
     */
    float[] tensor(Mat rgb, int side, float low, float high, boolean replicateBorder) {
        Mat source = rgb;
        double fx = 1;
        double fy = 1;
        if (size > side) {
            int cols = Math.max(1, (int) Math.round(rgb.cols() * side / size));
            int rows = Math.max(1, (int) Math.round(rgb.rows() * side / size));
            source = new Mat();
            Imgproc.resize(rgb, source, new Size(cols, rows), 0, 0, Imgproc.INTER_AREA);
            fx = (double) cols / rgb.cols();
            fy = (double) rows / rgb.rows();
        }
        // tensor pixel (i, j) has its centre at u = (i + 0.5) / side, image point x = a * i + b * j + c; OpenCV
        // samples the source at pixel indices, whose centres are at x - 0.5
        double step = size / side;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double half = (0.5 / side - 0.5) * size;
        Mat toSource = new Mat(2, 3, CvType.CV_64F);
        toSource.put(0, 0, fx * step * cos, -fx * step * sin, fx * (centerX + half * cos - half * sin) - 0.5,
                fy * step * sin, fy * step * cos, fy * (centerY + half * sin + half * cos) - 0.5);
        Mat crop = new Mat();
        Imgproc.warpAffine(source, crop, toSource, new Size(side, side),
                Imgproc.INTER_LINEAR | Imgproc.WARP_INVERSE_MAP,
                replicateBorder ? Core.BORDER_REPLICATE : Core.BORDER_CONSTANT, new Scalar(0, 0, 0));
        Mat floats = new Mat();
        crop.convertTo(floats, CvType.CV_32FC3, (high - low) / 255.0, low);
        float[] values = new float[side * side * 3];
        floats.get(0, 0, values);
        return values;
    }
}
