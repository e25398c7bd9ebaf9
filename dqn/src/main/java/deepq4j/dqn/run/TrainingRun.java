package deepq4j.dqn.run;

import deepq4j.dqn.DqnConfig;
import deepq4j.dqn.DqnTrainer;
import deepq4j.dqn.Trainer;
import deepq4j.dqn.Evaluation;
import deepq4j.dqn.ProgressBar;
import deepq4j.dqn.TrainingLog;
import deepq4j.nn.Module;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

/** Trains, evaluates and writes a run directory: what `deepq4j train` does, and what compare and sweep do for each run. */
public final class TrainingRun {
    private TrainingRun() {
    }

    /** The flags of `train` that make a configuration (all but --resume). */
    @Command(name = "train")
    private static final class TrainFlags {
        @Mixin
        DqnConfig config = new DqnConfig();
    }

    /**
     * The configuration `train` makes of {@code args} (the words after "train"): parsed, the
     * environment's defaults applied to the flags not given, validated.
     *
     * @throws CommandLine.ParameterException naming the flag, for a bad flag or value
     */
    public static DqnConfig config(String... args) {
        CommandLine cl = new CommandLine(new TrainFlags());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        CommandLine.ParseResult parsed = cl.parseArgs(args);
        DqnConfig c = ((TrainFlags) cl.getCommand()).config;
        c.commandLine = args.clone();
        c.applyDefaults(parsed::hasMatchedOption);
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
        Trainer trainer;
        try {
            trainer = Trainer.of(config);
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
                    trainer.head()), config.out.resolve("model.safetensors"));
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
}
