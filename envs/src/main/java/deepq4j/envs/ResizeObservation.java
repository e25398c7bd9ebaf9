package deepq4j.envs;

/**
 * Resizes every channel of [C, H, W] frames to [C, height, width] by area averaging (OpenCV's
 * INTER_AREA, the Atari pipeline's choice when shrinking): each output pixel is the mean of the
 * input pixels under its footprint, partly covered pixels weighted by the part covered.
 */
public final class ResizeObservation extends ObservationWrapper {
    private final int channels;
    private final int inHeight;
    private final int inWidth;
    private final int height;
    private final int width;
    private final float[][] rowWeights;
    private final int[] rowFirst;
    private final float[][] columnWeights;
    private final int[] columnFirst;
    private final Box space;

    public ResizeObservation(Env env, int height, int width) {
        super(env);
        int[] shape = imageShape(env, "ResizeObservation");
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("ResizeObservation: the size must be positive, got " + height + "x" + width);
        }
        this.channels = shape[0];
        this.inHeight = shape[1];
        this.inWidth = shape[2];
        this.height = height;
        this.width = width;
        this.rowFirst = new int[height];
        this.rowWeights = footprints(inHeight, height, rowFirst);
        this.columnFirst = new int[width];
        this.columnWeights = footprints(inWidth, width, columnFirst);
        float[] low = env.observationSpace().low();
        float[] high = env.observationSpace().high();
        this.space = new Box(low[0], high[0], channels, height, width);
    }

    /**
     * For each of {@code out} output cells along an axis of {@code in} input cells: the weights of
     * the input cells it covers (summing to 1) and, in {@code first}, the first of them.
     */
    private static float[][] footprints(int in, int out, int[] first) {
        double scale = in / (double) out;
        float[][] weights = new float[out][];
        for (int o = 0; o < out; o++) {
            double start = o * scale;
            double end = (o + 1) * scale;
            int from = (int) Math.floor(start);
            int to = Math.min(in, (int) Math.ceil(end));
            first[o] = from;
            weights[o] = new float[to - from];
            for (int i = from; i < to; i++) {
                double covered = Math.min(end, i + 1) - Math.max(start, i);
                weights[o][i - from] = (float) (covered / scale);
            }
        }
        return weights;
    }

    @Override
    protected float[] observation(float[] frame) {
        float[] rows = new float[channels * height * inWidth];
        // Rows first, then columns: area averaging separates into the two axes.
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                float[] w = rowWeights[y];
                int out = (c * height + y) * inWidth;
                for (int k = 0; k < w.length; k++) {
                    int in = (c * inHeight + rowFirst[y] + k) * inWidth;
                    for (int x = 0; x < inWidth; x++) {
                        rows[out + x] += w[k] * frame[in + x];
                    }
                }
            }
        }
        float[] resized = new float[channels * height * width];
        for (int cy = 0; cy < channels * height; cy++) {
            for (int x = 0; x < width; x++) {
                float[] w = columnWeights[x];
                float sum = 0f;
                for (int k = 0; k < w.length; k++) {
                    sum += w[k] * rows[cy * inWidth + columnFirst[x] + k];
                }
                resized[cy * width + x] = sum;
            }
        }
        return resized;
    }

    @Override
    public Box observationSpace() {
        return space;
    }
}
