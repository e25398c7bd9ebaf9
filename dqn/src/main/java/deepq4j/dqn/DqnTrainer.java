package deepq4j.dqn;

import deepq4j.autograd.NoGrad;
import deepq4j.autograd.Variable;
import deepq4j.dqn.replay.Batch;
import deepq4j.dqn.replay.LatestTransition;
import deepq4j.dqn.replay.NStepWindow;
import deepq4j.dqn.replay.PrioritizedReplayBuffer;
import deepq4j.dqn.replay.ReplayBuffer;
import deepq4j.dqn.replay.Transitions;
import deepq4j.dqn.replay.UniformReplayBuffer;
import deepq4j.dqn.run.RunDirectory;
import deepq4j.envs.VectorStep;
import deepq4j.nn.AbstractOptimizer;
import deepq4j.nn.Adam;
import deepq4j.nn.ExponentialLr;
import deepq4j.nn.GradientClipping;
import deepq4j.nn.Losses;
import deepq4j.nn.Module;
import deepq4j.nn.NoisyLinear;
import deepq4j.nn.RMSprop;
import deepq4j.opencl.Devices;
import deepq4j.tensor.Backend;
import deepq4j.tensor.Generator;
import deepq4j.tensor.Tensor;
import deepq4j.tensor.TensorArena;
import deepq4j.tensor.cpu.Parallelism;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Deep Q-learning, read top to bottom in the order of CleanRL's dqn.py: act epsilon-greedily,
 * step the environment, store the transition, and every {@code train_frequency} steps sample a
 * batch, build the TD target, take a gradient step on the loss, and now and then sync the target
 * network. The flags of {@link DqnConfig} switch between the members of the family.
 */
public final class DqnTrainer implements Trainer {
    // Package-private, not private: Checkpoint saves and restores them.
    final DqnConfig config;
    /** The --num-envs copies of the environment (one by default), stepped together, and their running episodes. */
    final EnvCopies copies;
    private final int[] observationShape;
    final int actions;
    final Module q;
    final Module target;
    final ReplayBuffer buffer;
    /** Turns each copy's steps into the buffer's transitions: one-step, or n-step returns (--n-step). */
    private final NStepWindow[] nStep;
    private final QNetworks.Kind network;
    /** The network's last layer: Q-values (plain or dueling) or, for C51, return distributions. */
    private final QNetworks.Head head;
    final AbstractOptimizer optimizer;
    private final ExponentialLr lrDecay;
    private final TargetNetworkSync sync;
    private final TdTarget tdTarget;
    private final EpsilonSchedule epsilon;
    final Generator coin;
    /** Drew the initial weights; with --noisy it goes on to draw the noisy layers' noise (a checkpoint keeps its state). */
    final Generator init;
    /** Where the networks live and train: the CPU, or an OpenCL device. */
    private final Backend backend;
    /** Where the wall time goes, for docs/performance.md. */
    final PhaseTimer timer = new PhaseTimer();

    // Where the run is. Fields rather than locals of the loop, so that a checkpoint can save them.
    private boolean started;
    /** The next step to take. */
    private long step;
    private float[][] obs;
    /** Every action taken, copy by copy within each step: a resumed run replays them to rebuild the environments' state. */
    ActionHistory history = new ActionHistory();
    /** Wall time spent before the last resume. */
    double secondsBefore;

    /** The parts of a step whose time is measured. */
    public enum Phase { act, env, store, sample, update, sync, log }

    /** What a finished run returns. */
    public record Result(Module q, long steps, int episodes, double wallSeconds, double sps, double[] phaseSeconds) {
    }

