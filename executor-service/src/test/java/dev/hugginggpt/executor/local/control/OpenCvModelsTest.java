package dev.hugginggpt.executor.local.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.Fixtures;
import dev.hugginggpt.executor.local.TestPhotos;
import dev.hugginggpt.executor.local.model.MediaLimits;
import dev.hugginggpt.executor.local.vision.OpenCvFaceDetection;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenCvModelsTest {
    private static final Duration TIME = Duration.ofSeconds(60);
    @TempDir
    Path dir;
    ResourceStore store;

    @BeforeEach
    void setUp() {
        store = new ResourceStore(dir);
    }

    @Test
    void findsExactlyTheOneDrawnFaceAndDrawsItsBox() throws ModelException {
        TaskOutput out = new OpenCvFaceDetection(store, MediaLimits.DEFAULTS).run(Map.of("image", Fixtures.faceImage(store)), TIME);

        List<?> detections = (List<?>) out.data().get("detections");
        assertEquals(1, detections.size(), out.toString());
        Map<?, ?> box = (Map<?, ?>) ((Map<?, ?>) detections.get(0)).get("box");
        // the drawn face spans x 120..280, y 90..310; the eyes are at y ~177
        int xmin = (Integer) box.get("xmin");
        int xmax = (Integer) box.get("xmax");
        int ymin = (Integer) box.get("ymin");
        int ymax = (Integer) box.get("ymax");
        assertTrue(xmin > 60 && xmin < 160 && xmax > 240 && xmax < 340, box.toString());
        assertTrue(ymin < 177 && ymax > 240, box.toString());
        assertEquals("1 face found", out.text());
        BufferedImage drawn = Fixtures.read(store, out.resources().get(0).id());
        assertEquals(0xFF0000, drawn.getRGB(xmin, (ymin + ymax) / 2) & 0xFFFFFF, "box drawn in red");
    }

    @Test
    void findsTheOneFaceInARealPortrait() throws ModelException {
        TaskOutput out = new OpenCvFaceDetection(store, MediaLimits.DEFAULTS).run(Map.of("image", TestPhotos.save(store, "astronaut.png")), TIME);

        List<?> detections = (List<?>) out.data().get("detections");
        assertEquals(1, detections.size(), out.toString());
        Map<?, ?> box = (Map<?, ?>) ((Map<?, ?>) detections.get(0)).get("box");
        // Eileen Collins' face spans about x 178..272, y 65..185 of the 512x512 portrait; its centre is inside the box
        int centreX = ((Integer) box.get("xmin") + (Integer) box.get("xmax")) / 2;
        int centreY = ((Integer) box.get("ymin") + (Integer) box.get("ymax")) / 2;
        assertTrue(centreX > 178 && centreX < 272 && centreY > 65 && centreY < 185, box.toString());
        assertEquals("1 face found", out.text());
    }

    @Test
    void findsNoFaceInAPhotoOfACup() throws ModelException {
        TaskOutput out = new OpenCvFaceDetection(store, MediaLimits.DEFAULTS).run(Map.of("image", TestPhotos.save(store, "coffee.png")), TIME);

        assertEquals(List.of(), out.data().get("detections"), out.toString());
    }

    @Test
    void findsNoFaceInARectangle() throws ModelException {
        TaskOutput out = new OpenCvFaceDetection(store, MediaLimits.DEFAULTS).run(Map.of("image", Fixtures.rectangleImage(store)), TIME);

        assertEquals(List.of(), out.data().get("detections"));
        assertEquals("no face found", out.text());
    }

    @Test
    void rejectsAFileThatIsNotAnImage() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not an image");
        String id = store.save(text, "notes.png", "image/png").id();

        assertThrows(ModelException.class, () -> new OpenCvFaceDetection(store, MediaLimits.DEFAULTS).run(Map.of("image", id), TIME));
    }

    @Test
    void cannyEdgesFollowTheRectangleBorder() throws ModelException {
        TaskOutput out = new OpenCvCannyControl(store, MediaLimits.DEFAULTS).run(Map.of("image", Fixtures.rectangleImage(store)), TIME);

        BufferedImage edges = Fixtures.read(store, out.resources().get(0).id());
        assertEquals(400, edges.getWidth());
        int onBorder = 0;
        int inside = 0;
        for (int y = 0; y < edges.getHeight(); y++) {
            for (int x = 0; x < edges.getWidth(); x++) {
                if ((edges.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF) {
                    boolean nearBorder = (Math.abs(x - 100) <= 2 || Math.abs(x - 299) <= 2) && y >= 78 && y <= 222
                            || (Math.abs(y - 80) <= 2 || Math.abs(y - 219) <= 2) && x >= 98 && x <= 302;
                    if (nearBorder) {
                        onBorder++;
                    } else {
                        inside++;
                    }
                }
            }
        }
        assertTrue(onBorder >= 600, "edge pixels on the border: " + onBorder);
        assertEquals(0, inside, "edge pixels away from the border");
        assertEquals(onBorder, out.data().get("edgePixels"));
    }

    @Test
    void cannyFindsNoEdgeInABlankImage() throws ModelException {
        TaskOutput out = new OpenCvCannyControl(store, MediaLimits.DEFAULTS).run(Map.of("image", Fixtures.blankImage(store)), TIME);

        assertEquals(0, out.data().get("edgePixels"));
    }

    @Test
    void lineSegmentsTraceTheFourSidesOfTheRectangle() throws ModelException {
        TaskOutput out = new OpenCvLineSegmentControl(store, MediaLimits.DEFAULTS).run(Map.of("image", Fixtures.rectangleImage(store)), TIME);

        int segments = (Integer) out.data().get("segments");
        assertTrue(segments >= 4 && segments <= 8, "segments: " + segments);
        BufferedImage lines = Fixtures.read(store, out.resources().get(0).id());
        for (int[] p : new int[][] {{200, 80}, {200, 219}, {100, 150}, {299, 150}}) {
            assertTrue(whiteNear(lines, p[0], p[1]), "no line near " + p[0] + "," + p[1]);
        }
        assertTrue(!whiteNear(lines, 200, 150) && !whiteNear(lines, 30, 30), "lines where the image has none");
    }

    private static boolean whiteNear(BufferedImage image, int x, int y) {
        for (int dy = -3; dy <= 3; dy++) {
            for (int dx = -3; dx <= 3; dx++) {
                if ((image.getRGB(x + dx, y + dy) & 0xFFFFFF) == 0xFFFFFF) {
                    return true;
                }
            }
        }
        return false;
    }
}
