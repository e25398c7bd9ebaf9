package deepq4j.dqn;

import deepq4j.autograd.Variable;
import deepq4j.envs.VectorStep;
import deepq4j.nn.GradientClipping;
import deepq4j.nn.Linear;
import deepq4j.nn.Losses;
import deepq4j.nn.Module;
import deepq4j.nn.RAdam;
import deepq4j.nn.Safetensors;
import deepq4j.opencl.Devices;
import deepq4j.tensor.Backend;
import deepq4j.tensor.Generator;
import deepq4j.tensor.Init;
import deepq4j.tensor.Tensor;
import deepq4j.tensor.TensorArena;
import deepq4j.tensor.cpu.Parallelism;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PQN (Gallici et al. 2024, "Simplifying Deep Temporal Difference Learning"), read top to bottom
 * in the order of CleanRL's pqn.py: every iteration, N environment copies take T epsilon-greedy
 * steps together with the current network; the rollout's Q(lambda) targets are computed
 * backwards ({@link QLambda}); then a few epochs of minibatches fit Q(s, a) to them. There is no
 * replay buffer (each rollout is used for one iteration and dropped) and no target network:
 * the LayerNorm after every hidden layer keeps the bootstrapped targets from running away, which
 * is what the target network was for.
 */
public final class PqnTrainer implements Trainer {
    private final DqnConfig config;
    /** The --num-envs copies, stepped together, and their running episodes. */
    private final EnvCopies copies;
    private final int[] observationShape;
    private final int observationSize;
    private final int actions;
    private final QNetworks.Kind network;
    private final QNetworks.Head head;
    private final Module q;
    private final RAdam optimizer;
    private final EpsilonSchedule epsilon;
    /** Draws who explores; the copies' action spaces draw the random actions. */
    private final Generator coin;
    /** Shuffles each rollout into minibatches. */
    private final Generator shuffle;
    private final Backend backend;
    private final PhaseTimer timer = new PhaseTimer();
    private final int numIterations;

    // Where the run is: fields rather than locals of the loop, so that a checkpoint can save them.
    private boolean started;
    /** The next iteration to run, from 1. */
    private int iteration = 1;
    private long globalStep;
    private float[][] obs;
    /** Every action taken, copy by copy within each step: a resumed run replays them to rebuild the copies. */
    private ActionHistory history = new ActionHistory();
    /** Wall time spent before the last resume. */
    private double secondsBefore;

    /** Builds the copies, the network and the optimizer of {@code config} (validated here). */
    public PqnTrainer(DqnConfig config) {
        config.validate();
        this.config = config;
        this.copies = new EnvCopies(config);
        this.observationShape = copies.envs.singleObservationSpace().shape();
        int size = 1;
        for (int d : observationShape) {
            size *= d;
        }
        this.observationSize = size;
        this.actions = copies.envs.singleActionSpace().n();
        ActionHistory.requireFits(actions);
        this.network = DqnTrainer.networkFor(config, observationShape);
        long iterations = config.totalTimesteps / ((long) config.numEnvs * config.numSteps);
        double rolloutBytes = 4.0 * config.numEnvs * config.numSteps * (observationSize + 8);
        if (iterations > Integer.MAX_VALUE || rolloutBytes > Runtime.getRuntime().maxMemory() / 2) {
            throw new IllegalArgumentException(String.format("--num-envs %d x --num-steps %d make rollouts of %.1f GB (or more than 2^31 "
                    + "of them for --total-timesteps %d); this JVM may use %.1f GB", config.numEnvs, config.numSteps, rolloutBytes / 1e9,
                    config.totalTimesteps, Runtime.getRuntime().maxMemory() / 1e9));
        }
        this.numIterations = (int) iterations;
        this.head = DqnTrainer.headFor(config);
        this.backend = Devices.backend(config.device);
        Generator init = new Generator(config.seed);
        Module built = QNetworks.build(network, observationShape, config.hidden, actions, head, init);
        orthogonalInit(built, init);
        this.q = built.to(backend);
        this.optimizer = new RAdam(q.parameters(), config.learningRate);
        this.epsilon = EpsilonSchedule.linear(config.startE, config.endE, (long) (config.explorationFraction * config.totalTimesteps));
        this.coin = new Generator(config.seed + 0x5DEECE66DL);
        this.shuffle = new Generator(config.seed * 0x9E3779B97F4A7C15L + 1);
    }

