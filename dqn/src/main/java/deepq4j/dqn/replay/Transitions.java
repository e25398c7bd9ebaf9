package deepq4j.dqn.replay;

import deepq4j.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The storage of a replay buffer: a fixed-size ring of transitions (s, a, r, s', terminated,
 * discount), the discount being what multiplies V(s') in the TD target (gamma^k for a
 * transition summing k rewards).
 * How transitions are drawn from it is the buffer's business ({@link UniformReplayBuffer},
 * {@link PrioritizedReplayBuffer}); this class only keeps them and builds batches.
 *
 * <p>Everything lives in a few preallocated arrays, one row per transition: no object per
 * transition, so a million CartPole transitions cost about 48 MB and no garbage collection. When
 * the buffer is full the oldest transition is overwritten. The buffer stores {@code terminated},
 * not {@code done}: a transition cut by a time limit still has a future worth bootstrapping from,
 * and its s' is the real final observation, not the first one of the next episode.
 */
public final class Transitions {
    private final int capacity;
    private final int[] observationShape;
    private final int observationSize;
    private final float[] observations;
    private final float[] nextObservations;
    private final float[] actions;
    private final float[] rewards;
    private final float[] terminated;
    private final float[] discounts;
    private int next;
    private int size;

    /** Room for {@code capacity} transitions of observations shaped {@code observationShape}. */
    public Transitions(int capacity, int[] observationShape) {
        if (capacity < 1) {
            throw new IllegalArgumentException("replay buffer: capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.observationShape = observationShape.clone();
        int n = 1;
        for (int d : observationShape) {
            n *= d;
        }
        this.observationSize = n;
        long floats = (long) capacity * n;
        if (floats > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("replay buffer: " + capacity + " transitions of " + n
                    + " floats do not fit in one Java array; use a smaller buffer");
        }
        this.observations = new float[(int) floats];
        this.nextObservations = new float[(int) floats];
        this.actions = new float[capacity];
        this.rewards = new float[capacity];
        this.terminated = new float[capacity];
        this.discounts = new float[capacity];
    }

    /** Bytes one transition takes: two observations, an action, a reward, a flag and a discount, 4 bytes each. */
    public static long bytesPerTransition(long observationSize) {
        return 4L * (2L * observationSize + 4);
    }

    /** Stores one transition, overwriting the oldest when full; returns the slot it went to. */
    public int add(float[] observation, float[] nextObservation, int action, double reward, boolean terminal, float discount) {
        if (observation.length != observationSize || nextObservation.length != observationSize) {
            throw new IllegalArgumentException("Transitions.add: observations of " + observation.length + " and "
                    + nextObservation.length + " values, but the buffer holds " + observationSize + " per observation "
                    + Arrays.toString(observationShape));
        }
        int slot = next;
        System.arraycopy(observation, 0, observations, slot * observationSize, observationSize);
        System.arraycopy(nextObservation, 0, nextObservations, slot * observationSize, observationSize);
        actions[slot] = action;
        rewards[slot] = (float) reward;
        terminated[slot] = terminal ? 1f : 0f;
        discounts[slot] = discount;
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
        return slot;
    }

    /** How many transitions are stored. */
    public int size() {
        return size;
    }

    /** The most transitions it holds. */
    public int capacity() {
        return capacity;
    }

    /** The slot the next transition goes to (the most recent one is just before it). */
    public int nextSlot() {
        return next;
    }

    /**
     * The stored transitions (rows 0 to size - 1) as tensors, for a checkpoint; with
     * {@link #nextSlot()} and {@link #size()} that is the whole storage.
     */
    public Map<String, Tensor> stateDict() {
        int[] shape = new int[observationShape.length + 1];
        shape[0] = size;
        System.arraycopy(observationShape, 0, shape, 1, observationShape.length);
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put("observations", Tensor.of(Arrays.copyOf(observations, size * observationSize), shape));
        out.put("next_observations", Tensor.of(Arrays.copyOf(nextObservations, size * observationSize), shape));
        out.put("actions", Tensor.of(Arrays.copyOf(actions, size), size));
        out.put("rewards", Tensor.of(Arrays.copyOf(rewards, size), size));
        out.put("terminated", Tensor.of(Arrays.copyOf(terminated, size), size));
        out.put("discounts", Tensor.of(Arrays.copyOf(discounts, size), size));
        return out;
    }

    /** Refills the storage from a {@link #stateDict()} and the position saved with it. */
    public void loadStateDict(Map<String, Tensor> saved, int nextSlot, int filled) {
        if (filled < 0 || filled > capacity || nextSlot < 0 || nextSlot >= capacity || (filled < capacity && nextSlot != filled)) {
            throw new IllegalArgumentException("Transitions.loadStateDict: " + filled + " transitions with the next slot " + nextSlot
                    + " do not fit a buffer of " + capacity);
        }
        copyRows(saved, "observations", observations, filled * observationSize);
        copyRows(saved, "next_observations", nextObservations, filled * observationSize);
        copyRows(saved, "actions", actions, filled);
        copyRows(saved, "rewards", rewards, filled);
        copyRows(saved, "terminated", terminated, filled);
        copyRows(saved, "discounts", discounts, filled);
        next = nextSlot;
        size = filled;
    }

    /**
     * Checks what {@link #loadStateDict} read from a file: actions whole numbers below
     * {@code actionCount}, terminal flags 0 or 1, discounts in [0, 1], so that a damaged checkpoint is refused here
     * rather than failing later, deep in a gradient step.
     */
    public void requireValidTransitions(int actionCount) {
        for (int i = 0; i < size; i++) {
            float a = actions[i];
            if (!(a >= 0 && a < actionCount && a == Math.rint(a))) {
                throw new IllegalArgumentException("replay buffer: stored transition " + i + " has action " + a + ", not one of 0.."
                        + (actionCount - 1));
            }
            if (terminated[i] != 0 && terminated[i] != 1) {
                throw new IllegalArgumentException("replay buffer: stored transition " + i + " has terminated flag " + terminated[i]
                        + ", not 0 or 1");
            }
            if (!(discounts[i] >= 0 && discounts[i] <= 1)) {
                throw new IllegalArgumentException("replay buffer: stored transition " + i + " has discount " + discounts[i]
                        + ", not in [0, 1]");
            }
        }
    }

    private static void copyRows(Map<String, Tensor> saved, String name, float[] into, int count) {
        Tensor t = saved.get(name);
        if (t == null || t.numel() != count) {
            throw new IllegalArgumentException("Transitions.loadStateDict: '" + name + "' should hold " + count + " values, "
                    + (t == null ? "it is missing" : "it holds " + t.numel()));
        }
        System.arraycopy(t.toArray(), 0, into, 0, count);
    }

    /** The transitions at {@code indices}, with optional importance weights. */
    public Batch batch(int[] indices, float[] weights) {
        int b = indices.length;
        float[] obs = new float[b * observationSize];
        float[] nextObs = new float[b * observationSize];
        float[] a = new float[b];
        float[] r = new float[b];
        float[] term = new float[b];
        float[] disc = new float[b];
        for (int i = 0; i < b; i++) {
            int slot = indices[i];
            if (slot < 0 || slot >= size) {
                throw new IllegalArgumentException("replay buffer: slot " + slot + " is not filled (" + size + " stored)");
            }
            System.arraycopy(observations, slot * observationSize, obs, i * observationSize, observationSize);
            System.arraycopy(nextObservations, slot * observationSize, nextObs, i * observationSize, observationSize);
            a[i] = actions[slot];
            r[i] = rewards[slot];
            term[i] = terminated[slot];
            disc[i] = discounts[slot];
        }
        int[] shape = new int[observationShape.length + 1];
        shape[0] = b;
        System.arraycopy(observationShape, 0, shape, 1, observationShape.length);
        return new Batch(Tensor.of(obs, shape), Tensor.of(a, b, 1), Tensor.of(r, b), Tensor.of(nextObs, shape),
                Tensor.of(term, b), Tensor.of(disc, b), indices, weights == null ? null : Tensor.of(weights, b));
    }

    /** Throws unless a batch of {@code batchSize} can be drawn. */
    public void requireSamples(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("replay buffer: batch size must be at least 1, got " + batchSize);
        }
        if (size == 0) {
            throw new IllegalStateException("replay buffer: the buffer is empty; add transitions first");
        }
    }
}
