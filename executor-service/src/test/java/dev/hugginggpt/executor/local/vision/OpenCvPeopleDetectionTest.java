package dev.hugginggpt.executor.local.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.Fixtures;
import dev.hugginggpt.executor.local.TestPhotos;
import dev.hugginggpt.executor.local.model.MediaLimits;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HOG people detector on real photographs (testkit/test-photos.sh). basketball1.png and basketball2.png are two
 * frames of OpenCV's sample video of two men throwing a ball in an office: on the left one stands upright, whole body
 * in view (x ~35..160, y ~80..478 of 640x480); on the right the other is cut off by the frame.
 */
class OpenCvPeopleDetectionTest {
    private static final Duration TIME = Duration.ofSeconds(60);
    @TempDir
    Path dir;
    ResourceStore store;

    @BeforeEach
    void setUp() {
        store = new ResourceStore(dir);
    }

    private TaskOutput detect(String imageId) throws ModelException {
        return new OpenCvPeopleDetection(store, MediaLimits.DEFAULTS).run(Map.of("image", imageId), TIME);
    }

    @Test
    void findsNoPersonInACupOfCoffee() throws ModelException {
        TaskOutput out = detect(TestPhotos.save(store, "coffee.png"));

        assertEquals(List.of(), out.data().get("detections"));
        assertEquals("no person found", out.text());
        assertEquals(1, out.resources().size());
    }

    @Test
    void findsTheManStandingUprightAndDrawsHisBox() throws ModelException {
        TaskOutput out = detect(TestPhotos.save(store, "basketball1.png"));

        List<?> detections = (List<?>) out.data().get("detections");
        assertEquals(1, detections.size(), out.toString());
        Map<?, ?> person = (Map<?, ?>) detections.get(0);
        assertEquals("person", person.get("label"));
        assertTrue((Double) person.get("score") >= OpenCvPeopleDetection.DEFAULT_THRESHOLD, person.toString());
        Map<?, ?> box = box(person);
        assertTrue(xmin(box) <= 35 && xmax(box) >= 160 && xmax(box) < 260, box.toString());
        assertTrue(ymin(box) <= 90 && ymax(box) >= 420, box.toString());
        assertEquals("1 person found", out.text());
        BufferedImage drawn = Fixtures.read(store, out.resources().get(0).id());
        assertEquals(0xFF0000, drawn.getRGB(xmax(box) - 2, (ymin(box) + ymax(box)) / 2) & 0xFFFFFF, "box drawn in red");
    }

    @Test
    void findsTwoPeopleInTwoFramesSideBySide() throws ModelException {
        BufferedImage first = TestPhotos.read("basketball1.png");
        BufferedImage second = TestPhotos.read("basketball2.png");
        BufferedImage both = new BufferedImage(first.getWidth() + second.getWidth(), first.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.drawImage(first, 0, 0, null);
        g.drawImage(second, first.getWidth(), 0, null);
        g.dispose();

        TaskOutput out = detect(TestPhotos.save(store, both, "two-frames.png"));

        List<?> detections = (List<?>) out.data().get("detections");
        assertEquals("2 people found", out.text(), out.toString());
        List<Map<?, ?>> boxes = detections.stream().<Map<?, ?>>map(d -> box((Map<?, ?>) d))
                .sorted(Comparator.comparingInt(OpenCvPeopleDetectionTest::xmin)).toList();
        // the man of the second frame stands at x ~675..800; his window's margin may reach into the first frame
        assertTrue(xmin(boxes.get(0)) <= 35 && xmax(boxes.get(0)) >= 160 && xmax(boxes.get(0)) < 300, boxes.toString());
        assertTrue(xmin(boxes.get(1)) >= 560 && xmin(boxes.get(1)) <= 675 && xmax(boxes.get(1)) >= 800, boxes.toString());
    }

    @Test
    void aLargePhotoIsSearchedScaledDownAndTheBoxComesBackInItsPixels() throws ModelException {
        BufferedImage photo = TestPhotos.read("basketball1.png");
        BufferedImage large = new BufferedImage(photo.getWidth() * 5 / 2, photo.getHeight() * 5 / 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = large.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(photo, 0, 0, large.getWidth(), large.getHeight(), null);
        g.dispose();

        TaskOutput out = detect(TestPhotos.save(store, large, "large.png"));

        List<?> detections = (List<?>) out.data().get("detections");
        assertEquals(1, detections.size(), out.toString());
        Map<?, ?> box = box((Map<?, ?>) detections.get(0));
        // the man spans x ~88..400, y ~200..1195 of 1600x1200
        assertTrue(xmin(box) <= 88 && xmax(box) >= 400 && xmax(box) < 650, box.toString());
        assertTrue(ymin(box) <= 225 && ymax(box) >= 1050, box.toString());
    }

    @Test
    void missesPeopleWhoAreNotUprightAndWhole() throws ModelException {
        // the cameraman bends over his camera and is cut at the knees; the astronaut is a head-and-shoulders portrait;
        // the footballer is mid-kick, leaning sideways: HOG was trained on upright pedestrians
        for (String photo : List.of("camera.png", "astronaut.png", "messi5.jpg")) {
            assertEquals("no person found", detect(TestPhotos.save(store, photo)).text(), photo);
        }
    }

    @Test
    void aLowerThresholdAlsoKeepsWeakerWindows() throws ModelException {
        String id = TestPhotos.save(store, "basketball1.png");

        TaskOutput out = new OpenCvPeopleDetection(store, MediaLimits.DEFAULTS).run(Map.of("image", id, "threshold", "0.3"), TIME);

        List<?> detections = (List<?>) out.data().get("detections");
        assertTrue(detections.size() >= 2, out.toString());
        assertTrue(xmin(box((Map<?, ?>) detections.get(0))) <= 35, "the best-scoring is still the standing man");
    }

    private static Map<?, ?> box(Map<?, ?> detection) {
        return (Map<?, ?>) detection.get("box");
    }

    private static int xmin(Map<?, ?> box) {
        return (Integer) box.get("xmin");
    }

    private static int xmax(Map<?, ?> box) {
        return (Integer) box.get("xmax");
    }

    private static int ymin(Map<?, ?> box) {
        return (Integer) box.get("ymin");
    }

    private static int ymax(Map<?, ?> box) {
        return (Integer) box.get("ymax");
    }
}
