package dev.hugginggpt.executor.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.executor.backend.InputRejected;
import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.MediaKind;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.TaskVocabulary;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.InflaterInputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.core.Scalar;
import org.opencv.core.CvType;
import org.opencv.imgcodecs.Imgcodecs;

/** Images are measured on their header and refused above the pixel limit before any model decodes them. */
class ImageLimitsTest {
    private static final Duration TIME = Duration.ofSeconds(60);
    private static final int SIDE = 20_000;
    private static final String BOMB_REFUSED = "the image is 20000 × 20000 = 400 megapixels; at most 16 are accepted";
    private static byte[] bomb;
    @TempDir
    Path dir;
    ResourceStore store;

    @BeforeAll
    static void makeTheBomb() {
        bomb = HostileFiles.pngBomb(SIDE);
    }

    @BeforeEach
    void setUp() {
        store = new ResourceStore(dir);
    }

    @Test
    void theBombIsARealPngOf400MegapixelsInASmallFile() throws Exception {
        assertTrue(bomb.length < 600_000, bomb.length + " bytes");
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bomb))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(List.of("png", SIDE, SIDE), List.of(reader.getFormatName(), reader.getWidth(0), reader.getHeight(0)));
        }
        // its one IDAT chunk, after the signature (8 bytes) and IHDR (25), inflates to every row: filter byte and pixels
        DataInputStream chunks = new DataInputStream(new ByteArrayInputStream(bomb, 33, bomb.length - 33));
        int length = chunks.readInt();
        assertEquals("IDAT", new String(chunks.readNBytes(4), java.nio.charset.StandardCharsets.US_ASCII));
        long inflated = 0;
        try (InputStream pixels = new InflaterInputStream(new ByteArrayInputStream(bomb, 41, length))) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = pixels.read(buffer)) > 0; ) {
                inflated += n;
            }
        }
        assertEquals((SIDE + 1L) * SIDE, inflated);
    }

    @Test
    void everyLocalImageModelRefusesTheBombAtOnceAndMemoryStaysLow() throws ModelException {
        String id = save(bomb, "bomb.png");
        List<LocalModel> models = imageModels();
        assertTrue(models.size() >= 8, "image models here: " + models.stream().map(m -> m.card().id()).toList());
        for (LocalModel model : models) {
            model.load();
        }
        long heapBefore = PeakMemory.usedHeapMib();
        long residentBefore = PeakMemory.resetAndReadMib();
        Map<String, Long> millis = new LinkedHashMap<>();

        for (LocalModel model : models) {
            long start = System.nanoTime();
            InputRejected refused = assertThrows(InputRejected.class,
                    () -> model.run(Map.of("image", id, "text", "make it grayscale"), TIME), model.card().id());
            millis.put(model.card().id(), (System.nanoTime() - start) / 1_000_000);
            assertEquals(BOMB_REFUSED, refused.getMessage(), model.card().id());
        }

        long residentPeak = PeakMemory.peakMib();
        long heapAfter = PeakMemory.usedHeapMib();
        System.out.printf("bomb refused by %d models, ms each: %s; heap %d -> %d MiB; peak resident %d -> %d MiB%n",
                models.size(), millis, heapBefore, heapAfter, residentBefore, residentPeak);
        millis.forEach((model, ms) -> assertTrue(ms < 3000, model + " took " + ms + " ms"));
        // decoded, the bomb is 400 MB of grey pixels, 1.2 GB as OpenCV's colour Mat
        assertTrue(residentPeak - residentBefore < 150, "peak resident memory rose by " + (residentPeak - residentBefore) + " MiB");
        assertTrue(heapAfter - heapBefore < 150, "heap rose by " + (heapAfter - heapBefore) + " MiB");
    }

    @Test
    void aPhotoJustWithinTheLimitWorksAndOnePixelLessRefusesIt() throws ModelException {
        String astronaut = TestPhotos.save(store, "astronaut.png");
        long pixels = 512 * 512;

        TaskOutput out = new OpenCvFaceDetection(store, new MediaLimits(pixels, 600)).run(Map.of("image", astronaut), TIME);
        InputRejected refused = assertThrows(InputRejected.class, () -> new OpenCvFaceDetection(store,
                new MediaLimits(pixels - 1, 600)).run(Map.of("image", astronaut), TIME));

        assertEquals("1 face found", out.text());
        assertEquals("the image is 512 × 512 = 262144 pixels; at most 262143 are accepted", refused.getMessage());
    }

    @Test
    void aJpegPhotoIsMeasuredOnItsHeader() throws Exception {
        BufferedImage photo = TestPhotos.read("astronaut.png");
        Path jpeg = dir.resolve("astronaut.jpg");
        BufferedImage rgb = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(photo, 0, 0, null);
        assertTrue(ImageIO.write(rgb, "jpeg", jpeg.toFile()));

        assertEquals(new ImageHeader("JPEG", 512, 512, 1, 512 * 512), ImageHeader.read(jpeg));
    }

    @Test
    void webpSizesAreReadFromTheRiffHeaderLossyLosslessAndExtended() throws Exception {
        OpenCv.load();
        Mat image = new Mat(200, 300, CvType.CV_8UC3, new Scalar(40, 120, 200));
        Path lossy = dir.resolve("lossy.webp");
        Path lossless = dir.resolve("lossless.webp");
        assertTrue(Imgcodecs.imwrite(lossy.toString(), image, new MatOfInt(Imgcodecs.IMWRITE_WEBP_QUALITY, 80)));
        assertTrue(Imgcodecs.imwrite(lossless.toString(), image, new MatOfInt(Imgcodecs.IMWRITE_WEBP_QUALITY, 101)));
        Path huge = Files.write(dir.resolve("huge.webp"), HostileFiles.webpHeader(SIDE, SIDE));

        assertEquals(new ImageHeader("WEBP", 300, 200, 1, 60_000), ImageHeader.read(lossy));
        assertEquals(new ImageHeader("WEBP", 300, 200, 1, 60_000), ImageHeader.read(lossless));
        assertEquals(BOMB_REFUSED, assertThrows(InputRejected.class, () -> MediaLimits.DEFAULTS.image(huge)).getMessage());
    }

    @Test
    void everyPageOfATiffCounts() throws Exception {
        Path tiff = dir.resolve("pages.tif");
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(tiff.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int page = 0; page < 3; page++) {
                writer.writeToSequence(new IIOImage(new BufferedImage(100, 100, BufferedImage.TYPE_BYTE_GRAY), null, null), null);
            }
            writer.endWriteSequence();
        }

        assertEquals(new ImageHeader("TIFF", 100, 100, 3, 30_000), ImageHeader.read(tiff));
        assertEquals("the image's 3 pages hold 30000 pixels; at most 29999 are accepted",
                assertThrows(InputRejected.class, () -> new MediaLimits(29_999, 600).image(tiff)).getMessage());
    }

    @Test
    void aFormatWhoseHeaderIsNotReadIsRefused() throws Exception {
        OpenCv.load();
        Path ppm = dir.resolve("image.ppm");
        assertTrue(Imgcodecs.imwrite(ppm.toString(), new Mat(20, 30, CvType.CV_8UC3, new Scalar(1, 2, 3))));
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image");

        for (Path file : List.of(ppm, text)) {
            InputRejected refused = assertThrows(InputRejected.class, () -> MediaLimits.DEFAULTS.image(file));
            assertTrue(refused.getMessage().endsWith("PNG, JPEG, GIF, BMP, TIFF or WebP are accepted"), refused.getMessage());
        }
    }

    /** The installed local models whose task takes an image. */
    private List<LocalModel> imageModels() {
        List<LocalModel> models = new ArrayList<>();
        for (LocalModel model : LocalBackend.all(store, MediaLimits.DEFAULTS)) {
            if (model.available() && TaskVocabulary.find(model.card().task()).orElseThrow().inputs().contains(MediaKind.IMAGE)) {
                models.add(model);
            }
        }
        return models;
    }

    private String save(byte[] content, String name) {
        try {
            return store.save(new ByteArrayInputStream(content), name, "image/png").id();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
