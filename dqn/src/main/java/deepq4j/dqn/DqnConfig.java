package deepq4j.dqn;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Every setting of a training run, with CleanRL's dqn.py names and defaults, and the flags that
 * pick a member of the DQN family. The command line fills it; tests and examples set it directly.
 */
public class DqnConfig {
    // ---------------------------------------------------------------- CleanRL's flags and defaults
    @Option(names = "--env-id", description = "environment id (see `deepq4j envs`) (default: ${DEFAULT-VALUE})")
    public String envId = "CartPole-v1";
    @Option(names = "--seed", description = "seed of the networks, the replay buffer, exploration and the environment (default: ${DEFAULT-VALUE})")
    public long seed = 1;
    @Option(names = "--total-timesteps", description = "environment steps to train for (default: ${DEFAULT-VALUE})")
    public long totalTimesteps = 500_000;
    @Option(names = "--learning-rate", description = "the optimizer's learning rate (default: ${DEFAULT-VALUE})")
    public double learningRate = 2.5e-4;
    @Option(names = "--buffer-size", description = "replay memory size in transitions (default: ${DEFAULT-VALUE})")
    public int bufferSize = 10_000;
    @Option(names = "--gamma", description = "discount factor (default: ${DEFAULT-VALUE})")
    public double gamma = 0.99;
    @Option(names = "--tau", description = "target network update rate: 1 copies, less blends (Polyak) (default: ${DEFAULT-VALUE})")
    public double tau = 1.0;
    @Option(names = "--target-network-frequency", description = "steps between target network updates (default: ${DEFAULT-VALUE})")
    public int targetNetworkFrequency = 500;
    @Option(names = "--batch-size", description = "transitions per gradient step (default: ${DEFAULT-VALUE})")
    public int batchSize = 128;
    @Option(names = "--start-e", description = "starting epsilon of exploration (default: ${DEFAULT-VALUE})")
    public double startE = 1.0;
    @Option(names = "--end-e", description = "final epsilon of exploration (default: ${DEFAULT-VALUE})")
    public double endE = 0.05;
    @Option(names = "--exploration-fraction", description = "fraction of the run over which epsilon falls linearly from start-e to end-e (default: ${DEFAULT-VALUE})")
    public double explorationFraction = 0.5;
    @Option(names = "--learning-starts", description = "steps of random play before training starts (default: ${DEFAULT-VALUE})")
    public long learningStarts = 10_000;
    @Option(names = "--train-frequency", description = "environment steps per gradient step (default: ${DEFAULT-VALUE})")
    public int trainFrequency = 10;

    @Option(names = "--algorithm", description = "dqn (the DQN family of the flags below), c51 (distributional: a categorical "
            + "return distribution per action, cross-entropy to the projected target) or rainbow (c51 with --double-dqn, --dueling, "
            + "--prioritized-replay --per-alpha 0.5, --n-step 3 and --noisy, each of which its --no- form or value turns off) "
            + "or pqn (no replay, no target network: --num-envs copies roll out --num-steps steps, Q(lambda) targets, "
            + "--update-epochs passes of --num-minibatches minibatches, LayerNorm in the network, RAdam) (default: ${DEFAULT-VALUE})")
    public Algorithm algorithm = Algorithm.dqn;

    @Option(names = "--n-atoms", description = "c51: atoms of the return distribution (default: ${DEFAULT-VALUE}, CleanRL's c51.py)")
    public int nAtoms = 101;

    @Option(names = "--v-min", description = "c51: the lowest atom (default: ${DEFAULT-VALUE})")
    public double vMin = -100;

    @Option(names = "--v-max", description = "c51: the highest atom (default: ${DEFAULT-VALUE})")
    public double vMax = 100;

    @Option(names = "--num-envs", description = "environment copies stepped together (SyncVectorEnv, copy i seeded seed + i): each "
            + "step stores N transitions (a step is one of all N copies, as in CleanRL's dqn.py), or PQN's rollouts "
            + "(default: 1; 4 with --algorithm pqn, CleanRL's pqn.py)")
    public int numEnvs = 1;

    @Option(names = "--num-steps", description = "pqn: steps of every copy per rollout (default: ${DEFAULT-VALUE})")
    public int numSteps = 128;

    @Option(names = "--num-minibatches", description = "pqn: minibatches each rollout is split into (default: ${DEFAULT-VALUE})")
    public int numMinibatches = 4;

