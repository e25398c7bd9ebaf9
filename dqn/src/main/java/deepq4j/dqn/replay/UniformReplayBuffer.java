package deepq4j.dqn.replay;

/**
 * Uniform experience replay, as CleanRL's dqn.py uses Stable-Baselines3's buffer: every stored
 * transition is equally likely, drawn with replacement.
 */
public final class UniformReplayBuffer extends AbstractReplayBuffer {
    /** A buffer of {@code capacity} transitions of observations shaped {@code observationShape}, drawing from {@code seed}. */
    public UniformReplayBuffer(int capacity, int[] observationShape, long seed) {
        super(capacity, observationShape, seed);
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
}
