package deepq4j.dqn.cli;

import deepq4j.dqn.experiments.Comparison;
import deepq4j.dqn.experiments.ConfidenceInterval;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code deepq4j compare}: several variants over several seeds, their learning curves on one chart. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train several variants over several seeds (in parallel) and draw their learning curves on one chart: "
            + "the mean return per episode with a 95%% confidence band over seeds, as PNG and SVG, with the numbers in "
            + "curves.csv and one row per run in runs.csv.",
            "Flags after -- go to every run, e.g. deepq4j compare -- --total-timesteps 100000"})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--env-id", description = "environment id (default: ${DEFAULT-VALUE})")
    String envId = "CartPole-v1";
    @Option(names = "--variant", paramLabel = "NAME=FLAGS", description = "a variant and its train flags, e.g. \"Double=--double-dqn\" "
            + "(repeat it; default: the course's DQN 2013, DQN 2015, Double DQN, PER and Dueling)")
    List<String> variants = new ArrayList<>();
    @Option(names = "--seeds", description = "seeds per variant (default: ${DEFAULT-VALUE})")
    int seeds = 5;
    @Option(names = "--first-seed", description = "the seeds are this and the ones after it (default: ${DEFAULT-VALUE})")
    long firstSeed = 1;
    @Option(names = "--jobs", description = "runs at a time (default: the number of cores, ${DEFAULT-VALUE})")
    int jobs = Runtime.getRuntime().availableProcessors();
    @Option(names = "--smooth", description = "episodes in the moving mean of each seed's returns (default: ${DEFAULT-VALUE})")
    int smooth = 10;
    @Option(names = "--out", description = "output directory (default: runs/compare-<env-id>-<unix time>)")
    Path out;
    @CommandLine.Parameters(paramLabel = "TRAIN_FLAGS", description = "flags for every run, after --")
    List<String> common = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Main.requireRegistered(spec, envId);
        if (seeds < 1 || jobs < 1 || smooth < 1) {
            throw new ParameterException(spec.commandLine(), "--seeds, --jobs and --smooth must be at least 1");
        }
        List<Comparison.Variant> chosen = new ArrayList<>();
        try {
            for (String v : variants) {
                chosen.add(Comparison.Variant.parse(v));
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "invalid value for --variant: " + e.getMessage());
        }
        if (chosen.isEmpty()) {
            chosen.addAll(Comparison.COURSE_VARIANTS);
        }
        List<Long> seedList = new ArrayList<>();
        for (int i = 0; i < seeds; i++) {
            seedList.add(firstSeed + i);
        }
        if (out == null) {
            out = Path.of("runs", "compare-" + envId.replace('/', '-') + "-" + System.currentTimeMillis() / 1000);
        }
        PrintWriter w = spec.commandLine().getOut();
        List<Comparison.Run> runs = Comparison.run(out, envId, chosen, seedList, common, jobs, smooth, w);
        w.printf("%-24s %10s %22s%n", "variant", "episodes", "greedy return (95% CI)");
        for (Comparison.Variant v : chosen) {
            double[] evals = runs.stream().filter(r -> r.variant() == v).mapToDouble(Comparison.Run::evalMean).toArray();
            double episodes = runs.stream().filter(r -> r.variant() == v).mapToInt(r -> r.returns().length).average().orElse(0);
            ConfidenceInterval ci = ConfidenceInterval.of(evals);
            w.printf(java.util.Locale.ROOT, "%-24s %10.0f %10.2f [%.2f, %.2f]%n", v.name(), episodes, ci.mean(), ci.low(), ci.high());
        }
        w.println("chart: " + out.resolve("compare.png") + " and compare.svg; numbers: curves.csv, runs.csv");
        return 0;
    }
}
