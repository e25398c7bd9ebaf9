package deepq4j.dqn.charts;

import java.awt.Color;
import java.util.Locale;

/** A {@link Canvas} that writes SVG elements: the same chart as a PNG, scalable and diffable. */
public final class SvgCanvas implements Canvas {
    private final StringBuilder svg = new StringBuilder();

    public SvgCanvas(int width, int height) {
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"sans-serif\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", width, height, width, height));
    }

    /** The finished document. */
    public String document() {
        return svg + "</svg>\n";
    }

    private static String rgb(Color c) {
        return String.format(Locale.ROOT, "rgb(%d,%d,%d)", c.getRed(), c.getGreen(), c.getBlue());
    }

    private static String opacity(Color c) {
        return String.format(Locale.ROOT, "%.3f", c.getAlpha() / 255.0);
    }

    private static String points(double[] xs, double[] ys) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            b.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i > 0 ? " " : "", xs[i], ys[i]));
        }
        return b.toString();
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, float width) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-opacity=\"%s\" "
                + "stroke-width=\"%.1f\"/>%n", x1, y1, x2, y2, rgb(color), opacity(color), width));
    }

    @Override
    public void polyline(double[] xs, double[] ys, Color color, float width) {
        svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\" "
                + "stroke-linejoin=\"round\"/>%n", points(xs, ys), rgb(color), width));
    }

    @Override
    public void polygon(double[] xs, double[] ys, Color color) {
        svg.append(String.format(Locale.ROOT, "<polygon points=\"%s\" fill=\"%s\" fill-opacity=\"%s\"/>%n", points(xs, ys), rgb(color),
                opacity(color)));
    }

    @Override
    public void rectangle(double x, double y, double width, double height, Color color) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"%s\"/>%n",
                x, y, width, height, rgb(color)));
    }

    @Override
    public void text(double x, double y, String text, int size, boolean bold, String anchor, Color color) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\"%s text-anchor=\"%s\" fill=\"%s\">%s</text>%n",
                x, y, size, bold ? " font-weight=\"bold\"" : "", anchor, rgb(color), escaped));
    }
}
