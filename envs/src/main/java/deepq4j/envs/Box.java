package deepq4j.envs;

import java.util.Arrays;

/**
 * A box of float32 arrays with per-element bounds, as {@code gymnasium.spaces.Box(low, high,
 * dtype=np.float32)}; elements are kept flat, in row-major order of {@link #shape()}.
 */
public final class Box {
    private final float[] low;
    private final float[] high;
    private final int[] shape;
    private NumpyGenerator random;

    /** The box [low, high] (element by element); both arrays have the vector's length. */
    public Box(float[] low, float[] high) {
        if (low.length != high.length) {
            throw new IllegalArgumentException("Box: low has " + low.length + " elements and high " + high.length);
        }
        for (int i = 0; i < low.length; i++) {
            if (!(low[i] <= high[i])) {
                throw new IllegalArgumentException("Box: low[" + i + "] = " + low[i] + " is above high[" + i + "] = " + high[i]);
            }
        }
        this.low = low.clone();
        this.high = high.clone();
        this.shape = new int[] {low.length};
    }

    /** The box [low, high] in every element of an array of the given shape, as {@code Box(low, high, shape)}. */
    public Box(float low, float high, int... shape) {
        long size = 1;
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException("Box: shape " + Arrays.toString(shape) + " has a dimension below 1");
            }
            size *= d;
        }
        if (!(low <= high)) {
            throw new IllegalArgumentException("Box: low " + low + " is above high " + high);
        }
        this.low = new float[Math.toIntExact(size)];
        this.high = new float[this.low.length];
        Arrays.fill(this.low, low);
        Arrays.fill(this.high, high);
        this.shape = shape.clone();
    }

    /** The arrays' shape, e.g. [4] for CartPole, [4, 10, 10] for MinAtar Breakout. */
    public int[] shape() {
        return shape.clone();
    }

    /** The element type, always "float32" here. */
    public String dtype() {
        return "float32";
    }

    /** The lower bounds (a copy). */
    public float[] low() {
        return low.clone();
    }

    /** The upper bounds (a copy). */
    public float[] high() {
        return high.clone();
    }

    /** Seeds the sampler, as {@code observation_space.seed(seed)}. */
    public void seed(long seed) {
        random = new NumpyGenerator(seed);
    }

    /**
     * A uniform sample of the box, drawn as Gymnasium draws a bounded Box: uniform(low, high) in
     * double precision per element, in order, then rounded to float32.
     */
    public float[] sample() {
        if (random == null) {
            random = NumpyGenerator.fromEntropy();
        }
        float[] x = new float[low.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.uniform(low[i], high[i]);
        }
        return x;
    }

    /** True when x has the box's length and every element lies within its bounds. */
    public boolean contains(float[] x) {
        if (x == null || x.length != low.length) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= low[i] && x[i] <= high[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        String dims = shape.length == 1 ? shape[0] + "," : Arrays.toString(shape).replace("[", "").replace("]", "");
        if (shape.length > 1) {
            // A uniform box of many elements: print its bounds once, as Gymnasium does.
            return "Box(" + low[0] + ", " + high[0] + ", (" + dims + "), float32)";
        }
        return "Box(" + Arrays.toString(low) + ", " + Arrays.toString(high) + ", (" + dims + "), float32)";
    }
}
