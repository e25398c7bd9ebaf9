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
