package deepq4j.tensor.cpu;

/**
 * conv2d and its two gradients, each as one matrix product over the whole batch.
 *
 * <p>Think of every receptive field of every image laid out as a column of a matrix
 * cols[C*kH*kW, N*Ho*Wo] (im2col); then
 * <ul>
 *   <li>forward: out[O, N*Ho*Wo] = W[O, C*kH*kW] cols,</li>
 *   <li>input gradient: dcols = W^T dout, then col2im adds each column back onto its field,</li>
 *   <li>weight gradient: dW = dout cols^T.</li>
 * </ul>
 * Small fields at stride 1 (MinAtar's conv) skip the products for {@link DirectConvSimd}.
 * The forward pass and the weight gradient never build cols: {@link ImagePanels} packs the
 * product's panels straight from the image. One large product keeps the fast matmul kernel (and
 * its thread split) busy, instead of N small ones. All tensors here are contiguous NCHW arrays
 * with explicit offsets.
 */
final class Conv2dKernels {
    /** Per-thread work arrays (columns and a permuted copy of the output), kept between calls. */
    private static final ThreadLocal<float[][]> WORK = ThreadLocal.withInitial(() -> new float[][] {new float[0], new float[0]});

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

    /** The calling thread's work array {@code slot} (0 or 1), at least {@code size} long; its contents are left over. */
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
        float[] tmp = work(1, g.o * np);
        MatmulKernel.blocked(g.o, np, ck, wt, pw, ck, 1, new ImagePanels(g, x, px, false), null, tmp, 0, np, 1, false);
        // tmp is [O, N, Ho*Wo]; the output is [N, O, Ho*Wo].
        for (int img = 0; img < g.n; img++) {
            for (int oc = 0; oc < g.o; oc++) {
                float b = bias == null ? 0f : bias[pb + oc];
                int src = oc * np + img * p;
                int dst = po + (img * g.o + oc) * p;
                for (int i = 0; i < p; i++) {
                    out[dst + i] = tmp[src + i] + b;
                }
            }
        }
    }

    static void backwardInput(Geometry g, float[] gradOut, int pg, float[] wt, int pw, float[] gradIn, int pi) {
        int ck = g.fieldSize();
        int np = g.positions();
        float[] dout = work(1, g.o * np);
        permuteBatchToColumns(g, gradOut, pg, dout);
        float[] dcols = work(0, ck * np);
        // W^T read through strides: element (row r, col oc) of W^T is wt[oc * ck + r].
        MatmulKernel.gemm(ck, np, g.o, wt, pw, 1, ck, dout, 0, np, 1, dcols, 0, np, 1, false);
        java.util.Arrays.fill(gradIn, pi, pi + g.n * g.c * g.h * g.w, 0f);
        col2im(g, dcols, gradIn, pi);
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
        MatmulKernel.blocked(g.o, ck, np, dout, 0, np, 1, new ImagePanels(g, x, px, true), null, gradW, pw, ck, 1, false);
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

    /** The adjoint of im2col: adds each entry of cols back onto the input pixel it came from. */
    static void col2im(Geometry g, float[] cols, float[] x, int px) {
        int np = g.positions();
        int p = g.ho * g.wo;
        for (int ch = 0; ch < g.c; ch++) {
            for (int i = 0; i < g.kh; i++) {
                for (int j = 0; j < g.kw; j++) {
                    int row = ((ch * g.kh + i) * g.kw + j) * np;
                    for (int img = 0; img < g.n; img++) {
                        int plane = px + (img * g.c + ch) * g.h * g.w;
                        int src = row + img * p;
                        for (int oy = 0; oy < g.ho; oy++, src += g.wo) {
                            int iy = oy * g.stride - g.pad + i;
                            if (iy < 0 || iy >= g.h) {
                                continue;
                            }
                            int dst = plane + iy * g.w;
                            for (int ox = 0; ox < g.wo; ox++) {
                                int ix = ox * g.stride - g.pad + j;
                                if (ix >= 0 && ix < g.w) {
                                    x[dst + ix] += cols[src + ox];
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
