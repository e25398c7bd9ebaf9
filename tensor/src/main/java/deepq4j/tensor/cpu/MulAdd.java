package deepq4j.tensor.cpu;

import jdk.incubator.vector.FloatVector;

/**
 * {@code a * b + c} for the SIMD kernels: one fused multiply-add where the JIT has the instruction,
 * a multiply and an add where it has not ({@link Simd#hardwareFma}). The choice is a constant, so
 * the JIT compiles each kernel with one form only.
 */
final class MulAdd {
    private static final boolean FUSED = Simd.hardwareFma();

    private MulAdd() {
    }

    static FloatVector apply(FloatVector a, FloatVector b, FloatVector c) {
        return FUSED ? a.fma(b, c) : a.mul(b).add(c);
    }

    static float apply(float a, float b, float c) {
        return FUSED ? Math.fma(a, b, c) : a * b + c;
    }
}
