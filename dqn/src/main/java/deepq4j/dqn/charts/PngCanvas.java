package deepq4j.dqn.charts;

import deepq4j.io.AtomicFile;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** A {@link Canvas} that paints into an image with Java2D. */
public final class PngCanvas implements Canvas {
    private final BufferedImage image;
    private final Graphics2D g;

    public PngCanvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
    }

    public BufferedImage image() {
        return image;
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, float width) {
        g.setColor(color);
        g.setStroke(new BasicStroke(width));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    private static Path2D.Double path(double[] xs, double[] ys) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        return path;
    }

    @Override
    public void polyline(double[] xs, double[] ys, Color color, float width) {
        if (xs.length > 0) {
            g.setColor(color);
            g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(path(xs, ys));
        }
    }

    @Override
    public void polygon(double[] xs, double[] ys, Color color) {
        if (xs.length > 0) {
            Path2D.Double p = path(xs, ys);
            p.closePath();
            g.setColor(color);
            g.fill(p);
        }
    }

    @Override
    public void rectangle(double x, double y, double width, double height, Color color) {
        g.setColor(color);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(x, y, width, height));
    }

    @Override
    public void text(double x, double y, String text, int size, boolean bold, String anchor, Color color) {
        g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size));
        int w = g.getFontMetrics().stringWidth(text);
        double shift = anchor.equals("middle") ? w / 2.0 : anchor.equals("end") ? w : 0;
        g.setColor(color);
        g.drawString(text, (float) (x - shift), (float) y);
    }

    /** Writes {@code image} to {@code path} as PNG, atomically; encoded in memory, so no cache file is left anywhere on a crash. */
    public static void write(Path path, BufferedImage image) throws IOException {
        AtomicFile.write(path, out -> {
            try (ImageOutputStream png = new MemoryCacheImageOutputStream(out)) {
                if (!ImageIO.write(image, "png", png)) {
                    throw new IOException("no PNG writer in this Java runtime");
                }
            }
        });
    }
}