    /** Builds the networks, buffer and optimizer of {@code config} (validated here). */
    public DqnTrainer(DqnConfig config) {
        config.validate();
        this.config = config;
        this.copies = new EnvCopies(config);
        this.observationShape = copies.envs.singleObservationSpace().shape();
        this.actions = copies.envs.singleActionSpace().n();
        ActionHistory.requireFits(actions);
        this.network = networkFor(config, observationShape);
        requireMemory(config, network, observationShape, actions);
        // One generator for the weights, one for exploration, one for the buffer: each stream is
        // reproducible from the seed alone, whatever the others draw.
        this.backend = Devices.backend(config.device);
        this.init = new Generator(config.seed);
        // Built on the CPU from the seed (so a seed gives the same initial weights on every device), then moved.
        this.head = headFor(config);
        this.q = QNetworks.build(network, observationShape, config.hidden, actions, head, init).to(backend);
        if (config.noTargetNetwork) {
            this.target = q; // DQN 2013: bootstrap from the network being trained
            this.sync = null;
        } else {
            this.target = QNetworks.build(network, observationShape, config.hidden, actions, head, init).to(backend);
            this.sync = new TargetNetworkSync(q, target, config.targetNetworkFrequency, config.tau);
        }
        this.tdTarget = TdTarget.of(config.doubleDqn);
        long bufferSeed = config.seed * 0x9E3779B97F4A7C15L + 1;
        if (config.noReplay) {
            this.buffer = new LatestTransition(observationShape, bufferSeed);
        } else if (config.prioritizedReplay) {
            this.buffer = new PrioritizedReplayBuffer(config.bufferSize, observationShape, bufferSeed, config.perAlpha, config.perEpsilon,
                    config.perBeta);
        } else {
            this.buffer = new UniformReplayBuffer(config.bufferSize, observationShape, bufferSeed);
        }
        this.nStep = new NStepWindow[config.numEnvs];
        for (int i = 0; i < nStep.length; i++) {
            nStep[i] = new NStepWindow(config.nStep, config.gamma);
        }
        this.optimizer = config.optimizer == DqnConfig.OptimizerKind.adam
                ? (head.categorical()
                        ? new Adam(q.parameters(), config.learningRate, 0.9, 0.999, 0.01 / config.batchSize, 0, false) // CleanRL's c51.py
                        : new Adam(q.parameters(), config.learningRate))
                // MinAtar's and the Nature paper's choice: centered RMSprop with a large epsilon.
                : new RMSprop(q.parameters(), config.learningRate, 0.95, 0.01, 0, 0, true);
        this.lrDecay = config.lrDecay < 1 ? new ExponentialLr(optimizer, config.lrDecay, config.minLearningRate) : null;
        this.epsilon = config.epsilonSchedule == DqnConfig.ScheduleKind.linear
                ? EpsilonSchedule.linear(config.startE, config.endE, (long) (config.explorationFraction * config.totalTimesteps))
                : EpsilonSchedule.exponential(config.startE, config.endE, config.epsilonDecay);
        this.coin = new Generator(config.seed + 0x5DEECE66DL);
    }

    /** The architecture --network names (auto: the one that fits the observations), checked against them; the error names the flag. */
    static QNetworks.Kind networkFor(DqnConfig config, int[] observationShape) {
        try {
            QNetworks.Kind kind = config.network == DqnConfig.NetworkChoice.auto
                    ? QNetworks.defaultFor(observationShape)
                    : QNetworks.Kind.valueOf(config.network.name());
            QNetworks.requireFits(kind, observationShape);
            return kind;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--network " + config.network + " on " + config.envId + ": " + e.getMessage());
        }
    }

    /** The online Q-network. */
    public Module qNetwork() {
        return q;
    }

    /** The architecture of the Q-network. */
    @Override
    public QNetworks.Kind network() {
        return network;
    }

    /** The network's last layer. */
    @Override
    public QNetworks.Head head() {
        return head;
    }

    /**
     * The last layer the flags ask for: C51's distributions over --n-atoms on [--v-min, --v-max],
     * or Q-values; dueling or not; noisy layers or plain ones.
     */
    static QNetworks.Head headFor(DqnConfig config) {
        return config.categorical()
                ? new QNetworks.Head(config.dueling, config.nAtoms, config.vMin, config.vMax, config.noisy, false)
                : new QNetworks.Head(config.dueling, 1, 0, 0, config.noisy, config.algorithm == DqnConfig.Algorithm.pqn);
    }

    /** The observation shape and number of actions of the environment. */
    @Override
    public int[] observationShape() {
        return observationShape.clone();
    }

    /** The number of actions. */
    @Override
    public int actions() {
        return actions;
    }