    /**
     * CleanRL's layer_init for pqn.py: every linear layer's weight orthogonal with gain sqrt(2),
     * its bias 0 (LayerNorm starts at weight 1, bias 0 already; conv layers keep their init).
     */
    private static void orthogonalInit(Module m, Generator g) {
        if (m instanceof Linear linear) {
            int[] shape = linear.weight().data().shape();
            linear.weight().data().copyFrom(Init.orthogonal(g, Math.sqrt(2), shape));
            if (linear.bias() != null) {
                linear.bias().data().copyFrom(Tensor.zeros(shape[0]));
            }
        }
        for (Module child : m.namedChildren().values()) {
            orthogonalInit(child, g);
        }
    }

    @Override
    public DqnTrainer.Result train(TrainingLog log, ProgressBar progress) throws IOException {
        int wasThreads = Parallelism.threads();
        Parallelism.setThreads(config.threads);
        try {
            return loop(log, progress);
        } finally {
            Parallelism.setThreads(wasThreads);
        }
    }

    private DqnTrainer.Result loop(TrainingLog log, ProgressBar progress) throws IOException {
        long start = System.nanoTime();
        int n = config.numEnvs;
        int steps = config.numSteps;
        int batch = n * steps;
        int minibatch = batch / config.numMinibatches;
        if (!started) {
            obs = copies.reset(config.seed);
            started = true;
        }
        float[] rolloutObs = new float[batch * observationSize];
        float[] rolloutActions = new float[batch];
        float[][] rewards = new float[steps][n];
        boolean[][] terminated = new boolean[steps][n];
        boolean[][] truncated = new boolean[steps][n];
        float[][] nextValues = new float[steps][n];
        float loss = Float.NaN;
        float meanQ = Float.NaN;
        double eps = epsilon.epsilon(globalStep, copies.episodes);
        for (; iteration <= numIterations; iteration++) {
            timer.restart();
            if (config.annealLr) {
                optimizer.setLearningRate((1.0 - (iteration - 1.0) / numIterations) * config.learningRate);
            }
            // 1. Roll out: every copy takes num_steps epsilon-greedy steps with the current network.
            float[][] qNow = qValues(obs);
            for (int t = 0; t < steps; t++) {
                globalStep += n;
                eps = epsilon.epsilon(globalStep, copies.episodes);
                int[] action = new int[n];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(obs[i], 0, rolloutObs, (t * n + i) * observationSize, observationSize);
                    action[i] = coin.nextDouble() < eps ? copies.envs.actionSpace(i).sample() : Evaluation.argmax(qNow[i]);
                    rolloutActions[t * n + i] = action[i];
                    history.add(action[i]);
                }
                timer.lap(DqnTrainer.Phase.act);

                VectorStep s = copies.envs.step(action);
                timer.lap(DqnTrainer.Phase.env);

                for (int i = 0; i < n; i++) {
                    rewards[t][i] = (float) s.rewards()[i];
                    terminated[t][i] = s.terminated()[i];
                    truncated[t][i] = s.truncated()[i];
                }
                long stepsBefore = globalStep - n;
                copies.record(s, (copy, episodeReturn, length) -> log.episode(stepsBefore + copy, episodeReturn, length));
                obs = s.observations();
                // The value that follows step t: of the next observation (whose Q-values also choose the
                // next actions), or of the real last one where the episode was truncated (the copy has
                // been reset since).
                qNow = qValues(obs);
                for (int i = 0; i < n; i++) {
                    nextValues[t][i] = s.truncated()[i] ? maxQ(s.finalObservations()[i]) : qNow[i][Evaluation.argmax(qNow[i])];
                }
                timer.lap(DqnTrainer.Phase.store);
                if (progress != null) {
                    progress.update(globalStep, globalStep / seconds(start), eps, copies.recentReturn);
                }
            }

            // 2. The Q(lambda) targets of the rollout, computed backwards.
            float[][] returns = QLambda.returns(rewards, terminated, truncated, nextValues, config.gamma, config.qLambda);
            float[] flatReturns = new float[batch];
            for (int t = 0; t < steps; t++) {
                System.arraycopy(returns[t], 0, flatReturns, t * n, n);
            }
            timer.lap(DqnTrainer.Phase.sample);

            // 3. Fit Q(s, a) to them: update_epochs passes over the rollout in shuffled minibatches.
            int[] order = new int[batch];
            for (int i = 0; i < batch; i++) {
                order[i] = i;
            }
            for (int epoch = 0; epoch < config.updateEpochs; epoch++) {
                shuffle(order);
                for (int from = 0; from + minibatch <= batch; from += minibatch) {
                    float[] lossAndQ = learn(rolloutObs, rolloutActions, flatReturns, order, from, minibatch, globalStep);
                    loss = lossAndQ[0];
                    meanQ = lossAndQ[1];
                }
            }
            timer.lap(DqnTrainer.Phase.update);
            log.metrics(globalStep, loss, meanQ, eps, globalStep / seconds(start));
            timer.lap(DqnTrainer.Phase.log);

            // Beside the algorithm: now and then a checkpoint to go on from after a crash.
            long interval = config.checkpointInterval;
            if (interval > 0 && iteration < numIterations && globalStep / interval > (globalStep - batch) / interval) {
                saveCheckpoint(iteration + 1, log, seconds(start));
            }
        }
        if (progress != null) {
            progress.finish();
        }
        double wall = seconds(start);
        return new DqnTrainer.Result(q, globalStep, copies.episodes, wall, globalStep / wall, timer.seconds());
    }

    /**
     * Writes the checkpoint: the network, RAdam's state, the random streams (who explores, the
     * shuffle, each copy's action space), the counters, every action taken and the log lengths,
     * in {@link Checkpoint}'s format. The rollout itself is not in it: it is written between
     * iterations, when no rollout is pending.
     */
    private void saveCheckpoint(int nextIteration, TrainingLog log, double seconds) throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        q.stateDict().forEach((k, v) -> tensors.put("q." + k, v));
        optimizer.stateDict().forEach((k, v) -> tensors.put("optimizer." + k, v));
        tensors.put("env.actions", history.toTensor());
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", Checkpoint.FORMAT);
        meta.put("config", Checkpoint.settings(config));
        if (config.commandLine != null) {
            meta.put("args", CommandLineText.encode(config.commandLine));
        }
        meta.put("iteration", Integer.toString(nextIteration));
        meta.put("step", Long.toString(globalStep));
        meta.put("episodes", Integer.toString(copies.episodes));
        meta.put("recent_return", Double.toString(copies.recentReturn));
        meta.put("seconds", Double.toString(seconds));
        meta.put("nanos", Checkpoint.longs(timer.nanos()));
        meta.put("rng.coin", Checkpoint.longs(coin.getState()));
        meta.put("rng.shuffle", Checkpoint.longs(shuffle.getState()));
        for (int i = 0; i < copies.size(); i++) {
            meta.put("rng.action_space." + i, Checkpoint.longs(copies.envs.actionSpace(i).samplerState()));
        }
        for (Map.Entry<String, Long> e : log.flush().entrySet()) {
            meta.put("log." + e.getKey(), Long.toString(e.getValue()));
        }
        Safetensors.save(tensors, meta, Checkpoint.file(config.out));
    }

    /** One gradient step on the minibatch order[from, from + size): MSE of Q(s, a) to the targets, clipped, RAdam. */
    private float[] learn(float[] rolloutObs, float[] rolloutActions, float[] returns, int[] order, int from, int size, long step) {
        float[] x = new float[size * observationSize];
        float[] a = new float[size];
        float[] g = new float[size];
        for (int j = 0; j < size; j++) {
            int k = order[from + j];
            System.arraycopy(rolloutObs, k * observationSize, x, j * observationSize, observationSize);
            a[j] = rolloutActions[k];
            g[j] = returns[k];
        }
        int[] shape = new int[observationShape.length + 1];
        shape[0] = size;
        System.arraycopy(observationShape, 0, shape, 1, observationShape.length);
        try (TensorArena ignored = TensorArena.open()) {
            Variable taken = q.forward(Tensor.of(backend, x, shape)).gather(1, Tensor.of(backend, a, size, 1)).squeeze(1);
            Variable loss = Losses.mse(taken, Variable.of(Tensor.of(backend, g, size)));
            float lossValue = loss.data().item();
            if (!Float.isFinite(lossValue)) {
                throw new DqnTrainer.DivergenceException(step, lossValue);
            }
            optimizer.zeroGrad();
            loss.backward();
            if (config.maxGradNorm > 0) {
                GradientClipping.clipGradNorm(q.parameters(), config.maxGradNorm);
            }
            optimizer.step();
            return new float[] {lossValue, taken.data().mean().item()};
        }
    }

    /** max_a Q(s, a) of one observation. */
    private float maxQ(float[] observation) {
        float[] values = qValues(new float[][] {observation})[0];
        return values[Evaluation.argmax(values)];
    }

    /** Q(s, .) of every observation, one forward pass over them all. */
    private float[][] qValues(float[][] observations) {
        return Evaluation.qValues(q, observations, observationShape, backend);
    }

    /** Fisher-Yates, from the shuffle generator. */
    private void shuffle(int[] order) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = (int) (shuffle.nextDouble() * (i + 1));
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** Seconds of training, before the last resume and since {@code start}. */
    private double seconds(long start) {
        return secondsBefore + (System.nanoTime() - start) / 1e9;
    }

    @Override
    public int[] observationShape() {
        return observationShape.clone();
    }

    @Override
    public int actions() {
        return actions;
    }

    @Override
    public QNetworks.Kind network() {
        return network;
    }

    @Override
    public QNetworks.Head head() {
        return head;
    }

    /** The network being trained. */
    public Module qNetwork() {
        return q;
    }

    /**
     * Loads a checkpoint this configuration wrote, so that {@link #train} goes on with the
     * iteration after it, bit for bit: the copies are rebuilt by replaying every action from
     * their seeds, and the episode counters this arrives at are checked against the file's.
     *
     * @throws IOException naming the file and what does not fit, for a damaged or doctored file
     */
    @Override
    public void restore(Path file) throws IOException {
        try {
            restoreFrom(file);
        } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new IOException(message.startsWith(file.toString()) ? message : "checkpoint " + file + ": " + message, e);
        }
    }

    private void restoreFrom(Path file) throws IOException {
        Safetensors.Contents contents = Safetensors.read(file);
        Map<String, String> meta = contents.metadata();
        if (!Checkpoint.FORMAT.equals(meta.get("format"))) {
            throw new IllegalArgumentException(file + " is not a deepq4j training checkpoint");
        }
        if (!Checkpoint.settings(config).equals(meta.get("config"))) {
            throw new IllegalArgumentException(file + " records settings other than those its command line gives (a damaged or "
                    + "edited checkpoint)");
        }
        int next = Integer.parseInt(Checkpoint.need(meta, "iteration"));
        long step = Long.parseLong(Checkpoint.need(meta, "step"));
        int n = copies.size();
        if (next < 2 || next > numIterations || step != (long) (next - 1) * n * config.numSteps) {
            throw new IllegalArgumentException(file + ": iteration " + next + " and step " + step + " do not fit this run");
        }
        q.loadStateDict(Checkpoint.withPrefix(contents.tensors(), "q."));
        optimizer.loadStateDict(Checkpoint.withPrefix(contents.tensors(), "optimizer."));
        Tensor actionsTaken = contents.tensors().get("env.actions");
        if (actionsTaken == null) {
            throw new IllegalArgumentException("the checkpoint holds no env.actions");
        }
        ActionHistory taken = ActionHistory.of(actionsTaken);
        if (taken.length() != step) {
            throw new IllegalArgumentException(file + ": " + taken.length() + " actions recorded for " + step + " steps of the copies");
        }
        // The copies: the same seeds, then every action again (each step's n actions together).
        obs = copies.reset(config.seed);
        int[] action = new int[n];
        for (long t = 0; t < step / n; t++) {
            for (int i = 0; i < n; i++) {
                action[i] = taken.get((int) (t * n + i));
                if (action[i] < 0 || action[i] >= actions) {
                    throw new IllegalArgumentException(file + ": recorded action " + action[i] + " is not one of the " + actions);
                }
            }
            VectorStep s = copies.envs.step(action);
            copies.record(s, null);
            obs = s.observations();
        }
        if (copies.episodes != Integer.parseInt(Checkpoint.need(meta, "episodes"))) {
            throw new IllegalStateException(file + ": replaying the actions gave " + copies.episodes + " episodes, the checkpoint says "
                    + meta.get("episodes") + " (did the environment change?)");
        }
        history = taken;
        globalStep = step;
        iteration = next;
        copies.recentReturn = Double.parseDouble(Checkpoint.need(meta, "recent_return"));
        coin.setState(Checkpoint.parseLongs(Checkpoint.need(meta, "rng.coin")));
        shuffle.setState(Checkpoint.parseLongs(Checkpoint.need(meta, "rng.shuffle")));
        for (int i = 0; i < n; i++) {
            copies.envs.actionSpace(i).setSamplerState(Checkpoint.parseLongs(Checkpoint.need(meta, "rng.action_space." + i)));
        }
        timer.setNanos(Checkpoint.parseLongs(Checkpoint.need(meta, "nanos")));
        secondsBefore = Double.parseDouble(Checkpoint.need(meta, "seconds"));
        started = true;
    }
}
