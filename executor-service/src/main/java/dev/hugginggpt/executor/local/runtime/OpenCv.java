package dev.hugginggpt.executor.local.runtime;

import dev.hugginggpt.executor.backend.InputRejected;
import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.opencv_java;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * OpenCV 4.10 (Apache-2.0) as built by the bytedeco project: the official Java API with natives for this platform
 * in Maven jars, extracted to ~/.javacpp/cache and loaded once. No system package is needed.
 */
public final class OpenCv {
    private static final String DATA = "/org/bytedeco/opencv/" + Loader.getPlatform() + "/share/opencv4/";
    private static volatile boolean loaded;

    private OpenCv() {
    }

    public static synchronized void load() {
        if (!loaded) {
            Loader.load(opencv_java.class);
            loaded = true;
        }
    }

    /** Whether the natives for this platform are on the classpath (they load only on first use). */
    public static boolean available() {
        return OpenCv.class.getResource(DATA + "haarcascades/haarcascade_frontalface_default.xml") != null;
    }

    /** A data file shipped with OpenCV (e.g. "haarcascades/haarcascade_frontalface_default.xml"), as a local file. */
    public static Path dataFile(String name) throws ModelException {
        try {
            return Path.of(Loader.cacheResource(OpenCv.class, DATA + name).toURI());
        } catch (Exception e) {
            throw new ModelException("OpenCV data file " + name + " is missing: " + e.getMessage(), e);
        }
    }

    /** Reads a PNG, JPEG, BMP, WebP or TIFF image as 8-bit BGR; its size has been checked (see {@code MediaLimits}). */
    public static Mat read(Path image) throws ModelException {
        load();
        Mat mat = Imgcodecs.imread(image.toString(), Imgcodecs.IMREAD_COLOR);
        if (mat.empty()) {
            throw new InputRejected("the image could not be decoded (PNG, JPEG, BMP, WebP and TIFF are supported)");
        }
        return mat;
    }

    public static ResourceRef savePng(ResourceStore store, Mat image, String name) throws ModelException {
        Path png = null;
        try {
            png = Files.createTempFile("hg-opencv", ".png");
            if (!Imgcodecs.imwrite(png.toString(), image)) {
                throw new ModelException("OpenCV could not encode the result as PNG");
            }
            return store.save(png, name, "image/png");
        } catch (IOException e) {
            throw new ModelException("could not store the image: " + e.getMessage(), e);
        } finally {
            if (png != null) {
                png.toFile().delete();
            }
        }
    }
}
