package deepq4j.dqn.replay;

import deepq4j.tensor.Generator;

/**
 * What every buffer here shares: a {@link Transitions} ring and its own random stream (so that
 * sampling is reproducible from the seed alone, whatever else draws), with storing and the
 * checkpoint plumbing done once. The subclasses say how a batch is drawn.
 */
abstract class AbstractReplayBuffer implements ReplayBuffer {
    protected final Transitions transitions;
    protected final Generator rng;

    AbstractReplayBuffer(int capacity, int[] observationShape, long seed) {
        this.transitions = new Transitions(capacity, observationShape);
        this.rng = new Generator(seed);
    }

    @Override
    public int add(float[] observation, float[] nextObservation, int action, double reward, boolean terminated, float discount) {
        return transitions.add(observation, nextObservation, action, reward, terminated, discount);
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
