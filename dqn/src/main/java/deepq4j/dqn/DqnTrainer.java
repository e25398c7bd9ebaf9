package deepq4j.dqn;

import deepq4j.autograd.NoGrad;
import deepq4j.autograd.Variable;
import deepq4j.envs.Env;
import deepq4j.envs.Envs;
import deepq4j.envs.Step;
import deepq4j.nn.AbstractOptimizer;
import deepq4j.nn.Adam;
import deepq4j.nn.RMSprop;
import deepq4j.opencl.Devices;
import deepq4j.nn.ExponentialLr;
import deepq4j.nn.GradientClipping;
import deepq4j.nn.Losses;
import deepq4j.nn.Module;
import deepq4j.tensor.Backend;
import deepq4j.tensor.Generator;
import deepq4j.tensor.Tensor;
import deepq4j.tensor.cpu.Parallelism;
import deepq4j.nn.Safetensors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deep Q-learning, read top to bottom in the order of CleanRL's dqn.py: act epsilon-greedily,
 * step the environment, store the transition, and every {@code train_frequency} steps sample a
 * batch, build the TD target, take a gradient step on the loss, and now and then sync the target
 * network. The flags of {@link DqnConfig} switch between the members of the family.
 */
public final class DqnTrainer {
    private final DqnConfig config;
    private final Env env;
    private final int[] observationShape;
    private final int actions;
    private final Module q;
    private final Module target;
    private final ReplayBuffer buffer;
    private final QNetworks.Kind network;
    private final AbstractOptimizer optimizer;
    private final ExponentialLr lrDecay;
    private final TargetNetworkSync sync;
    private final EpsilonSchedule epsilon;
    private final Generator coin;
    /** Where the networks live and train: the CPU, or an OpenCL device. */
    private final Backend backend;
    /** Nanoseconds spent in each part of the loop, for docs/performance.md. */
    private final long[] nanos = new long[Phase.values().length];

    // Where the run is. Fields rather than locals of the loop, so that a checkpoint can save them.
    private boolean started;
    /** The next step to take. */
    private long step;
    private int episodes;
    private double episodeReturn;
    private int episodeLength;
    private double recentReturn = Double.NaN;
    private float[] obs;
    /** Every action taken: a resumed run replays them to rebuild the environment's state. */
    private ActionHistory history = new ActionHistory();
    /** Wall time spent before the last resume. */
    private double secondsBefore;

    /** The parts of a step whose time is measured. */
    public enum Phase { act, env, store, sample, update, sync, log }

    /** What a finished run returns. */
    public record Result(Module q, long steps, int episodes, double wallSeconds, double sps, double[] phaseSeconds) {
    }

