package deepq4j.opencl;

import static deepq4j.opencl.TestDevice.cpu;
import static deepq4j.opencl.TestDevice.device;
import static deepq4j.opencl.TestDevice.random;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.tensor.Tensor;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The tiled matmul kernel against the CPU backend for generated sizes around and across its 64 x 64
 * tiles and 16-deep slices, with either operand transposed (strided loads), batched, accumulated
 * and with a bias (addmm). A float dot product of length k is within k * 2^-24 * sum|a||b| of the
 * exact value whatever the order of its additions, so two of them are within twice that.
 */
@RequiresOpenCl
class MatmulKernelTest {
    @Provide
    Arbitrary<Integer> dims() {
        return Arbitraries.oneOf(Arbitraries.integers().between(1, 20), Arbitraries.integers().between(60, 140));
    }

    private static Tensor magnitude(Tensor a, Tensor b, boolean ta, boolean tb) {
        return Tensor.matmul(a.abs(), b.abs(), ta, tb);
    }

    private static void assertProductClose(Tensor expected, Tensor actual, Tensor magnitude, int k, String what) {
        float[] e = expected.toArray();
        float[] a = actual.toArray();
        float[] m = magnitude.toArray();
        double rel = 2 * (k + 2) * 0x1p-24;
        for (int i = 0; i < e.length; i++) {
            double tol = rel * m[i] + 1e-30;
            assertTrue(Math.abs(e[i] - a[i]) <= tol, what + " at " + i + ": " + e[i] + " vs " + a[i] + " (tolerance " + tol + ")");
        }
    }

    @Property(tries = 60)
    void productsWithTransposes(@ForAll("dims") int m, @ForAll("dims") int k, @ForAll("dims") int n,
                                @ForAll boolean ta, @ForAll boolean tb, @ForAll long seed) {
        Random rng = new Random(seed);
        float[] av = random(rng, m * k);
        float[] bv = random(rng, k * n);
        int[] aShape = ta ? new int[] {k, m} : new int[] {m, k};
        int[] bShape = tb ? new int[] {n, k} : new int[] {k, n};
        Tensor ac = cpu(av, aShape);
        Tensor bc = cpu(bv, bShape);
        Tensor ad = device(av, aShape);
        Tensor bd = device(bv, bShape);
        String what = m + "x" + k + "x" + n + (ta ? " A^T" : "") + (tb ? " B^T" : "");
        assertProductClose(Tensor.matmul(ac, bc, ta, tb), Tensor.matmul(ad, bd, ta, tb), magnitude(ac, bc, ta, tb), k, what);

        float[] biasValues = random(rng, n);
        Tensor biasC = cpu(biasValues, n);
        Tensor biasD = device(biasValues, n);
        assertProductClose(Tensor.addmm(biasC, ac, bc, ta, tb), Tensor.addmm(biasD, ad, bd, ta, tb),
                magnitude(ac, bc, ta, tb).add(biasC.abs()), k, "addmm " + what);
    }

    @Property(tries = 20)
    void batchedProducts(@ForAll("dims") int m, @ForAll("dims") int k, @ForAll long seed) {
        Random rng = new Random(seed);
        int batch = 3;
        int n = 5;
        float[] av = random(rng, batch * m * k);
        float[] bv = random(rng, batch * k * n);
        Tensor ac = cpu(av, batch, m, k);
        Tensor bc = cpu(bv, batch, k, n);
        assertProductClose(ac.matmul(bc), device(av, batch, m, k).matmul(device(bv, batch, k, n)), ac.abs().matmul(bc.abs()), k,
                "batched " + m + "x" + k);
    }
}
