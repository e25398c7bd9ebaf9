package deepq4j.dqn.charts;

import java.awt.Color;

/**
 * The few drawing operations a chart needs, so one drawing routine can make both a PNG
 * ({@link PngCanvas}) and an SVG ({@link SvgCanvas}). Coordinates are pixels from the top left.
 */
public interface Canvas {
    /** A straight line. */
    void line(double x1, double y1, double x2, double y2, Color color, float width);

    /** An open polyline through the points. */
    void polyline(double[] xs, double[] ys, Color color, float width);

    /** A filled polygon; {@code color}'s alpha makes it see-through. */
    void polygon(double[] xs, double[] ys, Color color);

    /** A rectangle's outline. */
    void rectangle(double x, double y, double width, double height, Color color);

    /** Text whose baseline starts at (x, y); {@code anchor} is "start", "middle" or "end". */
    void text(double x, double y, String text, int size, boolean bold, String anchor, Color color);
}
