package dev.hugginggpt.executor.local.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.Fixtures;
import dev.hugginggpt.executor.local.TestPhotos;
import dev.hugginggpt.executor.local.model.MediaLimits;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Classical image operations on real photographs: coffee.png (600x400, a cup on a wooden table), chelsea.png (a cat). */
class OpenCvImageOpsTest {
    private static final Duration TIME = Duration.ofSeconds(60);
    @TempDir
    Path dir;
    ResourceStore store;
    BufferedImage coffee;
    String coffeeId;

    @BeforeEach
    void setUp() {
        store = new ResourceStore(dir);
        coffee = TestPhotos.read("coffee.png");
        coffeeId = TestPhotos.save(store, "coffee.png");
    }

    private TaskOutput edit(String imageId, String instruction) throws ModelException {
        return new OpenCvImageOps(store, MediaLimits.DEFAULTS).run(Map.of("image", imageId, "text", instruction), TIME);
    }

    private BufferedImage result(TaskOutput out) {
        return Fixtures.read(store, out.resources().get(0).id());
    }

    @Test
    void blackAndWhiteMakesEveryPixelGray() throws ModelException {
        assertTrue(countPixels(coffee, (r, g, b) -> r == g && g == b ? 0 : 1) > 100_000, "the photo has colour");

        TaskOutput out = edit(coffeeId, "Make this photo black and white");

        BufferedImage gray = result(out);
        assertEquals(0, countPixels(gray, (r, g, b) -> r == g && g == b ? 0 : 1), "pixels with R, G, B not equal");
        assertEquals(List.of("grayscale"), out.data().get("operations"));
        assertEquals("Applied grayscale (OpenCV); the result is 600x400 pixels.", out.text());
    }

    @Test
    void rotatingNinetyDegreesSwapsWidthAndHeightAndMovesTheCorners() throws ModelException {
        BufferedImage clockwise = result(edit(coffeeId, "rotate it 90 degrees clockwise"));
        BufferedImage left = result(edit(coffeeId, "왼쪽으로 90도 회전해 줘"));

        int w = coffee.getWidth();
        int h = coffee.getHeight();
        assertEquals(h, clockwise.getWidth());
        assertEquals(w, clockwise.getHeight());
        // clockwise: the top-left corner goes to the top right; out(x, y) = in(y, h - 1 - x)
        assertEquals(rgb(coffee, 0, 0), rgb(clockwise, h - 1, 0));
        assertSamePixels(clockwise, (x, y) -> rgb(coffee, y, h - 1 - x));
        // counterclockwise: the top-left corner goes to the bottom left; out(x, y) = in(w - 1 - y, x)
        assertEquals(rgb(coffee, 0, 0), rgb(left, 0, w - 1));
        assertSamePixels(left, (x, y) -> rgb(coffee, w - 1 - y, x));
    }

    @Test
    void mirroringAndFlippingUpsideDownMovePixelsAcrossTheMiddle() throws ModelException {
        TaskOutput mirrored = edit(coffeeId, "mirror the picture");
        TaskOutput upsideDown = edit(coffeeId, "flip it upside down");

        int w = coffee.getWidth();
        int h = coffee.getHeight();
        assertSamePixels(result(mirrored), (x, y) -> rgb(coffee, w - 1 - x, y));
        assertSamePixels(result(upsideDown), (x, y) -> rgb(coffee, x, h - 1 - y));
        assertEquals(List.of("flip horizontal"), mirrored.data().get("operations"));
        assertEquals(List.of("flip vertical"), upsideDown.data().get("operations"));
    }

