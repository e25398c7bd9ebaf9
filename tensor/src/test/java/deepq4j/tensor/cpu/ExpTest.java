package deepq4j.tensor.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The float exp against the exact value (Math.exp in double, rounded once), and the vector form
 * against the scalar one bit for bit, before and after the JIT compiles them.
 */
class ExpTest {
    /** Error in units of the last place of the correctly rounded result; subnormal results in units of the smallest float. */
    private static double ulps(float x) {
        double exact = Math.exp(x);
        float got = FloatExp.exp(x);
        double unit = Math.max(Math.ulp((float) exact), Float.MIN_VALUE);
        return Math.abs(got - exact) / unit;
    }

    @Test
    void withinTwoUlpOverTheWholeRange() {
        SplittableRandom rng = new SplittableRandom(1);
        double worst = 0;
        float worstAt = 0;
        for (int i = 0; i < 2_000_000; i++) {
            float x = (float) (rng.nextDouble() * 193 - 104); // [-104, 89]: from underflow to overflow
            if (Math.exp(x) > Float.MAX_VALUE) {
                continue;
            }
            double e = ulps(x);
            if (e > worst) {
                worst = e;
                worstAt = x;
            }
        }
        for (float x = -1f; x <= 1f; x += 1f / 4096) { // densely where softmax spends its time
            worst = Math.max(worst, ulps(x));
        }
        assertTrue(worst <= 2, "largest error " + worst + " ulp at x = " + worstAt);
    }

    @Test
    void specialValues() {
        assertEquals(1f, FloatExp.exp(0f));
        assertEquals(1f, FloatExp.exp(-0f));
        assertTrue(Float.isNaN(FloatExp.exp(Float.NaN)));
        assertEquals(Float.POSITIVE_INFINITY, FloatExp.exp(Float.POSITIVE_INFINITY));
        assertEquals(0f, FloatExp.exp(Float.NEGATIVE_INFINITY));
        assertEquals(Float.POSITIVE_INFINITY, FloatExp.exp(89f));
        assertEquals((float) Math.exp(88.5f), FloatExp.exp(88.5f), Math.ulp((float) Math.exp(88.5f)) * 2);
        assertEquals(0f, FloatExp.exp(-110f));
        assertTrue(FloatExp.exp(-100f) > 0 && FloatExp.exp(-100f) < Float.MIN_NORMAL, "e^-100 is subnormal, not flushed");
    }

    @Test
    void theVectorFormGivesTheScalarBits() {
        // The run without the Vector API module has no vector form to check.
        if (!Simd.enabled()) {
            return;
        }
        SplittableRandom rng = new SplittableRandom(2);
        for (int round = 0; round < 300; round++) {
            int n = 1 + rng.nextInt(200); // whole vectors and tails
            float[] x = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = switch (rng.nextInt(20)) {
                    case 0 -> Float.NaN;
                    case 1 -> Float.POSITIVE_INFINITY;
                    case 2 -> Float.NEGATIVE_INFINITY;
                    case 3 -> (float) (rng.nextDouble() * 400 - 200);
                    default -> (float) (rng.nextDouble() * 40 - 20);
                };
            }
            float[] got = Tensor.of(x, n).exp().toArray();
            for (int i = 0; i < n; i++) {
                assertEquals(Float.floatToIntBits(FloatExp.exp(x[i])), Float.floatToIntBits(got[i]), "exp(" + x[i] + ") in round " + round);
            }
        }
    }
}
