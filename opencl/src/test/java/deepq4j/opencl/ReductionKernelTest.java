package deepq4j.opencl;

import static deepq4j.opencl.TestDevice.assertClose;
import static deepq4j.opencl.TestDevice.assertSameBits;
import static deepq4j.opencl.TestDevice.cpu;
import static deepq4j.opencl.TestDevice.device;
import static deepq4j.opencl.TestDevice.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import deepq4j.tensor.Tensor;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Reductions and argmax against the CPU backend along every axis of generated shapes. max and
 * argmax agree exactly. A sum of n terms in any order is within n * 2^-24 * sum|x| of the exact
 * sum, and both backends are, so they are within twice that of each other: that is the tolerance.
 */
@RequiresOpenCl
class ReductionKernelTest {
    @Provide
    Arbitrary<int[]> shapes() {
        return Arbitraries.integers().between(1, 11).array(int[].class).ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 80)
    void sumMeanMaxAndArgmaxAlongEveryAxis(@ForAll("shapes") int[] shape, @ForAll long seed) {
        Random rng = new Random(seed);
        int size = 1;
        for (int s : shape) {
            size *= s;
        }
        float[] v = random(rng, size);
        Tensor c = cpu(v, shape);
        Tensor d = device(v, shape);
        for (int axis = 0; axis < shape.length; axis++) {
            int n = shape[axis];
            Tensor magnitude = c.abs().sum(axis);
            double bound = 2 * (n + 1) * 0x1p-24;
            assertWithin(c.sum(axis), d.sum(axis), magnitude, bound, "sum axis " + axis);
            assertWithin(c.mean(axis), d.mean(axis), magnitude.div(n), bound + 0x1p-23, "mean axis " + axis);
            assertSameBits(c.max(axis), d.max(axis), "max axis " + axis);
            assertSameBits(c.argmax(axis), d.argmax(axis), "argmax axis " + axis);
        }
        // the transposed view goes through a contiguous copy first
        if (shape.length >= 2) {
            assertSameBits(c.transpose(0, 1).max(1), d.transpose(0, 1).max(1), "max of a transpose");
        }
    }

    private static void assertWithin(Tensor expected, Tensor actual, Tensor magnitude, double relative, String what) {
        float[] e = expected.toArray();
        float[] a = actual.toArray();
        float[] m = magnitude.toArray();
        for (int i = 0; i < e.length; i++) {
            double tol = relative * m[i] + 1e-30;
            org.junit.jupiter.api.Assertions.assertTrue(Math.abs(e[i] - a[i]) <= tol,
                    what + " at " + i + ": " + e[i] + " vs " + a[i] + " (tolerance " + tol + ")");
        }
        assertArrayEquals(expected.shape(), actual.shape(), what);
    }

    @Test
    void longRowsUseTheWorkGroupReduction() {
        Random rng = new Random(7);
        float[] v = random(rng, 3 * 100_003);
        Tensor c = cpu(v, 3, 100_003);
        Tensor d = device(v, 3, 100_003);
        assertClose(c.sum(1), d.sum(1), 0, 1e-4, "sum of long rows");
        assertSameBits(c.max(1), d.max(1), "max of long rows");
        assertSameBits(c.argmax(1), d.argmax(1), "argmax of long rows");
        assertClose(c.sum(), d.sum(), 0, 1e-4, "sum of everything");
    }

    @Test
    void argmaxTakesTheFirstLargestAndNanWins() {
        float[] v = {1f, 3f, 3f, 0f, Float.NaN, 2f, Float.NaN, 5f};
        assertSameBits(cpu(v, 2, 4).argmax(1), device(v, 2, 4).argmax(1), "argmax");
        assertSameBits(cpu(v, 2, 4).max(1), device(v, 2, 4).max(1), "max with NaN");
    }

    @Test
    void sameInputSameBits() {
        float[] v = random(new Random(3), 50_000);
        Tensor d = device(v, 50_000);
        assertArrayEquals(d.sum().toArray(), d.sum().toArray());
    }
}
