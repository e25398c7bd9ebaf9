package deepq4j.tensor.cpu;

/**
 * conv2d and its two gradients, each as one matrix product over the whole batch.
 *
 * <p>Think of every receptive field of every image laid out as a column of a matrix
 * cols[C*kH*kW, N*Ho*Wo] (im2col); then
 * <ul>
 *   <li>forward: out[O, N*Ho*Wo] = W[O, C*kH*kW] cols,</li>
 *   <li>input gradient: dcols = W^T dout, each column added back onto its field (computed instead
 *       as a transposed convolution, one product per phase of the stride: {@link #backwardInput}),</li>
 *   <li>weight gradient: dW = dout cols^T.</li>
 * </ul>
 * Small fields at stride 1 (MinAtar's conv) skip the products for {@link DirectConvSimd}.
 * The forward pass and the weight gradient never build cols: {@link ImplicitGemm} reads its
 * entries from the image in the micro-kernel. One large product keeps the fast matmul kernel (and
 * its thread split) busy, instead of N small ones. All tensors here are contiguous NCHW arrays
 * with explicit offsets.
 */
final class Conv2dKernels {
    /** Per-thread work arrays (products' results, a permuted output gradient, a padded input), kept between calls. */
    private static final ThreadLocal<float[][]> WORK = ThreadLocal.withInitial(() -> new float[][] {new float[0], new float[0], new float[0]});

    /** Fields up to this size at stride 1 without padding take {@link DirectConvSimd}; larger ones are faster as products. */
    static final int DIRECT_MAX_FIELD = 64;

    private Conv2dKernels() {
    }

    /** Whether the direct path takes this convolution (checked here: DirectConvSimd needs the Vector API to load). */
    private static boolean direct(Geometry g) {
        return Simd.enabled() && g.stride == 1 && g.pad == 0 && g.fieldSize() <= DIRECT_MAX_FIELD;
    }

    /** The sizes of one convolution. */
    static final class Geometry {
        final int n, c, h, w, o, kh, kw, stride, pad, ho, wo;

        Geometry(int[] input, int[] weight, int stride, int pad) {
            this.n = input[0];
            this.c = input[1];
            this.h = input[2];
            this.w = input[3];
            this.o = weight[0];
            this.kh = weight[2];
            this.kw = weight[3];
            this.stride = stride;
            this.pad = pad;
            this.ho = (h + 2 * pad - kh) / stride + 1;
            this.wo = (w + 2 * pad - kw) / stride + 1;
        }

        int fieldSize() {
            return c * kh * kw;
        }

        int positions() {
            return n * ho * wo;
        }
    }

    /** The calling thread's work array {@code slot} (0, 1 or 2), at least {@code size} long; its contents are left over. */
    static float[] work(int slot, int size) {
        float[][] w = WORK.get();
        if (w[slot].length < size) {
            w[slot] = new float[size];
        }
        return w[slot];
    }

    static void forward(Geometry g, float[] x, int px, float[] wt, int pw, float[] bias, int pb, float[] out, int po) {
        if (direct(g)) {
            DirectConvSimd.forward(g, x, px, wt, pw, bias, pb, out, po);
            return;
        }
        int ck = g.fieldSize();
        int np = g.positions();
        int p = g.ho * g.wo;
        Unpadded in = unpadded(g, x, px);
        // out^T[N*Ho*Wo, O] = cols^T W^T: rows are output positions, steps are field rows.
        float[] outT = work(1, np * g.o);
        ImplicitGemm.product(np, g.o, ck, in.x, in.positions(), in.field(), MatmulKernel.strided(wt, pw, 1, ck), outT, g.o);
        // outT is [N, Ho*Wo, O]; the output is [N, O, Ho*Wo].
        for (int img = 0; img < g.n; img++) {
            for (int oc = 0; oc < g.o; oc++) {
                float b = bias == null ? 0f : bias[pb + oc];
                int src = img * p * g.o + oc;
                int dst = po + (img * g.o + oc) * p;
                for (int i = 0; i < p; i++) {
                    out[dst + i] = outT[src + i * g.o] + b;
                }
            }
        }
    }

