package deepq4j.charts;

import deepq4j.io.AtomicFile;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * A chart of learning curves, drawn by JFreeChart and written as PNG or SVG (JFreeSVG): curves
 * with a shaded band (a mean and its confidence interval over seeds, JFreeChart's
 * {@link DeviationRenderer}), plain curves, and faint points (every episode's return). Several
 * charts can share one picture as panels, one per game say.
 *
 * <pre>{@code
 * new Chart("CartPole-v1", "mean over 5 seeds", "episode", "return")
 *         .band("DQN", Chart.PALETTE[0], x, mean, low, high)
 *         .writePng(Path.of("compare.png"), 900, 540);
 * }</pre>
 */
public final class Chart {
    /** The colours of successive curves: matplotlib's "tab10", which readers of RL papers know. */
    public static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
        new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
        new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};

    private static final Color INK = new Color(60, 60, 60);
    private static final Color GRID = new Color(225, 225, 225);

    private final String title;
    private final String subtitle;
    private final String xLabel;
    private final String yLabel;
    private final List<Layer> layers = new ArrayList<>();

    /** One thing drawn: a curve with or without its band, or points. */
    private record Layer(String name, Color color, double[] x, double[] y, double[] low, double[] high, boolean points) {
    }

    /** An empty chart; {@code subtitle} may be null. */
    public Chart(String title, String subtitle, String xLabel, String yLabel) {
        this.title = title;
        this.subtitle = subtitle;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** A curve {@code y} over {@code x} with the band from {@code low} to {@code high} shaded behind it. */
    public Chart band(String name, Color color, double[] x, double[] y, double[] low, double[] high) {
        requireSameLength(name, x, y, low, high);
        layers.add(new Layer(name, color, x, y, low, high, false));
        return this;
    }

    /** A curve {@code y} over {@code x}. */
    public Chart line(String name, Color color, double[] x, double[] y) {
        requireSameLength(name, x, y);
        layers.add(new Layer(name, color, x, y, null, null, false));
        return this;
    }

    /** Small faint dots at ({@code x}, {@code y}), drawn behind the curves and left out of the legend. */
    public Chart points(String name, Color color, double[] x, double[] y) {
        requireSameLength(name, x, y);
        layers.add(new Layer(name, color, x, y, null, null, true));
        return this;
    }

    private static void requireSameLength(String name, double[]... arrays) {
        for (double[] a : arrays) {
            if (a.length != arrays[0].length) {
                throw new IllegalArgumentException("chart series '" + name + "': " + arrays[0].length + " x values but " + a.length
                        + " of another coordinate");
            }
        }
    }

    /** The JFreeChart this chart is: white, light grid lines, legend on the right. */
    public JFreeChart toJFreeChart() {
        NumberAxis xAxis = axis(xLabel, 8, false);
        NumberAxis yAxis = axis(yLabel, 6, true);
        xAxis.setLowerMargin(0);
        xAxis.setUpperMargin(0);
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(xAxis);
        plot.setRangeAxis(yAxis);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlinePaint(Color.BLACK);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        // Drawn in index order, as matplotlib draws in plotting order: the points first, under every
        // curve, then the curves in the order given, each later one (and its band) over the earlier.
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        int curves = (int) layers.stream().filter(l -> !l.points()).count();
        int dots = 0;
        int curve = (int) layers.stream().filter(Layer::points).count();
        for (Layer l : layers) {
            int index = l.points() ? dots++ : curve++;
            if (l.points()) {
                XYSeriesCollection data = new XYSeriesCollection(series(l));
                XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
                r.setSeriesShape(0, new Ellipse2D.Double(-2, -2, 4, 4));
                r.setSeriesPaint(0, new Color(l.color().getRed(), l.color().getGreen(), l.color().getBlue(), 70));
                r.setSeriesVisibleInLegend(0, false);
                plot.setDataset(index, data);
                plot.setRenderer(index, r);
            } else if (l.low() != null) {
                YIntervalSeries s = new YIntervalSeries(l.name(), false, true);
                for (int i = 0; i < l.x().length; i++) {
                    s.add(l.x()[i], l.y()[i], l.low()[i], l.high()[i]);
                }
                DeviationRenderer r = new DeviationRenderer(true, false);
                r.setSeriesPaint(0, l.color());
                r.setSeriesFillPaint(0, l.color());
                r.setSeriesStroke(0, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                r.setAlpha(0.2f);
                plot.setDataset(index, new YIntervalSeriesCollection());
                ((YIntervalSeriesCollection) plot.getDataset(index)).addSeries(s);
                plot.setRenderer(index, r);
            } else {
                XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
                r.setSeriesPaint(0, l.color());
                r.setSeriesStroke(0, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                plot.setDataset(index, new XYSeriesCollection(series(l)));
                plot.setRenderer(index, r);
            }
        }
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        TextTitle head = new TextTitle(title, new Font(Font.SANS_SERIF, Font.BOLD, 15), Color.BLACK, RectangleEdge.TOP,
                HorizontalAlignment.LEFT, VerticalAlignment.CENTER, new RectangleInsets(8, 8, 0, 8));
        chart.addSubtitle(head);
        if (subtitle != null) {
            chart.addSubtitle(new TextTitle(subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 12), INK, RectangleEdge.TOP,
                    HorizontalAlignment.LEFT, VerticalAlignment.CENTER, new RectangleInsets(2, 8, 6, 8)));
        }
        if (curves > 1 || layers.stream().anyMatch(l -> !l.points() && l.low() != null)) {
            LegendTitle legend = new LegendTitle(plot);
            legend.setPosition(RectangleEdge.RIGHT);
            legend.setVerticalAlignment(VerticalAlignment.TOP);
            legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            legend.setItemPaint(INK);
            legend.setFrame(BlockBorder.NONE);
            legend.setBackgroundPaint(Color.WHITE);
            legend.setMargin(new RectangleInsets(0, 12, 0, 4));
            chart.addLegend(legend);
        }
        chart.setPadding(new RectangleInsets(0, 0, 4, 24)); // room for the last x label, centred on the edge
        return chart;
    }

    private static XYSeries series(Layer l) {
        XYSeries s = new XYSeries(l.name(), false, true);
        for (int i = 0; i < l.x().length; i++) {
            s.add(l.x()[i], l.y()[i]);
        }
        return s;
    }

    /**
     * An axis with about {@code ticks} grid lines at round values (1, 2 or 5 times a power of ten),
     * as plotting libraries place them; JFreeChart on its own packs them as densely as the labels allow.
     */
    private NumberAxis axis(String label, int ticks, boolean vertical) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Layer l : layers) {
            for (double[] values : vertical ? new double[][] {l.y(), l.low(), l.high()} : new double[][] {l.x()}) {
                for (double v : values == null ? new double[0] : values) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        if (hi > lo) {
            a.setTickUnit(new NumberTickUnit(niceStep((hi - lo) / ticks)));
        }
        a.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        a.setLabelPaint(INK);
        a.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        a.setTickLabelPaint(INK);
        a.setAxisLineVisible(false);
        a.setTickMarkPaint(INK);
        return a;
    }

    /** The smallest of 1, 2 and 5 times a power of ten that is at least {@code raw}. */
    static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }

    /** Writes the chart as a {@code width} x {@code height} PNG, atomically. */
    public void writePng(Path path, int width, int height) throws IOException {
        writePanelsPng(path, null, List.of(this), 1, width, height);
    }

    /** Writes the chart as a {@code width} x {@code height} SVG document, atomically. */
    public void writeSvg(Path path, int width, int height) throws IOException {
        writePanelsSvg(path, null, List.of(this), 1, width, height);
    }

    /** The chart as an image (tests look at its pixels). */
    public BufferedImage toImage(int width, int height) {
        return panelsImage(null, List.of(this), 1, width, height);
    }

    /**
     * Writes {@code panels} as one PNG, {@code columns} to a row, each {@code panelWidth} x
     * {@code panelHeight}, under {@code title} (may be null).
     */
    public static void writePanelsPng(Path path, String title, List<Chart> panels, int columns, int panelWidth, int panelHeight)
            throws IOException {
        BufferedImage image = panelsImage(title, panels, columns, panelWidth, panelHeight);
        AtomicFile.write(path, out -> {
            // Encoded in memory, so that no ImageIO cache file is left anywhere on a crash.
            try (ImageOutputStream png = new MemoryCacheImageOutputStream(out)) {
                if (!ImageIO.write(image, "png", png)) {
                    throw new IOException("no PNG writer in this Java runtime");
                }
            }
        });
    }

    /** As {@link #writePanelsPng}, as an SVG document. */
    public static void writePanelsSvg(Path path, String title, List<Chart> panels, int columns, int panelWidth, int panelHeight)
            throws IOException {
        int[] size = size(title, panels.size(), columns, panelWidth, panelHeight);
        SVGGraphics2D svg = new SVGGraphics2D(size[0], size[1]);
        svg.setDefsKeyPrefix("deepq4j"); // JFreeSVG's default is the clock: the same chart would give different bytes
        paint(svg, title, panels, columns, panelWidth, panelHeight);
        AtomicFile.write(path, svg.getSVGDocument() + "\n");
    }

    private static BufferedImage panelsImage(String title, List<Chart> panels, int columns, int panelWidth, int panelHeight) {
        int[] size = size(title, panels.size(), columns, panelWidth, panelHeight);
        BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            paint(g, title, panels, columns, panelWidth, panelHeight);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static final int TITLE_HEIGHT = 34;

    private static int[] size(String title, int panels, int columns, int panelWidth, int panelHeight) {
        if (panels < 1 || columns < 1) {
            throw new IllegalArgumentException("a picture needs at least one panel and one column, got " + panels + " and " + columns);
        }
        int rows = (panels + columns - 1) / columns;
        return new int[] {Math.min(columns, panels) * panelWidth, rows * panelHeight + (title == null ? 0 : TITLE_HEIGHT)};
    }

    private static void paint(Graphics2D g, String title, List<Chart> panels, int columns, int panelWidth, int panelHeight) {
        int[] size = size(title, panels.size(), columns, panelWidth, panelHeight);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size[0], size[1]);
        int top = 0;
        if (title != null) {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
            g.setColor(Color.BLACK);
            g.drawString(title, 8, 24);
            top = TITLE_HEIGHT;
        }
        for (int i = 0; i < panels.size(); i++) {
            Rectangle2D area = new Rectangle2D.Double(i % columns * panelWidth, top + i / columns * panelHeight, panelWidth, panelHeight);
            panels.get(i).toJFreeChart().draw(g, area);
        }
    }
}
