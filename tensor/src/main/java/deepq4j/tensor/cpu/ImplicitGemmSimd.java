package deepq4j.tensor.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The micro-kernel of {@link ImplicitGemm}: {@link MatmulSimd#kernel}'s 5 x (2 vectors) block of
 * C, with the five rows of A broadcast straight from the image instead of from a packed strip.
 *
 * <p>Row i of A at step k is {@code x[rowBase_i + steps[k]]}: the same products in the same order
 * as {@link MatmulSimd#kernel} over the explicit im2col matrix, so every element of C gets the
 * same bits. One load of the step's offset is shared by the five rows. The multiply-adds and the
 * stores repeat MatmulSimd's on purpose: a shared helper would take the ten accumulators as
 * arguments, and the JIT declines to inline one that large (measured: a shared store of 283
 * bytes of bytecode was "callee is too large" in some compilations, and the product ran at two
 * thirds of its speed with the accumulators boxed on every call).
 */
final class ImplicitGemmSimd {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int NR = MatmulSimd.NR;

    private ImplicitGemmSimd() {
    }

    /**
     * {@code C[0..5, 0..NR) (+)= A B} over kc steps, A's rows starting at {@code r0..r4} in
     * {@code x} and step k at offset {@code steps[so + k]}; B a packed panel at {@code bo}; C rows
     * {@code ldc} apart, set when {@code overwrite}, added to otherwise.
     */
    static void kernel(int kc, float[] x, int r0, int r1, int r2, int r3, int r4, int[] steps, int so, float[] bp, int bo,
                       float[] c, int co, int ldc, boolean overwrite) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00, c40 = c00, c41 = c00;
        for (int k = 0; k < kc; k++) {
            int s = steps[so + k];
            FloatVector b0 = FloatVector.fromArray(S, bp, bo);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + L);
            FloatVector a = FloatVector.broadcast(S, x[r0 + s]);
            c00 = MulAdd.apply(a, b0, c00);
            c01 = MulAdd.apply(a, b1, c01);
            a = FloatVector.broadcast(S, x[r1 + s]);
            c10 = MulAdd.apply(a, b0, c10);
            c11 = MulAdd.apply(a, b1, c11);
            a = FloatVector.broadcast(S, x[r2 + s]);
            c20 = MulAdd.apply(a, b0, c20);
            c21 = MulAdd.apply(a, b1, c21);
            a = FloatVector.broadcast(S, x[r3 + s]);
            c30 = MulAdd.apply(a, b0, c30);
            c31 = MulAdd.apply(a, b1, c31);
            a = FloatVector.broadcast(S, x[r4 + s]);
            c40 = MulAdd.apply(a, b0, c40);
            c41 = MulAdd.apply(a, b1, c41);
            bo += NR;
        }
        if (overwrite) {
            c00.intoArray(c, co);
            c01.intoArray(c, co + L);
            c10.intoArray(c, co + ldc);
            c11.intoArray(c, co + ldc + L);
            c20.intoArray(c, co + 2 * ldc);
            c21.intoArray(c, co + 2 * ldc + L);
            c30.intoArray(c, co + 3 * ldc);
            c31.intoArray(c, co + 3 * ldc + L);
            c40.intoArray(c, co + 4 * ldc);
            c41.intoArray(c, co + 4 * ldc + L);
            return;
        }
        MatmulSimd.addInto(c00, c, co);
        MatmulSimd.addInto(c01, c, co + L);
        co += ldc;
        MatmulSimd.addInto(c10, c, co);
        MatmulSimd.addInto(c11, c, co + L);
        co += ldc;
        MatmulSimd.addInto(c20, c, co);
        MatmulSimd.addInto(c21, c, co + L);
        co += ldc;
        MatmulSimd.addInto(c30, c, co);
        MatmulSimd.addInto(c31, c, co + L);
        co += ldc;
        MatmulSimd.addInto(c40, c, co);
        MatmulSimd.addInto(c41, c, co + L);
    }

    /** The same over four rows, {@code r0..r3}, for the strips of four that end a block (see {@link MatmulKernel#stripHeight}). */
    static void kernel4(int kc, float[] x, int r0, int r1, int r2, int r3, int[] steps, int so, float[] bp, int bo, float[] c,
                       int co, int ldc, boolean overwrite) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
        for (int k = 0; k < kc; k++) {
            int s = steps[so + k];
            FloatVector b0 = FloatVector.fromArray(S, bp, bo);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + L);
            FloatVector a = FloatVector.broadcast(S, x[r0 + s]);
            c00 = MulAdd.apply(a, b0, c00);
            c01 = MulAdd.apply(a, b1, c01);
            a = FloatVector.broadcast(S, x[r1 + s]);
            c10 = MulAdd.apply(a, b0, c10);
            c11 = MulAdd.apply(a, b1, c11);
            a = FloatVector.broadcast(S, x[r2 + s]);
            c20 = MulAdd.apply(a, b0, c20);
            c21 = MulAdd.apply(a, b1, c21);
            a = FloatVector.broadcast(S, x[r3 + s]);
            c30 = MulAdd.apply(a, b0, c30);
            c31 = MulAdd.apply(a, b1, c31);
            bo += NR;
        }
        if (overwrite) {
            c00.intoArray(c, co);
            c01.intoArray(c, co + L);
            c10.intoArray(c, co + ldc);
            c11.intoArray(c, co + ldc + L);
            c20.intoArray(c, co + 2 * ldc);
            c21.intoArray(c, co + 2 * ldc + L);
            c30.intoArray(c, co + 3 * ldc);
            c31.intoArray(c, co + 3 * ldc + L);
            return;
        }
        MatmulSimd.addInto(c00, c, co);
        MatmulSimd.addInto(c01, c, co + L);
        co += ldc;
        MatmulSimd.addInto(c10, c, co);
        MatmulSimd.addInto(c11, c, co + L);
        co += ldc;
        MatmulSimd.addInto(c20, c, co);
        MatmulSimd.addInto(c21, c, co + L);
        co += ldc;
        MatmulSimd.addInto(c30, c, co);
        MatmulSimd.addInto(c31, c, co + L);
    }
}
