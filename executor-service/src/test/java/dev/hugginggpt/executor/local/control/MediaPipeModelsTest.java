package dev.hugginggpt.executor.local.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.executor.backend.InputRejected;
import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.Fixtures;
import dev.hugginggpt.executor.local.TestPhotos;
import dev.hugginggpt.executor.local.model.MediaLimits;
import dev.hugginggpt.executor.local.pose.BlazePose;
import dev.hugginggpt.executor.local.vision.MediaPipeSelfieSegmentation;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BlazePose and selfie segmentation on real photographs (see {@link TestPhotos}); the networks load once. */
class MediaPipeModelsTest {
    private static final Duration TIME = Duration.ofSeconds(120);
    @TempDir
    static Path dir;
    static ResourceStore store;
    static MediaPipePoseControl pose;
    static MediaPipeSelfieSegmentation segmentation;
    static ExecutorService threads;

    @BeforeAll
    static void load() throws ModelException {
        store = new ResourceStore(dir);
        pose = new MediaPipePoseControl(store, new BlazePose(), MediaLimits.DEFAULTS);
        segmentation = new MediaPipeSelfieSegmentation(store, MediaLimits.DEFAULTS);
        assertTrue(pose.available() && segmentation.available(), "TFLite natives or MediaPipe models missing");
        pose.load();
        segmentation.load();
        threads = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void stop() {
        threads.shutdownNow();
    }

    @Test
    void poseOnTheAstronautFindsHerFaceKeypointsInHerFaceAndHerShouldersBelowIt() throws ModelException {
        TaskOutput out = pose.run(Map.of("image", TestPhotos.save(store, "astronaut.png")), TIME);

        assertEquals(1, out.data().get("persons"), out.text());
        assertTrue(out.text().startsWith("1 person, 33 keypoints ("), out.text());
        List<?> keypoints = (List<?>) out.data().get("keypoints");
        assertEquals(33, keypoints.size());
        // her face (skin) spans about x 178..272, y 65..185 of the 512 x 512 photo
        for (String name : List.of("nose", "left_eye", "right_eye", "mouth_left", "mouth_right")) {
            Map<?, ?> p = keypoint(keypoints, name);
            assertTrue(x(p) > 175 && x(p) < 275 && y(p) > 70 && y(p) < 180, p.toString());
            assertTrue(visibility(p) > 0.9, p.toString());
        }
        Map<?, ?> nose = keypoint(keypoints, "nose");
        Map<?, ?> rightEye = keypoint(keypoints, "right_eye");
        Map<?, ?> leftEye = keypoint(keypoints, "left_eye");
        assertTrue(x(rightEye) < x(nose) && x(nose) < x(leftEye), "her right eye is on the image's left");
        assertTrue(y(rightEye) < y(nose) && y(leftEye) < y(nose), "eyes above the nose");
        for (String name : List.of("left_shoulder", "right_shoulder")) {
            Map<?, ?> shoulder = keypoint(keypoints, name);
            assertTrue(y(shoulder) > y(nose) + 60 && y(shoulder) < 330, shoulder.toString());
            assertTrue(visibility(shoulder) > 0.9, shoulder.toString());
        }
        assertTrue(x(keypoint(keypoints, "right_shoulder")) < 180 && x(keypoint(keypoints, "left_shoulder")) > 270);

        BufferedImage map = Fixtures.read(store, out.resources().get(0).id());
        assertEquals(512, map.getWidth());
        assertEquals(512, map.getHeight());
        // OpenPose draws the nose joint in pure red; the corners stay black
        assertEquals(0xFF0000, map.getRGB((int) x(nose), (int) y(nose)) & 0xFFFFFF);
        assertEquals(0, map.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0, map.getRGB(511, 0) & 0xFFFFFF);
        assertTrue(colouredPixels(map) > 2000, "pixels drawn: " + colouredPixels(map));
        List<?> openPose = (List<?>) out.data().get("openposeKeypoints");
        assertTrue(openPose.stream().map(p -> ((Map<?, ?>) p).get("name")).toList()
                .containsAll(List.of("nose", "neck", "right_shoulder", "left_shoulder", "right_eye", "left_eye")), openPose.toString());
    }

    @Test
    void poseFindsTheManBentAtTheTripodThroughTheRotatedRegion() throws ModelException {
        TaskOutput out = pose.run(Map.of("image", TestPhotos.save(store, "camera.png")), TIME);

        assertEquals(1, out.data().get("persons"), out.text());
        // his face, in profile towards the camera on the right, spans about x 190..270, y 100..200
        Map<?, ?> nose = keypoint((List<?>) out.data().get("keypoints"), "nose");
        assertTrue(x(nose) > 190 && x(nose) < 275 && y(nose) > 100 && y(nose) < 200, nose.toString());
    }

    @Test
    void poseOnACupFindsNoPersonAndAnswersAnAllBlackMap() throws ModelException {
        TaskOutput out = pose.run(Map.of("image", TestPhotos.save(store, "coffee.png")), TIME);

        assertEquals("no person found", out.text());
        assertEquals(0, out.data().get("persons"));
        assertEquals(List.of(), out.data().get("keypoints"));
        BufferedImage map = Fixtures.read(store, out.resources().get(0).id());
        assertEquals(600, map.getWidth());
        assertEquals(400, map.getHeight());
        assertEquals(0, colouredPixels(map));
    }

    @Test
    void poseRunsFromFourThreadsAtOnceWithTheSameAnswer() throws Exception {
        String photo = TestPhotos.save(store, "astronaut.png");
        Object expected = pose.run(Map.of("image", photo), TIME).data().get("keypoints");
        List<Future<TaskOutput>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(threads.submit(() -> pose.run(Map.of("image", photo), TIME)));
        }
        for (Future<TaskOutput> run : runs) {
            assertEquals(expected, run.get().data().get("keypoints"));
        }
    }