    @Option(names = "--update-epochs", description = "pqn: passes over each rollout (default: ${DEFAULT-VALUE})")
    public int updateEpochs = 4;

    @Option(names = "--q-lambda", description = "pqn: lambda of the Q(lambda) returns (default: ${DEFAULT-VALUE})")
    public double qLambda = 0.65;

    @Option(names = "--anneal-lr", negatable = true, description = "pqn: lower the learning rate linearly to 0 over the run "
            + "(default: on with --algorithm pqn)")
    public boolean annealLr;

    @Option(names = "--n-step", description = "n-step returns: the TD target sums n rewards and bootstraps from the state n steps on "
            + "(default: ${DEFAULT-VALUE}, one-step DQN; Rainbow uses 3)")
    public int nStep = 1;

    // ---------------------------------------------------------------- output
    @Option(names = "--out", description = "run directory (default: runs/<env-id>__dqn__<seed>__<unix time>)")
    public Path out;
    @Option(names = "--eval-episodes", description = "greedy evaluation episodes after training, on separately seeded environments (default: ${DEFAULT-VALUE})")
    public int evalEpisodes = 100;
    @Option(names = "--capture-video", description = "write a GIF of a greedy evaluation episode every --video-interval steps and at the end")
    public boolean captureVideo;
    @Option(names = "--video-interval", description = "steps between videos with --capture-video (default: ${DEFAULT-VALUE})")
    public long videoInterval = 100_000;
    @Option(names = "--log-interval", description = "steps between rows of metrics.csv and TensorBoard scalars (default: ${DEFAULT-VALUE})")
    public int logInterval = 100;
    // Named by its negative form because it is on by default: picocli sets a negatable option to the
    // opposite of its default when the name given here appears, and back to the default for the other.
    @Option(names = "--no-progress", negatable = true, description = "hide the console progress bar (--progress shows it; default: shown)")
    public boolean progress = true;
    @Option(names = "--threads", description = "threads of the tensor kernels; results do not depend on it (default: ${DEFAULT-VALUE})")
    public int threads = 1;
    /** The command line that made this configuration (for `train --resume`, which parses it again); not a flag. */
    public String[] commandLine;
    @Option(names = "--checkpoint-interval", description = "steps between checkpoints of the whole training state in the run directory, "
            + "from which `train --resume DIR` continues bit for bit after a crash; 0 writes none (default: ${DEFAULT-VALUE}; "
            + "500000 for MinAtar ids)")
    public long checkpointInterval = 0;
    @Option(names = "--device", description = "where the networks train: cpu, or opencl[:N] for an OpenCL device (see `deepq4j devices`) (default: ${DEFAULT-VALUE})")
    public String device = "cpu";

    // ---------------------------------------------------------------- the DQN family
    @Option(names = "--no-replay", description = "naive online Q-learning: learn from each transition as it happens, without a replay buffer")
    public boolean noReplay;
    @Option(names = "--no-target-network", description = "DQN 2013: bootstrap from the online network itself")
    public boolean noTargetNetwork;
    // Negatable (--no-double-dqn, ...) so that each part of Rainbow can be switched off.
    @Option(names = "--double-dqn", negatable = true, description = "Double DQN: the online network picks a', the target network values it")
    public boolean doubleDqn;
    @Option(names = "--dueling", negatable = true, description = "dueling network: Q = V + A - mean(A)")
    public boolean dueling;
    @Option(names = "--prioritized-replay", negatable = true, description = "prioritized experience replay (proportional, Schaul et al. 2016)")
    public boolean prioritizedReplay;
    @Option(names = "--noisy", negatable = true, description = "NoisyNets (Fortunato et al. 2018): every fully connected layer a "
            + "NoisyLinear (sigma0 0.5), its noise drawn anew every step; epsilon-greedy is then off (--start-e and --end-e 0) "
            + "unless those flags are given")
    public boolean noisy;
    @Option(names = "--per-alpha", description = "priority exponent of prioritized replay (default: ${DEFAULT-VALUE})")
    public double perAlpha = 0.6;
    @Option(names = "--per-beta", description = "starting importance-sampling exponent, annealed to 1 over the run (default: ${DEFAULT-VALUE})")
    public double perBeta = 0.4;
    @Option(names = "--per-epsilon", description = "added to |TD error| so no priority is zero (default: ${DEFAULT-VALUE})")
    public double perEpsilon = 1e-6;
    @Option(names = "--hidden", split = ",", description = "hidden layer sizes of the Q-network (default: 120,84)")
    public int[] hidden = {120, 84};
    @Option(names = "--loss", description = "TD loss: mse (CleanRL) or huber (default: ${DEFAULT-VALUE})")
    public LossKind loss = LossKind.mse;
    @Option(names = "--huber-delta", description = "where the Huber loss turns from quadratic to linear (default: ${DEFAULT-VALUE})")
    public double huberDelta = 1.0;
    @Option(names = "--max-grad-norm", description = "clip gradients to this global norm; 0 turns clipping off (default: ${DEFAULT-VALUE})")
    public double maxGradNorm = 0;
    @Option(names = "--epsilon-schedule", description = "linear (CleanRL, over --exploration-fraction) or exponential (per episode, by --epsilon-decay) (default: ${DEFAULT-VALUE})")
    public ScheduleKind epsilonSchedule = ScheduleKind.linear;
    @Option(names = "--epsilon-decay", description = "per-episode factor of the exponential epsilon schedule (default: ${DEFAULT-VALUE})")
    public double epsilonDecay = 0.99;
    @Option(names = "--lr-decay", description = "per-episode factor of the learning rate; 1 keeps it constant (default: ${DEFAULT-VALUE})")
    public double lrDecay = 1.0;
    @Option(names = "--min-learning-rate", description = "the learning rate never decays below this (default: ${DEFAULT-VALUE})")
    public double minLearningRate = 0;

