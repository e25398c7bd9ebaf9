package deepq4j.dqn.experiments;

import deepq4j.charts.Chart;
import deepq4j.dqn.run.CsvFile;
import deepq4j.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The course's comparison chart: for each variant, the mean return per episode over seeds as a
 * line inside its 95% confidence band, all variants on one chart, written as PNG and SVG.
 */
public final class ComparisonChart {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 540;

    private ComparisonChart() {
    }

    /** One variant's curve: the interval at episode 1, 2, .... */
    public record Series(String name, List<ConfidenceInterval> episodes) {
    }

    /** The chart: each variant's mean over seeds with its 95% confidence band, against the episode. */
    public static Chart chart(String title, String yLabel, List<Series> series) {
        Chart chart = new Chart(title, yLabel + "; band: 95% CI over seeds", "episode", "episodic return");
        for (int k = 0; k < series.size(); k++) {
            List<ConfidenceInterval> cis = series.get(k).episodes();
            int n = cis.size();
            double[] x = new double[n];
            double[] mean = new double[n];
            double[] low = new double[n];
            double[] high = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = i + 1;
                mean[i] = cis.get(i).mean();
                low[i] = cis.get(i).low();
                high[i] = cis.get(i).high();
            }
            chart.band(series.get(k).name(), Chart.PALETTE[k % Chart.PALETTE.length], x, mean, low, high);
        }
        return chart;
    }

    /** Draws the chart and writes {@code base}.png and {@code base}.svg (each through a temporary file). */
    public static void write(Path base, String title, String yLabel, List<Series> series) throws IOException {
        Chart chart = chart(title, yLabel, series);
        chart.writePng(base.resolveSibling(base.getFileName() + ".png"), WIDTH, HEIGHT);
        chart.writeSvg(base.resolveSibling(base.getFileName() + ".svg"), WIDTH, HEIGHT);
    }

    /** The CSV of the chart's numbers: variant, episode, mean, low, high, seeds. */
    public static void writeCsv(Path path, List<Series> series) throws IOException {
        StringBuilder b = new StringBuilder("variant,episode,mean,ci_low,ci_high,seeds\n");
        for (Series s : series) {
            for (int i = 0; i < s.episodes().size(); i++) {
                ConfidenceInterval ci = s.episodes().get(i);
                b.append(CsvFile.quote(s.name())).append(',').append(i + 1).append(',').append(ci.mean()).append(',').append(ci.low())
                        .append(',').append(ci.high()).append(',').append(ci.n()).append('\n');
            }
        }
        AtomicFile.write(path, b.toString());
    }
}