    @Test
    void segmentationOfTheAstronautMarksHerAndNotTheBackdrop() throws ModelException {
        TaskOutput out = segmentation.run(Map.of("image", TestPhotos.save(store, "astronaut.png")), TIME);

        double fraction = (Double) out.data().get("personFraction");
        assertTrue(fraction > 0.35 && fraction < 0.75, "person fraction " + fraction);
        String percent = out.text().replaceAll("person covers (\\d+)% of the image", "$1");
        assertTrue(Math.abs(Integer.parseInt(percent) - fraction * 100) <= 0.51, out.text() + " vs " + fraction);
        BufferedImage mask = Fixtures.read(store, out.resources().get(0).id());
        assertEquals(512, mask.getWidth());
        assertEquals(512, mask.getHeight());
        assertEquals(0xFFFFFF, mask.getRGB(225, 125) & 0xFFFFFF, "face centre is person");
        assertEquals(0xFFFFFF, mask.getRGB(200, 400) & 0xFFFFFF, "suit is person");
        assertEquals(0, mask.getRGB(8, 8) & 0xFFFFFF, "top left corner (flag) is background");
        assertEquals(0, mask.getRGB(503, 8) & 0xFFFFFF, "top right corner is background");
        assertEquals(0, mask.getRGB(400, 150) & 0xFFFFFF, "the shuttle model is background");

        BufferedImage cutOut = Fixtures.read(store, out.resources().get(1).id());
        assertTrue(cutOut.getColorModel().hasAlpha());
        assertEquals(0, cutOut.getRGB(8, 8) >>> 24, "background transparent");
        assertEquals(255, cutOut.getRGB(225, 125) >>> 24, "face opaque");
    }

    /**
     * The model is made for pictures of people and always looks for one: on a photo with none it marks the main
     * foreground object, here some of the cup and most of the close-up cat. The card says so.
     */
    @Test
    void segmentationWithoutAPersonMarksTheForegroundObject() throws ModelException {
        TaskOutput cup = segmentation.run(Map.of("image", TestPhotos.save(store, "coffee.png")), TIME);
        TaskOutput cat = segmentation.run(Map.of("image", TestPhotos.save(store, "chelsea.png")), TIME);

        double cupFraction = (Double) cup.data().get("personFraction");
        assertTrue(cupFraction > 0.05 && cupFraction < 0.35, "cup: " + cupFraction);
        BufferedImage cupMask = Fixtures.read(store, cup.resources().get(0).id());
        assertEquals(0, cupMask.getRGB(5, 5) & 0xFFFFFF, "table corner is background");
        assertEquals(0xFFFFFF, cupMask.getRGB(300, 200) & 0xFFFFFF, "the cup's middle is marked");
        double catFraction = (Double) cat.data().get("personFraction");
        assertTrue(catFraction > 0.6, "cat: " + catFraction);
    }

    @Test
    void bothRejectAFileThatIsNotAnImage() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not an image");
        String id = store.save(text, "notes.png", "image/png").id();

        // the input is at fault, not the model: the selector tries no other model on it
        ModelException poseError = assertThrows(InputRejected.class, () -> pose.run(Map.of("image", id), TIME));
        assertTrue(poseError.getMessage().contains("is not an image this executor reads"), poseError.getMessage());
        assertThrows(InputRejected.class, () -> segmentation.run(Map.of("image", id), TIME));
        assertThrows(InputRejected.class, () -> segmentation.run(Map.of(), TIME));
    }

    private static Map<?, ?> keypoint(List<?> keypoints, String name) {
        return keypoints.stream().map(k -> (Map<?, ?>) k).filter(k -> name.equals(k.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no keypoint " + name + " in " + keypoints));
    }

    private static double x(Map<?, ?> keypoint) {
        return ((Number) keypoint.get("x")).doubleValue();
    }

    private static double y(Map<?, ?> keypoint) {
        return ((Number) keypoint.get("y")).doubleValue();
    }

    private static double visibility(Map<?, ?> keypoint) {
        return ((Number) keypoint.get("visibility")).doubleValue();
    }

    private static int colouredPixels(BufferedImage image) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                count += (image.getRGB(x, y) & 0xFFFFFF) != 0 ? 1 : 0;
            }
        }
        return count;
    }
}
