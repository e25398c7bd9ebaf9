package deepq4j.dqn.run;

import deepq4j.charts.Chart;
import deepq4j.dqn.DqnConfig;
import deepq4j.dqn.Evaluation;
import deepq4j.dqn.Statistics;
import deepq4j.dqn.TrainingLog;
import deepq4j.io.AtomicFile;
import deepq4j.io.Json;
import deepq4j.nn.Module;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The files of one training run:
 * <ul>
 *   <li>{@code config.json}: every setting, resolved;</li>
 *   <li>{@code episodes.csv}: step, return, length of every finished episode;</li>
 *   <li>{@code metrics.csv}: step, td_loss, mean_q, epsilon, sps every --log-interval steps;</li>
 *   <li>{@code events.out.tfevents.*}: the same scalars under CleanRL's TensorBoard tags;</li>
 *   <li>{@code learning_curve.png}, {@code model.safetensors}, {@code summary.json} at the end;</li>
 *   <li>{@code videos/*.gif} with --capture-video.</li>
 * </ul>
 * The CSV files are flushed line by line, so a crash loses nothing already logged, and forced to
 * disk before a checkpoint records their lengths; the files written whole go through
 * {@link AtomicFile}. A run started into a directory that holds an earlier run replaces it: the
 * earlier run's files are removed first, so that TensorBoard, say, does not draw two runs. Starting
 * and resuming both remove the temporary files a killed write left behind.
 */
public final class RunDirectory implements TrainingLog, Closeable {
    private static final String EPISODES = "episodes.csv";
    private static final String METRICS = "metrics.csv";
    private static final String VIDEOS = "videos";
    /** The files of a run that are not rewritten as soon as it starts (config.json and the CSV logs are). */
    private static final List<String> WRITTEN_LATER = List.of("checkpoint.safetensors", "model.safetensors", "summary.json",
            "learning_curve.png");
    private final Path dir;
    private final DqnConfig config;
    private final BufferedWriter episodes;
    private final BufferedWriter metrics;
    private final TensorBoardWriter tensorboard;
    /** Every finished episode's last step and return, for the learning curve. */
    private final List<double[]> curve = new ArrayList<>();

    /** Creates (or reuses) {@code dir} and writes config.json. */
    public RunDirectory(Path dir, DqnConfig config) throws IOException {
        this.dir = dir;
        this.config = config;
        Files.createDirectories(dir);
        removeEarlierRun(dir);
        Json.writeFile(dir.resolve("config.json"), config.toMap());
        episodes = Files.newBufferedWriter(dir.resolve("episodes.csv"), StandardCharsets.UTF_8);
        episodes.write("step,return,length\n");
        episodes.flush();
        metrics = Files.newBufferedWriter(dir.resolve("metrics.csv"), StandardCharsets.UTF_8);
        metrics.write("step,td_loss,mean_q,epsilon,sps\n");
        metrics.flush();
        tensorboard = new TensorBoardWriter(dir);
    }

    private RunDirectory(Path dir, DqnConfig config, Map<String, Long> lengths) throws IOException {
        this.dir = dir;
        this.config = config;
        removeStaleTemporaries(dir);
        Path episodesFile = dir.resolve(EPISODES);
        TensorBoardWriter.truncate(episodesFile, length(lengths, EPISODES));
        TensorBoardWriter.truncate(dir.resolve(METRICS), length(lengths, METRICS));
        // the learning curve is drawn at the end from every episode, those before the checkpoint too
        List<String[]> rows = CsvFile.rows(episodesFile);
        for (int i = 0; i < rows.size(); i++) {
            curve.add(new double[] {CsvFile.whole(episodesFile, i, rows.get(i), 0), CsvFile.number(episodesFile, i, rows.get(i), 1)});
        }
        episodes = Files.newBufferedWriter(episodesFile, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        metrics = Files.newBufferedWriter(dir.resolve(METRICS), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        String events = lengths.keySet().stream().filter(k -> k.startsWith(TensorBoardWriter.PREFIX)).findFirst()
                .orElseThrow(() -> new IOException("the checkpoint names no TensorBoard file"));
        tensorboard = new TensorBoardWriter(dir.resolve(events), lengths.get(events));
    }

    /** Deletes what a run killed before it finished may have left: its files, and half-written temporaries. */
    private static void removeEarlierRun(Path dir) throws IOException {
        removeStaleTemporaries(dir);
        for (String name : WRITTEN_LATER) {
            Files.deleteIfExists(dir.resolve(name));
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.getFileName().toString().startsWith(TensorBoardWriter.PREFIX)) {
                    Files.delete(p);
                }
            }
        }
        Path videos = dir.resolve(VIDEOS);
        if (Files.isDirectory(videos)) {
            try (java.util.stream.Stream<Path> gifs = Files.list(videos)) {
                for (Path p : (Iterable<Path>) gifs::iterator) {
                    if (p.getFileName().toString().matches("step_\\d+\\.gif")) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    private static void removeStaleTemporaries(Path dir) throws IOException {
        AtomicFile.removeStale(dir);
        AtomicFile.removeStale(dir.resolve(VIDEOS));
    }

    /**
     * Continues the files of a run that stopped after a checkpoint: each log file is cut back to
     * the length it had when the checkpoint was written ({@link #flush()}), so nothing logged
     * after it (and so logged again after the resume) appears twice.
     */
    public static RunDirectory reopen(Path dir, DqnConfig config, Map<String, Long> lengths) throws IOException {
        return new RunDirectory(dir, config, lengths);
    }

    private static long length(Map<String, Long> lengths, String file) throws IOException {
        Long n = lengths.get(file);
        if (n == null) {
            throw new IOException("the checkpoint does not record the length of " + file);
        }
        return n;
    }

    @Override
    public Map<String, Long> flush() throws IOException {
        episodes.flush();
        metrics.flush();
        tensorboard.flush();
        // On disk before the checkpoint that names these lengths is: a power cut must not leave a
        // checkpoint pointing past the end of a log.
        AtomicFile.sync(dir.resolve(EPISODES));
        AtomicFile.sync(dir.resolve(METRICS));
        AtomicFile.sync(tensorboard.path());
        Map<String, Long> lengths = new java.util.LinkedHashMap<>();
        lengths.put(EPISODES, Files.size(dir.resolve(EPISODES)));
        lengths.put(METRICS, Files.size(dir.resolve(METRICS)));
        lengths.put(tensorboard.path().getFileName().toString(), Files.size(tensorboard.path()));
        return lengths;
    }

    /** The directory. */
    public Path path() {
        return dir;
    }

    @Override
    public void episode(long step, double episodicReturn, int length) throws IOException {
        episodes.write(step + "," + num(episodicReturn) + "," + length + "\n");
        episodes.flush();
        tensorboard.scalar("charts/episodic_return", episodicReturn, step);
        tensorboard.scalar("charts/episodic_length", length, step);
        curve.add(new double[] {step, episodicReturn});
    }

    @Override
    public void metrics(long step, double tdLoss, double meanQ, double epsilon, double sps) throws IOException {
        metrics.write(step + "," + num(tdLoss) + "," + num(meanQ) + "," + num(epsilon) + "," + String.format(Locale.ROOT, "%.1f", sps) + "\n");
        metrics.flush();
        tensorboard.scalar("losses/td_loss", tdLoss, step);
        tensorboard.scalar("losses/q_values", meanQ, step);
        tensorboard.scalar("charts/epsilon", epsilon, step);
        tensorboard.scalar("charts/SPS", Math.floor(sps), step);
        tensorboard.flush();
    }

    @Override
    public void video(long step, Module q) throws IOException {
        Path videos = dir.resolve(VIDEOS);
        Files.createDirectories(videos);
        Evaluation.recordGif(q, config.envId, config.seed + Evaluation.SEED_OFFSET + step, videos.resolve("step_" + step + ".gif"));
    }

    /**
     * Writes learning_curve.png: each episode's return as a faint dot at the step it ended, and the
     * mean of the last 20 episodes as a line, as CleanRL's charts show them.
     */
    public void writeCurve(String title) throws IOException {
        double[] steps = curve.stream().mapToDouble(e -> e[0]).toArray();
        double[] returns = curve.stream().mapToDouble(e -> e[1]).toArray();
        new Chart(title, "dots: episodes; line: mean of the last 20 episodes", "environment step", "episodic return")
                .points("episodes", Chart.PALETTE[0], steps, returns)
                .line("mean of the last 20 episodes", Chart.PALETTE[0], steps, Statistics.movingMean(returns, 20))
                .writePng(dir.resolve("learning_curve.png"), 800, 480);
    }

    /** Writes summary.json. */
    public void writeSummary(Map<String, Object> summary) throws IOException {
        Json.writeFile(dir.resolve("summary.json"), summary);
    }

    @Override
    public void close() throws IOException {
        episodes.close();
        metrics.close();
        tensorboard.close();
    }

    /** Shortest text that reads back as the same double. */
    private static String num(double v) {
        return Double.toString(v);
    }
}
