package deepq4j.envs;

/** A wrapper that changes only observations, on reset and on every step (Gymnasium's {@code ObservationWrapper}). */
public abstract class ObservationWrapper extends Wrapper {
    protected ObservationWrapper(Env env) {
        super(env);
    }

    /** The new observation made from the wrapped environment's. */
    protected abstract float[] observation(float[] observation);

    @Override
    public float[] reset(long seed) {
        return observation(env.reset(seed));
    }

    @Override
    public float[] reset() {
        return observation(env.reset());
    }

    @Override
    public Step step(int action) {
        Step s = env.step(action);
        return new Step(observation(s.observation()), s.reward(), s.terminated(), s.truncated(), s.info());
    }

    /** The wrapped environment's image shape [C, H, W], or an error naming the wrapper that needs one. */
    protected static int[] imageShape(Env env, String wrapper) {
        int[] shape = env.observationSpace().shape();
        if (shape.length != 3) {
            throw new IllegalArgumentException(wrapper + " needs image observations [C, H, W], got shape " + java.util.Arrays.toString(shape));
        }
        return shape;
    }
}
