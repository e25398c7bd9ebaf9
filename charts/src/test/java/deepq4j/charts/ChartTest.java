package deepq4j.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Charts are drawn (their colours are on the picture), written whole as PNG and SVG, and laid out as panels. */
class ChartTest {
    @TempDir
    Path tmp;

    private static Chart twoBands() {
        double[] x = {1, 2, 3, 4, 5};
        return new Chart("title", "subtitle", "episode", "return")
                .band("first", Chart.PALETTE[0], x, new double[] {1, 2, 3, 4, 5}, new double[] {0, 1, 2, 3, 4}, new double[] {2, 3, 4, 5, 6})
                .band("second", Chart.PALETTE[1], x, new double[] {5, 4, 3, 2, 1}, new double[] {5, 4, 3, 2, 1}, new double[] {5, 4, 3, 2, 1});
    }

    /** How many pixels are within a small distance of {@code c}. */
    private static int pixelsNear(BufferedImage image, Color c) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color p = new Color(image.getRGB(x, y));
                if (Math.abs(p.getRed() - c.getRed()) + Math.abs(p.getGreen() - c.getGreen()) + Math.abs(p.getBlue() - c.getBlue()) < 30) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void curvesAreDrawnInTheirColours() {
        BufferedImage image = twoBands().toImage(600, 400);
        assertEquals(600, image.getWidth());
        assertEquals(400, image.getHeight());
        assertTrue(pixelsNear(image, Chart.PALETTE[0]) > 300, "the first curve and its legend line");
        assertTrue(pixelsNear(image, Chart.PALETTE[1]) > 300, "the second curve and its legend line");
        assertTrue(pixelsNear(image, Chart.PALETTE[2]) < 20, "no third colour");
        assertTrue(pixelsNear(image, Color.WHITE) > 600 * 400 / 2, "a white background");
    }

    @Test
    void writesPngAndSvgWhole() throws Exception {
        Path png = tmp.resolve("c.png");
        Path svg = tmp.resolve("c.svg");
        twoBands().writePng(png, 640, 360);
        twoBands().writeSvg(svg, 640, 360);
        BufferedImage read = ImageIO.read(png.toFile());
        assertEquals(640, read.getWidth());
        assertEquals(360, read.getHeight());
        String doc = Files.readString(svg);
        assertTrue(doc.startsWith("<?xml") && doc.contains("<svg") && doc.strip().endsWith("</svg>"), doc.substring(0, 60));
        assertTrue(doc.contains("width='640") && doc.contains("height='360"), "the size given");
        twoBands().writeSvg(tmp.resolve("again.svg"), 640, 360);
        assertEquals(doc, Files.readString(tmp.resolve("again.svg")), "the same chart, the same bytes");
        Files.delete(tmp.resolve("again.svg"));
        // (the rotated y label is drawn as glyph outlines, not as text)
        for (String text : new String[] {"title", "subtitle", "episode", "first", "second"}) {
            assertTrue(doc.contains(">" + text + "<"), "the SVG holds the text '" + text + "'");
        }
        try (var files = Files.list(tmp)) {
            assertEquals(2, files.count(), "no temporary file is left beside them");
        }
    }

    @Test
    void panelsShareOnePicture() throws Exception {
        Path png = tmp.resolve("panels.png");
        Chart one = new Chart("a", null, "frames", "return").points("dots", Chart.PALETTE[2], new double[] {1, 2}, new double[] {3, 4})
                .line("mean", Chart.PALETTE[2], new double[] {1, 2}, new double[] {3, 4});
        Chart.writePanelsPng(png, "five games", List.of(one, one, one, one, one), 3, 300, 200);
        BufferedImage read = ImageIO.read(png.toFile());
        assertEquals(900, read.getWidth(), "three columns");
        assertEquals(2 * 200 + 34, read.getHeight(), "two rows under the title");
    }

    @Test
    void gridLinesFallOnRoundValues() {
        assertEquals(1, Chart.niceStep(0.9), 1e-12);
        assertEquals(2, Chart.niceStep(1.5), 1e-12);
        assertEquals(50, Chart.niceStep(31), 1e-12);
        assertEquals(100, Chart.niceStep(51), 1e-12);
        assertEquals(0.02, Chart.niceStep(0.013), 1e-12);
    }

    @Test
    void mismatchedSeriesAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Chart("t", null, "x", "y").line("short", Color.BLACK, new double[] {1, 2}, new double[] {1}));
        assertTrue(e.getMessage().contains("'short'"), e.getMessage());
    }
}