    /**
     * The input gradient as stride x stride products, one per phase of the (padded) input grid,
     * as a transposed convolution: pixel (s*ty + py, s*tx + px) receives only the taps
     * ky = py + s*j, kx = px + s*l, each from output (ty - j, tx - l). So each phase is a stride-1
     * implicit GEMM, rows its pixels (image, ty, tx) and steps (output channel, j, l), over a
     * zero-bordered copy of dout; no column matrix is written and nothing is scattered. Every
     * pixel is one chain of multiply-adds over its steps in that order (in chunks of KC).
     */
    static void backwardInput(Geometry g, float[] gradOut, int pg, float[] wt, int pw, float[] gradIn, int pi) {
        int s = g.stride;
        int hp = g.h + 2 * g.pad;
        int wp = g.w + 2 * g.pad;
        int jh = ceilDiv(g.kh, s); // taps per phase along y, at most (phase 0 has the most)
        int jw = ceilDiv(g.kw, s);
        int th = ceilDiv(hp, s); // pixels per phase along y, at most
        int tw = ceilDiv(wp, s);
        // dout with jh - 1 zero rows above and enough below (and likewise columns), so that
        // output (ty - j, tx - l) is always inside: dout's (oy, ox) sits at (oy + jh - 1, ox + jw - 1).
        int dh = th + jh - 1;
        int dw = tw + jw - 1;
        int plane = dh * dw;
        float[] bordered = work(2, g.n * g.o * plane);
        java.util.Arrays.fill(bordered, 0, g.n * g.o * plane, 0f);
        for (int map = 0; map < g.n * g.o; map++) {
            for (int oy = 0; oy < g.ho; oy++) {
                System.arraycopy(gradOut, pg + (map * g.ho + oy) * g.wo, bordered, map * plane + (oy + jh - 1) * dw + jw - 1, g.wo);
            }
        }
        java.util.Arrays.fill(gradIn, pi, pi + g.n * g.c * g.h * g.w, 0f); // phases without taps stay zero
        for (int py = 0; py < s; py++) {
            for (int px = 0; px < s; px++) {
                int ty = ceilDiv(hp - py, s);
                int tx = ceilDiv(wp - px, s);
                int jy = ceilDiv(g.kh - py, s);
                int jx = ceilDiv(g.kw - px, s);
                if (ty <= 0 || tx <= 0 || jy <= 0 || jx <= 0) {
                    continue;
                }
                int rows = g.n * ty * tx;
                int k = g.o * jy * jx;
                int[] rowBase = new int[rows];
                for (int img = 0, q = 0; img < g.n; img++) {
                    for (int a = 0; a < ty; a++) {
                        for (int b = 0; b < tx; b++, q++) {
                            rowBase[q] = img * g.o * plane + (a + jh - 1) * dw + b + jw - 1;
                        }
                    }
                }
                int[] steps = new int[k];
                // B[(oc, j, l), c] = W[oc, c, py + s*j, px + s*l]
                float[] taps = work(0, k * g.c);
                for (int oc = 0, r = 0; oc < g.o; oc++) {
                    for (int j = 0; j < jy; j++) {
                        for (int l = 0; l < jx; l++, r++) {
                            steps[r] = oc * plane - j * dw - l;
                            for (int ch = 0; ch < g.c; ch++) {
                                taps[r * g.c + ch] = wt[pw + ((oc * g.c + ch) * g.kh + py + s * j) * g.kw + px + s * l];
                            }
                        }
                    }
                }
                float[] phase = work(1, rows * g.c);
                ImplicitGemm.product(rows, g.c, k, bordered, rowBase, steps, MatmulKernel.strided(taps, 0, g.c, 1), phase, g.c);
                // phase is [N, ty, tx, C]: pixel (s*a + py, s*b + px) of the padded input
                for (int img = 0; img < g.n; img++) {
                    for (int a = 0; a < ty; a++) {
                        int iy = s * a + py - g.pad;
                        if (iy < 0 || iy >= g.h) {
                            continue;
                        }
                        for (int b = 0; b < tx; b++) {
                            int ix = s * b + px - g.pad;
                            if (ix < 0 || ix >= g.w) {
                                continue;
                            }
                            int src = ((img * ty + a) * tx + b) * g.c;
                            int dst = pi + (img * g.c * g.h + iy) * g.w + ix;
                            for (int ch = 0; ch < g.c; ch++) {
                                gradIn[dst + ch * g.h * g.w] = phase[src + ch];
                            }
                        }
                    }
                }
            }
        }
    }

