package deepq4j.dqn.experiments;

import deepq4j.charts.Chart;
import deepq4j.dqn.Statistics;
import deepq4j.dqn.run.CsvFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The learning-curve chart of the MinAtar table (docs/img/minatar.png and .svg): one panel per
 * game, the training return against frames, averaged over the episodes that end in each window of
 * 100,000 frames, as Young and Tian plot it; with several seeds, the mean over seeds and a band
 * from the lowest seed to the highest. (A 95% confidence band over two or three seeds, with
 * Student's t at 12.7 or 4.3, spans most of the axis even where the seeds agree to a point, so it
 * would hide more than it shows.) It reads the runs' episodes.csv kept as {@code <Game>-s<seed>.csv} in a
 * directory (docs/data/minatar), so the chart can be redrawn from the repository alone.
 *
 * <p>Usage: {@code MinAtarChart DATA_DIR OUT_BASE} (writes OUT_BASE.png and OUT_BASE.svg).
 */
public final class MinAtarChart {
    /** Frames per point of a curve. */
    static final long WINDOW = 100_000;
    private static final Pattern NAME = Pattern.compile("([A-Za-z]+)-s([0-9]+)\\.csv");

    private MinAtarChart() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: MinAtarChart DATA_DIR OUT_BASE");
            System.exit(2);
        }
        List<Chart> panels = panels(Path.of(args[0]));
        Path base = Path.of(args[1]);
        String title = "MinAtar, DQN at 5M frames: training return (epsilon 0.1, sticky actions)";
        Chart.writePanelsPng(base.resolveSibling(base.getFileName() + ".png"), title, panels, 3, 420, 300);
        Chart.writePanelsSvg(base.resolveSibling(base.getFileName() + ".svg"), title, panels, 3, 420, 300);
    }

    /** One chart per game found in {@code dir}, games in alphabetical order. */
    static List<Chart> panels(Path dir) throws IOException {
        Map<String, List<double[]>> byGame = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.matches()) {
                    byGame.computeIfAbsent(m.group(1), g -> new ArrayList<>()).add(windowMeans(f));
                }
            }
        }
        List<Chart> panels = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> game : byGame.entrySet()) {
            List<double[]> seeds = game.getValue();
            int points = seeds.stream().mapToInt(s -> s.length).min().orElse(0);
            double[] frames = new double[points];
            double[] mean = new double[points];
            double[] low = new double[points];
            double[] high = new double[points];
            for (int i = 0; i < points; i++) {
                double[] values = new double[seeds.size()];
                for (int s = 0; s < values.length; s++) {
                    values[s] = seeds.get(s)[i];
                }
                frames[i] = (i + 1) * WINDOW / 1e6;
                mean[i] = Statistics.mean(values);
                low[i] = Arrays.stream(values).min().getAsDouble();
                high[i] = Arrays.stream(values).max().getAsDouble();
            }
            String seedsText = seeds.size() == 1 ? "1 seed" : seeds.size() + " seeds, band: lowest to highest";
            Chart chart = new Chart(game.getKey(), seedsText, "million frames", "training return");
            if (seeds.size() > 1) {
                chart.band("mean over seeds", Chart.PALETTE[0], frames, mean, low, high);
            } else {
                chart.line("seed", Chart.PALETTE[0], frames, mean);
            }
            panels.add(chart);
        }
        if (panels.isEmpty()) {
            throw new IllegalArgumentException(dir + " holds no <Game>-s<seed>.csv files");
        }
        return panels;
    }

    /** The mean return of the episodes ending in each window of {@link #WINDOW} frames (NaN for a window with none). */
    static double[] windowMeans(Path episodesCsv) throws IOException {
        List<String[]> rows = CsvFile.rows(episodesCsv);
        List<double[]> sums = new ArrayList<>(); // per window: sum, count
        for (int i = 0; i < rows.size(); i++) {
            long step = CsvFile.whole(episodesCsv, i, rows.get(i), 0);
            int w = (int) (step / WINDOW);
            while (sums.size() <= w) {
                sums.add(new double[2]);
            }
            sums.get(w)[0] += CsvFile.number(episodesCsv, i, rows.get(i), 1);
            sums.get(w)[1]++;
        }
        double[] out = new double[sums.size()];
        for (int w = 0; w < out.length; w++) {
            out[w] = sums.get(w)[1] == 0 ? Double.NaN : sums.get(w)[0] / sums.get(w)[1];
        }
        return out;
    }
}