    @Option(names = "--network", description = "Q-network: auto (mlp for vectors, minatar for 10x10 grids, nature for 84x84 frames), mlp, minatar or nature (default: ${DEFAULT-VALUE})")
    public NetworkChoice network = NetworkChoice.auto;
    @Option(names = "--optimizer", description = "adam (CleanRL) or rmsprop (centered, alpha 0.95, eps 0.01: the MinAtar and Nature DQN baselines) (default: ${DEFAULT-VALUE})")
    public OptimizerKind optimizer = OptimizerKind.adam;

    /** The TD losses. */
    public enum LossKind { mse, huber }

    /** The Q-network architectures, or auto: the one that fits the observations. */
    public enum NetworkChoice { auto, mlp, minatar, nature }

    /** The optimizers. */
    public enum OptimizerKind { adam, rmsprop }

    /** Frames over which epsilon falls from 1 to 0.1 in MinAtar's baseline, whatever the run's length. */
    public static final long MINATAR_EXPLORATION_STEPS = 100_000;

    /**
     * The settings of {@code envId} as its own baseline trains it: CleanRL's dqn.py for the
     * classic-control ids, MinAtar's DQN (Young and Tian 2019) for MinAtar ids.
     */
    public static DqnConfig forEnv(String envId) {
        DqnConfig c = new DqnConfig();
        c.envId = envId;
        c.applyEnvironmentDefaults(flag -> false);
        return c;
    }

    /**
     * The settings chapter 7 debugs DQN with on a probe environment ({@code Probe1-v0} to
     * {@code Probe5-v0}): small enough to learn its one or two values in a few thousand steps, and
     * to show a bug just as fast. A 500-transition buffer, an update on every step with batches of
     * 128 after 500 steps, the target synced every 100 updates, epsilon down to 0.1 over the first
     * fifth, no evaluation and no progress bar.
     */
    public static DqnConfig forProbe(String envId, long totalTimesteps) {
        DqnConfig c = new DqnConfig();
        c.envId = envId;
        c.totalTimesteps = totalTimesteps;
        c.learningRate = 1e-3;
        c.bufferSize = 500;
        c.batchSize = 128;
        c.learningStarts = 500;
        c.trainFrequency = 1;
        c.targetNetworkFrequency = 100;
        c.explorationFraction = 0.2;
        c.endE = 0.1;
        c.evalEpisodes = 0;
        c.progress = false;
        return c;
    }

