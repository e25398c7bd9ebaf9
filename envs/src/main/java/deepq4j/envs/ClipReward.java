package deepq4j.envs;

/**
 * Clips each reward into [min, max], as Gymnasium's {@code ClipReward}; with [-1, 1] on games whose
 * scores come in whole points this is the sign clipping of the Atari DQN, which lets one learning
 * rate suit games with very different score scales.
 */
public final class ClipReward extends Wrapper {
    private final double min;
    private final double max;

    public ClipReward(Env env, double min, double max) {
        super(env);
        if (!(min <= max)) {
            throw new IllegalArgumentException("ClipReward: min " + min + " is above max " + max);
        }
        this.min = min;
        this.max = max;
    }

    @Override
    public Step step(int action) {
        Step s = env.step(action);
        return new Step(s.observation(), Math.max(min, Math.min(max, s.reward())), s.terminated(), s.truncated(), s.info());
    }
}
