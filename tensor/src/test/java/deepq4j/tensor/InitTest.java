package deepq4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Seeded fills: reproducible, within their bounds, with the moments and structure torch's give. */
class InitTest {

    @Test
    void generatorIsSplitMix64() {
        // First outputs of SplitMix64 seeded with 0, as published with the algorithm.
        Generator g = new Generator(0);
        assertEquals(0xE220A8397B1DCDAFL, g.nextLong());
        assertEquals(0x6E789E6AA1B965F4L, g.nextLong());
        assertEquals(0x06C45D188009454FL, g.nextLong());
    }

    @Test
    void sameSeedSameTensor() {
        assertArrayEquals(Tensor.randn(new Generator(42), 5, 7).toArray(), Tensor.randn(new Generator(42), 5, 7).toArray(), 0f);
        assertTrue(Tensor.rand(new Generator(1), 9).sub(Tensor.rand(new Generator(2), 9)).abs().sum().item() > 0);
    }

    @Test
    void uniformAndNormalMoments() {
        float[] u = Init.uniform(new Generator(3), -2f, 4f, 100_000).toArray();
        float[] n = Init.normal(new Generator(4), 1f, 3f, 100_000).toArray();
        double um = 0, nm = 0, nv = 0;
        for (float v : u) {
            assertTrue(v >= -2f && v <= 4f);
            um += v / u.length;
        }
        for (float v : n) {
            nm += v / n.length;
        }
        for (float v : n) {
            nv += (v - nm) * (v - nm) / n.length;
        }
        assertEquals(1.0, um, 0.03);
        assertEquals(1.0, nm, 0.03);
        assertEquals(3.0, Math.sqrt(nv), 0.03);
    }

    @Test
    void kaimingUniformUsesTorchsBound() {
        // Linear(120, 84): bound 1/sqrt(120); Conv2d(4, 32, 8): fan_in 4*8*8 = 256, bound 1/16.
        float[] w = Init.kaimingUniform(new Generator(5), Math.sqrt(5), 84, 120).toArray();
        float max = 0;
        for (float v : w) {
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max <= 1 / Math.sqrt(120) && max > 0.95 / Math.sqrt(120), "max |w| = " + max);
        assertEquals(256, Init.fanIn(32, 4, 8, 8));
        float[] c = Init.kaimingUniform(new Generator(6), Math.sqrt(5), 32, 4, 8, 8).toArray();
        for (float v : c) {
            assertTrue(Math.abs(v) <= 1 / 16.0);
        }
        // a = 0 (ReLU gain): bound sqrt(6 / fan_in).
        float[] r = Init.kaimingUniform(new Generator(7), 0, 64, 100).toArray();
        for (float v : r) {
            assertTrue(Math.abs(v) <= Math.sqrt(6.0 / 100));
        }
    }

    @Test
    void orthogonalRowsOrColumnsAreOrthonormal() {
        for (int[] shape : new int[][] {{64, 4}, {4, 64}, {30, 30}, {8, 2, 3, 3}}) {
            double gain = Math.sqrt(2);
            Tensor w = Init.orthogonal(new Generator(8), gain, shape).reshape(shape[0], -1);
            boolean wide = w.size(0) < w.size(1);
            Tensor gram = wide ? w.matmul(w.t()) : w.t().matmul(w);
            int n = gram.size(0);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(i == j ? 2.0 : 0.0, gram.get(i, j), 1e-5, java.util.Arrays.toString(shape));
                }
            }
        }
    }

    @Test
    void aSavedGeneratorStateContinuesTheSameStream() {
        Generator g = new Generator(42);
        g.nextGaussian(); // leaves the spare of a Box-Muller pair waiting: part of the state
        long[] state = g.getState();
        double[] first = {g.nextGaussian(), g.nextDouble(), g.nextInt(7), g.nextGaussian()};
        Generator h = new Generator(0);
        h.setState(state);
        double[] again = {h.nextGaussian(), h.nextDouble(), h.nextInt(7), h.nextGaussian()};
        assertArrayEquals(first, again);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> h.setState(new long[] {1, 2}));
    }
}