    /**
     * Replaces the defaults of the flags the user did not set ({@code setByUser} says which) with
     * those of the environment's own baseline. For MinAtar ids: MinAtar's DQN, which trains every
     * frame on batches of 32 from a 100k buffer after 5k frames of random play, with the Huber loss
     * and centered RMSprop (lr 2.5e-4, alpha 0.95, eps 0.01), syncs the target every 1k frames and
     * lowers epsilon from 1 to 0.1 over the first 100k frames, for 5M frames. Other ids keep
     * CleanRL's defaults.
     */
    public void applyEnvironmentDefaults(java.util.function.Predicate<String> setByUser) {
        if (!envId.startsWith("MinAtar/")) {
            return;
        }
        if (!setByUser.test("--total-timesteps")) {
            totalTimesteps = 5_000_000;
        }
        if (!setByUser.test("--learning-rate")) {
            learningRate = 2.5e-4;
        }
        if (!setByUser.test("--buffer-size")) {
            bufferSize = 100_000;
        }
        if (!setByUser.test("--target-network-frequency")) {
            targetNetworkFrequency = 1_000;
        }
        if (!setByUser.test("--batch-size")) {
            batchSize = 32;
        }
        if (!setByUser.test("--end-e")) {
            endE = 0.1;
        }
        if (!setByUser.test("--exploration-fraction")) {
            explorationFraction = Math.min(1.0, MINATAR_EXPLORATION_STEPS / (double) totalTimesteps);
        }
        if (!setByUser.test("--learning-starts")) {
            learningStarts = 5_000;
        }
        if (!setByUser.test("--checkpoint-interval")) {
            checkpointInterval = 500_000; // an hour-long run should survive a crash
        }
        if (!setByUser.test("--train-frequency")) {
            trainFrequency = 1;
        }
        if (!setByUser.test("--loss")) {
            loss = LossKind.huber;
        }
        if (!setByUser.test("--optimizer")) {
            optimizer = OptimizerKind.rmsprop;
        }
    }

    /** The algorithms of --algorithm. */
    public enum Algorithm { dqn, c51, rainbow, pqn }

    /** Whether the network gives return distributions: C51 and Rainbow. */
    public boolean categorical() {
        return algorithm == Algorithm.c51 || algorithm == Algorithm.rainbow;
    }

    /**
     * The defaults of the environment's baseline ({@link #applyEnvironmentDefaults}), then those of
     * the algorithm ({@link #applyAlgorithmDefaults}), for the flags the user did not set.
     */
    public void applyDefaults(java.util.function.Predicate<String> setByUser) {
        applyEnvironmentDefaults(setByUser);
        applyAlgorithmDefaults(setByUser);
    }

    /**
     * Rainbow (Hessel et al. 2018) is C51 with five more parts, each switched on here unless its
     * flag was given: Double DQN, the dueling network, prioritized replay with the paper's alpha
     * of 0.5, 3-step returns, and noisy layers. The rest keeps the run's defaults: CleanRL's
     * rainbow_atari.py scales the paper's Atari settings to its own DQN's the same way.
     * Noisy networks explore by themselves, so epsilon-greedy is off with them unless
     * --start-e or --end-e asks for it.
     */
    public void applyAlgorithmDefaults(java.util.function.Predicate<String> setByUser) {
        if (algorithm == Algorithm.rainbow) {
            doubleDqn = setByUser.test("--double-dqn") || setByUser.test("--no-double-dqn") ? doubleDqn : true;
            dueling = setByUser.test("--dueling") || setByUser.test("--no-dueling") ? dueling : true;
            prioritizedReplay = setByUser.test("--prioritized-replay") || setByUser.test("--no-prioritized-replay") ? prioritizedReplay : true;
            noisy = setByUser.test("--noisy") || setByUser.test("--no-noisy") ? noisy : true;
            if (!setByUser.test("--per-alpha")) {
                perAlpha = 0.5;
            }
            if (!setByUser.test("--n-step")) {
                nStep = 3;
            }
        }
        if (algorithm == Algorithm.pqn) {
            // CleanRL's pqn.py: four copies, gradients clipped to norm 10, the rate annealed to 0.
            if (!setByUser.test("--num-envs")) {
                numEnvs = 4;
            }
            if (!setByUser.test("--max-grad-norm")) {
                maxGradNorm = 10;
            }
            if (!setByUser.test("--anneal-lr") && !setByUser.test("--no-anneal-lr")) {
                annealLr = true;
            }
        }
        if (noisy && !setByUser.test("--start-e") && !setByUser.test("--end-e")) {
            startE = 0;
            endE = 0;
        }
    }

    /** The epsilon schedules. */
    public enum ScheduleKind { linear, exponential }

