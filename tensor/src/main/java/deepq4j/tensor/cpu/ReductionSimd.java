package deepq4j.tensor.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Vector API loops for reductions over contiguous rows; tails run scalar code. */
final class ReductionSimd {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private ReductionSimd() {
    }

    /**
     * The lanes of {@code v} added in lane order. Not {@code reduceLanes(ADD)}: the Vector API lets
     * the JIT add float lanes in any order, and from JDK 23 C2 does (a tree), while the interpreter
     * adds them in order, so the same call could round differently before and after compilation,
     * and a seeded run would not repeat bit for bit. So the lanes go through {@code scratch} (L
     * floats, the caller's, reused) and are added one after another.
     */
    static float sumLanes(FloatVector v, float[] scratch) {
        v.intoArray(scratch, 0);
        float s = 0f;
        for (int i = 0; i < L; i++) {
            s += scratch[i];
        }
        return s;
    }

    /** Sum of n contiguous floats, in L interleaved partial sums. */
    static float sum(float[] x, int px, int n) {
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        int bound = S.loopBound(n);
        for (; i < bound; i += L) {
            acc = acc.add(FloatVector.fromArray(S, x, px + i));
        }
        float s = sumLanes(acc, new float[L]);
        for (; i < n; i++) {
            s += x[px + i];
        }
        return s;
    }

    /** Largest of n >= 1 contiguous floats; NaN wins, as in torch.max. */
    static float max(float[] x, int px, int n) {
        int i = 0;
        int bound = S.loopBound(n);
        float m = Float.NEGATIVE_INFINITY;
        if (bound > 0) {
            FloatVector acc = FloatVector.fromArray(S, x, px);
            for (i = L; i < bound; i += L) {
                acc = acc.max(FloatVector.fromArray(S, x, px + i));
            }
            m = acc.reduceLanes(VectorOperators.MAX);
        }
        for (; i < n; i++) {
            m = Math.max(m, x[px + i]);
        }
        return m;
    }

    /** acc[i] = op(acc[i], x[i]) for n contiguous floats, op = add or max. */
    static void accumulate(boolean max, float[] acc, int pacc, float[] x, int px, int n) {
        int i = 0;
        int bound = S.loopBound(n);
        for (; i < bound; i += L) {
            FloatVector va = FloatVector.fromArray(S, acc, pacc + i);
            FloatVector vx = FloatVector.fromArray(S, x, px + i);
            (max ? va.max(vx) : va.add(vx)).intoArray(acc, pacc + i);
        }
        for (; i < n; i++) {
            acc[pacc + i] = max ? Math.max(acc[pacc + i], x[px + i]) : acc[pacc + i] + x[px + i];
        }
    }
}
