package deepq4j.dqn.experiments;

import deepq4j.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Collects the summary.json files under a directory into the Markdown tables of docs/results.md:
 * one row per run, and per algorithm and environment the mean over seeds and how many seeds
 * reached the bar, beside CleanRL's published figure for the same algorithm.
 * Run by {@code bench/results.sh}; usage: {@code ResultsTable RUNS_DIR OUT.md}.
 */
public final class ResultsTable {
    /** The evaluation return each environment's runs should reach (issue 5). */
    private static final Map<String, Double> BARS = Map.of("CartPole-v1", 475.0, "Acrobot-v1", -100.0, "MountainCar-v0", -200.0);
    /**
     * CleanRL's published figures (500k steps) by algorithm name and environment: dqn.py, c51.py
     * and pqn.py; CleanRL has no Rainbow for these environments.
     */
    private static final Map<String, String> CLEANRL = Map.of(
            "DQN 2015/CartPole-v1", "488.69 ± 16.11 (dqn.py)", "DQN 2015/Acrobot-v1", "-91.54 ± 7.20 (dqn.py)",
            "DQN 2015/MountainCar-v0", "-194.95 ± 8.48 (dqn.py)",
            "C51/CartPole-v1", "481.20 ± 20.53 (c51.py)", "C51/Acrobot-v1", "-87.70 ± 5.52 (c51.py)",
            "C51/MountainCar-v0", "-166.38 ± 27.94 (c51.py)",
            "PQN/CartPole-v1", "495.13 ± 6.89 (pqn.py)", "PQN/Acrobot-v1", "-95.63 ± 5.73 (pqn.py)", "PQN/MountainCar-v0", "-200 (pqn.py)");

    private ResultsTable() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ResultsTable RUNS_DIR OUT.md");
            System.exit(2);
        }
        Map<String, List<Map<String, Object>>> byEnv = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of(args[0]))) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.getFileName().toString().equals("summary.json")).sorted()::iterator) {
                @SuppressWarnings("unchecked")
                Map<String, Object> s = (Map<String, Object>) Json.read(Files.readString(p));
                byEnv.computeIfAbsent(s.get("algorithm") + "/" + s.get("env_id"), k -> new ArrayList<>()).add(s);
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("| algorithm | environment | seed | eval return (mean ± std over episodes) | episodes | wall time | steps/s |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        StringBuilder overview = new StringBuilder();
        overview.append("| algorithm | environment | runs | mean eval return over seeds | seeds at the bar | bar | CleanRL | mean wall time |\n");
        overview.append("|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, List<Map<String, Object>>> e : byEnv.entrySet()) {
            double sum = 0;
            double wall = 0;
            int atBar = 0;
            String algorithm = e.getKey().substring(0, e.getKey().lastIndexOf('/'));
            String env = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
            double bar = BARS.getOrDefault(env, Double.NaN);
            for (Map<String, Object> s : e.getValue()) {
                double mean = num(s, "eval_return_mean");
                sum += mean;
                wall += num(s, "wall_seconds");
                atBar += mean >= bar ? 1 : 0;
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.2f ± %.2f | %d | %.1f s | %,.0f |\n", algorithm, env,
                        (long) num(s, "seed"), mean, num(s, "eval_return_std"), (long) num(s, "eval_episodes"), num(s, "wall_seconds"),
                        num(s, "sps")));
            }
            int n = e.getValue().size();
            overview.append(String.format(Locale.ROOT, "| %s | %s | %d | %.2f | %d of %d | %.0f | %s | %.1f s |\n", algorithm, env, n,
                    sum / n, atBar, n, bar, CLEANRL.getOrDefault(e.getKey(), "-"), wall / n));
        }
        Files.writeString(Path.of(args[1]), overview + "\n" + md);
        System.out.print(overview + "\n" + md);
    }

    private static double num(Map<String, Object> s, String key) {
        return ((Number) s.get(key)).doubleValue();
    }
}