    /** Throws {@link IllegalArgumentException} naming the first flag whose value is out of range. */
    public void validate() {
        require(totalTimesteps >= 1, "--total-timesteps", totalTimesteps, "must be at least 1");
        require(learningRate > 0 && Double.isFinite(learningRate), "--learning-rate", learningRate, "must be a positive number");
        require(bufferSize >= 1, "--buffer-size", bufferSize, "must be at least 1");
        require(gamma >= 0 && gamma <= 1, "--gamma", gamma, "must be in [0, 1]");
        require(nStep >= 1 && nStep <= 1000, "--n-step", nStep, "must be in 1..1000");
        require(nAtoms >= 2 && nAtoms <= 10_000, "--n-atoms", nAtoms, "must be in 2..10000");
        require(Double.isFinite(vMin), "--v-min", vMin, "must be a number");
        require(Double.isFinite(vMax) && vMax > vMin, "--v-max", vMax, "must be a number above --v-min " + vMin);
        require(tau > 0 && tau <= 1, "--tau", tau, "must be in (0, 1]");
        require(targetNetworkFrequency >= 1, "--target-network-frequency", targetNetworkFrequency, "must be at least 1");
        require(batchSize >= 1, "--batch-size", batchSize, "must be at least 1");
        require(startE >= 0 && startE <= 1, "--start-e", startE, "must be in [0, 1]");
        require(endE >= 0 && endE <= 1, "--end-e", endE, "must be in [0, 1]");
        require(explorationFraction >= 0 && explorationFraction <= 1, "--exploration-fraction", explorationFraction, "must be in [0, 1]");
        require(learningStarts >= 0, "--learning-starts", learningStarts, "must not be negative");
        require(trainFrequency >= 1, "--train-frequency", trainFrequency, "must be at least 1");
        require(evalEpisodes >= 0, "--eval-episodes", evalEpisodes, "must not be negative");
        require(videoInterval >= 1, "--video-interval", videoInterval, "must be at least 1");
        require(logInterval >= 1, "--log-interval", logInterval, "must be at least 1");
        require(threads >= 1, "--threads", threads, "must be at least 1");
        require(checkpointInterval >= 0, "--checkpoint-interval", checkpointInterval, "must not be negative (0 writes no checkpoints)");
        require(device.matches("cpu|opencl(:[0-9]{1,4})?"), "--device", device, "must be cpu, opencl or opencl:N");
        require(perAlpha >= 0, "--per-alpha", perAlpha, "must not be negative");
        require(perBeta >= 0 && perBeta <= 1, "--per-beta", perBeta, "must be in [0, 1]");
        require(perEpsilon > 0, "--per-epsilon", perEpsilon, "must be positive");
        require(huberDelta > 0, "--huber-delta", huberDelta, "must be positive");
        require(maxGradNorm >= 0, "--max-grad-norm", maxGradNorm, "must not be negative (0 turns clipping off)");
        require(epsilonDecay > 0 && epsilonDecay <= 1, "--epsilon-decay", epsilonDecay, "must be in (0, 1]");
        require(lrDecay > 0 && lrDecay <= 1, "--lr-decay", lrDecay, "must be in (0, 1]");
        require(minLearningRate >= 0, "--min-learning-rate", minLearningRate, "must not be negative");
        for (int h : hidden) {
            require(h >= 1, "--hidden", h, "sizes must be at least 1");
        }
        if (dueling && hidden.length == 0) {
            throw new IllegalArgumentException("--dueling needs at least one hidden layer (--hidden)");
        }
        require(numEnvs >= 1 && numEnvs <= 4096, "--num-envs", numEnvs, "must be in 1..4096");
        require(numSteps >= 1, "--num-steps", numSteps, "must be at least 1");
        require(numMinibatches >= 1 && numMinibatches <= numEnvs * numSteps, "--num-minibatches", numMinibatches,
                "must be in 1..num-envs x num-steps = " + numEnvs * numSteps);
        require(updateEpochs >= 1, "--update-epochs", updateEpochs, "must be at least 1");
        require(qLambda >= 0 && qLambda <= 1, "--q-lambda", qLambda, "must be in [0, 1]");
        if (algorithm == Algorithm.pqn) {
            if (noisy || dueling || doubleDqn || prioritizedReplay || noReplay || noTargetNetwork || nStep > 1) {
                throw new IllegalArgumentException("--algorithm pqn has no replay buffer or target network: --noisy, --dueling, "
                        + "--double-dqn, --prioritized-replay, --no-replay, --no-target-network and --n-step do not apply to it");
            }
            if ((long) numEnvs * numSteps > totalTimesteps) {
                throw new IllegalArgumentException("--total-timesteps " + totalTimesteps + " is less than one rollout of --num-envs "
                        + numEnvs + " x --num-steps " + numSteps);
            }
        } else if (numEnvs > 1 && noReplay) {
            throw new IllegalArgumentException("--num-envs " + numEnvs + " and --no-replay cannot be combined: online Q-learning "
                    + "learns from one transition at a time");
        } else if (annealLr) {
            throw new IllegalArgumentException("--anneal-lr is --algorithm pqn's (the DQN family has --lr-decay)");
        }
        if (noReplay && prioritizedReplay) {
            throw new IllegalArgumentException("--no-replay and --prioritized-replay cannot be combined: prioritized replay needs a buffer");
        }
    }

