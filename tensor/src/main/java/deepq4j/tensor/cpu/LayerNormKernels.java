package deepq4j.tensor.cpu;

/**
 * Layer normalisation fused per row, forward and backward: the loops of
 * {@link deepq4j.tensor.Backend#layerNorm}'s default (its readable form, which LayerNormKernelTest
 * compares these with), each row read twice or three times instead of once per tensor op. A row is
 * summed in float32, left to right, so the bits depend on nothing but the values.
 */
final class LayerNormKernels {
    private LayerNormKernels() {
    }

    /** Rows of x (n apart, from xo) into out; w and b (or null) at wo, bo; mean and rstd written per row. */
    static void forward(float[] x, int xo, float[] w, int wo, float[] b, int bo, float eps, float[] out, int oo, float[] mean, int mo,
                        float[] rstd, int ro, int rows, int n) {
        for (int r = 0; r < rows; r++) {
            int row = xo + r * n;
            float sum = 0f;
            for (int j = 0; j < n; j++) {
                sum += x[row + j];
            }
            float m = sum / n;
            float squares = 0f;
            for (int j = 0; j < n; j++) {
                float d = x[row + j] - m;
                squares += d * d;
            }
            float s = (float) (1 / Math.sqrt(squares / n + eps));
            int o = oo + r * n;
            if (w == null) {
                for (int j = 0; j < n; j++) {
                    out[o + j] = (x[row + j] - m) * s;
                }
            } else {
                for (int j = 0; j < n; j++) {
                    out[o + j] = (x[row + j] - m) * s * w[wo + j] + b[bo + j];
                }
            }
            mean[mo + r] = m;
            rstd[ro + r] = s;
        }
    }

    /**
     * gradX (overwritten) from g; gradW and gradB (overwritten, or null) summed over the rows in
     * order: with xhat = (x - mean) rstd and dxhat = g w,
     * gradX = rstd (dxhat - sum(dxhat) / n - xhat sum(dxhat xhat) / n).
     */
    static void backward(float[] g, int go, float[] x, int xo, float[] mean, int mo, float[] rstd, int ro, float[] w, int wo,
                         float[] gradX, int gxo, float[] gradW, int gwo, float[] gradB, int gbo, int rows, int n) {
        if (gradW != null) {
            java.util.Arrays.fill(gradW, gwo, gwo + n, 0f);
            java.util.Arrays.fill(gradB, gbo, gbo + n, 0f);
        }
        for (int r = 0; r < rows; r++) {
            int row = xo + r * n;
            int grow = go + r * n;
            float m = mean[mo + r];
            float s = rstd[ro + r];
            float sumD = 0f;
            float sumDx = 0f;
            for (int j = 0; j < n; j++) {
                float xhat = (x[row + j] - m) * s;
                float d = w == null ? g[grow + j] : g[grow + j] * w[wo + j];
                sumD += d;
                sumDx += d * xhat;
            }
            float meanD = sumD / n;
            float meanDx = sumDx / n;
            int out = gxo + r * n;
            for (int j = 0; j < n; j++) {
                float xhat = (x[row + j] - m) * s;
                float d = w == null ? g[grow + j] : g[grow + j] * w[wo + j];
                gradX[out + j] = (d - meanD - xhat * meanDx) * s;
                if (gradW != null) {
                    gradW[gwo + j] += g[grow + j] * xhat;
                    gradB[gbo + j] += g[grow + j];
                }
            }
        }
    }
}