    /** Trains for {@code total_timesteps} steps, reporting to {@code log} and {@code progress} (may be null). */
    @Override
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
            obs = copies.reset(config.seed);
            started = true;
        }
        double eps = epsilon.epsilon(step, copies.episodes);
        for (; step < config.totalTimesteps; step++) {
            timer.restart();
            // 1. Act: random actions with probability epsilon, otherwise the greedy ones (with
            //    --noisy, greedy under fresh noise: the network's own exploration). With
            //    --num-envs N, one coin for all N copies, as CleanRL's dqn.py.
            eps = epsilon.epsilon(step, copies.episodes);
            if (config.noisy) {
                NoisyLinear.resetNoiseIn(q);
            }
            int[] action = coin.nextDouble() < eps ? copies.randomActions() : greedyActions(obs);
            for (int a : action) {
                history.add(a);
            }
            timer.lap(Phase.act);

            // 2. Step the environments (a copy whose episode ends starts the next at once).
            VectorStep s = copies.envs.step(action);
            timer.lap(Phase.env);

            // 3. Store each copy's transition: the real next observation (the final one where an
            //    episode ended), and terminated (not truncated) as the flag that stops bootstrapping
            //    (with --n-step, the n-step transition this step completes, if any).
            for (int i = 0; i < action.length; i++) {
                nStep[i].add(obs[i], action[i], s.rewards()[i], s.nextObservation(i), s.terminated()[i], s.truncated()[i], buffer);
            }
            copies.record(s, (copy, episodeReturn, length) -> {
                log.episode(step, episodeReturn, length);
                if (lrDecay != null) {
                    lrDecay.step(); // the rate decays once per episode
                }
            });
            obs = s.observations();
            timer.lap(Phase.store);

            // 4. Learn, once the buffer has enough random play in it.
            if (step > config.learningStarts) {
                if (step % config.trainFrequency == 0) {
                    Update u = update(step);
                    if (step % config.logInterval == 0) {
                        log.metrics(step, u.loss(), u.qValues().mean().item(), eps, step / seconds(start)); // mean Q only when logged
                        timer.lap(Phase.log);
                    }
                }
                // 5. Sync the target network every target_network_frequency steps.
                if (sync != null) {
                    sync.maybeSync(step);
                    timer.lap(Phase.sync);
                }
            }

            // Beside the algorithm: videos, the progress bar, and now and then a checkpoint to go on from after a crash.
            if (config.captureVideo && step > 0 && step % config.videoInterval == 0) {
                log.video(step, q);
            }
            if (progress != null) {
                progress.update(step + 1, (step + 1) / seconds(start), eps, copies.recentReturn);
            }
            long done = step + 1;
            if (config.checkpointInterval > 0 && done % config.checkpointInterval == 0 && done < config.totalTimesteps) {
                Checkpoint.save(this, done, log, seconds(start));
            }
        }
        if (progress != null) {
            progress.finish();
        }
        double wall = seconds(start);
        return new Result(q, config.totalTimesteps, copies.episodes, wall, config.totalTimesteps / wall, timer.seconds());
    }

    /** What a gradient step reports: its TD loss and the batch's Q(s, a) before the step. */
    public record Update(float loss, Tensor qValues) {
    }

    /** Samples a batch from replay and learns from it. */
    private Update update(long step) {
        // Prioritized replay anneals its importance weights over the run, hence the fraction done.
        Batch b = buffer.sample(config.batchSize, step / (double) config.totalTimesteps).to(backend); // the one upload of the step
        timer.lap(Phase.sample);
        Update u = learn(b, step);
        timer.lap(Phase.update);
        return u;
    }

    /**
     * One gradient step on {@code b}: the TD target, the loss, backward, the optimizer's step, and
     * new priorities for prioritized replay. Public so that the benchmarks time exactly this on
     * batches of their own; {@code step} only names the step in a divergence error.
     */
    public Update learn(Batch b, long step) {
        if (config.noisy) {
            // Independent noise for the step: the online network's for Q(s, a), the target's for the TD target.
            NoisyLinear.resetNoiseIn(q);
            if (target != q) {
                NoisyLinear.resetNoiseIn(target);
            }
        }
        // Every tensor of the step dies at its end: the arena hands their memory to the next step,
        // which finds it in cache instead of in fresh heap (TensorArena says why that matters).
        try (TensorArena ignored = TensorArena.open()) {
            return learnInArena(b, step);
        }
    }

    private Update learnInArena(Batch b, long step) {
        Objective o = q instanceof CategoricalQNetwork c ? categoricalObjective(c, b) : tdObjective(b);
        Variable loss = o.loss();
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

        // How wrong each transition was tells prioritized replay what to replay next (other buffers ignore it).
        buffer.updatePriorities(b.indices(), o.errors());
        return new Update(lossValue, TensorArena.outside(o.qValues()::copy)); // a copy: the step's tensors die with the arena
    }

    /** A step's loss, the batch's Q(s, a) before the step, and each transition's error for prioritized replay. */
    private record Objective(Variable loss, Tensor qValues, Tensor errors) {
    }

    /** DQN's: the squared (or Huber) TD error of Q(s, a). */
    private Objective tdObjective(Batch b) {
        // The TD target r + gamma * V(s') * (1 - terminated), without a graph; V(s') is DQN's or Double DQN's.
        // (With --n-step, r is the discounted sum of n rewards and the discount gamma^n, or less where an episode ended.)
        Tensor target;
        try (NoGrad ignored = NoGrad.enter()) {
            Tensor nextValue = tdTarget.nextStateValue(q, this.target, b.nextObservations());
            Tensor notDone = b.terminated().neg().add(1f);
            target = b.rewards().add(nextValue.mul(notDone).mul(b.discounts()));
        }

        // Q(s, a) of the actions taken, and the loss.
        Variable oldValue = q.forward(b.observations()).gather(1, b.actions()).squeeze(1);
        Variable loss = config.loss == DqnConfig.LossKind.mse
                ? Losses.mse(oldValue, Variable.of(target), b.weights())
                : Losses.huber(oldValue, Variable.of(target), (float) config.huberDelta, b.weights());
        Tensor qValues = oldValue.data();
        return new Objective(loss, qValues, qValues.sub(target));
    }

    /**
     * C51's: the cross-entropy from the projected target distribution to the network's
     * distribution at (s, a) (CategoricalProjection). The next action is the one of largest
     * expected return, by the target network (or, with --double-dqn, by the online one).
     */
    private Objective categoricalObjective(CategoricalQNetwork online, Batch b) {
        CategoricalQNetwork targetNet = (CategoricalQNetwork) this.target;
        int batch = b.rewards().size(0);
        int k = online.atoms();
        Tensor targetProbabilities;
        try (NoGrad ignored = NoGrad.enter()) {
            Tensor nextDistributions = targetNet.logits(Variable.of(b.nextObservations())).softmax(2).data(); // [B, actions, K]
            Tensor nextQ = config.doubleDqn ? online.forward(b.nextObservations()).data() : nextDistributions.mul(targetNet.support()).sum(2);
            Tensor nextProbabilities = nextDistributions.gather(1, atomIndex(nextQ.argmax(1, true), k)).reshape(batch, k);
            targetProbabilities = Tensor.of(CategoricalProjection.project(b.rewards().toArray(), b.discounts().toArray(),
                    b.terminated().toArray(), nextProbabilities.toArray(), k, config.vMin, config.vMax), batch, k).to(backend);
        }
        Variable logits = online.logits(Variable.of(b.observations()));
        Variable taken = logits.gather(1, atomIndex(b.actions(), k)).reshape(batch, k);
        Variable perTransition = Losses.crossEntropyPerRow(taken, targetProbabilities);
        Tensor qValues;
        try (NoGrad ignored = NoGrad.enter()) {
            qValues = Variable.of(taken.data()).softmax(1).data().mul(online.support()).sum(1);
        }
        return new Objective(Losses.weightedMean(perTransition, b.weights()), qValues, perTransition.data());
    }

    /** [B, 1] action indices as the [B, 1, K] index that gathers those actions' K atoms from [B, actions, K]. */
    private static Tensor atomIndex(Tensor actionsTaken, int atoms) {
        float[] a = actionsTaken.toArray();
        float[] index = new float[a.length * atoms];
        for (int i = 0; i < a.length; i++) {
            java.util.Arrays.fill(index, i * atoms, (i + 1) * atoms, a[i]);
        }
        return Tensor.of(index, a.length, 1, atoms).to(actionsTaken.backend());
    }

    /** Where the networks live: the CPU backend, or the OpenCL device of --device (a batch for {@link #learn} must be there). */
    public Backend backend() {
        return backend;
    }

    /** The greedy action of each copy: one forward pass over all of them (one copy: the acting path of a single observation). */
    private int[] greedyActions(float[][] observations) {
        if (observations.length == 1) {
            return new int[] {Evaluation.greedyAction(q, observations[0], observationShape, backend)};
        }
        float[][] values = Evaluation.qValues(q, observations, observationShape, backend);
        int[] best = new int[values.length];
        for (int i = 0; i < best.length; i++) {
            best[i] = Evaluation.argmax(values[i]);
        }
        return best;
    }

    /**
     * Brings the environments and the loop's counters to where {@code history} left them: the same
     * seeds, then every action again (the environments are deterministic given both). Resuming from
     * a {@link Checkpoint} uses it.
     */
    void replay(ActionHistory actionsTaken) throws IOException {
        obs = copies.reset(config.seed);
        int n = copies.size();
        int[] action = new int[n];
        for (int t = 0; t < actionsTaken.length() / n; t++) {
            for (int i = 0; i < n; i++) {
                action[i] = actionsTaken.get(t * n + i);
            }
            step = t;
            VectorStep s = copies.envs.step(action);
            for (int i = 0; i < n; i++) {
                // the buffer is restored already: the windows only need their pending steps
                nStep[i].add(obs[i], action[i], s.rewards()[i], s.nextObservation(i), s.terminated()[i], s.truncated()[i], null);
            }
            copies.record(s, null); // the running return is then the checkpoint's, the rate schedule stepped below
            obs = s.observations();
        }
        for (int i = 0; lrDecay != null && i < copies.episodes; i++) {
            lrDecay.step(); // the schedule steps once per episode
        }
        history = actionsTaken;
        step = actionsTaken.length() / n;
        started = true;
    }

    /** Seconds of training, before the last resume and since {@code start}. */
    private double seconds(long start) {
        return secondsBefore + (System.nanoTime() - start) / 1e9;
    }

    /** The checkpoint file of a run directory. */
    public static Path checkpointFile(Path runDirectory) {
        return Checkpoint.file(runDirectory);
    }

    /**
     * Loads {@code file}, a checkpoint this configuration wrote, so that {@link #train} goes on
     * from the step after it, bit for bit as if the run had never stopped (see {@link Checkpoint}).
     */
    @Override
    public void restore(Path file) throws IOException {
        Checkpoint.restore(this, file);
    }

    /** The log file lengths a checkpoint recorded (see {@link RunDirectory#reopen}). */
    public static Map<String, Long> loggedLengths(Path file) throws IOException {
        return Checkpoint.loggedLengths(file);
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
        // the transitions, and for PER two trees of doubles
        double bufferBytes = (double) config.bufferSize * Transitions.bytesPerTransition(observationSize)
                + (config.prioritizedReplay ? 32.0 * config.bufferSize : 0);
        if (!config.noReplay && bufferBytes > limit) {
            throw new IllegalArgumentException(String.format("--buffer-size %d needs %.1f GB for %s's observations; this JVM may use %.1f GB "
                    + "(java -Xmx, or DEEPQ4J_JAVA_OPTS with ./deepq4j)", config.bufferSize, bufferBytes / 1e9, config.envId, limit / 1e9));
        }
        long parameters = QNetworks.parameterCount(network, observationShape, config.hidden, actions, headFor(config));
        double networkBytes = parameters * 4.0 * 5; // the network, its target, its gradients and two optimizer moments
        if (networkBytes > limit) {
            throw new IllegalArgumentException(String.format("--hidden %s makes a network of %,d parameters, which with its target, gradients "
                    + "and optimizer state needs %.1f GB; this JVM may use %.1f GB",
                    Arrays.stream(config.hidden).mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining(",")), parameters,
                    networkBytes / 1e9, limit / 1e9));
        }
    }

    /** Thrown when the TD loss stops being a finite number: the run stops instead of training on garbage. */
    public static final class DivergenceException extends IllegalStateException {
        DivergenceException(long step, float loss) {
            super("training diverged at step " + step + ": the TD loss is " + loss
                    + "; try a lower --learning-rate, --max-grad-norm 10, or --loss huber");
        }
    }
}