    @Test
    void twoOperationsInOneSentenceApplyInTheOrderNamed() throws ModelException {
        TaskOutput rotateThenFlip = edit(coffeeId, "Rotate it 90 degrees clockwise, then flip it horizontally");
        TaskOutput flipThenRotate = edit(coffeeId, "flip it horizontally and rotate it 90 degrees clockwise");

        int w = coffee.getWidth();
        int h = coffee.getHeight();
        assertEquals(List.of("rotate 90 clockwise", "flip horizontal"), rotateThenFlip.data().get("operations"));
        assertEquals(List.of("flip horizontal", "rotate 90 clockwise"), flipThenRotate.data().get("operations"));
        // rotate then mirror is the transpose; mirror then rotate is the transpose about the other diagonal
        assertSamePixels(result(rotateThenFlip), (x, y) -> rgb(coffee, y, x));
        assertSamePixels(result(flipThenRotate), (x, y) -> rgb(coffee, w - 1 - y, h - 1 - x));
        assertEquals("Applied rotate 90 clockwise, then flip horizontal (OpenCV); the result is 400x600 pixels.",
                rotateThenFlip.text());
    }

    @Test
    void grayscaleThenRotateInKorean() throws ModelException {
        TaskOutput out = edit(coffeeId, "흑백으로 바꾸고 오른쪽으로 회전해 줘");

        assertEquals(List.of("grayscale", "rotate 90 clockwise"), out.data().get("operations"));
        BufferedImage image = result(out);
        assertEquals(400, image.getWidth());
        assertEquals(0, countPixels(image, (r, g, b) -> r == g && g == b ? 0 : 1));
    }

    @Test
    void blurLowersTheLaplacianVarianceAndSharpenRaisesIt() throws ModelException {
        double before = laplacianVariance(coffee);

        double blurred = laplacianVariance(result(edit(coffeeId, "blur the photo")));
        double sharpened = laplacianVariance(result(edit(coffeeId, "sharpen it")));

        assertTrue(blurred < before / 4, "Laplacian variance " + before + " -> blurred " + blurred);
        assertTrue(sharpened > before * 1.5, "Laplacian variance " + before + " -> sharpened " + sharpened);
    }

    @Test
    void upscaleTwiceDoublesTheSizeAndHalfSizeHalvesIt() throws ModelException {
        TaskOutput up = edit(coffeeId, "upscale it 2x");
        TaskOutput down = edit(coffeeId, "make it half size");

        assertEquals(1200, result(up).getWidth());
        assertEquals(800, result(up).getHeight());
        assertEquals(List.of("upscale 2x"), up.data().get("operations"));
        assertEquals(300, result(down).getWidth());
        assertEquals(200, result(down).getHeight());
        assertEquals(List.of("downscale 0.5x"), down.data().get("operations"));
    }

    @Test
    void invertBrightenDarkenAndContrastChangeThePixelsAsNamed() throws ModelException {
        BufferedImage inverted = result(edit(coffeeId, "invert the colours"));
        assertSamePixels(inverted, (x, y) -> 0xFFFFFF - rgb(coffee, x, y));

        double mean = meanLuma(coffee);
        assertTrue(meanLuma(result(edit(coffeeId, "make it brighter"))) > mean + 20);
        assertTrue(meanLuma(result(edit(coffeeId, "darken it"))) < mean - 15);
        double spread = lumaDeviation(coffee);
        assertTrue(lumaDeviation(result(edit(coffeeId, "increase the contrast"))) > spread * 1.2);
        assertTrue(lumaDeviation(result(edit(coffeeId, "lower the contrast"))) < spread * 0.85);
    }

    @Test
    void sepiaGivesWarmTones() throws ModelException {
        BufferedImage sepia = result(edit(TestPhotos.save(store, "chelsea.png"), "give it a sepia tone"));

        int total = sepia.getWidth() * sepia.getHeight();
        int warm = total - countPixels(sepia, (r, g, b) -> r >= g && g >= b ? 0 : 1);
        assertTrue(warm > total * 0.99, "pixels with R >= G >= B: " + warm + " of " + total);
    }

