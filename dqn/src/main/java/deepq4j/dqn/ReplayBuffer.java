package deepq4j.dqn;

import deepq4j.tensor.Generator;
import deepq4j.tensor.Tensor;
import java.util.Arrays;

/**
 * Experience replay: a fixed-size ring buffer of transitions (s, a, r, s', terminated), sampled
 * uniformly with replacement, as CleanRL's dqn.py uses Stable-Baselines3's buffer.
 *
 * <p>Everything lives in a few preallocated arrays, one row per transition: no object per
 * transition, so a million CartPole transitions cost about 42 MB and no garbage collection. When
 * the buffer is full the oldest transition is overwritten. The buffer stores {@code terminated},
 * not {@code done}: a transition cut by a time limit still has a future worth bootstrapping from,
 * and its s' is the real final observation, not the first one of the next episode.
 */
public class ReplayBuffer {
    private final int capacity;
    private final int[] observationShape;
    private final int observationSize;
    private final float[] observations;
    private final float[] nextObservations;
    private final float[] actions;
    private final float[] rewards;
    private final float[] terminated;
    private int next;
    private int size;
    /** The buffer's own random stream: sampling is reproducible from the seed alone. */
    protected final Generator rng;

    /** A buffer of {@code capacity} transitions of observations shaped {@code observationShape}. */
    public ReplayBuffer(int capacity, int[] observationShape, long seed) {
        if (capacity < 1) {
            throw new IllegalArgumentException("ReplayBuffer: capacity must be at least 1, got " + capacity);
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
            throw new IllegalArgumentException("ReplayBuffer: " + capacity + " transitions of " + n
                    + " floats do not fit in one Java array; use a smaller buffer");
        }
        this.observations = new float[(int) floats];
        this.nextObservations = new float[(int) floats];
        this.actions = new float[capacity];
        this.rewards = new float[capacity];
        this.terminated = new float[capacity];
        this.rng = new Generator(seed);
    }

    /** Bytes one transition takes: two observations, an action, a reward and a flag, 4 bytes each. */
    public static long bytesPerTransition(int observationSize) {
        return 4L * (2L * observationSize + 3);
    }

    /** Stores one transition, overwriting the oldest when full; returns the slot it went to. */
    public int add(float[] observation, float[] nextObservation, int action, double reward, boolean terminal) {
        if (observation.length != observationSize || nextObservation.length != observationSize) {
            throw new IllegalArgumentException("ReplayBuffer.add: observations of " + observation.length + " and "
                    + nextObservation.length + " values, but the buffer holds " + observationSize + " per observation "
                    + Arrays.toString(observationShape));
        }
        int slot = next;
        System.arraycopy(observation, 0, observations, slot * observationSize, observationSize);
        System.arraycopy(nextObservation, 0, nextObservations, slot * observationSize, observationSize);
        actions[slot] = action;
        rewards[slot] = (float) reward;
        terminated[slot] = terminal ? 1f : 0f;
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

    /** {@code batchSize} transitions drawn uniformly with replacement. */
    public Batch sample(int batchSize) {
        requireSamples(batchSize);
        int[] indices = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            indices[i] = rng.nextInt(size);
        }
        return batch(indices, null);
    }

    /** The transitions at {@code indices}, with optional importance weights. */
    public Batch batch(int[] indices, float[] weights) {
        int b = indices.length;
        float[] obs = new float[b * observationSize];
        float[] nextObs = new float[b * observationSize];
        float[] a = new float[b];
        float[] r = new float[b];
        float[] term = new float[b];
        for (int i = 0; i < b; i++) {
            int slot = indices[i];
            if (slot < 0 || slot >= size) {
                throw new IllegalArgumentException("ReplayBuffer: slot " + slot + " is not filled (" + size + " stored)");
            }
            System.arraycopy(observations, slot * observationSize, obs, i * observationSize, observationSize);
            System.arraycopy(nextObservations, slot * observationSize, nextObs, i * observationSize, observationSize);
            a[i] = actions[slot];
            r[i] = rewards[slot];
            term[i] = terminated[slot];
        }
        int[] shape = new int[observationShape.length + 1];
        shape[0] = b;
        System.arraycopy(observationShape, 0, shape, 1, observationShape.length);
        return new Batch(Tensor.of(obs, shape), Tensor.of(a, b, 1), Tensor.of(r, b), Tensor.of(nextObs, shape),
                Tensor.of(term, b), indices, weights == null ? null : Tensor.of(weights, b));
    }

    /** Throws unless a batch can be drawn. */
    protected void requireSamples(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("ReplayBuffer.sample: batch size must be at least 1, got " + batchSize);
        }
        if (size == 0) {
            throw new IllegalStateException("ReplayBuffer.sample: the buffer is empty; add transitions first");
        }
    }
}
