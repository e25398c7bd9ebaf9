package deepq4j.tensor.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/** Vector API loops for reductions over contiguous rows; tails run scalar code. */
final class ReductionSimd {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private ReductionSimd() {
    }

    /**
     * Shuffles that pair lane i with lane i XOR h, for h = L/2, L/4, ..., 1: the steps of the
     * butterfly in {@link #sumLanes}.
     */
    private static final VectorShuffle<Float>[] BUTTERFLY = butterfly();

    @SuppressWarnings("unchecked")
    private static VectorShuffle<Float>[] butterfly() {
        int steps = Integer.numberOfTrailingZeros(L);
        VectorShuffle<Float>[] shuffles = new VectorShuffle[steps];
        for (int s = 0; s < steps; s++) {
            int h = L >> (s + 1);
            shuffles[s] = VectorShuffle.fromOp(S, i -> i ^ h);
        }
        return shuffles;
    }

    /**
     * The lanes of {@code v} added in an order fixed here. Not {@code reduceLanes(ADD)}: the Vector
     * API lets the JIT add float lanes in any order, and from JDK 23 C2 does (a tree), while the
     * interpreter adds them in order, so the same call could round differently before and after
     * compilation, and a seeded run would not repeat bit for bit. A butterfly instead: add to every
     * lane i the lane i XOR L/2, then i XOR L/4, and so on down to i XOR 1. Each step is a lanewise
     * add, whose rounding the Vector API fixes, and float addition is commutative, so every lane ends
     * with the same sum ((l0 + l8) + (l4 + l12)) + ... whoever runs it; lane 0 is returned.
     */
    static float sumLanes(FloatVector v) {
        for (VectorShuffle<Float> pair : BUTTERFLY) {
            v = v.add(v.rearrange(pair));
        }
        return v.lane(0);
    }

    /** Sum of n contiguous floats, in L interleaved partial sums. */
    static float sum(float[] x, int px, int n) {
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        int bound = S.loopBound(n);
        for (; i < bound; i += L) {
            acc = acc.add(FloatVector.fromArray(S, x, px + i));
        }
        float s = sumLanes(acc);
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
