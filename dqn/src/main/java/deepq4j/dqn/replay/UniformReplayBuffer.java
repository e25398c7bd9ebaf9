package deepq4j.dqn.replay;

import deepq4j.tensor.Generator;

/**
 * Uniform experience replay, as CleanRL's dqn.py uses Stable-Baselines3's buffer: every stored
 * transition is equally likely, drawn with replacement.
 */
public final class UniformReplayBuffer implements ReplayBuffer {
    private final Transitions transitions;
    /** The buffer's own random stream: sampling is reproducible from the seed alone. */
    private final Generator rng;

    /** A buffer of {@code capacity} transitions of observations shaped {@code observationShape}, drawing from {@code seed}. */
    public UniformReplayBuffer(int capacity, int[] observationShape, long seed) {
        this.transitions = new Transitions(capacity, observationShape);
        this.rng = new Generator(seed);
    }

    @Override
    public int add(float[] observation, float[] nextObservation, int action, double reward, boolean terminated) {
        return transitions.add(observation, nextObservation, action, reward, terminated);
    }

    /** {@code batchSize} transitions drawn uniformly with replacement. */
    public Batch sample(int batchSize) {
        transitions.requireSamples(batchSize);
        int[] indices = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            indices[i] = rng.nextInt(transitions.size());
        }
        return transitions.batch(indices, null);
    }

    @Override
    public Batch sample(int batchSize, double runFraction) {
        return sample(batchSize);
    }

    @Override
    public Transitions transitions() {
        return transitions;
    }

    @Override
    public long[] rngState() {
        return rng.getState();
    }

    @Override
    public void setRngState(long[] state) {
        rng.setState(state);
    }
}
