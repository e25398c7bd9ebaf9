package deepq4j.envs;

/**
 * Stacks the last {@code k} observations [C, H, W] into one [k * C, H, W], oldest first, as
 * Gymnasium's {@code FrameStackObservation}: a single frame cannot show motion, a stack can. After a
 * reset the stack is filled with the first observation.
 */
public final class FrameStackObservation extends Wrapper {
    private final int k;
    private final int frameSize;
    private final float[] stack;
    private final Box space;

    public FrameStackObservation(Env env, int k) {
        super(env);
        if (k < 1) {
            throw new IllegalArgumentException("FrameStackObservation: the stack size must be at least 1, got " + k);
        }
        int[] shape = env.observationSpace().shape();
        this.k = k;
        this.frameSize = env.observationSpace().low().length;
        this.stack = new float[k * frameSize];
        int[] stacked = shape.clone();
        stacked[0] *= k;
        this.space = new Box(env.observationSpace().low()[0], env.observationSpace().high()[0], stacked);
    }

    @Override
    public float[] reset(long seed) {
        return fill(env.reset(seed));
    }

    @Override
    public float[] reset() {
        return fill(env.reset());
    }

    private float[] fill(float[] first) {
        for (int i = 0; i < k; i++) {
            System.arraycopy(first, 0, stack, i * frameSize, frameSize);
        }
        return stack.clone();
    }

    @Override
    public Step step(int action) {
        Step s = env.step(action);
        System.arraycopy(stack, frameSize, stack, 0, (k - 1) * frameSize);
        System.arraycopy(s.observation(), 0, stack, (k - 1) * frameSize, frameSize);
        return new Step(stack.clone(), s.reward(), s.terminated(), s.truncated(), s.info());
    }

    @Override
    public Box observationSpace() {
        return space;
    }
}
