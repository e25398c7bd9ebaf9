package deepq4j.dqn.replay;

import deepq4j.tensor.Generator;

/**
 * No experience replay (--no-replay): every gradient step learns from the one transition just
 * taken, as online Q-learning does. It is the ablation that shows what replay is for: consecutive
 * transitions are correlated, and each is used once.
 */
public final class LatestTransition implements ReplayBuffer {
    private final Transitions transitions;
    /**
     * Never drawn from: kept so that a checkpoint holds the same entries whatever the buffer
     * (and so that runs checkpointed before this class existed still resume).
     */
    private final Generator rng;

    /** Room for the latest transition of observations shaped {@code observationShape}. */
    public LatestTransition(int[] observationShape, long seed) {
        this.transitions = new Transitions(1, observationShape);
        this.rng = new Generator(seed);
    }

    @Override
    public int add(float[] observation, float[] nextObservation, int action, double reward, boolean terminated) {
        return transitions.add(observation, nextObservation, action, reward, terminated);
    }

    /** A batch of one: the latest transition, whatever {@code batchSize} says. */
    @Override
    public Batch sample(int batchSize, double runFraction) {
        transitions.requireSamples(1);
        return transitions.batch(new int[] {0}, null);
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
