package deepq4j.tensor.cpu;

import java.util.Arrays;

/**
 * The B operand of a convolution's matrix products, packed straight from an NCHW image: the
 * implicit GEMM. The im2col matrix cols[r][q] (r a field row (channel, ky, kx), q an output
 * position (image, oy, ox)) is never stored; each panel the matmul asks for is gathered from the
 * image as it is needed, while it fits in cache.
 *
 * <p>Not transposed, B = cols (the forward pass, W cols). Transposed, B = cols^T (the weight
 * gradient, dout cols^T).
 */
final class ImagePanels implements MatmulKernel.PanelSource {
    private final Conv2dKernels.Geometry g;
    private final float[] x;
    private final int px;
    private final boolean transposed;

    ImagePanels(Conv2dKernels.Geometry g, float[] x, int px, boolean transposed) {
        this.g = g;
        this.x = x;
        this.px = px;
        this.transposed = transposed;
    }

    @Override
    public float[] panel(int pc, int kc, int jc, int nc, float[] bp) {
        int nr = MatmulKernel.NR;
        // Per strip, where each of its columns starts in the image; per panel row, the offset of
        // that row. Then every element is one load: x[origin[column] + offset[row]].
        int[] origin = new int[nr];
        int[] top = new int[nr];
        int[] left = new int[nr];
        for (int js = 0; js < nc; js += nr) {
            int cols = Math.min(nr, nc - js);
            int dst = js * kc;
            if (transposed) {
                // columns are field rows (channel, ky, kx); panel rows are output positions
                for (int t = 0; t < cols; t++) {
                    int r = jc + js + t;
                    top[t] = (r / g.kw) % g.kh;
                    left[t] = r % g.kw;
                    origin[t] = (r / (g.kh * g.kw)) * g.h * g.w + top[t] * g.w + left[t];
                }
                for (int p = 0; p < kc; p++) {
                    int q = pc + p;
                    int y0 = (q % (g.ho * g.wo)) / g.wo * g.stride - g.pad;
                    int x0 = q % g.wo * g.stride - g.pad;
                    int base = px + (q / (g.ho * g.wo)) * g.c * g.h * g.w + y0 * g.w + x0;
                    gather(bp, dst + p * nr, cols, nr, base, origin, y0, x0, top, left);
                }
            } else {
                // columns are output positions (image, oy, ox); panel rows are field rows
                for (int t = 0; t < cols; t++) {
                    int q = jc + js + t;
                    top[t] = (q % (g.ho * g.wo)) / g.wo * g.stride - g.pad;
                    left[t] = q % g.wo * g.stride - g.pad;
                    origin[t] = (q / (g.ho * g.wo)) * g.c * g.h * g.w + top[t] * g.w + left[t];
                }
                for (int p = 0; p < kc; p++) {
                    int r = pc + p;
                    int ky = (r / g.kw) % g.kh;
                    int kx = r % g.kw;
                    int base = px + (r / (g.kh * g.kw)) * g.h * g.w + ky * g.w + kx;
                    gather(bp, dst + p * nr, cols, nr, base, origin, ky, kx, top, left);
                }
            }
        }
        return bp;
    }

    /**
     * out[at + t] = x[base + origin[t]] for the strip's columns, zero where the pixel
     * (dy + top[t], dx + left[t]) lies in the padding, and zero for the padded columns.
     */
    private void gather(float[] out, int at, int cols, int nr, int base, int[] origin, int dy, int dx, int[] top, int[] left) {
        if (g.pad == 0) {
            // no padding: every receptive field lies inside the image
            int t = Simd.enabled() ? ImagePanelsSimd.gather(x, base, origin, cols, out, at) : 0;
            for (; t < cols; t++) {
                out[at + t] = x[base + origin[t]];
            }
        } else {
            for (int t = 0; t < cols; t++) {
                int iy = dy + top[t];
                int ix = dx + left[t];
                out[at + t] = iy >= 0 && iy < g.h && ix >= 0 && ix < g.w ? x[base + origin[t]] : 0f;
            }
        }
        if (cols < nr) {
            Arrays.fill(out, at + cols, at + nr, 0f);
        }
    }
}
