package deepq4j.tensor.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * C = A B as dot products, for when A's rows and B's columns both run contiguously along k: a
 * Linear layer's x W^T with long rows (MinAtar's 1024 inputs, the Nature CNN's 3136).
 *
 * <p>Why not the packed kernel of {@link MatmulKernel}: it needs B as rows of contiguous columns,
 * so for x W^T it transposes W (or, swapped, x) element by element into panels, and with long rows
 * that packing costs more than the multiplying. Here nothing is packed: a 4 x 4 block of C is sixteen
 * vector accumulators running along k over four rows of A and four columns of B, read in place,
 * and each output ends with one horizontal sum in a fixed order ({@link ReductionSimd#sumLanes}).
 * That sum is a fixed cost per output, which is why short rows stay with the packed kernel.
 * Every output is computed on one thread in one order, so the bits do not depend on the thread count.
 */
final class DotProductSimd {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private DotProductSimd() {
    }

    /**
     * Rows [i0, i1) of C[i, j] = start + sum over p of A[i, p] B[p, j], where A[i, p] is
     * {@code a[aOff + i * aRs + p]}, B[p, j] is {@code b[bOff + j * bCs + p]}, and start is C[i, j]
     * itself when {@code accumulate}, else bias[j] (or 0 without a bias).
     */
    static void rows(int i0, int i1, int n, int k, float[] a, int aOff, int aRs, float[] b, int bOff, int bCs, float[] bias, int biasOff,
                     float[] c, int cOff, int cRs, int cCs, boolean accumulate) {
        int bound = S.loopBound(k);
        int i = i0;
        for (; i + 4 <= i1; i += 4) {
            int a0 = aOff + i * aRs;
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                block4x4(a0, aRs, b, bOff + j * bCs, bCs, a, bound, k, bias, biasOff, c, cOff, cRs, cCs, accumulate, i, j);
            }
            for (; j < n; j++) {
                for (int r = 0; r < 4; r++) {
                    single(a, a0 + r * aRs, b, bOff + j * bCs, bound, k, bias, biasOff, c, cOff, cRs, cCs, accumulate, i + r, j);
                }
            }
        }
        for (; i < i1; i++) {
            for (int j = 0; j < n; j++) {
                single(a, aOff + i * aRs, b, bOff + j * bCs, bound, k, bias, biasOff, c, cOff, cRs, cCs, accumulate, i, j);
            }
        }
    }

    private static void block4x4(int a0, int aRs, float[] b, int b0, int bCs, float[] a, int bound, int k, float[] bias, int biasOff,
                                 float[] c, int cOff, int cRs, int cCs, boolean accumulate, int i, int j) {
        int a1 = a0 + aRs, a2 = a1 + aRs, a3 = a2 + aRs;
        int b1 = b0 + bCs, b2 = b1 + bCs, b3 = b2 + bCs;
        FloatVector z = FloatVector.zero(S);
        FloatVector s00 = z, s01 = z, s02 = z, s03 = z, s10 = z, s11 = z, s12 = z, s13 = z;
        FloatVector s20 = z, s21 = z, s22 = z, s23 = z, s30 = z, s31 = z, s32 = z, s33 = z;
        for (int p = 0; p < bound; p += L) {
            FloatVector x0 = FloatVector.fromArray(S, a, a0 + p);
            FloatVector x1 = FloatVector.fromArray(S, a, a1 + p);
            FloatVector x2 = FloatVector.fromArray(S, a, a2 + p);
            FloatVector x3 = FloatVector.fromArray(S, a, a3 + p);
            FloatVector w = FloatVector.fromArray(S, b, b0 + p);
            s00 = x0.fma(w, s00);
            s10 = x1.fma(w, s10);
            s20 = x2.fma(w, s20);
            s30 = x3.fma(w, s30);
            w = FloatVector.fromArray(S, b, b1 + p);
            s01 = x0.fma(w, s01);
            s11 = x1.fma(w, s11);
            s21 = x2.fma(w, s21);
            s31 = x3.fma(w, s31);
            w = FloatVector.fromArray(S, b, b2 + p);
            s02 = x0.fma(w, s02);
            s12 = x1.fma(w, s12);
            s22 = x2.fma(w, s22);
            s32 = x3.fma(w, s32);
            w = FloatVector.fromArray(S, b, b3 + p);
            s03 = x0.fma(w, s03);
            s13 = x1.fma(w, s13);
            s23 = x2.fma(w, s23);
            s33 = x3.fma(w, s33);
        }
        // The horizontal sums here, each vector into a float (ReductionSimd.sumLanes inlines):
        // vectors handed to a method that does not inline, or kept in an array, would be boxed.
        float[] r = {
            ReductionSimd.sumLanes(s00), ReductionSimd.sumLanes(s01), ReductionSimd.sumLanes(s02), ReductionSimd.sumLanes(s03),
            ReductionSimd.sumLanes(s10), ReductionSimd.sumLanes(s11), ReductionSimd.sumLanes(s12), ReductionSimd.sumLanes(s13),
            ReductionSimd.sumLanes(s20), ReductionSimd.sumLanes(s21), ReductionSimd.sumLanes(s22), ReductionSimd.sumLanes(s23),
            ReductionSimd.sumLanes(s30), ReductionSimd.sumLanes(s31), ReductionSimd.sumLanes(s32), ReductionSimd.sumLanes(s33),
        };
        for (int row = 0; row < 4; row++) {
            int ar = a0 + row * aRs;
            for (int col = 0; col < 4; col++) {
                int bc = b0 + col * bCs;
                float sum = r[row * 4 + col];
                for (int p = bound; p < k; p++) {
                    sum = Math.fma(a[ar + p], b[bc + p], sum);
                }
                store(sum, bias, biasOff, c, cOff, cRs, cCs, accumulate, i + row, j + col);
            }
        }
    }

    private static void single(float[] a, int ar, float[] b, int bc, int bound, int k, float[] bias, int biasOff, float[] c, int cOff,
                               int cRs, int cCs, boolean accumulate, int i, int j) {
        FloatVector acc = FloatVector.zero(S);
        for (int p = 0; p < bound; p += L) {
            acc = FloatVector.fromArray(S, a, ar + p).fma(FloatVector.fromArray(S, b, bc + p), acc);
        }
        float sum = ReductionSimd.sumLanes(acc);
        for (int p = bound; p < k; p++) {
            sum = Math.fma(a[ar + p], b[bc + p], sum);
        }
        store(sum, bias, biasOff, c, cOff, cRs, cCs, accumulate, i, j);
    }

    private static void store(float s, float[] bias, int biasOff, float[] c, int cOff, int cRs, int cCs, boolean accumulate, int i, int j) {
        int at = cOff + i * cRs + j * cCs;
        if (accumulate) {
            c[at] += s;
        } else {
            c[at] = bias == null ? s : bias[biasOff + j] + s;
        }
    }
}
