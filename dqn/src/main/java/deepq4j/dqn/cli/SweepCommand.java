package deepq4j.dqn.cli;

import deepq4j.dqn.experiments.SearchSpace;
import deepq4j.dqn.experiments.Sweep;
import deepq4j.dqn.run.TrainingRun;
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

/** {@code deepq4j sweep}: a hyperparameter search with pruning, resumable. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Search hyperparameters: random search over the declared --param space, trials in parallel, a median "
            + "or successive-halving pruner stopping weak trials early, a ranked table at the end (ranking.md). Run it "
            + "again with the same --out to continue after an interruption: finished trials are kept.",
            "Flags after -- go to every trial, e.g. deepq4j sweep --param learning-rate=log-uniform:1e-4:1e-2 -- "
                + "--total-timesteps 100000"})
final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--env-id", description = "environment id (default: ${DEFAULT-VALUE})")
    String envId = "CartPole-v1";
    @Option(names = "--param", required = true, paramLabel = "NAME=KIND:ARGS", description = "a searched train flag: "
            + "NAME=uniform:LOW:HIGH, NAME=log-uniform:LOW:HIGH, NAME=int:LOW:HIGH or NAME=choice:A,B,C (repeat it)")
    List<String> params = new ArrayList<>();
    @Option(names = "--trials", description = "trials to run (default: ${DEFAULT-VALUE})")
    int trials = 20;
    @Option(names = "--pruner", description = "none, median (Optuna's MedianPruner, after 5 finished trials) or halving "
            + "(asynchronous successive halving, reduction factor 3) (default: ${DEFAULT-VALUE})")
    String pruner = "median";
    @Option(names = "--sweep-seed", description = "seed of the parameter draws (default: ${DEFAULT-VALUE})")
    long sweepSeed = 0;
    @Option(names = "--report-every", description = "steps between a trial's reports to the pruner (default: a tenth of the run)")
    long reportEvery = 0;
    @Option(names = "--report-window", description = "a report is the mean return of this many recent episodes (default: ${DEFAULT-VALUE})")
    int reportWindow = 20;
    @Option(names = "--jobs", description = "trials at a time (default: the number of cores, ${DEFAULT-VALUE})")
    int jobs = Runtime.getRuntime().availableProcessors();
    @Option(names = "--out", description = "output directory (default: runs/sweep-<env-id>-<unix time>)")
    Path out;
    @CommandLine.Parameters(paramLabel = "TRAIN_FLAGS", description = "flags for every trial, after --")
    List<String> common = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Main.requireRegistered(spec, envId);
        if (trials < 1 || jobs < 1 || reportWindow < 1 || reportEvery < 0) {
            throw new ParameterException(spec.commandLine(), "--trials, --jobs and --report-window must be at least 1, --report-every not negative");
        }
        if (!List.of("none", "median", "halving").contains(pruner)) {
            throw new ParameterException(spec.commandLine(), "invalid value for --pruner: '" + pruner + "' (none, median or halving)");
        }
        SearchSpace space;
        try {
            space = SearchSpace.parse(params);
            // every flag must be one train knows: check with the first trial's values before running anything
            List<String> probe = new ArrayList<>(common);
            probe.addAll(SearchSpace.flags(space.sample(sweepSeed, 0)));
            TrainingRun.config(probe.toArray(new String[0]));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "invalid value for --param: " + e.getMessage());
        } catch (ParameterException e) {
            throw new ParameterException(spec.commandLine(), "the trials' train flags: " + e.getMessage());
        }
        if (out == null) {
            out = Path.of("runs", "sweep-" + envId.replace('/', '-') + "-" + System.currentTimeMillis() / 1000);
        }
        PrintWriter w = spec.commandLine().getOut();
        Sweep.Definition def = new Sweep.Definition(envId, params, trials, pruner, sweepSeed, common, reportEvery, reportWindow);
        List<Sweep.Trial> ranked = Sweep.run(out, def, jobs, w);
        w.print(Sweep.table(ranked));
        w.println("ranking: " + out.resolve("ranking.md") + "; every trial: trials.csv; reports to the pruner: reports.csv");
        return 0;
    }
}