    /** Builds the networks, buffer and optimizer of {@code config} (validated here). */
    public DqnTrainer(DqnConfig config) {
        config.validate();
        this.config = config;
        this.env = Envs.make(config.envId);
        this.observationShape = env.observationSpace().shape();
        this.actions = env.actionSpace().n();
        ActionHistory.requireFits(actions);
        try {
            this.network = config.network == DqnConfig.NetworkChoice.auto
                    ? QNetworks.defaultFor(observationShape)
                    : QNetworks.Kind.valueOf(config.network.name());
            QNetworks.requireFits(network, observationShape);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--network " + config.network + " on " + config.envId + ": " + e.getMessage());
        }
        requireMemory(config, network, observationShape, actions);
        // One generator for the weights, one for exploration, one for the buffer: each stream is
        // reproducible from the seed alone, whatever the others draw.
        this.backend = Devices.backend(config.device);
        Generator init = new Generator(config.seed);
        // Built on the CPU from the seed (so a seed gives the same initial weights on every device), then moved.
        this.q = QNetworks.build(network, observationShape, config.hidden, actions, config.dueling, init).to(backend);
        if (config.noTargetNetwork) {
            this.target = q; // DQN 2013: bootstrap from the network being trained
            this.sync = null;
        } else {
            this.target = QNetworks.build(network, observationShape, config.hidden, actions, config.dueling, init).to(backend);
            this.sync = new TargetNetworkSync(q, target, config.targetNetworkFrequency, config.tau);
        }
        long bufferSeed = config.seed * 0x9E3779B97F4A7C15L + 1;
        if (config.noReplay) {
            this.buffer = new ReplayBuffer(1, observationShape, bufferSeed); // only the latest transition
        } else if (config.prioritizedReplay) {
            this.buffer = new PrioritizedReplayBuffer(config.bufferSize, observationShape, bufferSeed, config.perAlpha, config.perEpsilon);
        } else {
            this.buffer = new ReplayBuffer(config.bufferSize, observationShape, bufferSeed);
        }
        this.optimizer = config.optimizer == DqnConfig.OptimizerKind.adam
                ? new Adam(q.parameters(), config.learningRate)
                // MinAtar's and the Nature paper's choice: centered RMSprop with a large epsilon.
                : new RMSprop(q.parameters(), config.learningRate, 0.95, 0.01, 0, 0, true);
        this.lrDecay = config.lrDecay < 1 ? new ExponentialLr(optimizer, config.lrDecay, config.minLearningRate) : null;
        this.epsilon = config.epsilonSchedule == DqnConfig.ScheduleKind.linear
                ? EpsilonSchedule.linear(config.startE, config.endE, (long) (config.explorationFraction * config.totalTimesteps))
                : EpsilonSchedule.exponential(config.startE, config.endE, config.epsilonDecay);
        this.coin = new Generator(config.seed + 0x5DEECE66DL);
    }

    /** The online Q-network. */
    public Module qNetwork() {
        return q;
    }

    /** The architecture of the Q-network. */
    public QNetworks.Kind network() {
        return network;
    }

    /** The observation shape and number of actions of the environment. */
    public int[] observationShape() {
        return observationShape.clone();
    }

    /** The number of actions. */
    public int actions() {
        return actions;
    }

    /** Trains for {@code total_timesteps} steps, reporting to {@code log} and {@code progress} (may be null). */
    public Result train(TrainingLog log, ProgressBar progress) throws IOException {
        int wasThreads = Parallelism.threads();
        Parallelism.setThreads(config.threads);
        try {
            return loop(log, progress);
        } finally {
            Parallelism.setThreads(wasThreads);
        }
    }

