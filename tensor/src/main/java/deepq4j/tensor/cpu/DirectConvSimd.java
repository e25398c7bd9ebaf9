package deepq4j.tensor.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Direct convolution for small fields (stride 1, no padding, at most
 * {@link Conv2dKernels#DIRECT_MAX_FIELD} inputs per output: MinAtar's 3x3 conv over a few
 * channels), with vectors along the output channels.
 *
 * <p>Why not the implicit GEMM of {@link Conv2dKernels}: with a field of 36 values the matmul
 * spends most of its time packing the image into panels (a gather per element) and little
 * multiplying. Here nothing is packed: each output position is a chain of fused multiply-adds of a
 * broadcast input pixel into a vector of output channels, and eight positions (or eight field rows,
 * for the weight gradient) run side by side so that the chains overlap: a fused multiply-add takes
 * four cycles and two can start each cycle, so eight chains keep both units busy where four left
 * them half idle. Every output sums its terms in one fixed order, on one thread, so the bits do not
 * depend on the thread count or on how many chains run side by side.
 */
final class DirectConvSimd {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private DirectConvSimd() {
    }

    /** Channels rounded up to whole vectors. */
    private static int padded(int channels) {
        return (channels + L - 1) / L * L;
    }

    /** Where field row r = (c, ky, kx) sits relative to its output position's top-left input pixel. */
    private static int[] fieldOffsets(Conv2dKernels.Geometry g) {
        int[] offset = new int[g.fieldSize()];
        for (int c = 0, r = 0; c < g.c; c++) {
            for (int ky = 0; ky < g.kh; ky++) {
                for (int kx = 0; kx < g.kw; kx++, r++) {
                    offset[r] = (c * g.h + ky) * g.w + kx;
                }
            }
        }
        return offset;
    }

    /** out[n, o, y, x] = bias[o] + sum over the field r of W[o, r] x[n, r at (y, x)], terms in field order. */
    static void forward(Conv2dKernels.Geometry g, float[] x, int px, float[] wt, int pw, float[] bias, int pb, float[] out, int po) {
        int ck = g.fieldSize();
        int oPad = padded(g.o);
        int p = g.ho * g.wo;
        // W^T [ck, oPad]: row r holds the weights of field row r for every output channel.
        // The calling thread's work arrays, kept between calls: W^T in slot 0, the outputs in slot 1.
        float[] wT = Conv2dKernels.work(0, ck * oPad);
        java.util.Arrays.fill(wT, 0, ck * oPad, 0f); // the padding channels must be zero
        for (int oc = 0; oc < g.o; oc++) {
            for (int r = 0; r < ck; r++) {
                wT[r * oPad + oc] = wt[pw + oc * ck + r];
            }
        }
        float[] b = new float[oPad];
        if (bias != null) {
            System.arraycopy(bias, pb, b, 0, g.o);
        }
        int[] offset = fieldOffsets(g);
        // One image's outputs position-major [p, oPad], then transposed into NCHW.
        float[] block = Conv2dKernels.work(1, p * oPad); // every element is written before it is read
        for (int img = 0; img < g.n; img++) {
            int base = px + img * g.c * g.h * g.w;
            for (int y = 0; y < g.ho; y++) {
                int xx = 0;
                for (; xx + 8 <= g.wo; xx += 8) {
                    forwardEight(ck, oPad, x, base + y * g.w + xx, offset, wT, b, block, (y * g.wo + xx) * oPad);
                }
                for (; xx + 4 <= g.wo; xx += 4) {
                    forwardFour(ck, oPad, x, base + y * g.w + xx, offset, wT, b, block, (y * g.wo + xx) * oPad);
                }
                for (; xx < g.wo; xx++) {
                    int at = base + y * g.w + xx;
                    int q = y * g.wo + xx;
                    for (int oc = 0; oc < oPad; oc += L) {
                        FloatVector a = FloatVector.fromArray(S, b, oc);
                        for (int r = 0; r < ck; r++) {
                            a = MulAdd.apply(FloatVector.fromArray(S, wT, r * oPad + oc), FloatVector.broadcast(S, x[at + offset[r]]), a);
                        }
                        a.intoArray(block, q * oPad + oc);
                    }
                }
            }
            for (int oc = 0; oc < g.o; oc++) {
                int dst = po + (img * g.o + oc) * p;
                for (int q = 0; q < p; q++) {
                    out[dst + q] = block[q * oPad + oc];
                }
            }
        }
    }

    /**
     * Eight neighbouring output positions of one row (inputs from {@code at}, outputs at
     * {@code dst}, position-major): eight independent chains of fused multiply-adds, enough to
     * keep both FMA units busy through each one's four-cycle latency. Each chain adds its terms in
     * field order, as the one-position loop does, so the bits are the same.
     */
    private static void forwardEight(int ck, int oPad, float[] x, int at, int[] offset, float[] wT, float[] b, float[] block, int dst) {
        for (int oc = 0; oc < oPad; oc += L) {
            FloatVector bv = FloatVector.fromArray(S, b, oc);
            FloatVector a0 = bv, a1 = bv, a2 = bv, a3 = bv, a4 = bv, a5 = bv, a6 = bv, a7 = bv;
            for (int r = 0; r < ck; r++) {
                FloatVector w = FloatVector.fromArray(S, wT, r * oPad + oc);
                int src = at + offset[r];
                a0 = MulAdd.apply(w, FloatVector.broadcast(S, x[src]), a0);
                a1 = MulAdd.apply(w, FloatVector.broadcast(S, x[src + 1]), a1);
                a2 = MulAdd.apply(w, FloatVector.broadcast(S, x[src + 2]), a2);
                a3 = MulAdd.apply(w, FloatVector.broadcast(S, x[src + 3]), a3);
                a4 = MulAdd.apply(w, FloatVector.broadcast(S, x[src + 4]), a4);
                a5 = MulAdd.apply(w, FloatVector.broadcast(S, x[src + 5]), a5);
                a6 = MulAdd.apply(w, FloatVector.broadcast(S, x[src + 6]), a6);
                a7 = MulAdd.apply(w, FloatVector.broadcast(S, x[src + 7]), a7);
            }
            a0.intoArray(block, dst + oc);
            a1.intoArray(block, dst + oPad + oc);
            a2.intoArray(block, dst + 2 * oPad + oc);
            a3.intoArray(block, dst + 3 * oPad + oc);
            a4.intoArray(block, dst + 4 * oPad + oc);
            a5.intoArray(block, dst + 5 * oPad + oc);
            a6.intoArray(block, dst + 6 * oPad + oc);
            a7.intoArray(block, dst + 7 * oPad + oc);
        }
    }

    /** Four neighbouring output positions, as {@link #forwardEight}: the rest of a row after the eights. */
    private static void forwardFour(int ck, int oPad, float[] x, int at, int[] offset, float[] wT, float[] b, float[] block, int dst) {
        for (int oc = 0; oc < oPad; oc += L) {
            FloatVector bv = FloatVector.fromArray(S, b, oc);
            FloatVector a0 = bv, a1 = bv, a2 = bv, a3 = bv;
            for (int r = 0; r < ck; r++) {
                FloatVector w = FloatVector.fromArray(S, wT, r * oPad + oc);
                int src = at + offset[r];
                a0 = MulAdd.apply(w, FloatVector.broadcast(S, x[src]), a0);
                a1 = MulAdd.apply(w, FloatVector.broadcast(S, x[src + 1]), a1);
                a2 = MulAdd.apply(w, FloatVector.broadcast(S, x[src + 2]), a2);
                a3 = MulAdd.apply(w, FloatVector.broadcast(S, x[src + 3]), a3);
            }
            a0.intoArray(block, dst + oc);
            a1.intoArray(block, dst + oPad + oc);
            a2.intoArray(block, dst + 2 * oPad + oc);
            a3.intoArray(block, dst + 3 * oPad + oc);
        }
    }

    /**
     * dW[o, r] = sum over images and positions of dout[n, o, y, x] x[n, r at (y, x)], in the order
     * images, then positions; eight (then four) field rows at a time share each load of dout.
     */
    static void backwardWeight(Conv2dKernels.Geometry g, float[] gradOut, int pg, float[] x, int px, float[] gradW, int pw) {
        int ck = g.fieldSize();
        int oPad = padded(g.o);
        int p = g.ho * g.wo;
        int[] offset = fieldOffsets(g);
        // The calling thread's work arrays: the sums in slot 0, one image's dout in slot 1.
        float[] acc = Conv2dKernels.work(0, ck * oPad);
        java.util.Arrays.fill(acc, 0, ck * oPad, 0f);
        float[] d = Conv2dKernels.work(1, p * oPad);
        java.util.Arrays.fill(d, 0, p * oPad, 0f); // the padding channels stay zero
        int[] origin = new int[p];
        for (int y = 0, q = 0; y < g.ho; y++) {
            for (int xx = 0; xx < g.wo; xx++, q++) {
                origin[q] = y * g.w + xx;
            }
        }
        for (int img = 0; img < g.n; img++) {
            // This image's dout position-major [p, oPad].
            for (int oc = 0; oc < g.o; oc++) {
                int src = pg + (img * g.o + oc) * p;
                for (int q = 0; q < p; q++) {
                    d[q * oPad + oc] = gradOut[src + q];
                }
            }
            int base = px + img * g.c * g.h * g.w;
            for (int oc = 0; oc < oPad; oc += L) {
                int r = 0;
                for (; r + 8 <= ck; r += 8) {
                    weightRowsEight(p, oPad, oc, d, origin, x, base, offset, r, acc);
                }
                for (; r + 4 <= ck; r += 4) {
                    weightRowsFour(p, oPad, oc, d, origin, x, base, offset, r, acc);
                }
                for (; r < ck; r++) {
                    FloatVector a = FloatVector.fromArray(S, acc, r * oPad + oc);
                    int s = base + offset[r];
                    for (int q = 0; q < p; q++) {
                        a = MulAdd.apply(FloatVector.fromArray(S, d, q * oPad + oc), FloatVector.broadcast(S, x[s + origin[q]]), a);
                    }
                    a.intoArray(acc, r * oPad + oc);
                }
            }
        }
        for (int oc = 0; oc < g.o; oc++) {
            for (int r = 0; r < ck; r++) {
                gradW[pw + oc * ck + r] = acc[r * oPad + oc];
            }
        }
    }

    /**
     * Adds one image's terms to the sums of field rows r..r+7 (channels oc..oc+L): eight
     * independent chains share each load of dout. Positions are taken in order, so each sum rounds
     * as in the one-row loop.
     */
    private static void weightRowsEight(int p, int oPad, int oc, float[] d, int[] origin, float[] x, int base, int[] offset, int r,
                                        float[] acc) {
        FloatVector a0 = FloatVector.fromArray(S, acc, r * oPad + oc);
        FloatVector a1 = FloatVector.fromArray(S, acc, (r + 1) * oPad + oc);
        FloatVector a2 = FloatVector.fromArray(S, acc, (r + 2) * oPad + oc);
        FloatVector a3 = FloatVector.fromArray(S, acc, (r + 3) * oPad + oc);
        FloatVector a4 = FloatVector.fromArray(S, acc, (r + 4) * oPad + oc);
        FloatVector a5 = FloatVector.fromArray(S, acc, (r + 5) * oPad + oc);
        FloatVector a6 = FloatVector.fromArray(S, acc, (r + 6) * oPad + oc);
        FloatVector a7 = FloatVector.fromArray(S, acc, (r + 7) * oPad + oc);
        int s0 = base + offset[r], s1 = base + offset[r + 1], s2 = base + offset[r + 2], s3 = base + offset[r + 3];
        int s4 = base + offset[r + 4], s5 = base + offset[r + 5], s6 = base + offset[r + 6], s7 = base + offset[r + 7];
        for (int q = 0; q < p; q++) {
            FloatVector dv = FloatVector.fromArray(S, d, q * oPad + oc);
            int o = origin[q];
            a0 = MulAdd.apply(dv, FloatVector.broadcast(S, x[s0 + o]), a0);
            a1 = MulAdd.apply(dv, FloatVector.broadcast(S, x[s1 + o]), a1);
            a2 = MulAdd.apply(dv, FloatVector.broadcast(S, x[s2 + o]), a2);
            a3 = MulAdd.apply(dv, FloatVector.broadcast(S, x[s3 + o]), a3);
            a4 = MulAdd.apply(dv, FloatVector.broadcast(S, x[s4 + o]), a4);
            a5 = MulAdd.apply(dv, FloatVector.broadcast(S, x[s5 + o]), a5);
            a6 = MulAdd.apply(dv, FloatVector.broadcast(S, x[s6 + o]), a6);
            a7 = MulAdd.apply(dv, FloatVector.broadcast(S, x[s7 + o]), a7);
        }
        a0.intoArray(acc, r * oPad + oc);
        a1.intoArray(acc, (r + 1) * oPad + oc);
        a2.intoArray(acc, (r + 2) * oPad + oc);
        a3.intoArray(acc, (r + 3) * oPad + oc);
        a4.intoArray(acc, (r + 4) * oPad + oc);
        a5.intoArray(acc, (r + 5) * oPad + oc);
        a6.intoArray(acc, (r + 6) * oPad + oc);
        a7.intoArray(acc, (r + 7) * oPad + oc);
    }

    /** Field rows r..r+3, as {@link #weightRowsEight}: the rest of the field after the eights. */
    private static void weightRowsFour(int p, int oPad, int oc, float[] d, int[] origin, float[] x, int base, int[] offset, int r,
                                       float[] acc) {
        FloatVector a0 = FloatVector.fromArray(S, acc, r * oPad + oc);
        FloatVector a1 = FloatVector.fromArray(S, acc, (r + 1) * oPad + oc);
        FloatVector a2 = FloatVector.fromArray(S, acc, (r + 2) * oPad + oc);
        FloatVector a3 = FloatVector.fromArray(S, acc, (r + 3) * oPad + oc);
        int s0 = base + offset[r], s1 = base + offset[r + 1], s2 = base + offset[r + 2], s3 = base + offset[r + 3];
        for (int q = 0; q < p; q++) {
            FloatVector dv = FloatVector.fromArray(S, d, q * oPad + oc);
            int o = origin[q];
            a0 = MulAdd.apply(dv, FloatVector.broadcast(S, x[s0 + o]), a0);
            a1 = MulAdd.apply(dv, FloatVector.broadcast(S, x[s1 + o]), a1);
            a2 = MulAdd.apply(dv, FloatVector.broadcast(S, x[s2 + o]), a2);
            a3 = MulAdd.apply(dv, FloatVector.broadcast(S, x[s3 + o]), a3);
        }
        a0.intoArray(acc, r * oPad + oc);
        a1.intoArray(acc, (r + 1) * oPad + oc);
        a2.intoArray(acc, (r + 2) * oPad + oc);
        a3.intoArray(acc, (r + 3) * oPad + oc);
    }
}
