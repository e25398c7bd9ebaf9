package deepq4j.envs;

/**
 * RGB frames [3, H, W] to luminance [1, H, W] with ITU-R BT.601 weights (0.299 R + 0.587 G +
 * 0.114 B, as OpenCV's RGB2GRAY that Gymnasium's {@code GrayscaleObservation} uses), rounded to
 * whole values as the 8-bit conversion does.
 */
public final class GrayscaleObservation extends ObservationWrapper {
    private final int plane;
    private final Box space;

    public GrayscaleObservation(Env env) {
        super(env);
        int[] shape = imageShape(env, "GrayscaleObservation");
        if (shape[0] != 3) {
            throw new IllegalArgumentException("GrayscaleObservation needs RGB frames [3, H, W], got " + shape[0] + " channels");
        }
        this.plane = shape[1] * shape[2];
        this.space = new Box(0f, 255f, 1, shape[1], shape[2]);
    }

    @Override
    protected float[] observation(float[] rgb) {
        float[] gray = new float[plane];
        for (int i = 0; i < plane; i++) {
            gray[i] = Math.round(0.299f * rgb[i] + 0.587f * rgb[plane + i] + 0.114f * rgb[2 * plane + i]);
        }
        return gray;
    }

    @Override
    public Box observationSpace() {
        return space;
    }
}