    private Result loop(TrainingLog log, ProgressBar progress) throws IOException {
        long start = System.nanoTime();
        if (!started) {
            env.actionSpace().seed(config.seed);
            obs = env.reset(config.seed);
            started = true;
        }
        double eps = epsilon.epsilon(step, episodes);
        for (; step < config.totalTimesteps; step++) {
            // 1. Act: a random action with probability epsilon, otherwise the greedy one.
            long t0 = System.nanoTime();
            eps = epsilon.epsilon(step, episodes);
            int action = coin.nextDouble() < eps ? env.actionSpace().sample() : Evaluation.greedyAction(q, obs, observationShape, backend);
            history.add(action);

            // 2. Step the environment.
            long t1 = System.nanoTime();
            Step s = env.step(action);
            episodeReturn += s.reward();
            episodeLength++;

            // 3. Store the transition: the real next observation, and terminated (not truncated)
            //    as the flag that stops bootstrapping.
            long t2 = System.nanoTime();
            buffer.add(obs, s.observation(), action, s.reward(), s.terminated());
            if (s.terminated() || s.truncated()) {
                log.episode(step, episodeReturn, episodeLength);
                recentReturn = Double.isNaN(recentReturn) ? episodeReturn : 0.95 * recentReturn + 0.05 * episodeReturn;
                episodes++;
                if (lrDecay != null) {
                    lrDecay.step();
                }
                episodeReturn = 0;
                episodeLength = 0;
                obs = env.reset();
            } else {
                obs = s.observation();
            }
            long t3 = System.nanoTime();
            nanos[Phase.act.ordinal()] += t1 - t0;
            nanos[Phase.env.ordinal()] += t2 - t1;
            nanos[Phase.store.ordinal()] += t3 - t2;

            // 4. Learn, once the buffer has enough random play in it.
            if (step > config.learningStarts) {
                if (step % config.trainFrequency == 0) {
                    Update u = update(step);
                    if (step % config.logInterval == 0) {
                        long t4 = System.nanoTime();
                        double sps = step / (secondsBefore + (t4 - start) / 1e9);
                        log.metrics(step, u.loss(), u.qValues().mean().item(), eps, sps); // mean Q only when logged
                        nanos[Phase.log.ordinal()] += System.nanoTime() - t4;
                    }
                }
                // 5. Sync the target network every target_network_frequency steps.
                if (sync != null) {
                    long t5 = System.nanoTime();
                    sync.maybeSync(step);
                    nanos[Phase.sync.ordinal()] += System.nanoTime() - t5;
                }
            }
            if (config.captureVideo && step > 0 && step % config.videoInterval == 0) {
                log.video(step, q);
            }
            if (progress != null) {
                progress.update(step + 1, (step + 1) / (secondsBefore + (System.nanoTime() - start) / 1e9), eps, recentReturn);
            }
            // 6. Now and then, save everything needed to go on from the next step after a crash.
            if (config.checkpointInterval > 0 && (step + 1) % config.checkpointInterval == 0 && step + 1 < config.totalTimesteps) {
                step++;
                checkpoint(log, secondsBefore + (System.nanoTime() - start) / 1e9);
                step--;
            }
        }
        if (progress != null) {
            progress.finish();
        }
        double wall = secondsBefore + (System.nanoTime() - start) / 1e9;
        double[] phases = new double[nanos.length];
        for (int i = 0; i < phases.length; i++) {
            phases[i] = nanos[i] / 1e9;
        }
        return new Result(q, config.totalTimesteps, episodes, wall, config.totalTimesteps / wall, phases);
    }

