package deepq4j.dqn.experiments;

import deepq4j.dqn.charts.Canvas;
import deepq4j.dqn.charts.PngCanvas;
import deepq4j.dqn.charts.SvgCanvas;
import deepq4j.io.AtomicFile;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The course's comparison chart: for each variant, the mean return per episode over seeds as a
 * line inside its 95% confidence band, all variants on one chart, written as PNG and SVG.
 */
public final class ComparisonChart {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 540;
    private static final int LEFT = 70;
    private static final int RIGHT = 200;
    private static final int TOP = 48;
    private static final int BOTTOM = 52;
    /** matplotlib's tab10, the colours the course's charts use. */
    private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
        new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
        new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};

    private ComparisonChart() {
    }

    /** One variant's curve: the interval at episode 1, 2, .... */
    public record Series(String name, List<ConfidenceInterval> episodes) {
    }

    /** Draws the chart and writes {@code base}.png and {@code base}.svg (each through a temporary file). */
    public static void write(Path base, String title, String yLabel, List<Series> series) throws IOException {
        PngCanvas png = new PngCanvas(WIDTH, HEIGHT);
        draw(png, title, yLabel, series);
        Path pngPath = base.resolveSibling(base.getFileName() + ".png");
        PngCanvas.write(pngPath, png.image());
        SvgCanvas svg = new SvgCanvas(WIDTH, HEIGHT);
        draw(svg, title, yLabel, series);
        Path svgPath = base.resolveSibling(base.getFileName() + ".svg");
        AtomicFile.write(svgPath, svg.document());
    }

    /** Draws onto any canvas. */
    static void draw(Canvas c, String title, String yLabel, List<Series> series) {
        int episodes = 1;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            episodes = Math.max(episodes, s.episodes().size());
            for (ConfidenceInterval ci : s.episodes()) {
                lo = Math.min(lo, ci.low());
                hi = Math.max(hi, ci.high());
            }
        }
        if (!(hi > lo)) {
            lo = Double.isFinite(lo) ? lo - 1 : 0;
            hi = lo + 2;
        }
        double pad = 0.05 * (hi - lo);
        double yMin = lo - pad;
        double yMax = hi + pad;
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double xMax = episodes;
        Color grid = new Color(225, 225, 225);
        Color ink = new Color(60, 60, 60);
        // Gridlines at round values (steps of 1, 2 or 5 times a power of ten), as plotting libraries place them.
        double step = niceStep((yMax - yMin) / 5);
        for (double v = Math.ceil(yMin / step) * step; v <= yMax; v += step) {
            double y = TOP + plotH - (v - yMin) / (yMax - yMin) * plotH;
            c.line(LEFT, y, LEFT + plotW, y, grid, 1f);
            double label = Math.abs(v) < step * 1e-9 ? 0 : v; // no "-0"
            c.text(LEFT - 8, y + 4, String.format(Locale.ROOT, step >= 1 ? "%.0f" : "%.2f", label), 12, false, "end", ink);
        }
        for (int i = 0; i <= 5; i++) {
            double x = LEFT + i * plotW / 5;
            c.text(x, TOP + plotH + 18, String.format(Locale.ROOT, "%d", Math.round(1 + i * (xMax - 1) / 5)), 12, false, "middle", ink);
        }
        c.rectangle(LEFT, TOP, plotW, plotH, Color.BLACK);
        c.text(LEFT + plotW / 2, HEIGHT - 12, "episode", 13, false, "middle", ink);
        c.text(LEFT, TOP - 8, yLabel, 12, false, "start", ink);
        c.text(LEFT, 22, title, 15, true, "start", Color.BLACK);
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            Color color = PALETTE[k % PALETTE.length];
            int n = s.episodes().size();
            double[] xs = new double[n];
            double[] mean = new double[n];
            double[] bandX = new double[2 * n];
            double[] bandY = new double[2 * n];
            for (int i = 0; i < n; i++) {
                ConfidenceInterval ci = s.episodes().get(i);
                xs[i] = LEFT + (xMax <= 1 ? 0 : i / (xMax - 1) * plotW);
                mean[i] = TOP + plotH - (ci.mean() - yMin) / (yMax - yMin) * plotH;
                bandX[i] = xs[i];
                bandY[i] = TOP + plotH - (ci.high() - yMin) / (yMax - yMin) * plotH;
                bandX[2 * n - 1 - i] = xs[i];
                bandY[2 * n - 1 - i] = TOP + plotH - (ci.low() - yMin) / (yMax - yMin) * plotH;
            }
            c.polygon(bandX, bandY, new Color(color.getRed(), color.getGreen(), color.getBlue(), 50));
            c.polyline(xs, mean, color, 2f);
            double ly = TOP + 14 + 22 * k;
            c.line(LEFT + plotW + 16, ly - 4, LEFT + plotW + 40, ly - 4, color, 3f);
            c.text(LEFT + plotW + 46, ly, s.name(), 12, false, "start", ink);
        }
        c.text(LEFT + plotW + 16, TOP + 22 * series.size() + 24, "band: 95% CI over seeds", 11, false, "start", ink);
    }

    /** The smallest of 1, 2 and 5 times a power of ten that is at least {@code raw}. */
    static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }

    /** The CSV of the chart's numbers: variant, episode, mean, low, high, seeds. */
    public static void writeCsv(Path path, List<Series> series) throws IOException {
        StringBuilder b = new StringBuilder("variant,episode,mean,ci_low,ci_high,seeds\n");
        for (Series s : series) {
            for (int i = 0; i < s.episodes().size(); i++) {
                ConfidenceInterval ci = s.episodes().get(i);
                b.append(csvField(s.name())).append(',').append(i + 1).append(',').append(ci.mean()).append(',').append(ci.low())
                        .append(',').append(ci.high()).append(',').append(ci.n()).append('\n');
            }
        }
        AtomicFile.write(path, b.toString());
    }

    static String csvField(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
