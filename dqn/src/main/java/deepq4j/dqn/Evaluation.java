package deepq4j.dqn;

import deepq4j.autograd.NoGrad;
import deepq4j.envs.Env;
import deepq4j.envs.Envs;
import deepq4j.envs.GifWriter;
import deepq4j.nn.Module;
import deepq4j.tensor.Backend;
import deepq4j.tensor.Generator;
import deepq4j.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a Q-network greedily (epsilon 0, as CleanRL's evaluation with its default epsilon of
 * 0.05 set to 0 by the contract) for a number of episodes, each on a freshly made environment
 * reset with its own seed, far from the seeds training used. The network plays in evaluation
 * mode: a noisy network with its mean weights, as torch's {@code model.eval()} would.
 */
public final class Evaluation {
    /** Seeds of evaluation episode i are {@code seed + SEED_OFFSET + i}: apart from training's {@code seed}. */
    public static final long SEED_OFFSET = 1_000_000;

    private Evaluation() {
    }

    /** The returns and lengths of evaluation episodes. */
    public record Result(double[] returns, int[] lengths) {
        /** The mean return (NaN for no episodes). */
        public double mean() {
            return Statistics.mean(returns);
        }

        /** The population standard deviation of the returns, as numpy's std. */
        public double std() {
            return Statistics.std(returns);
        }
    }

    /** The action with the largest Q-value (the first one on ties, as torch.argmax), on the backend of q's parameters. */
    public static int greedyAction(Module q, float[] observation, int[] observationShape) {
        return greedyAction(q, observation, observationShape, q.parameters().get(0).data().backend());
    }

    /** As {@link #greedyAction(Module, float[], int[])}, with the backend where q lives given. */
    public static int greedyAction(Module q, float[] observation, int[] observationShape, Backend backend) {
        int[] shape = new int[observationShape.length + 1];
        shape[0] = 1;
        System.arraycopy(observationShape, 0, shape, 1, observationShape.length);
        try (NoGrad ignored = NoGrad.enter()) {
            return argmax(q.forward(Tensor.of(backend, observation, shape)).data().toArray());
        }
    }

    /**
     * Q(s, .) of several observations in one forward pass (no graph): row i holds copy i's
     * values. The vector environments act and bootstrap with it.
     */
    static float[][] qValues(Module q, float[][] observations, int[] observationShape, Backend backend) {
        int size = observations[0].length;
        float[] x = new float[observations.length * size];
        for (int i = 0; i < observations.length; i++) {
            System.arraycopy(observations[i], 0, x, i * size, size);
        }
        int[] shape = new int[observationShape.length + 1];
        shape[0] = observations.length;
        System.arraycopy(observationShape, 0, shape, 1, observationShape.length);
        float[] flat;
        try (NoGrad ignored = NoGrad.enter()) {
            flat = q.forward(Tensor.of(backend, x, shape)).data().toArray();
        }
        int actions = flat.length / observations.length;
        float[][] out = new float[observations.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = java.util.Arrays.copyOfRange(flat, i * actions, (i + 1) * actions);
        }
        return out;
    }

    /** The first index of the largest value, as torch.argmax. */
    static int argmax(float[] values) {
        int best = 0;
        for (int a = 1; a < values.length; a++) {
            if (values[a] > values[best]) {
                best = a;
            }
        }
        return best;
    }

    /** Plays {@code episodes} episodes of {@code envId} with {@code epsilon}-greedy actions (0: greedy). */
    public static Result run(Module q, String envId, int episodes, long seed, double epsilon) {
        return run(q, envId, Map.of(), episodes, seed, epsilon);
    }

    /** As {@link #run(Module, String, int, long, double)}, the environment made with {@code envKwargs} (as gymnasium.make's). */
    public static Result run(Module q, String envId, Map<String, ?> envKwargs, int episodes, long seed, double epsilon) {
        return inEvalMode(q, () -> play(q, envId, envKwargs, episodes, seed, epsilon));
    }

    /** What a network does in evaluation mode. */
    private interface EvalTask<T, E extends Exception> {
        T run() throws E;
    }

    /** Runs {@code task} with {@code q} in evaluation mode (noisy layers play their mean weights), then restores its mode. */
    private static <T, E extends Exception> T inEvalMode(Module q, EvalTask<T, E> task) throws E {
        boolean training = q.isTraining();
        q.eval();
        try {
            return task.run();
        } finally {
            if (training) {
                q.train();
            }
        }
    }

    private static Result play(Module q, String envId, Map<String, ?> envKwargs, int episodes, long seed, double epsilon) {
        double[] returns = new double[episodes];
        int[] lengths = new int[episodes];
        Generator coin = new Generator(seed + SEED_OFFSET);
        for (int i = 0; i < episodes; i++) {
            Env env = Envs.make(envId, envKwargs);
            env.actionSpace().seed(seed + SEED_OFFSET + i);
            float[] first = env.reset(seed + SEED_OFFSET + i);
            int[] shape = env.observationSpace().shape();
            Episode.Outcome o = Episode.play(env, first,
                    obs -> coin.nextDouble() < epsilon ? env.actionSpace().sample() : greedyAction(q, obs, shape), null);
            returns[i] = o.totalReturn();
            lengths[i] = o.length();
        }
        return new Result(returns, lengths);
    }

    /** Plays one greedy episode seeded with {@code seed}, writes it as a GIF and returns its return. */
    public static double recordGif(Module q, String envId, long seed, Path path) throws IOException {
        return recordGif(q, envId, Map.of(), seed, path);
    }

    /** As {@link #recordGif(Module, String, long, Path)}, the environment made with {@code envKwargs}. */
    public static double recordGif(Module q, String envId, Map<String, ?> envKwargs, long seed, Path path) throws IOException {
        return inEvalMode(q, () -> recordEpisode(q, envId, envKwargs, seed, path));
    }

    private static double recordEpisode(Module q, String envId, Map<String, ?> envKwargs, long seed, Path path) throws IOException {
        Env env = Envs.make(envId, envKwargs);
        float[] first = env.reset(seed);
        int[] shape = env.observationSpace().shape();
        List<BufferedImage> frames = new ArrayList<>();
        frames.add(env.render());
        Episode.Outcome o = Episode.play(env, first, obs -> greedyAction(q, obs, shape), s -> frames.add(env.render()));
        GifWriter.write(frames, path, 50);
        return o.totalReturn();
    }
}
