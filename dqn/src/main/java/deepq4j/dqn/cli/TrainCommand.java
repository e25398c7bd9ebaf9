package deepq4j.dqn.cli;

import deepq4j.dqn.CommandLineText;
import deepq4j.dqn.DqnConfig;
import deepq4j.dqn.DqnTrainer;
import deepq4j.dqn.run.TrainingRun;
import deepq4j.io.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code deepq4j train}: trains a Q-network and writes a run directory. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a DQN agent. Flags and defaults follow CleanRL's dqn.py.",
            "For MinAtar ids the flags you leave unset take MinAtar's DQN baseline instead: 5M frames, buffer 100k, "
                + "learning starts 5k, train every frame, batch 32, target sync every 1k, epsilon to 0.1 over 100k frames, "
                + "Huber loss, centered RMSprop, the minatar network."})
final class TrainCommand implements Callable<Integer> {
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
        config.applyDefaults(flag -> spec.commandLine().getParseResult().hasMatchedOption(flag));
        try {
            config.validate();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Main.requireRegistered(spec, config.envId);
        if (config.out == null) {
            config.out = Path.of("runs", config.envId.replace('/', '-') + "__dqn__" + config.seed + "__" + System.currentTimeMillis() / 1000);
        }
        Map<String, Object> summary = TrainingRun.trainAndEvaluate(config, out, System.console() != null);
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
            resumed = TrainingRun.config(CommandLineText.decode(args));
        } catch (ParameterException | IllegalArgumentException e) {
            throw new IOException("checkpoint " + file + ": the command line it records is not valid (" + e.getMessage().lines().findFirst()
                    .orElse("") + ")");
        }
        resumed.out = resume;
        Map<String, Object> summary = TrainingRun.trainAndEvaluate(resumed, out, System.console() != null, true);
        out.printf("done: %s, %.1f s, %,.0f steps/s; greedy evaluation over %d episodes: %.2f +- %.2f%n", resumed.out,
                summary.get("wall_seconds"), summary.get("sps"), resumed.evalEpisodes, summary.get("eval_return_mean"),
                summary.get("eval_return_std"));
        return 0;
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
            Object config = Json.read(Files.readString(dir.resolve("config.json")));
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
}
