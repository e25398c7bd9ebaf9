package deepq4j.tensor.cpu;

import deepq4j.tensor.BinaryOp;
import deepq4j.tensor.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API loops for elementwise ops on contiguous rows; an operand with stride 0 is one value
 * repeated (broadcast). The tail that does not fill a whole vector runs the scalar definition.
 */
final class ElementwiseSimd {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private ElementwiseSimd() {
    }

    static void binary(BinaryOp op, float[] a, int pa, int sa, float[] b, int pb, int sb, float[] o, int po, int n) {
        FloatVector constA = sa == 0 ? FloatVector.broadcast(S, a[pa]) : null;
        FloatVector constB = sb == 0 ? FloatVector.broadcast(S, b[pb]) : null;
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        int bound = S.loopBound(n);
        for (; i < bound; i += L) {
            FloatVector va = constA != null ? constA : FloatVector.fromArray(S, a, pa + i);
            FloatVector vb = constB != null ? constB : FloatVector.fromArray(S, b, pb + i);
            FloatVector r;
            // Each case names its operator as a constant, which the JIT needs to emit one instruction.
            switch (op) {
                case ADD: r = va.add(vb); break;
                case SUB: r = va.sub(vb); break;
                case MUL: r = va.mul(vb); break;
                case DIV: r = va.div(vb); break;
                case MAXIMUM: r = va.max(vb); break;
                case MINIMUM: r = va.min(vb); break;
                case GT: r = zero.blend(one, va.compare(VectorOperators.GT, vb)); break;
                case GE: r = zero.blend(one, va.compare(VectorOperators.GE, vb)); break;
                case LT: r = zero.blend(one, va.compare(VectorOperators.LT, vb)); break;
                case LE: r = zero.blend(one, va.compare(VectorOperators.LE, vb)); break;
                case EQ: r = zero.blend(one, va.compare(VectorOperators.EQ, vb)); break;
                default: throw new IllegalArgumentException("no SIMD loop for " + op);
            }
            r.intoArray(o, po + i);
        }
        ElementwiseKernels.binaryScalar(op, a, pa + sa * i, sa, b, pb + sb * i, sb, o, po + i, 1, n - i);
    }

    static void unary(UnaryOp op, float[] x, int px, float[] o, int po, int n) {
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        int bound = S.loopBound(n);
        for (; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, px + i);
            FloatVector r;
            switch (op) {
                case NEG: r = v.neg(); break;
                case ABS: r = v.abs(); break;
                case SQRT: r = v.sqrt(); break;
                case RELU: r = v.max(zero); break;
                case EXP: r = ExpSimd.exp(v); break;
                default: throw new IllegalArgumentException("no SIMD loop for " + op);
            }
            r.intoArray(o, po + i);
        }
        for (; i < n; i++) {
            o[po + i] = op.apply(x[px + i]);
        }
    }

    static void clamp(float min, float max, float[] x, int px, float[] o, int po, int n) {
        int i = 0;
        int bound = S.loopBound(n);
        for (; i < bound; i += L) {
            FloatVector.fromArray(S, x, px + i).max(min).min(max).intoArray(o, po + i);
        }
        for (; i < n; i++) {
            o[po + i] = Math.min(Math.max(x[px + i], min), max);
        }
    }

    /** o = m != 0 ? a : b on a contiguous mask and output; a and b may be broadcast (stride 0). */
    static void where(float[] m, int pm, float[] a, int pa, int sa, float[] b, int pb, int sb, float[] o, int po, int n) {
        FloatVector constA = sa == 0 ? FloatVector.broadcast(S, a[pa]) : null;
        FloatVector constB = sb == 0 ? FloatVector.broadcast(S, b[pb]) : null;
        int i = 0;
        int bound = S.loopBound(n);
        for (; i < bound; i += L) {
            FloatVector va = constA != null ? constA : FloatVector.fromArray(S, a, pa + i);
            FloatVector vb = constB != null ? constB : FloatVector.fromArray(S, b, pb + i);
            // NE is true for NaN, matching the scalar test m != 0
            vb.blend(va, FloatVector.fromArray(S, m, pm + i).compare(VectorOperators.NE, 0f)).intoArray(o, po + i);
        }
        for (; i < n; i++) {
            o[po + i] = m[pm + i] != 0f ? a[pa + sa * i] : b[pb + sb * i];
        }
    }
}