    @Test
    void denoiseBringsANoisyPhotoBackTowardsTheClean() throws ModelException {
        Random random = new Random(42);
        BufferedImage noisy = new BufferedImage(coffee.getWidth(), coffee.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < coffee.getHeight(); y++) {
            for (int x = 0; x < coffee.getWidth(); x++) {
                int c = coffee.getRGB(x, y);
                int r = noise((c >> 16) & 255, random);
                int g = noise((c >> 8) & 255, random);
                int b = noise(c & 255, random);
                noisy.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        double noisyError = meanAbsoluteError(noisy, coffee);

        TaskOutput out = edit(TestPhotos.save(store, noisy, "noisy.png"), "remove the noise");

        double cleanedError = meanAbsoluteError(result(out), coffee);
        assertEquals(List.of("denoise"), out.data().get("operations"));
        assertTrue(cleanedError < noisyError / 2, "mean absolute error " + noisyError + " -> " + cleanedError);
    }

    @Test
    void everyOperationRunsOnAPhoto() throws ModelException {
        String cat = TestPhotos.save(store, "chelsea.png");
        for (String instruction : List.of("cartoon", "make it look like a watercolor painting", "smooth it", "pixelate",
                "a slight blur", "denoise", "grayscale", "sepia", "negative", "brighter", "darker", "more contrast",
                "downscale to 25%", "rotate 180", "flip vertically")) {
            TaskOutput out = edit(cat, instruction);
            BufferedImage image = result(out);
            assertTrue(image.getWidth() > 0, instruction);
            assertEquals(1, ((List<?>) out.data().get("operations")).size(), instruction + ": " + out.data());
        }
        BufferedImage pixelated = result(edit(cat, "pixelate"));
        // 451x300: blocks of 300/64 -> 5 pixels, so pixels in one block are equal
        assertEquals(rgb(pixelated, 0, 0), rgb(pixelated, 3, 3));
        assertNotEquals(0, countPixels(pixelated, (r, g, b) -> r == g && g == b ? 0 : 1));
    }

    @Test
    void anInstructionNamingNoKnownOperationFailsWithTheListOfOperations() {
        ModelException e = assertThrows(ModelException.class, () -> edit(coffeeId, "add a croissant next to the cup"));

        assertTrue(e.getMessage().contains("names no image operation"), e.getMessage());
        for (String known : List.of("grayscale", "blur", "sharpen", "rotate", "flip", "upscale", "cartoon", "pixelate")) {
            assertTrue(e.getMessage().contains(known), known + " in: " + e.getMessage());
        }
        assertTrue(e.getMessage().contains("cannot add, remove or change objects"), e.getMessage());
    }

    @Test
    void aTaskWithoutInstructionOrWithoutImageFails() throws Exception {
        ModelException none = assertThrows(ModelException.class,
                () -> new OpenCvImageOps(store, MediaLimits.DEFAULTS).run(Map.of("image", coffeeId), TIME));
        assertTrue(none.getMessage().contains("needs an instruction"), none.getMessage());

        Path text = Files.writeString(dir.resolve("notes.txt"), "not an image");
        String id = store.save(text, "notes.png", "image/png").id();
        assertThrows(ModelException.class, () -> edit(id, "grayscale"));
    }

    @Test
    void instructionsAreReadIntoOperationsInOrder() throws ModelException {
        Map<String, List<String>> expected = new java.util.LinkedHashMap<>();
        expected.put("make it slightly brighter and increase the contrast", List.of("slight brighten", "more contrast"));
        expected.put("reduce the brightness and contrast", List.of("darken", "less contrast"));
        expected.put("make it brighter with less noise", List.of("brighten", "denoise"));
        expected.put("turn it upside down", List.of("rotate 180"));
        expected.put("flip it upside down", List.of("flip vertical"));
        expected.put("rotate it left", List.of("rotate 90 counterclockwise"));
        expected.put("rotate 270", List.of("rotate 90 counterclockwise"));
        expected.put("downscale to 25%", List.of("downscale 0.25x"));
        expected.put("shrink it 4x", List.of("downscale 0.25x"));
        expected.put("enlarge it three times", List.of("upscale 3x"));
        expected.put("cartoon style please, then pixelate it", List.of("cartoon", "pixelate"));
        expected.put("remove the noise and sharpen", List.of("denoise", "sharpen"));
        expected.put("the photo is blurry, make it less blurry", List.of("sharpen"));
        expected.put("blur it heavily", List.of("strong blur"));
        expected.put("give it a b&w vintage look", List.of("grayscale", "sepia"));
        expected.put("사진을 흐리게 하고 좌우 반전해 줘", List.of("blur", "flip horizontal"));
        expected.put("선명하게 해 줘", List.of("sharpen"));
        expected.put("밝게 하고 대비를 낮춰 줘", List.of("brighten", "less contrast"));
        expected.put("2배 확대", List.of("upscale 2x"));
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            assertEquals(e.getValue(), OpenCvImageOps.parse(e.getKey()).stream().map(OpenCvImageOps.Step::name).toList(),
                    e.getKey());
        }
        assertThrows(ModelException.class, () -> OpenCvImageOps.parse("rotate it by 45 degrees"));
        assertThrows(ModelException.class, () -> OpenCvImageOps.parse("make it prettier"));
    }

    private static int noise(int value, Random random) {
        return Math.max(0, Math.min(255, (int) Math.round(value + random.nextGaussian() * 25)));
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }

    private interface PixelTest {
        int count(int r, int g, int b);
    }

    private static int countPixels(BufferedImage image, PixelTest test) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int c = image.getRGB(x, y);
                n += test.count((c >> 16) & 255, (c >> 8) & 255, c & 255);
            }
        }
        return n;
    }

    /** Every pixel of the result equals the expected pixel of the original. */
    private static void assertSamePixels(BufferedImage actual, IntBinaryOperator expected) {
        for (int y = 0; y < actual.getHeight(); y++) {
            for (int x = 0; x < actual.getWidth(); x++) {
                if (rgb(actual, x, y) != expected.applyAsInt(x, y)) {
                    throw new AssertionError("pixel " + x + "," + y + " is " + Integer.toHexString(rgb(actual, x, y))
                            + ", expected " + Integer.toHexString(expected.applyAsInt(x, y)));
                }
            }
        }
    }

    private static double[] luma(BufferedImage image) {
        double[] values = new double[image.getWidth() * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int c = image.getRGB(x, y);
                values[y * image.getWidth() + x] = 0.299 * ((c >> 16) & 255) + 0.587 * ((c >> 8) & 255) + 0.114 * (c & 255);
            }
        }
        return values;
    }

    private static double meanLuma(BufferedImage image) {
        return java.util.Arrays.stream(luma(image)).average().orElseThrow();
    }

    private static double lumaDeviation(BufferedImage image) {
        double[] values = luma(image);
        double mean = java.util.Arrays.stream(values).average().orElseThrow();
        return Math.sqrt(java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElseThrow());
    }

    /** Variance of the 4-neighbour Laplacian of the luma: high for sharp detail, low when blurred. */
    private static double laplacianVariance(BufferedImage image) {
        int w = image.getWidth();
        double[] l = luma(image);
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int y = 1; y < image.getHeight() - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                double lap = 4 * l[y * w + x] - l[y * w + x - 1] - l[y * w + x + 1] - l[(y - 1) * w + x] - l[(y + 1) * w + x];
                sum += lap;
                squares += lap * lap;
                n++;
            }
        }
        return squares / n - (sum / n) * (sum / n);
    }

    private static double meanAbsoluteError(BufferedImage a, BufferedImage b) {
        double total = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    total += Math.abs(((p >> shift) & 255) - ((q >> shift) & 255));
                }
            }
        }
        return total / (3.0 * a.getWidth() * a.getHeight());
    }
}