    private static int ceilDiv(int a, int b) {
        return a <= 0 ? 0 : (a + b - 1) / b;
    }

    static void backwardWeight(Geometry g, float[] gradOut, int pg, float[] x, int px, float[] gradW, int pw) {
        if (direct(g)) {
            DirectConvSimd.backwardWeight(g, gradOut, pg, x, px, gradW, pw);
            return;
        }
        int ck = g.fieldSize();
        int np = g.positions();
        float[] dout = work(1, g.o * np);
        permuteBatchToColumns(g, gradOut, pg, dout);
        Unpadded in = unpadded(g, x, px);
        // dW^T[C*kH*kW, O] = cols dout^T: rows are field rows, steps are output positions.
        float[] gradWT = work(0, ck * g.o);
        ImplicitGemm.product(ck, g.o, np, in.x, in.field(), in.positions(), MatmulKernel.strided(dout, 0, 1, np), gradWT, g.o);
        for (int oc = 0; oc < g.o; oc++) {
            for (int r = 0; r < ck; r++) {
                gradW[pw + oc * ck + r] = gradWT[r * g.o + oc];
            }
        }
    }

    /**
     * The input without padding (a zero-padded copy in the calling thread's work slot 2 when the
     * convolution pads), with the two halves of every im2col index: where each output position's
     * field starts, and where each field row sits in a field.
     */
    private record Unpadded(float[] x, int[] positions, int[] field) {
    }

    private static Unpadded unpadded(Geometry g, float[] x, int px) {
        int h = g.h + 2 * g.pad;
        int w = g.w + 2 * g.pad;
        float[] in = x;
        int base = px;
        if (g.pad > 0) {
            in = work(2, g.n * g.c * h * w);
            java.util.Arrays.fill(in, 0, g.n * g.c * h * w, 0f);
            for (int plane = 0; plane < g.n * g.c; plane++) {
                for (int y = 0; y < g.h; y++) {
                    System.arraycopy(x, px + (plane * g.h + y) * g.w, in, (plane * h + y + g.pad) * w + g.pad, g.w);
                }
            }
            base = 0;
        }
        int[] positions = new int[g.positions()];
        for (int img = 0, q = 0; img < g.n; img++) {
            for (int oy = 0; oy < g.ho; oy++) {
                for (int ox = 0; ox < g.wo; ox++, q++) {
                    positions[q] = base + (img * g.c * h + oy * g.stride) * w + ox * g.stride;
                }
            }
        }
        int[] field = new int[g.fieldSize()];
        for (int ch = 0, r = 0; ch < g.c; ch++) {
            for (int ky = 0; ky < g.kh; ky++) {
                for (int kx = 0; kx < g.kw; kx++, r++) {
                    field[r] = (ch * h + ky) * w + kx;
                }
            }
        }
        return new Unpadded(in, positions, field);
    }

    /** [N, O, Ho*Wo] to [O, N*Ho*Wo], the layout the products above use. */
    private static void permuteBatchToColumns(Geometry g, float[] src, int ps, float[] dst) {
        int p = g.ho * g.wo;
        int np = g.positions();
        for (int img = 0; img < g.n; img++) {
            for (int oc = 0; oc < g.o; oc++) {
                System.arraycopy(src, ps + (img * g.o + oc) * p, dst, oc * np + img * p, p);
            }
        }
    }
}