    /**
     * Refuses, naming the flag, a buffer or network larger than this JVM may hold (they come from
     * flags, or from a checkpoint's command line), rather than failing with OutOfMemoryError
     * half-way through building them.
     */
    private static void requireMemory(DqnConfig config, QNetworks.Kind network, int[] observationShape, int actions) {
        long limit = Runtime.getRuntime().maxMemory();
        long observationSize = 1;
        for (int d : observationShape) {
            observationSize *= d;
        }
        // observations and next observations, action, reward, terminated: floats; PER adds two trees of doubles
        double bufferBytes = (double) config.bufferSize * (2 * observationSize + 3) * 4 + (config.prioritizedReplay ? 32.0 * config.bufferSize : 0);
        if (!config.noReplay && bufferBytes > limit) {
            throw new IllegalArgumentException(String.format("--buffer-size %d needs %.1f GB for %s's observations; this JVM may use %.1f GB "
                    + "(java -Xmx, or DEEPQ4J_JAVA_OPTS with ./deepq4j)", config.bufferSize, bufferBytes / 1e9, config.envId, limit / 1e9));
        }
        long parameters = QNetworks.parameterCount(network, observationShape, config.hidden, actions, config.dueling);
        double networkBytes = parameters * 4.0 * 5; // the network, its target, its gradients and two optimizer moments
        if (networkBytes > limit) {
            throw new IllegalArgumentException(String.format("--hidden %s makes a network of %,d parameters, which with its target, gradients "
                    + "and optimizer state needs %.1f GB; this JVM may use %.1f GB",
                    Arrays.stream(config.hidden).mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining(",")), parameters,
                    networkBytes / 1e9, limit / 1e9));
        }
    }

    /** The checkpoint file of a run directory. */
    public static Path checkpointFile(Path runDirectory) {
        return runDirectory.resolve("checkpoint.safetensors");
    }

    /**
     * Writes everything the rest of the run depends on to {@code <out>/checkpoint.safetensors}
     * (through a temporary file and a rename, so a crash while writing leaves the last one whole):
     * both networks, the optimizer's state, the replay buffer, the random streams, the counters of
     * the loop, the actions taken (to rebuild the environment), and how long each log file was.
     */
    private void checkpoint(TrainingLog log, double seconds) throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        q.stateDict().forEach((k, v) -> tensors.put("q." + k, v));
        if (target != q) {
            target.stateDict().forEach((k, v) -> tensors.put("target." + k, v));
        }
        optimizer.stateDict().forEach((k, v) -> tensors.put("optimizer." + k, v));
        buffer.stateDict().forEach((k, v) -> tensors.put("buffer." + k, v));
        tensors.put("env.actions", history.toTensor());
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", CHECKPOINT_FORMAT);
        meta.put("config", checkpointConfig());
        if (config.commandLine != null) {
            meta.put("args", CommandLineText.encode(config.commandLine));
        }
        meta.put("step", Long.toString(step));
        meta.put("episodes", Integer.toString(episodes));
        meta.put("episode_return", Double.toString(episodeReturn));
        meta.put("recent_return", Double.toString(recentReturn));
        meta.put("seconds", Double.toString(seconds));
        meta.put("nanos", longs(nanos));
        meta.put("rng.coin", longs(coin.getState()));
        meta.put("rng.buffer", longs(buffer.rngState()));
        meta.put("rng.action_space", longs(env.actionSpace().samplerState()));
        meta.put("buffer.next", Integer.toString(buffer.nextSlot()));
        meta.put("buffer.size", Integer.toString(buffer.size()));
        for (Map.Entry<String, Long> e : log.flush().entrySet()) {
            meta.put("log." + e.getKey(), Long.toString(e.getValue()));
        }
        Map<String, double[]> exact = new LinkedHashMap<>();
        buffer.exactState().forEach((k, v) -> exact.put("buffer." + k, v));
        Safetensors.save(tensors, exact, meta, checkpointFile(config.out));
    }

    private static final String CHECKPOINT_FORMAT = "deepq4j training checkpoint 1";

    /** The settings a checkpoint must be resumed with: all but where the files go. */
    private String checkpointConfig() {
        Map<String, Object> m = config.toMap();
        m.remove("out");
        return Json.write(m);
    }

    /**
     * Loads {@code file} (written by this configuration's {@link #checkpoint}) so that {@link #train}
     * goes on from the step after it, bit for bit as if the run had never stopped. The environment
     * is rebuilt by replaying the recorded actions from its seed; the episode counter and the
     * running return it arrives at are checked against the checkpoint's.
     */
    public void restore(Path file) throws IOException {
        try {
            restoreFrom(file);
        } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
            // A value the checkpoint holds does not fit (a damaged or doctored file): one line naming it.
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new IOException(message.startsWith(file.toString()) ? message : "checkpoint " + file + ": " + message, e);
        }
    }

    private void restoreFrom(Path file) throws IOException {
        Safetensors.Contents contents = Safetensors.read(file);
        Map<String, String> meta = contents.metadata();
        if (!CHECKPOINT_FORMAT.equals(meta.get("format"))) {
            throw new IllegalArgumentException(file + " is not a deepq4j training checkpoint");
        }
        if (!checkpointConfig().equals(meta.get("config"))) {
            throw new IllegalArgumentException(file + " records settings other than those its command line gives (a damaged or "
                    + "edited checkpoint)");
        }
        Map<String, Tensor> tensors = contents.tensors();
        long savedStep = Long.parseLong(need(meta, "step"));
        q.loadStateDict(withPrefix(tensors, "q."));
        if (target != q) {
            target.loadStateDict(withPrefix(tensors, "target."));
        }
        Map<String, Tensor> optimizerState = withPrefix(tensors, "optimizer.");
        long stateful = optimizerState.keySet().stream().map(k -> k.substring(0, Math.max(0, k.indexOf('.')))).distinct().count();
        if (savedStep > config.learningStarts + config.trainFrequency && stateful != q.parameters().size()) {
            // After the first gradient step every parameter has optimizer state; a file without it is damaged.
            throw new IllegalArgumentException("the checkpoint holds optimizer state for " + stateful + " of the network's "
                    + q.parameters().size() + " parameters, though the network has been trained");
        }
        optimizer.loadStateDict(optimizerState);
        buffer.loadStateDict(withPrefix(tensors, "buffer."), Integer.parseInt(need(meta, "buffer.next")),
                Integer.parseInt(need(meta, "buffer.size")), parseLongs(need(meta, "rng.buffer")));
        buffer.requireValidTransitions(actions);
        buffer.loadExactState(withPrefix(contents.float64(), "buffer."));
        coin.setState(parseLongs(need(meta, "rng.coin")));
        long[] saved = parseLongs(need(meta, "nanos"));
        System.arraycopy(saved, 0, nanos, 0, Math.min(saved.length, nanos.length));

        // The environment: the same seed, then every action again.
        Tensor actionsTaken = tensors.get("env.actions");
        if (actionsTaken == null) {
            throw new IllegalArgumentException("the checkpoint holds no env.actions");
        }
        history = ActionHistory.of(actionsTaken);
        step = savedStep;
        if (history.length() != step || step >= config.totalTimesteps) {
            throw new IllegalArgumentException(file + ": " + history.length() + " actions recorded for " + step + " steps");
        }
        obs = env.reset(config.seed);
        episodes = 0;
        episodeReturn = 0;
        episodeLength = 0;
        for (int i = 0; i < history.length(); i++) {
            Step s = env.step(history.get(i));
            episodeReturn += s.reward();
            episodeLength++;
            if (s.terminated() || s.truncated()) {
                episodes++;
                episodeReturn = 0;
                episodeLength = 0;
                obs = env.reset();
            } else {
                obs = s.observation();
            }
        }
        if (episodes != Integer.parseInt(need(meta, "episodes")) || episodeReturn != Double.parseDouble(need(meta, "episode_return"))) {
            throw new IllegalStateException(file + ": replaying the actions gave " + episodes + " episodes and a running return of "
                    + episodeReturn + ", the checkpoint says " + meta.get("episodes") + " and " + meta.get("episode_return")
                    + " (did the environment change?)");
        }
        env.actionSpace().setSamplerState(parseLongs(need(meta, "rng.action_space")));
        for (int i = 0; lrDecay != null && i < episodes; i++) {
            lrDecay.step(); // the schedule steps once per episode
        }
        recentReturn = Double.parseDouble(need(meta, "recent_return"));
        secondsBefore = Double.parseDouble(need(meta, "seconds"));
        started = true;
    }

    private static String need(Map<String, String> meta, String key) {
        String v = meta.get(key);
        if (v == null) {
            throw new IllegalArgumentException("the checkpoint lacks '" + key + "'");
        }
        return v;
    }

    /** The log file lengths a checkpoint recorded (see {@link RunDirectory#reopen}). */
    public static Map<String, Long> loggedLengths(Path file) throws IOException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : Safetensors.metadata(file).entrySet()) {
            if (e.getKey().startsWith("log.")) {
                String name = e.getKey().substring(4);
                if (!e.getValue().matches("[0-9]{1,18}") || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                    throw new IOException("checkpoint " + file + ": the logged length '" + e.getValue() + "' of '" + name + "' is damaged");
                }
                out.put(name, Long.parseLong(e.getValue()));
            }
        }
        return out;
    }

    private static <T> Map<String, T> withPrefix(Map<String, T> tensors, String prefix) {
        Map<String, T> out = new LinkedHashMap<>();
        tensors.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    private static String longs(long[] values) {
        StringBuilder b = new StringBuilder();
        for (long v : values) {
            b.append(b.length() > 0 ? "," : "").append(v);
        }
        return b.toString();
    }

    private static long[] parseLongs(String text) {
        if (text == null) {
            throw new IllegalArgumentException("the checkpoint lacks a random stream's state");
        }
        String[] parts = text.split(",");
        long[] v = new long[parts.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Long.parseLong(parts[i]);
        }
        return v;
    }

    /** What a gradient step reports: its TD loss and the batch's Q(s, a) before the step. */
    private record Update(float loss, Tensor qValues) {
    }

    /** One gradient step on a sampled batch. */
    private Update update(long step) {
        long t0 = System.nanoTime();
        Batch b;
        if (config.noReplay) {
            b = buffer.batch(new int[] {0}, null);
        } else if (buffer instanceof PrioritizedReplayBuffer) {
            // beta rises linearly from --per-beta to 1 over the run
            double beta = config.perBeta + (1 - config.perBeta) * Math.min(1.0, step / (double) config.totalTimesteps);
            b = ((PrioritizedReplayBuffer) buffer).sample(config.batchSize, beta);
        } else {
            b = buffer.sample(config.batchSize);
        }
        b = b.to(backend); // the one upload of the step
        long t1 = System.nanoTime();

        // The TD target r + gamma * max_a' Q_target(s', a') * (1 - terminated), without a graph.
        Tensor tdTarget;
        try (NoGrad ignored = NoGrad.enter()) {
            Tensor nextQ = target.forward(b.nextObservations()).data();
            Tensor nextValue;
            if (config.doubleDqn) {
                // Double DQN: the online network chooses a', the target network says what it is worth.
                Tensor nextAction = q.forward(b.nextObservations()).data().argmax(1, true);
                nextValue = nextQ.gather(1, nextAction).squeeze(1);
            } else {
                nextValue = nextQ.max(1);
            }
            Tensor notDone = b.terminated().neg().add(1f);
            tdTarget = b.rewards().add(nextValue.mul(notDone).mul((float) config.gamma));
        }

        // Q(s, a) of the actions taken, the loss, and a gradient step.
        Variable oldValue = q.forward(b.observations()).gather(1, b.actions()).squeeze(1);
        Variable loss = config.loss == DqnConfig.LossKind.mse
                ? Losses.mse(oldValue, Variable.of(tdTarget), b.weights())
                : Losses.huber(oldValue, Variable.of(tdTarget), (float) config.huberDelta, b.weights());
        float lossValue = loss.data().item();
        if (!Float.isFinite(lossValue)) {
            throw new DivergenceException(step, lossValue);
        }
        optimizer.zeroGrad();
        loss.backward();
        if (config.maxGradNorm > 0) {
            GradientClipping.clipGradNorm(q.parameters(), config.maxGradNorm);
        }
        optimizer.step();

        if (buffer instanceof PrioritizedReplayBuffer) {
            float[] tdError = oldValue.data().sub(tdTarget).toArray();
            ((PrioritizedReplayBuffer) buffer).updatePriorities(b.indices(), tdError);
        }
        long t2 = System.nanoTime();
        nanos[Phase.sample.ordinal()] += t1 - t0;
        nanos[Phase.update.ordinal()] += t2 - t1;
        return new Update(lossValue, oldValue.data());
    }

    /** Thrown when the TD loss stops being a finite number: the run stops instead of training on garbage. */
    public static final class DivergenceException extends IllegalStateException {
        DivergenceException(long step, float loss) {
            super("training diverged at step " + step + ": the TD loss is " + loss
                    + "; try a lower --learning-rate, --max-grad-norm 10, or --loss huber");
        }
    }
}
