package deepq4j.envs;

/**
 * Repeats each action for {@code skip} frames, adds up their rewards, and returns the elementwise
 * maximum of the last two frames, as Gymnasium's {@code MaxAndSkipObservation} (the Atari DQN
 * pipeline: the maximum removes the flicker of objects drawn only every other frame). An episode
 * that ends within the skip returns at once.
 */
public final class MaxAndSkipObservation extends Wrapper {
    private final int skip;

    public MaxAndSkipObservation(Env env, int skip) {
        super(env);
        if (skip < 1) {
            throw new IllegalArgumentException("MaxAndSkipObservation: skip must be at least 1, got " + skip);
        }
        this.skip = skip;
    }

    @Override
    public Step step(int action) {
        double total = 0;
        float[] previous = null;
        Step s = null;
        for (int i = 0; i < skip; i++) {
            if (s != null) {
                previous = s.observation();
            }
            s = env.step(action);
            total += s.reward();
            if (s.terminated() || s.truncated()) {
                break;
            }
        }
        float[] observation = s.observation().clone();
        if (previous != null) {
            for (int i = 0; i < observation.length; i++) {
                observation[i] = Math.max(observation[i], previous[i]);
            }
        }
        return new Step(observation, total, s.terminated(), s.truncated(), s.info());
    }
}
