package deepq4j.dqn.replay;

/**
 * No experience replay (--no-replay): every gradient step learns from the one transition just
 * taken, as online Q-learning does. It is the ablation that shows what replay is for: consecutive
 * transitions are correlated, and each is used once.
 */
public final class LatestTransition extends AbstractReplayBuffer {
    /**
     * Room for the latest transition of observations shaped {@code observationShape}. Its random
     * stream is never drawn from; it is kept so that a checkpoint holds the same entries whatever
     * the buffer (and runs checkpointed before this class existed still resume).
     */
    public LatestTransition(int[] observationShape, long seed) {
        super(1, observationShape, seed);
    }

    /** A batch of one: the latest transition, whatever {@code batchSize} says. */
    @Override
    public Batch sample(int batchSize, double runFraction) {
        transitions.requireSamples(1);
        return transitions.batch(new int[] {0}, null);
    }
}
