package dev.hugginggpt.executor.local;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.executor.backend.InputRejected;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The COCO detector on real photographs (testkit/test-photos.sh) whose objects are known. */
class CocoObjectDetectionTest {
    private static final Duration TIME = Duration.ofSeconds(60);
    @TempDir
    Path dir;
    private ResourceStore store;
    private CocoObjectDetection detector;

    @BeforeEach
    void setUp() {
        store = new ResourceStore(dir);
        detector = new CocoObjectDetection(store, MediaLimits.DEFAULTS);
    }

    @Test
    void theBuildShipsTheDetectorAndItsEightyLabels() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(CocoObjectDetection.RESOURCE)) {
            assertTrue(in != null, "the build's npm-models step did not put the COCO detector in the jar");
            byte[] model = in.readAllBytes();
            assertEquals("TFL3", new String(model, 4, 4, US_ASCII));
        }
        assertEquals(80, CocoLabels.size());
        assertEquals("person", CocoLabels.name(0));
        assertEquals("sports ball", CocoLabels.name(36));
        assertEquals("toothbrush", CocoLabels.name(89));
        assertTrue(detector.available());
    }

    @Test
    void findsTheFootballerAndTheBallInMessi() throws Exception {
        TaskOutput out = detector.run(Map.of("image", TestPhotos.save(store, "messi5.jpg")), TIME);

        List<Map<String, Object>> detections = detections(out);
        List<Object> labels = detections.stream().map(d -> d.get("label")).toList();
        assertTrue(labels.contains("person"), labels.toString());
        assertTrue(labels.contains("sports ball"), labels.toString());
        assertTrue(out.text().contains("sports ball"), out.text());
        // the footballer: the best-scoring person, most of the picture's height (548 x 342)
        Map<String, Object> player = detections.stream().filter(d -> d.get("label").equals("person")).findFirst().orElseThrow();
        Map<?, ?> box = (Map<?, ?>) player.get("box");
        assertTrue((int) box.get("ymax") - (int) box.get("ymin") > 200, box.toString());
        // the ball is small and lies in the lower right of the picture
        Map<?, ?> ball = (Map<?, ?>) detections.stream().filter(d -> d.get("label").equals("sports ball")).findFirst()
                .orElseThrow().get("box");
        assertTrue((int) ball.get("xmin") > 274 && (int) ball.get("ymin") > 171, ball.toString());
        for (Map<String, Object> d : detections) {
            double score = (double) d.get("score");
            assertTrue(score >= CocoObjectDetection.DEFAULT_THRESHOLD && score <= 1, d.toString());
            Map<?, ?> b = (Map<?, ?>) d.get("box");
            assertTrue(0 <= (int) b.get("xmin") && (int) b.get("xmin") < (int) b.get("xmax") && (int) b.get("xmax") <= 548, d.toString());
            assertTrue(0 <= (int) b.get("ymin") && (int) b.get("ymin") < (int) b.get("ymax") && (int) b.get("ymax") <= 342, d.toString());
        }
        BufferedImage drawn = ImageIO.read(store.path(out.resources().get(0).id()).orElseThrow().toFile());
        assertEquals(List.of(548, 342), List.of(drawn.getWidth(), drawn.getHeight()));
        assertEquals("image/png", out.resources().get(0).contentType());
    }

    @Test
    void findsTheCupOnTheTableAndTheCat() throws Exception {
        assertEquals("cup", best(detector.run(Map.of("image", TestPhotos.save(store, "coffee.png")), TIME)));
        assertEquals("cat", best(detector.run(Map.of("image", TestPhotos.save(store, "chelsea.png")), TIME)));
    }

    @Test
    void aPictureWithoutObjectsAboveTheThresholdSaysSo() throws Exception {
        String photo = TestPhotos.save(store, "messi5.jpg");

        TaskOutput out = detector.run(Map.of("image", photo, "threshold", "0.999"), TIME);

        assertEquals("no object found", out.text());
        assertTrue(detections(out).isEmpty());
        assertEquals(1, out.resources().size(), "the picture is still given back");
    }

    @Test
    void aThresholdThatIsNoScoreIsRejected() {
        String photo = TestPhotos.save(store, "messi5.jpg");

        assertThrows(InputRejected.class, () -> detector.run(Map.of("image", photo, "threshold", "high"), TIME));
        assertThrows(InputRejected.class, () -> detector.run(Map.of("image", photo, "threshold", "1.5"), TIME));
        assertThrows(InputRejected.class, () -> detector.run(Map.of("image", photo, "threshold", "NaN"), TIME));
    }

    @Test
    void theSummaryCountsEachLabelMostFoundFirst() {
        List<CocoObjectDetection.Detection> found = List.of(new CocoObjectDetection.Detection("dog", 0.9, 0, 0, 1, 1),
                new CocoObjectDetection.Detection("person", 0.8, 0, 0, 1, 1),
                new CocoObjectDetection.Detection("person", 0.7, 0, 0, 1, 1),
                new CocoObjectDetection.Detection("bus", 0.6, 0, 0, 1, 1),
                new CocoObjectDetection.Detection("bus", 0.6, 0, 0, 1, 1),
                new CocoObjectDetection.Detection("bus", 0.6, 0, 0, 1, 1));

        assertEquals("3 buses, 2 people, 1 dog", CocoObjectDetection.summary(CocoObjectDetection.counts(found)));
        assertEquals("wine glasses", CocoLabels.plural("wine glass"));
        assertEquals("knives", CocoLabels.plural("knife"));
        assertEquals("cars", CocoLabels.plural("car"));
        assertFalse(CocoObjectDetection.summary(Map.of()).isEmpty());
    }

    private static String best(TaskOutput out) {
        return (String) detections(out).get(0).get("label");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> detections(TaskOutput out) {
        return (List<Map<String, Object>>) out.data().get("detections");
    }
}