    private static void require(boolean ok, String flag, Object value, String rule) {
        if (!ok) {
            throw new IllegalArgumentException("invalid value for " + flag + ": " + value + " (" + rule + ")");
        }
    }

    /** A short name of the algorithm these flags select, e.g. "DQN 2015 + Double + Dueling + PER". */
    public String algorithmName() {
        if (algorithm == Algorithm.pqn) {
            return "PQN";
        }
        if (algorithm == Algorithm.rainbow && doubleDqn && dueling && prioritizedReplay && nStep == 3 && noisy && !noTargetNetwork) {
            return "Rainbow"; // all six parts; with one off, the name lists the parts that are on
        }
        String base = categorical() ? (noTargetNetwork ? "C51 without a target network" : "C51")
                : noReplay ? "online Q-learning" : noTargetNetwork ? "DQN 2013" : "DQN 2015";
        StringBuilder s = new StringBuilder(base);
        if (doubleDqn) {
            s.append(" + Double");
        }
        if (dueling) {
            s.append(" + Dueling");
        }
        if (prioritizedReplay) {
            s.append(" + PER");
        }
        if (nStep > 1) {
            s.append(" + ").append(nStep).append("-step");
        }
        if (noisy) {
            s.append(" + Noisy");
        }
        return s.toString();
    }

    /** Every setting by its flag name (without dashes, underscores as CleanRL's args), in a stable order. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("env_id", envId);
        m.put("seed", seed);
        m.put("total_timesteps", totalTimesteps);
        m.put("learning_rate", learningRate);
        m.put("buffer_size", bufferSize);
        m.put("gamma", gamma);
        m.put("n_step", nStep);
        m.put("num_envs", numEnvs);
        m.put("num_steps", numSteps);
        m.put("num_minibatches", numMinibatches);
        m.put("update_epochs", updateEpochs);
        m.put("q_lambda", qLambda);
        m.put("anneal_lr", annealLr);
        m.put("n_atoms", nAtoms);
        m.put("v_min", vMin);
        m.put("v_max", vMax);
        m.put("tau", tau);
        m.put("target_network_frequency", targetNetworkFrequency);
        m.put("batch_size", batchSize);
        m.put("start_e", startE);
        m.put("end_e", endE);
        m.put("exploration_fraction", explorationFraction);
        m.put("learning_starts", learningStarts);
        m.put("train_frequency", trainFrequency);
        m.put("out", out == null ? null : out.toString());
        m.put("eval_episodes", evalEpisodes);
        m.put("capture_video", captureVideo);
        m.put("video_interval", videoInterval);
        m.put("log_interval", logInterval);
        m.put("threads", threads);
        m.put("device", device);
        m.put("checkpoint_interval", checkpointInterval);
        m.put("algorithm", algorithmName());
        m.put("no_replay", noReplay);
        m.put("no_target_network", noTargetNetwork);
        m.put("double_dqn", doubleDqn);
        m.put("dueling", dueling);
        m.put("prioritized_replay", prioritizedReplay);
        m.put("noisy", noisy);
        m.put("per_alpha", perAlpha);
        m.put("per_beta", perBeta);
        m.put("per_epsilon", perEpsilon);
        m.put("hidden", hidden.clone());
        m.put("loss", loss.name());
        m.put("huber_delta", huberDelta);
        m.put("max_grad_norm", maxGradNorm);
        m.put("epsilon_schedule", epsilonSchedule.name());
        m.put("epsilon_decay", epsilonDecay);
        m.put("lr_decay", lrDecay);
        m.put("min_learning_rate", minLearningRate);
        m.put("network", network.name());
        m.put("optimizer", optimizer.name());
        return m;
    }
}
