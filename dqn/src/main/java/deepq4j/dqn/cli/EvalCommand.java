package deepq4j.dqn.cli;

import deepq4j.dqn.Checkpoint;
import deepq4j.dqn.Evaluation;
import deepq4j.dqn.run.ModelFile;
import deepq4j.envs.Env;
import deepq4j.envs.Envs;
import deepq4j.nn.Module;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code deepq4j eval}: plays a trained model greedily. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Evaluate a trained model: mean and std of greedy returns, optionally as GIFs.")
final class EvalCommand implements Callable<Integer> {
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
    @Option(names = "--checkpoint", description = "play the online network of this training checkpoint (a checkpoint.safetensors "
            + "of the model's run, or a copy of one) instead of the model's: the network at that point of the run")
    Path checkpoint;
    @Option(names = "--env-kwarg", paramLabel = "KEY=VALUE", description = "an argument for the environment, as "
            + "gymnasium.make(id, KEY=VALUE); repeatable; e.g. sticky_action_prob=0 for a MinAtar game. VALUE is a number, true or false")
    Map<String, String> envKwargs = new LinkedHashMap<>();

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
        Main.requireRegistered(spec, id);
        Map<String, Object> kwargs = parseKwargs();
        Env env = makeEnv(id, kwargs);
        Module q = ModelFile.load(model, env.observationSpace().shape(), env.actionSpace().n());
        if (checkpoint != null) {
            if (!Files.isRegularFile(checkpoint)) {
                throw new ParameterException(spec.commandLine(), "--checkpoint " + checkpoint + ": no such file");
            }
            Checkpoint.loadOnlineNetwork(checkpoint, q);
        }
        Evaluation.Result r = Evaluation.run(q, id, kwargs, episodes, seed, epsilon);
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
                Evaluation.recordGif(q, id, kwargs, seed + Evaluation.SEED_OFFSET + i, gif);
                out.println("wrote " + gif);
            }
        }
        return 0;
    }

    /** The --env-kwarg values as gymnasium.make would receive them: booleans, numbers. */
    private Map<String, Object> parseKwargs() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : envKwargs.entrySet()) {
            String v = e.getValue().trim();
            if (v.equals("true") || v.equals("false")) {
                out.put(e.getKey(), Boolean.parseBoolean(v));
                continue;
            }
            try {
                out.put(e.getKey(), Double.parseDouble(v));
            } catch (NumberFormatException notANumber) {
                throw new ParameterException(spec.commandLine(), "invalid value for --env-kwarg " + e.getKey() + ": '" + v
                        + "' (a number, true or false)");
            }
        }
        return out;
    }

    /** The environment with the given arguments; an argument it does not take is a usage error that names it. */
    private Env makeEnv(String id, Map<String, Object> kwargs) {
        try {
            return Envs.make(id, kwargs);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--env-kwarg: " + e.getMessage());
        }
    }
}
