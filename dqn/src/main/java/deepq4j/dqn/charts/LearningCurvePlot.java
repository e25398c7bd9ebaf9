package deepq4j.dqn.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Draws a learning curve as a PNG: each episode's return as a faint dot at the step it ended,
 * and the mean of the last {@code window} episodes as a line, as CleanRL's charts show them.
 */
public final class LearningCurvePlot {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 480;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private LearningCurvePlot() {
    }

    /** One finished episode: the step it ended at and its return. */
    public record Point(long step, double value) {
    }

    /** Draws the curve of {@code episodes} (in order) and writes it to {@code path} atomically. */
    public static void write(Path path, String title, List<Point> episodes, long totalSteps, int window) throws IOException {
        BufferedImage image = draw(title, episodes, totalSteps, window);
        PngCanvas.write(path, image);
    }

    /** The picture itself. */
    public static BufferedImage draw(String title, List<Point> episodes, long totalSteps, int window) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Point p : episodes) {
            lo = Math.min(lo, p.value());
            hi = Math.max(hi, p.value());
        }
        if (episodes.isEmpty()) {
            lo = 0;
            hi = 1;
        }
        if (hi - lo < 1e-9) {
            lo -= 1;
            hi += 1;
        }
        double pad = 0.05 * (hi - lo);
        lo -= pad;
        hi += pad;
        double xMax = Math.max(1, totalSteps);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        // axes, grid and tick labels
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i <= 5; i++) {
            int y = TOP + plotH - i * plotH / 5;
            double v = lo + i * (hi - lo) / 5;
            g.setColor(new Color(230, 230, 230));
            g.drawLine(LEFT, y, LEFT + plotW, y);
            g.setColor(Color.DARK_GRAY);
            String label = String.format("%.1f", v);
            g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 4);
            int x = LEFT + i * plotW / 5;
            String step = String.format("%,d", Math.round(i * xMax / 5));
            g.drawString(step, x - g.getFontMetrics().stringWidth(step) / 2, TOP + plotH + 18);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, plotW, plotH);
        g.drawString("environment step", LEFT + plotW / 2 - 50, HEIGHT - 12);
        g.drawString("episodic return", LEFT, TOP - 6);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, LEFT, 18);
        // the episodes and their moving average
        g.setColor(new Color(31, 119, 180, 70));
        for (Point p : episodes) {
            int x = LEFT + (int) Math.round(p.step() / xMax * plotW);
            int y = TOP + plotH - (int) Math.round((p.value() - lo) / (hi - lo) * plotH);
            g.fillOval(x - 2, y - 2, 4, 4);
        }
        Path2D.Double line = new Path2D.Double();
        double sum = 0;
        for (int i = 0; i < episodes.size(); i++) {
            sum += episodes.get(i).value();
            if (i >= window) {
                sum -= episodes.get(i - window).value();
            }
            double mean = sum / Math.min(i + 1, window);
            double x = LEFT + episodes.get(i).step() / xMax * plotW;
            double y = TOP + plotH - (mean - lo) / (hi - lo) * plotH;
            if (i == 0) {
                line.moveTo(x, y);
            } else {
                line.lineTo(x, y);
            }
        }
        g.setColor(new Color(31, 119, 180));
        g.setStroke(new BasicStroke(2f));
        g.draw(line);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString("mean of the last " + window + " episodes", LEFT + 10, TOP + 16);
        g.dispose();
        return image;
    }
}
