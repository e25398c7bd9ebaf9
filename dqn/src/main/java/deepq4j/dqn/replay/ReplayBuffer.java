package deepq4j.dqn.replay;

import deepq4j.tensor.Tensor;
import java.util.Map;

/**
 * Experience replay as the training loop sees it: store each transition, draw a batch for every
 * gradient step, and hear back how wrong the network was on it. {@link UniformReplayBuffer} is
 * CleanRL's (Stable-Baselines3's) buffer, {@link PrioritizedReplayBuffer} draws by TD error and
 * {@link LatestTransition} is no replay at all (DQN without its memory).
 *
 * <p>Every buffer keeps its transitions in a {@link Transitions} ring and draws from its own
 * random stream, so a checkpoint saves the same things for each: the ring, the stream's state and
 * whatever else {@link #exactState()} names.
 */
public interface ReplayBuffer {
    /**
     * Stores one transition, overwriting the oldest when full; returns the slot it went to.
     * {@code discount} multiplies V(s') in its TD target: gamma for a one-step transition, gamma^k
     * for one that sums k rewards ({@link NStepWindow}).
     */
    int add(float[] observation, float[] nextObservation, int action, double reward, boolean terminated, float discount);

    /**
     * The batch for one gradient step. {@code runFraction}, the share of the run done (0 to 1),
     * lets a buffer anneal its sampling over the run (prioritized replay's beta); a uniform
     * buffer ignores it.
     */
    Batch sample(int batchSize, double runFraction);

    /**
     * How wrong the network was on each transition of the batch just drawn from {@link #sample},
     * [B]: the TD error Q(s, a) - target for DQN, the cross-entropy to the target distribution for
     * C51. A prioritized buffer turns its size into priorities; the others ignore it.
     */
    default void updatePriorities(int[] indices, Tensor errors) {
    }

    /** The stored transitions. */
    Transitions transitions();

    /** How many transitions are stored. */
    default int size() {
        return transitions().size();
    }

    /** The state of the buffer's random stream (for a checkpoint). */
    long[] rngState();

    /** Restores {@link #rngState()}. */
    void setRngState(long[] state);

    /**
     * State beyond the transitions that a checkpoint must keep to the last bit, as float64 vectors
     * by name: none for most buffers; a prioritized one keeps its priorities.
     */
    default Map<String, double[]> exactState() {
        return Map.of();
    }

    /** Restores {@link #exactState()}, after the transitions are back. */
    default void loadExactState(Map<String, double[]> saved) {
    }
}
