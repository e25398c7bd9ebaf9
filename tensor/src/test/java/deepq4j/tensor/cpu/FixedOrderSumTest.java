package deepq4j.tensor.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/**
 * The SIMD sum adds its lanes in one documented order, so it rounds the same in the interpreter
 * and after the JIT has compiled it. Checked bit for bit against a scalar loop written in that
 * order, many times over, so that the later calls run compiled code.
 */
class FixedOrderSumTest {
    /** L interleaved partial sums, folded as a butterfly (lane i + lane i XOR L/2, ...), then the tail. */
    private static float reference(float[] x, int px, int n) {
        int L = FloatVector.SPECIES_PREFERRED.length();
        float[] part = new float[L];
        int bound = n - n % L;
        for (int i = 0; i < bound; i++) {
            part[i % L] += x[px + i];
        }
        for (int h = L / 2; h >= 1; h /= 2) {
            float[] next = new float[L];
            for (int i = 0; i < L; i++) {
                next[i] = part[i] + part[i ^ h];
            }
            part = next;
        }
        float s = part[0];
        for (int i = bound; i < n; i++) {
            s += x[px + i];
        }
        return s;
    }

    @Test
    void sumMatchesTheDocumentedOrderBitForBitBeforeAndAfterCompilation() {
        // The run without the Vector API module has no SIMD sum to check.
        assumeTrue(Simd.available(), "jdk.incubator.vector is not in this JVM");
        SplittableRandom random = new SplittableRandom(7);
        float[] x = new float[1000];
        for (int i = 0; i < x.length; i++) {
            // Magnitudes spread over many binades, so that a different order would round differently.
            x[i] = (float) ((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(7)));
        }
        for (int round = 0; round < 20_000; round++) {
            int n = 1 + round % 997;
            int px = round % 3;
            float expected = reference(x, px, n);
            assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(ReductionSimd.sum(x, px, n)),
                    () -> "n=" + n + " px=" + px);
        }
    }
}
