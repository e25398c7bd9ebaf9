package deepq4j.dqn.experiments;

import deepq4j.dqn.DqnConfig;
import deepq4j.dqn.TrainingLog;
import deepq4j.dqn.run.CsvFile;
import deepq4j.dqn.run.TrainingRun;
import deepq4j.io.AtomicFile;
import deepq4j.io.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A hyperparameter search, the role Optuna plays in the course: the engine of {@code deepq4j sweep}.
 *
 * <p>Trial i trains with values drawn for it from the search space (random search), in its own
 * run directory {@code <out>/trial-<i>}. While it trains it reports, every {@code reportEvery}
 * steps, the mean return of its last {@code reportWindow} episodes; the pruner may stop it there.
 * A finished trial's value is its greedy evaluation return. Trials run {@code jobs} at a time.
 *
 * <p>Nothing finished is lost: each finished trial is appended to {@code trials.csv} and each
 * report to {@code reports.csv} as it happens, so running the same sweep again with the same
 * {@code --out} skips the finished trials and reruns only the ones that were cut off. (Which
 * trials get pruned depends on the order in which parallel trials report; with one job at a time
 * a sweep is reproducible.)
 */
public final class Sweep {
    /** What a sweep searches, over which runs; everything but the trial count must match when a sweep is continued. */
    public record Definition(String envId, List<String> params, int trials, String pruner, long seed, List<String> common,
                             long reportEvery, int reportWindow) {
        String identity() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("env_id", envId);
            m.put("params", params);
            m.put("pruner", pruner);
            m.put("seed", seed);
            m.put("common", common);
            m.put("report_every", reportEvery);
            m.put("report_window", reportWindow);
            return Json.write(m);
        }
    }

    /** A finished trial: complete, pruned (its value is its last report) or failed (its value is NaN). */
    public record Trial(int number, String state, double value, Map<String, String> params, String note) {
    }

    /** Thrown inside a trial's training loop to stop it. */
    private static final class TrialPruned extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final double value;

        TrialPruned(double value) {
            super(null, null, false, false);
            this.value = value;
        }
    }

    private final Path out;
    private final Definition definition;
    private final SearchSpace space;
    private final Pruner pruner;
    /** Every report of every trial that has finished or is running: trial, report number, value. */
    private final Map<Integer, Map<Integer, Double>> reports = new HashMap<>();
    private final Map<Integer, Trial> finished = new LinkedHashMap<>();

    private Sweep(Path out, Definition definition) {
        this.out = out;
        this.definition = definition;
        this.space = SearchSpace.parse(definition.params());
        switch (definition.pruner()) {
            case "none":
                pruner = Pruner.NONE;
                break;
            case "median":
                pruner = Pruner.median(5);
                break;
            case "halving":
                pruner = Pruner.successiveHalving(3);
                break;
            default:
                throw new IllegalArgumentException("unknown pruner '" + definition.pruner() + "': none, median or halving");
        }
    }

    /** Runs (or continues) the sweep and returns every trial, best first. */
    public static List<Trial> run(Path out, Definition definition, int jobs, PrintWriter log) throws IOException, InterruptedException {
        Sweep sweep = new Sweep(out, definition);
        return sweep.run(jobs, log);
    }

    private List<Trial> run(int jobs, PrintWriter log) throws IOException, InterruptedException {
        Files.createDirectories(out);
        Path identity = out.resolve("sweep.json");
        if (Files.exists(identity)) {
            String before = Files.readString(identity, StandardCharsets.UTF_8);
            if (!before.equals(definition.identity())) {
                throw new IllegalArgumentException(out + " holds another sweep (" + before.trim() + "); use a new --out");
            }
        } else {
            AtomicFile.write(identity, definition.identity());
            Files.writeString(out.resolve("trials.csv"), "trial,state,value," + String.join(",", space.names()) + ",note\n");
            Files.writeString(out.resolve("reports.csv"), "trial,report,step,value\n");
        }
        loadFinished();
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < definition.trials(); i++) {
            if (!finished.containsKey(i)) {
                todo.add(i);
            }
        }
        log.printf("deepq4j sweep: %d trials (%d finished before), %s pruner, %d at a time -> %s%n", definition.trials(),
                definition.trials() - todo.size(), definition.pruner(), jobs, out);
        log.flush();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i : todo) {
                futures.add(pool.submit(() -> {
                    Trial t = runTrial(i);
                    synchronized (log) {
                        log.printf(Locale.ROOT, "trial %d %s: %.2f %s%n", t.number(), t.state(), t.value(), t.params());
                        log.flush();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("a trial could not be recorded: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<Trial> ranked = ranking();
        AtomicFile.write(out.resolve("ranking.md"), table(ranked));
        return ranked;
    }

    /** Trains one trial to the end or until it is pruned, and records it. */
    private Trial runTrial(int number) throws IOException {
        Map<String, String> params = space.sample(definition.seed(), number);
        List<String> args = new ArrayList<>(List.of("--env-id", definition.envId()));
        args.addAll(definition.common());
        args.addAll(SearchSpace.flags(params));
        args.addAll(List.of("--out", out.resolve(String.format(Locale.ROOT, "trial-%04d", number)).toString(), "--no-progress"));
        synchronized (this) {
            reports.remove(number); // a rerun of a trial that was cut off reports afresh
        }
        Trial t;
        try {
            DqnConfig config = TrainingRun.config(args.toArray(new String[0]));
            long every = definition.reportEvery() > 0 ? definition.reportEvery() : Math.max(1, config.totalTimesteps / 10);
            Map<String, Object> summary = TrainingRun.trainAndEvaluate(config, new PrintWriter(new StringWriter()), false, false,
                    new Reporter(number, every, definition.reportWindow()));
            t = new Trial(number, "complete", ((Number) summary.get("eval_return_mean")).doubleValue(), params, "");
        } catch (TrialPruned p) {
            t = new Trial(number, "pruned", p.value, params, "");
        } catch (RuntimeException e) {
            // A diverged or misconfigured trial is a result too (Optuna's FAIL), not the end of the sweep.
            t = new Trial(number, "failed", Double.NaN, params, String.valueOf(e.getMessage()));
        }
        record(t);
        return t;
    }

    /** Reports a trial's recent mean return every {@code every} steps, and stops it when the pruner says so. */
    private final class Reporter implements TrainingLog {
        private final int trial;
        private final long every;
        private final int window;
        private final Deque<Double> recent = new ArrayDeque<>();
        private int reported;

        Reporter(int trial, long every, int window) {
            this.trial = trial;
            this.every = every;
            this.window = window;
        }

        @Override
        public void episode(long step, double episodicReturn, int length) throws IOException {
            recent.addLast(episodicReturn);
            if (recent.size() > window) {
                recent.removeFirst();
            }
            while ((step + 1) / every > reported) {
                reported++;
                double value = recent.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                if (report(trial, reported, step + 1, value)) {
                    throw new TrialPruned(value);
                }
            }
        }

        @Override
        public void metrics(long step, double tdLoss, double meanQ, double epsilon, double sps) {
        }
    }

    /** Records a report and asks the pruner about it. */
    private synchronized boolean report(int trial, int report, long step, double value) throws IOException {
        List<Double> others = new ArrayList<>();
        for (Map.Entry<Integer, Map<Integer, Double>> e : reports.entrySet()) {
            Double v = e.getKey() == trial ? null : e.getValue().get(report);
            if (v != null) {
                others.add(v);
            }
        }
        reports.computeIfAbsent(trial, k -> new HashMap<>()).put(report, value);
        Files.writeString(out.resolve("reports.csv"), trial + "," + report + "," + step + "," + value + "\n", StandardOpenOption.APPEND);
        long complete = finished.values().stream().filter(t -> t.state().equals("complete")).count();
        return pruner.prune(report, value, others, (int) complete);
    }

    private synchronized void record(Trial t) throws IOException {
        finished.put(t.number(), t);
        StringBuilder line = new StringBuilder().append(t.number()).append(',').append(t.state()).append(',').append(t.value());
        for (String name : space.names()) {
            line.append(',').append(t.params().get(name));
        }
        line.append(',').append(CsvFile.quote(t.note().replace('\n', ' '))).append('\n');
        Files.writeString(out.resolve("trials.csv"), line, StandardOpenOption.APPEND);
    }

    /** Reads the trials finished by an earlier run of this sweep, and their reports (those of unfinished trials are dropped). */
    private void loadFinished() throws IOException {
        List<String> names = space.names();
        Path trials = out.resolve("trials.csv");
        List<String[]> rows = CsvFile.rows(trials);
        for (int i = 0; i < rows.size(); i++) {
            String[] f = rows.get(i);
            if (f.length < 4 + names.size()) {
                continue; // a line cut short by a crash: that trial runs again
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int k = 0; k < names.size(); k++) {
                params.put(names.get(k), f[3 + k]);
            }
            int number = CsvFile.count(trials, i, f, 0);
            finished.put(number, new Trial(number, f[1], CsvFile.number(trials, i, f, 2), params, f[3 + names.size()]));
        }
        Path reportsFile = out.resolve("reports.csv");
        List<String[]> reportRows = CsvFile.rows(reportsFile);
        for (int i = 0; i < reportRows.size(); i++) {
            String[] f = reportRows.get(i);
            if (f.length == 4 && finished.containsKey(CsvFile.count(reportsFile, i, f, 0))) {
                reports.computeIfAbsent(CsvFile.count(reportsFile, i, f, 0), k -> new HashMap<>())
                        .put(CsvFile.count(reportsFile, i, f, 1), CsvFile.number(reportsFile, i, f, 3));
            }
        }
    }

    /** Complete trials by value, then pruned ones by their last report, then failed ones. */
    private List<Trial> ranking() {
        List<Trial> all = new ArrayList<>(finished.values());
        Map<String, Integer> order = Map.of("complete", 0, "pruned", 1, "failed", 2);
        all.sort(Comparator.comparing((Trial t) -> order.getOrDefault(t.state(), 3))
                .thenComparing(Trial::value, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Trial::number));
        return all;
    }

    /** The ranking as a Markdown table. */
    public static String table(List<Trial> ranked) {
        StringBuilder b = new StringBuilder("| rank | trial | state | value | parameters |\n|---|---|---|---|---|\n");
        int rank = 1;
        for (Trial t : ranked) {
            b.append(String.format(Locale.ROOT, "| %d | %d | %s | %.2f | %s |%n", rank++, t.number(), t.state(), t.value(),
                    t.params().toString().replaceAll("[{}]", "")));
        }
        return b.toString();
    }
}
