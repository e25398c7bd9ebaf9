package deepq4j.dqn.experiments;

import deepq4j.dqn.DqnConfig;
import deepq4j.dqn.Statistics;
import deepq4j.dqn.run.CsvFile;
import deepq4j.dqn.run.TrainingRun;
import deepq4j.io.AtomicFile;
import deepq4j.io.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs several variants of DQN over several seeds, as many at a time as asked, and draws their
 * learning curves on one chart: the engine of {@code deepq4j compare}. Each run is an ordinary
 * run directory ({@code <out>/<variant>/seed-<s>}); the chart's numbers go to {@code curves.csv},
 * one row per run to {@code runs.csv}.
 */
public final class Comparison {
    /** The course's comparison: target networks, Double DQN, prioritized replay and dueling, each added to DQN 2015. */
    public static final List<Variant> COURSE_VARIANTS = List.of(
            new Variant("DQN 2013", List.of("--no-target-network")),
            new Variant("DQN 2015", List.of()),
            new Variant("Double DQN", List.of("--double-dqn")),
            new Variant("PER", List.of("--prioritized-replay")),
            new Variant("Dueling", List.of("--dueling")));

    private Comparison() {
    }

    /** A named set of `train` flags. */
    public record Variant(String name, List<String> flags) {
        /** Reads {@code NAME=FLAGS}, such as {@code "Double DQN=--double-dqn --learning-rate 1e-3"}. */
        public static Variant parse(String spec) {
            int eq = spec.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("a variant is NAME=FLAGS (FLAGS may be empty), got '" + spec + "'");
            }
            String flags = spec.substring(eq + 1).trim();
            return new Variant(spec.substring(0, eq).trim(), flags.isEmpty() ? List.of() : List.of(flags.split("\\s+")));
        }

