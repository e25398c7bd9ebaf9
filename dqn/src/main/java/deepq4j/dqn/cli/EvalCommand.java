package deepq4j.dqn.cli;

import deepq4j.dqn.Evaluation;
import deepq4j.dqn.run.ModelFile;
import deepq4j.envs.Env;
import deepq4j.envs.Envs;
import deepq4j.nn.Module;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
