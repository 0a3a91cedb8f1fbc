package dev.hugginggpt.executor.local;

import dev.hugginggpt.protocol.resources.ResourceStore;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/** Test inputs made on the spot: rendered text, a drawn face, plain shapes. */
public final class Fixtures {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Fixtures() {
    }

    public static String textImage(ResourceStore store, String... lines) {
        return png(store, "text.png", 1400, 80 + 90 * lines.length, g -> {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SERIF, Font.PLAIN, 56));
            for (int i = 0; i < lines.length; i++) {
                g.drawString(lines[i], 40, 90 + 90 * i);
            }
        });
    }

    /** A frontal face drawn with shading; OpenCV's frontal-face cascade finds it (checked in the tests). */
    public static String faceImage(ResourceStore store) {
        return png(store, "face.png", 400, 400, g -> {
            g.setColor(new Color(70, 90, 110));
            g.fillRect(0, 0, 400, 400);
            g.setColor(new Color(50, 35, 25));
            g.fillOval(105, 55, 190, 170);
            g.setPaint(new RadialGradientPaint(200, 210, 130, new float[] {0f, 1f},
                    new Color[] {new Color(235, 200, 170), new Color(175, 130, 100)}));
            g.fill(new Ellipse2D.Double(120, 90, 160, 220));
            g.setColor(new Color(60, 40, 30));
            g.setStroke(new BasicStroke(7));
            g.drawArc(143, 150, 44, 16, 20, 140);
            g.drawArc(213, 150, 44, 16, 20, 140);
            g.setColor(new Color(120, 85, 70));
            g.fillOval(145, 165, 42, 24);
            g.fillOval(213, 165, 42, 24);
            g.setColor(Color.WHITE);
            g.fillOval(152, 170, 28, 14);
            g.fillOval(220, 170, 28, 14);
            g.setColor(new Color(40, 30, 20));
            g.fillOval(160, 171, 12, 12);
            g.fillOval(228, 171, 12, 12);
            g.setColor(new Color(165, 120, 95));
            g.setStroke(new BasicStroke(5));
            g.drawLine(200, 185, 193, 235);
            g.drawLine(193, 235, 205, 240);
            g.fillOval(185, 232, 30, 12);
            g.setColor(new Color(150, 60, 60));
            g.fillOval(172, 258, 56, 16);
            g.setColor(new Color(90, 30, 30));
            g.setStroke(new BasicStroke(3));
            g.drawLine(174, 266, 226, 266);
        });
    }

    /** A dark filled rectangle from (100, 80) to (300, 220) on white: four straight edges, no face. */
    public static String rectangleImage(ResourceStore store) {
        return png(store, "rectangle.png", 400, 300, g -> {
            g.setColor(new Color(30, 30, 120));
            g.fillRect(100, 80, 200, 140);
        });
    }

    public static String blankImage(ResourceStore store) {
        return png(store, "blank.png", 200, 200, g -> { });
    }

    public static BufferedImage read(ResourceStore store, String id) {
        try {
            return ImageIO.read(store.path(id).orElseThrow().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String png(ResourceStore store, String name, int width, int height, Consumer<Graphics2D> draw) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        draw.accept(g);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return store.save(new ByteArrayInputStream(out.toByteArray()), name, "image/png").id();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