        /** The directory name: the name in lower case with runs of other characters turned into '-'. */
        String slug() {
            return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        }
    }

    /** One finished run. */
    public record Run(Variant variant, long seed, Path dir, double[] returns, double evalMean, double wallSeconds) {
    }

    /**
     * Trains every variant with every seed on {@code envId} ({@code common} flags first, the
     * variant's after them), {@code jobs} runs at a time, then writes the chart and the CSVs.
     * Each curve is the mean over seeds of the return of episode 1, 2, ... (each seed's returns
     * first smoothed by a moving mean of {@code smooth} episodes), up to the shortest seed's count.
     */
    public static List<Run> run(Path out, String envId, List<Variant> variants, List<Long> seeds, List<String> common, int jobs,
                                int smooth, PrintWriter log) throws IOException, InterruptedException {
        if (variants.isEmpty() || seeds.isEmpty()) {
            throw new IllegalArgumentException("compare needs at least one variant and one seed");
        }
        Map<String, Variant> bySlug = new LinkedHashMap<>();
        for (Variant v : variants) {
            if (bySlug.put(v.slug(), v) != null || v.slug().isEmpty()) {
                throw new IllegalArgumentException("variant names must differ in their letters and digits: '" + v.name() + "'");
            }
        }
        // Check every configuration before starting any run: a typo should not surface an hour in.
        List<DqnConfig> configs = new ArrayList<>();
        List<Variant> runVariants = new ArrayList<>();
        for (Variant v : variants) {
            for (long seed : seeds) {
                List<String> args = new ArrayList<>(List.of("--env-id", envId));
                args.addAll(common);
                args.addAll(v.flags());
                args.addAll(List.of("--seed", Long.toString(seed), "--out", out.resolve(v.slug()).resolve("seed-" + seed).toString(),
                        "--no-progress"));
                try {
                    configs.add(TrainingRun.config(args.toArray(new String[0])));
                } catch (picocli.CommandLine.ParameterException e) {
                    throw new IllegalArgumentException("variant '" + v.name() + "': " + e.getMessage(), e);
                }
                runVariants.add(v);
            }
        }
        Files.createDirectories(out);
        log.printf("deepq4j compare: %d variants x %d seeds on %s, %d at a time -> %s%n", variants.size(), seeds.size(), envId, jobs, out);
        log.flush();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        List<Future<Map<String, Object>>> futures = new ArrayList<>();
        try {
            for (DqnConfig c : configs) {
                futures.add(pool.submit(() -> {
                    Map<String, Object> summary = finishedRun(c);
                    if (summary == null) {
                        summary = TrainingRun.trainAndEvaluate(c, new PrintWriter(new StringWriter()), false);
                    }
                    synchronized (log) {
                        log.printf(Locale.ROOT, "%s seed %d: %.1f s, greedy %.2f%n", c.out, c.seed, summary.get("wall_seconds"),
                                summary.get("eval_return_mean"));
                        log.flush();
                    }
                    return summary;
                }));
            }
            List<Run> runs = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                Map<String, Object> summary;
                try {
                    summary = futures.get(i).get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("run " + configs.get(i).out + " failed: " + e.getCause().getMessage(), e.getCause());
                }
                DqnConfig c = configs.get(i);
                runs.add(new Run(runVariants.get(i), c.seed, c.out, returns(c.out.resolve("episodes.csv")),
                        ((Number) summary.get("eval_return_mean")).doubleValue(), ((Number) summary.get("wall_seconds")).doubleValue()));
            }
            writeResults(out, envId, variants, runs, smooth);
            return runs;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The summary of a run already finished in {@code c}'s directory with the same settings (all
     * but where its files go), or null: running the same comparison again, after an interruption or
     * with one variant more, trains only what is missing, as a sweep does.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> finishedRun(DqnConfig c) throws IOException {
        Path summary = c.out.resolve("summary.json");
        Path config = c.out.resolve("config.json");
        if (!Files.isRegularFile(summary) || !Files.isRegularFile(config)) {
            return null;
        }
        Map<String, Object> recorded = new LinkedHashMap<>((Map<String, Object>) Json.read(Files.readString(config)));
        Map<String, Object> wanted = new LinkedHashMap<>(c.toMap());
        recorded.remove("out");
        wanted.remove("out");
        if (!Json.write(recorded).equals(Json.write(Json.read(Json.write(wanted))))) {
            return null;
        }
        return (Map<String, Object>) Json.read(Files.readString(summary));
    }

    private static void writeResults(Path out, String envId, List<Variant> variants, List<Run> runs, int smooth) throws IOException {
        List<ComparisonChart.Series> series = new ArrayList<>();
        for (Variant v : variants) {
            List<double[]> perSeed = new ArrayList<>();
            for (Run r : runs) {
                if (r.variant() == v) {
                    perSeed.add(Statistics.movingMean(r.returns(), smooth));
                }
            }
            series.add(new ComparisonChart.Series(v.name(), curve(perSeed)));
        }
        int seeds = (int) runs.stream().filter(r -> r.variant() == variants.get(0)).count();
        ComparisonChart.write(out.resolve("compare"), envId + ": " + seeds + " seeds per variant",
                "episodic return (moving mean of " + smooth + "), mean over seeds", series);
        ComparisonChart.writeCsv(out.resolve("curves.csv"), series);
        StringBuilder b = new StringBuilder("variant,seed,episodes,eval_return_mean,wall_seconds,dir\n");
        for (Run r : runs) {
            b.append(CsvFile.quote(r.variant().name())).append(',').append(r.seed()).append(',').append(r.returns().length)
                    .append(',').append(r.evalMean()).append(',').append(String.format(Locale.ROOT, "%.1f", r.wallSeconds())).append(',')
                    .append(r.dir()).append('\n');
        }
        AtomicFile.write(out.resolve("runs.csv"), b.toString());
    }

    /** The interval over seeds of episode 1, 2, ..., up to the shortest sequence. */
    static List<ConfidenceInterval> curve(List<double[]> perSeed) {
        int episodes = Integer.MAX_VALUE;
        for (double[] r : perSeed) {
            episodes = Math.min(episodes, r.length);
        }
        List<ConfidenceInterval> out = new ArrayList<>();
        for (int i = 0; i < episodes; i++) {
            double[] values = new double[perSeed.size()];
            for (int s = 0; s < values.length; s++) {
                values[s] = perSeed.get(s)[i];
            }
            out.add(ConfidenceInterval.of(values));
        }
        return out;
    }

    /** The returns column of a run's episodes.csv. */
    static double[] returns(Path episodesCsv) {
        try {
            List<String[]> rows = CsvFile.rows(episodesCsv);
            double[] out = new double[rows.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = CsvFile.number(episodesCsv, i, rows.get(i), 1);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
