package deepq4j.dqn;

import deepq4j.envs.Env;
import deepq4j.envs.Envs;
import deepq4j.nn.Module;
import deepq4j.opencl.OpenClDevice;
import deepq4j.opencl.OpenClUnavailableException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code deepq4j} command line, run by the {@code ./deepq4j} launcher and by
 * {@code mvn -q -pl dqn exec:java -Dexec.args="..."}. Exit status: 0 done, 1 the run failed
 * (diverged, or a file could not be written), 2 bad usage (the message names the flag).
 */
@Command(name = "deepq4j", mixinStandardHelpOptions = true, version = "deepq4j 0.1.0",
        description = "Deep Q-learning in pure Java.",
        subcommands = {Main.Train.class, Main.Eval.class, Main.RandomPolicy.class, Main.ListEnvs.class, Main.ListDevices.class, Main.Compare.class, Main.SweepCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs one command line and returns its exit status. Expected failures (a bad value, a
     * damaged file, a diverging run) print one line naming the problem. Anything else is a bug:
     * one line says so and where its full trace was written ({@link ErrorReport}); {@code --debug}
     * anywhere on the line prints the trace too.
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> words = new ArrayList<>(List.of(args));
        boolean debug = words.remove("--debug");
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException) {
                // bad values found after parsing (unknown environment, a model that does not fit)
                commandLine.getErr().println("deepq4j " + commandLine.getCommandName() + ": " + e.getMessage());
                return 2;
            }
            if (e instanceof IOException || e instanceof java.io.UncheckedIOException || e instanceof IllegalStateException) {
                // a file that cannot be read or written, a damaged file, a run that diverged
                commandLine.getErr().println("deepq4j " + commandLine.getCommandName() + ": " + e.getMessage());
                return 1;
            }
            throw e;
        });
        try {
            return cli.execute(words.toArray(new String[0]));
        } catch (Throwable t) { // anything else, Errors too (a stack overflow, memory exhausted): a bug
            String command = cli.getParseResult() != null && cli.getParseResult().subcommand() != null
                    ? cli.getParseResult().subcommand().commandSpec().name() : "";
            PrintWriter e = cli.getErr();
            e.println("deepq4j" + (command.isEmpty() ? "" : " " + command) + ": " + ErrorReport.write(t, runDirectory(cli), debug));
            if (debug) {
                t.printStackTrace(new PrintWriter(e, true));
            }
            e.flush();
            return 1;
        }
    }

    /** The run directory of a train command line, where its error report goes; null for the others. */
    private static Path runDirectory(CommandLine cli) {
        CommandLine.ParseResult parsed = cli.getParseResult();
        if (parsed == null || parsed.subcommand() == null || !(parsed.subcommand().commandSpec().userObject() instanceof Train)) {
            return null;
        }
        Train train = (Train) parsed.subcommand().commandSpec().userObject();
        return train.resume != null ? train.resume : train.config.out;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** A usage error (exit 2) naming the flag when {@code id} is not a registered environment. */
    static void requireRegistered(CommandLine.Model.CommandSpec spec, String id) {
        if (!Envs.ids().contains(id)) {
            throw new ParameterException(spec.commandLine(), "invalid value for --env-id: '" + id
                    + "' is not a registered environment; the ids are " + Envs.ids());
        }
    }

    /** {@code deepq4j train}: trains a Q-network and writes a run directory. */
    @Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Train a DQN agent. Flags and defaults follow CleanRL's dqn.py.",
                "For MinAtar ids the flags you leave unset take MinAtar's DQN baseline instead: 5M frames, buffer 100k, "
                    + "learning starts 5k, train every frame, batch 32, target sync every 1k, epsilon to 0.1 over 100k frames, "
                    + "Huber loss, centered RMSprop, the minatar network."})
    static final class Train implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        DqnConfig config = new DqnConfig();
        @Option(names = "--resume", paramLabel = "DIR", description = "continue the run in DIR from its last checkpoint "
                + "(see --checkpoint-interval) with the settings it was started with; give no other flags")
        Path resume;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            if (resume != null) {
                return resume(out);
            }
            // What came after "train", kept so that `train --resume` can rebuild this configuration.
            java.util.List<String> original = spec.commandLine().getParseResult().originalArgs();
            config.commandLine = original.subList(original.indexOf("train") + 1, original.size()).toArray(new String[0]);
            // Flags left unset take the defaults of the environment's own baseline (MinAtar's DQN for MinAtar ids).
            config.applyEnvironmentDefaults(flag -> spec.commandLine().getParseResult().hasMatchedOption(flag));
            try {
                config.validate();
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            requireRegistered(spec, config.envId);
            if (config.out == null) {
                config.out = Path.of("runs", config.envId.replace('/', '-') + "__dqn__" + config.seed + "__" + System.currentTimeMillis() / 1000);
            }
            Map<String, Object> summary = trainAndEvaluate(config, out, System.console() != null);
            out.printf("done: %s, %.1f s, %,.0f steps/s; greedy evaluation over %d episodes: %.2f +- %.2f%n", config.out,
                    summary.get("wall_seconds"), summary.get("sps"), config.evalEpisodes, summary.get("eval_return_mean"),
                    summary.get("eval_return_std"));
            return 0;
        }

        /** Continues the run in {@link #resume} from its checkpoint, with the command line stored in it. */
        private int resume(PrintWriter out) throws IOException {
            if (spec.commandLine().getParseResult().matchedOptions().size() > 1) {
                throw new ParameterException(spec.commandLine(), "--resume takes every setting from the checkpoint; give no other flags");
            }
            Path file = DqnTrainer.checkpointFile(resume);
            if (!Files.exists(file)) {
                throw new IllegalArgumentException("--resume " + resume + ": " + whyNoCheckpoint(resume));
            }
            String args = deepq4j.nn.Safetensors.metadata(file).get("args");
            if (args == null) {
                throw new IOException("checkpoint " + file + ": it does not record its command line (damaged, or not a checkpoint)");
            }
            DqnConfig resumed;
            try {
                resumed = trainConfig(CommandLineText.decode(args));
            } catch (ParameterException | IllegalArgumentException e) {
                throw new IOException("checkpoint " + file + ": the command line it records is not valid (" + e.getMessage().lines().findFirst()
                        .orElse("") + ")");
            }
            resumed.out = resume;
            Map<String, Object> summary = trainAndEvaluate(resumed, out, System.console() != null, true);
            out.printf("done: %s, %.1f s, %,.0f steps/s; greedy evaluation over %d episodes: %.2f +- %.2f%n", resumed.out,
                    summary.get("wall_seconds"), summary.get("sps"), resumed.evalEpisodes, summary.get("eval_return_mean"),
                    summary.get("eval_return_std"));
            return 0;
        }
    }

    /** Why a directory given to --resume holds no checkpoint, as far as its files tell. */
    static String whyNoCheckpoint(Path dir) {
        if (!Files.isDirectory(dir)) {
            return "no such directory";
        }
        if (Files.exists(dir.resolve("summary.json"))) {
            return "the run finished (its summary.json is written): there is nothing to resume";
        }
        Object interval = null;
        try {
            Object config = deepq4j.nn.JsonReader.parse(Files.readString(dir.resolve("config.json")));
            interval = config instanceof Map ? ((Map<?, ?>) config).get("checkpoint_interval") : null;
        } catch (IOException | IllegalArgumentException e) {
            return "no checkpoint.safetensors and no readable config.json: not a run directory of deepq4j train";
        }
        if (interval instanceof Long && (Long) interval == 0) {
            return "the run was started without --checkpoint-interval, so it has no checkpoint; start it again with its command "
                    + "line (it starts over in the same directory)";
        }
        return "the run stopped before its first checkpoint (one every " + interval + " steps), so there is nothing to resume "
                + "from; start it again with its command line (it starts over in the same directory)";
    }

    /**
     * The configuration `train` makes of {@code args} (the words after "train"): parsed, the
     * environment's defaults applied to the flags not given, validated.
     *
     * @throws CommandLine.ParameterException naming the flag, for a bad flag or value
     */
    static DqnConfig trainConfig(String... args) {
        CommandLine cl = new CommandLine(new Train());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        CommandLine.ParseResult parsed = cl.parseArgs(args);
        DqnConfig c = ((Train) cl.getCommand()).config;
        c.commandLine = args.clone();
        c.applyEnvironmentDefaults(parsed::hasMatchedOption);
        try {
            c.validate();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, e.getMessage());
        }
        return c;
    }

    /** Trains with {@code config}, writes every file of the run directory, and returns the summary. */
    public static Map<String, Object> trainAndEvaluate(DqnConfig config, PrintWriter out, boolean terminal) throws IOException {
        return trainAndEvaluate(config, out, terminal, false);
    }

    /**
     * As above; with {@code resume}, the run goes on from the checkpoint in its directory (its log
     * files cut back to that point), and the checkpoint is deleted once the run has finished.
     */
    public static Map<String, Object> trainAndEvaluate(DqnConfig config, PrintWriter out, boolean terminal, boolean resume)
            throws IOException {
        return trainAndEvaluate(config, out, terminal, resume, null);
    }

    /** As above, with {@code listener} (may be null) told of every episode and metric as the run directory is. */
    public static Map<String, Object> trainAndEvaluate(DqnConfig config, PrintWriter out, boolean terminal, boolean resume,
                                                       TrainingLog listener) throws IOException {
        Path checkpoint = DqnTrainer.checkpointFile(config.out);
        DqnTrainer trainer;
        try {
            trainer = new DqnTrainer(config);
        } catch (IllegalArgumentException e) {
            if (!resume) {
                throw e;
            }
            // The settings came from the checkpoint's command line, not from the user's.
            throw new IOException("checkpoint " + checkpoint + ": the command line it records cannot run (" + e.getMessage() + ")");
        }
        if (resume) {
            trainer.restore(checkpoint);
        }
        try (RunDirectory run = resume ? RunDirectory.reopen(config.out, config, DqnTrainer.loggedLengths(checkpoint))
                : new RunDirectory(config.out, config)) {
            out.println("deepq4j train: " + config.algorithmName() + " on " + config.envId + ", seed " + config.seed + ", "
                    + String.format("%,d", config.totalTimesteps) + " steps -> " + config.out + (resume ? " (resumed)" : ""));
            out.flush();
            ProgressBar bar = config.progress ? new ProgressBar(System.err, config.totalTimesteps, terminal) : null;
            DqnTrainer.Result result = trainer.train(listener == null ? run : TrainingLog.tee(run, listener), bar);
            Module q = result.q();
            ModelFile.save(q, new ModelFile.Description(config.envId, trainer.observationShape(), trainer.actions(), trainer.network(), config.hidden,
                    config.dueling), config.out.resolve("model.safetensors"));
            Evaluation.Result eval = Evaluation.run(q, config.envId, config.evalEpisodes, config.seed, 0.0);
            if (config.captureVideo) {
                run.video(config.totalTimesteps, q);
            }
            run.writeCurve(config.envId + ", " + config.algorithmName() + ", seed " + config.seed);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("env_id", config.envId);
            summary.put("seed", config.seed);
            summary.put("total_timesteps", config.totalTimesteps);
            summary.put("wall_seconds", result.wallSeconds());
            summary.put("sps", result.sps());
            summary.put("eval_episodes", config.evalEpisodes);
            summary.put("eval_return_mean", eval.mean());
            summary.put("eval_return_std", eval.std());
            summary.put("algorithm", config.algorithmName());
            summary.put("episodes", result.episodes());
            summary.put("threads", config.threads);
            Map<String, Object> phases = new LinkedHashMap<>();
            for (DqnTrainer.Phase p : DqnTrainer.Phase.values()) {
                phases.put(p.name(), result.phaseSeconds()[p.ordinal()]);
            }
            summary.put("seconds_by_phase", phases);
            summary.put("eval_returns", eval.returns());
            summary.put("java", System.getProperty("java.version"));
            run.writeSummary(summary);
            Files.deleteIfExists(checkpoint); // the run is whole: nothing to resume
            return summary;
        }
    }

    /** {@code deepq4j eval}: plays a trained model greedily. */
    @Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Evaluate a trained model: mean and std of greedy returns, optionally as GIFs.")
    static final class Eval implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--model", required = true, description = "a model.safetensors written by `deepq4j train`, or its run directory")
        Path model;
        @Option(names = "--env-id", description = "environment (default: the one the model was trained on)")
        String envId;
        @Option(names = "--episodes", description = "episodes to play (default: ${DEFAULT-VALUE})")
        int episodes = 10;
        @Option(names = "--seed", description = "evaluation episodes are seeded from this (default: ${DEFAULT-VALUE})")
        long seed = 1;
        @Option(names = "--epsilon", description = "probability of a random action (default: ${DEFAULT-VALUE}: greedy)")
        double epsilon = 0;
        @Option(names = "--capture-video", description = "write a GIF of each episode (up to 10) beside the model, in videos-eval/")
        boolean captureVideo;

        @Override
        public Integer call() throws IOException {
            if (episodes < 1) {
                throw new ParameterException(spec.commandLine(), "invalid value for --episodes: " + episodes + " (must be at least 1)");
            }
            if (!(epsilon >= 0 && epsilon <= 1)) {
                throw new ParameterException(spec.commandLine(), "invalid value for --epsilon: " + epsilon + " (must be in [0, 1])");
            }
            model = ModelFile.file(model); // a run directory names its model.safetensors
            ModelFile.Description d = ModelFile.describe(model);
            String id = envId == null ? d.envId() : envId;
            requireRegistered(spec, id);
            Env env = Envs.make(id);
            Module q = ModelFile.load(model, env.observationSpace().shape(), env.actionSpace().n());
            Evaluation.Result r = Evaluation.run(q, id, episodes, seed, epsilon);
            PrintWriter out = spec.commandLine().getOut();
            for (int i = 0; i < episodes; i++) {
                out.printf("episode %d: return %.2f, length %d%n", i, r.returns()[i], r.lengths()[i]);
            }
            out.printf("%s over %d episodes: mean return %.2f, std %.2f%n", id, episodes, r.mean(), r.std());
            if (captureVideo) {
                Path dir = model.toAbsolutePath().getParent().resolve("videos-eval");
                Files.createDirectories(dir);
                for (int i = 0; i < Math.min(episodes, 10); i++) {
                    Path gif = dir.resolve("episode_" + i + ".gif");
                    Evaluation.recordGif(q, id, seed + Evaluation.SEED_OFFSET + i, gif);
                    out.println("wrote " + gif);
                }
            }
            return 0;
        }
    }

    /** {@code deepq4j random}: plays an environment with uniformly random actions and reports returns and lengths. */
    @Command(name = "random", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Play an environment with uniformly random actions; print the mean, spread and standard error of the returns and lengths.")
    static final class RandomPolicy implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--env-id", required = true, description = "environment id (see `deepq4j envs`)")
        String envId;
        @Option(names = "--episodes", description = "episodes to play (default: ${DEFAULT-VALUE})")
        int episodes = 1000;
        @Option(names = "--seed", description = "episode i is seeded with seed + i (default: ${DEFAULT-VALUE})")
        long seed = 1;

        @Override
        public Integer call() {
            requireRegistered(spec, envId);
            if (episodes < 1) {
                throw new ParameterException(spec.commandLine(), "invalid value for --episodes: " + episodes + " (must be at least 1)");
            }
            RandomPolicyStats.Result r = RandomPolicyStats.run(envId, episodes, seed);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s, %d episodes of random play:%n", envId, episodes);
            out.printf("  return: mean %.3f, std %.3f, standard error %.3f, min %.0f, max %.0f%n", r.returns().mean(),
                    r.returns().std(), r.returns().standardError(), r.returns().min(), r.returns().max());
            out.printf("  length: mean %.1f, std %.1f, standard error %.1f, min %.0f, max %.0f%n", r.lengths().mean(),
                    r.lengths().std(), r.lengths().standardError(), r.lengths().min(), r.lengths().max());
            return 0;
        }
    }

    /** {@code deepq4j envs}: lists the registered environments. */
    @Command(name = "envs", mixinStandardHelpOptions = true, description = "List the environment ids.")
    static final class ListEnvs implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            for (String id : Envs.ids()) {
                spec.commandLine().getOut().println(id);
            }
            return 0;
        }
    }

    /** {@code deepq4j devices}: the devices {@code --device} can name. */
    @Command(name = "devices", mixinStandardHelpOptions = true, description = "List the devices --device can name: cpu and each OpenCL device.")
    static final class ListDevices implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.println("cpu " + Runtime.getRuntime().availableProcessors() + " cores (Vector API: "
                    + (deepq4j.tensor.cpu.Simd.enabled() ? "on" : "off") + ")");
            try {
                for (OpenClDevice d : OpenClDevice.all()) {
                    out.println(d);
                }
            } catch (OpenClUnavailableException e) {
                out.println("no OpenCL devices: " + e.getMessage());
            }
            return 0;
        }
    }

    /** {@code deepq4j compare}: several variants over several seeds, their learning curves on one chart. */
    @Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Train several variants over several seeds (in parallel) and draw their learning curves on one chart: "
                + "the mean return per episode with a 95%% confidence band over seeds, as PNG and SVG, with the numbers in "
                + "curves.csv and one row per run in runs.csv.",
                "Flags after -- go to every run, e.g. deepq4j compare -- --total-timesteps 100000"})
    static final class Compare implements Callable<Integer> {
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
            requireRegistered(spec, envId);
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

    /** {@code deepq4j sweep}: a hyperparameter search with pruning, resumable. */
    @Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Search hyperparameters: random search over the declared --param space, trials in parallel, a median "
                + "or successive-halving pruner stopping weak trials early, a ranked table at the end (ranking.md). Run it "
                + "again with the same --out to continue after an interruption: finished trials are kept.",
                "Flags after -- go to every trial, e.g. deepq4j sweep --param learning-rate=log-uniform:1e-4:1e-2 -- "
                    + "--total-timesteps 100000"})
    static final class SweepCommand implements Callable<Integer> {
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
            requireRegistered(spec, envId);
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
                trainConfig(probe.toArray(new String[0]));
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
}
