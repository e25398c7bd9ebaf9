package deepq4j.tensor.cpu;

/**
 * exp in float32, written so that a vector of them computes the same bits ({@link ExpSimd}): the
 * readable definition that the SIMD kernel is tested against. Java's {@code Math.exp} is a
 * double-precision routine one element at a time; softmax over C51's atoms calls exp for every
 * logit, so a float routine the JIT can vectorise is worth its 20 lines.
 *
 * <p>The method is Cephes' expf (Moshier): write x = n ln 2 + r with n a whole number and
 * |r| <= ln 2 / 2, approximate e^r by a degree-7 polynomial (1 + r + r^2 p(r)), and multiply by
 * 2^n, built from its exponent bits. Largest error against the exact value: under 2 ulp over the
 * whole float range (ExpTest measures it). Every operation is a separate IEEE float multiply or
 * add (no fused multiply-add), so the scalar and vector forms round alike on every CPU.
 */
public final class FloatExp {
    // x is clamped to [LOW, HIGH] first: e^HIGH overflows to infinity and e^LOW underflows to 0 anyway.
    static final float HIGH = 89f;
    static final float LOW = -104f;
    static final float LOG2E = 1.44269504088896341f;
    /** 1.5 * 2^23: adding it rounds a float to a whole number (to nearest, ties to even) in its low bits. */
    static final float ROUND = 12582912f;
    // ln 2 in two parts: C1 has 9 significant bits, so n * C1 is exact for the n that occur.
    static final float C1 = 0.693359375f;
    static final float C2 = -2.12194440e-4f;
    static final float P0 = 1.9875691500e-4f;
    static final float P1 = 1.3981999507e-3f;
    static final float P2 = 8.3334519073e-3f;
    static final float P3 = 4.1665795894e-2f;
    static final float P4 = 1.6666665459e-1f;
    static final float P5 = 5.0000001201e-1f;

    private FloatExp() {
    }

    /** e^x, to within 2 ulp; NaN for NaN, +infinity above about 88.72, 0 below about -103.97. */
    public static float exp(float x) {
        if (Float.isNaN(x)) {
            return x;
        }
        float v = Math.min(Math.max(x, LOW), HIGH);
        float t = v * LOG2E + ROUND; // n = round(x / ln 2) sits in t's low mantissa bits
        int n = Float.floatToRawIntBits(t) - Float.floatToRawIntBits(ROUND);
        float fn = t - ROUND;
        float r = v - fn * C1 - fn * C2;
        float p = P0;
        p = p * r + P1;
        p = p * r + P2;
        p = p * r + P3;
        p = p * r + P4;
        p = p * r + P5;
        float y = p * (r * r) + r + 1f;
        // 2^n as two factors, each a normal float even where 2^n alone is not (n from -150 to 129).
        int half = n >> 1;
        return y * Float.intBitsToFloat((half + 127) << 23) * Float.intBitsToFloat((n - half + 127) << 23);
    }
}
