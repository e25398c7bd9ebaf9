package deepq4j.tensor;

import static deepq4j.tensor.TestTensors.Layout;
import static deepq4j.tensor.TestTensors.assertBitEqual;
import static deepq4j.tensor.TestTensors.assertClose;
import static deepq4j.tensor.TestTensors.bothPaths;
import static deepq4j.tensor.TestTensors.randomValues;
import static deepq4j.tensor.TestTensors.withLayout;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.tensor.cpu.Parallelism;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * Matrix products against the triple loop in double precision. A float dot product of length k
 * is within k * 2^-24 * sum|a||b| of the exact value, whatever the order of its additions: that
 * bound is the tolerance.
 */
class MatmulTest {

    private static void checkProduct(Tensor a, Tensor b, boolean ta, boolean tb, float[] av, float[] bv, int m, int k, int n) {
        // av is op(A) row-major [m, k]; bv is op(B) row-major [k, n].
        double[] expected = Reference.matmul(Reference.toDouble(av), Reference.toDouble(bv), m, k, n);
        double[] scale = Reference.matmulMagnitude(Reference.toDouble(av), Reference.toDouble(bv), m, k, n);
        double rtol = (k + 2) * 0x1p-24;
        float[][] results = bothPaths(() -> Tensor.matmul(a, b, ta, tb));
        assertClose(expected, results[0], scale, 1e-30, rtol, "simd " + m + "x" + k + "x" + n);
        assertClose(expected, results[1], scale, 1e-30, rtol, "scalar " + m + "x" + k + "x" + n);
    }

    private static float[] transpose(float[] v, int rows, int cols) {
        float[] t = new float[v.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = v[r * cols + c];
            }
        }
        return t;
    }

    @Property(tries = 150)
    void productsOfAnyLayoutAndTranspose(@ForAll @From("dims") int m, @ForAll @From("dims") int k, @ForAll @From("dims") int n,
                                         @ForAll boolean ta, @ForAll boolean tb,
                                         @ForAll Layout la, @ForAll Layout lb, @ForAll long seed) {
        Random rng = new Random(seed);
        float[] av = randomValues(rng, m * k); // op(A), row-major
        float[] bv = randomValues(rng, k * n); // op(B), row-major
        Tensor a = ta ? withLayout(transpose(av, m, k), new int[] {k, m}, la) : withLayout(av, new int[] {m, k}, la);
        Tensor b = tb ? withLayout(transpose(bv, k, n), new int[] {n, k}, lb) : withLayout(bv, new int[] {k, n}, lb);
        checkProduct(a, b, ta, tb, av, bv, m, k, n);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> dims() {
        return TestTensors.dims();
    }

    @Test
    void sizesAcrossEveryBlockBoundary() {
        // MR = 5 (strips of 5 and 4), NR = 32 or 16, KC = 256, MC = 128: sizes on both sides of each.
        int[][] cases = {{1, 1, 1}, {5, 257, 33}, {129, 255, 65}, {257, 513, 17}, {3, 300, 1}, {1, 4, 120}, {130, 1, 97}, {7, 9, 31}, {9, 260, 64}, {16, 3, 33}, {4, 5, 6},
            // rows that end in strips of four (8, 12, 13, 32, 128, 131) or in one padded strip (6, 11)
            {6, 40, 20}, {8, 7, 33}, {11, 300, 17}, {12, 5, 32}, {13, 260, 40}, {32, 100, 128}, {128, 84, 120}, {131, 17, 48}};
        Random rng = new Random(7);
        for (int[] c : cases) {
            float[] av = randomValues(rng, c[0] * c[1]);
            float[] bv = randomValues(rng, c[1] * c[2]);
            checkProduct(Tensor.of(av, c[0], c[1]), Tensor.of(bv, c[1], c[2]), false, false, av, bv, c[0], c[1], c[2]);
        }
    }

    @Test
    void batchedProductsBroadcastTheirBatchDimensions() {
        Random rng = new Random(3);
        float[] av = randomValues(rng, 2 * 1 * 5 * 7);
        float[] bv = randomValues(rng, 3 * 7 * 4);
        Tensor a = Tensor.of(av, 2, 1, 5, 7);
        Tensor b = Tensor.of(bv, 3, 7, 4);
        Tensor c = a.matmul(b);
        assertArrayEquals(new int[] {2, 3, 5, 4}, c.shape());
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                float[] ai = java.util.Arrays.copyOfRange(av, i * 35, i * 35 + 35);
                float[] bj = java.util.Arrays.copyOfRange(bv, j * 28, j * 28 + 28);
                double[] expected = Reference.matmul(Reference.toDouble(ai), Reference.toDouble(bj), 5, 7, 4);
                assertClose(expected, c.select(0, i).select(0, j).toArray(), null, 1e-5, 1e-5, "batch " + i + "," + j);
            }
        }
    }

    @Test
    void vectorsAreTreatedAsTorchDoes() {
        Tensor m = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor v = Tensor.of(new float[] {1, 0, -1}, 3);
        assertArrayEquals(new float[] {-2, -2}, m.matmul(v).toArray());
        assertArrayEquals(new int[] {2}, m.matmul(v).shape());
        assertArrayEquals(new float[] {-5, -7, -9}, Tensor.of(new float[] {-1, -1}, 2).matmul(m).toArray());
        assertArrayEquals(new int[] {}, v.matmul(v).shape());
    }

    @Test
    void transposedViewsAreReadInPlace() {
        Tensor w = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
        Tensor wt = w.t();
        assertSame(w.storage(), wt.storage(), "a transpose is a view");
        Tensor x = Tensor.of(new float[] {1, 1, 1}, 1, 3);
        assertArrayEquals(new float[] {9, 12}, x.matmul(w).toArray());
        assertArrayEquals(x.matmul(w).toArray(), Tensor.matmul(w, x, true, true).t().toArray());
    }

    @Test
    void narrowProductsAreComputedTransposedWithTheSameBits() {
        // [128, 84] x [84, 2] runs as ([2, 84] x [84, 128])^T; computing that transpose directly
        // must give the very same floats.
        Random rng = new Random(13);
        for (int[] c : new int[][] {{128, 84, 2}, {128, 120, 4}, {67, 300, 3}}) {
            Tensor a = Tensor.of(randomValues(rng, c[0] * c[1]), c[0], c[1]);
            Tensor b = Tensor.of(randomValues(rng, c[1] * c[2]), c[1], c[2]);
            float[][] direct = bothPaths(() -> a.matmul(b));
            float[][] viaTranspose = bothPaths(() -> b.t().matmul(a.t()).t());
            assertBitEqual(direct[0], viaTranspose[0], "simd " + java.util.Arrays.toString(c));
            assertBitEqual(direct[1], viaTranspose[1], "scalar " + java.util.Arrays.toString(c));
        }
    }

    @Test
    void threadCountDoesNotChangeAnyBit() {
        Random rng = new Random(11);
        Tensor a = Tensor.of(randomValues(rng, 300 * 290), 300, 290);
        Tensor b = Tensor.of(randomValues(rng, 290 * 270), 290, 270);
        // Few rows and a long inner dimension: the split goes by columns.
        Tensor wide = Tensor.of(randomValues(rng, 5 * 4000), 5, 4000);
        Tensor tall = Tensor.of(randomValues(rng, 4000 * 270), 4000, 270);
        int was = Parallelism.threads();
        try {
            Parallelism.setThreads(1);
            float[] one = a.matmul(b).toArray();
            float[] oneByColumns = wide.matmul(tall).toArray();
            Parallelism.setThreads(2);
            float[] two = a.matmul(b).toArray();
            float[] twoByColumns = wide.matmul(tall).toArray();
            Parallelism.setThreads(3);
            float[] three = a.matmul(b).toArray();
            assertBitEqual(one, two, "1 vs 2 threads");
            assertBitEqual(one, three, "1 vs 3 threads");
            assertBitEqual(oneByColumns, twoByColumns, "a split by columns");
        } finally {
            Parallelism.setThreads(was);
        }
    }

    @Test
    void longRowsOfXTimesWTransposed() {
        // x W^T of wide Linear layers (MinAtar's 1024 inputs, the Nature CNN's 3136): k spans
        // several KC blocks; sizes off the micro-kernel's blocks and off whole vectors of k.
        Random rng = new Random(19);
        for (int[] c : new int[][] {{32, 1024, 128}, {5, 256, 7}, {9, 301, 13}, {4, 3136, 6}, {7, 257, 1}}) {
            int m = c[0], k = c[1], n = c[2];
            float[] av = randomValues(rng, m * k);
            float[] bv = randomValues(rng, k * n);
            Tensor x = Tensor.of(av, m, k);
            Tensor w = Tensor.of(transpose(bv, k, n), n, k);
            checkProduct(x, w, false, true, av, bv, m, k, n);
            Tensor bias = Tensor.of(randomValues(rng, n), n);
            double[] expected = Reference.toDouble(x.matmul(w.t()).add(bias).toArray());
            float[][] fused = bothPaths(() -> Tensor.addmm(bias, x, w, false, true));
            assertClose(expected, fused[0], null, 1e-5 * k, 1e-5, "addmm simd " + java.util.Arrays.toString(c));
            int was = Parallelism.threads();
            try {
                Parallelism.setThreads(1);
                float[] one = Tensor.addmm(bias, x, w, false, true).toArray();
                Parallelism.setThreads(2);
                float[] two = Tensor.addmm(bias, x, w, false, true).toArray();
                assertBitEqual(one, two, "1 and 2 threads " + java.util.Arrays.toString(c));
            } finally {
                Parallelism.setThreads(was);
            }
        }
    }

    @Test
    void addmmEqualsMatmulPlusBias() {
        Random rng = new Random(17);
        for (int[] c : new int[][] {{128, 4, 120}, {1, 120, 84}, {5, 7, 3}, {128, 84, 2}}) {
            Tensor x = Tensor.of(randomValues(rng, c[0] * c[1]), c[0], c[1]);
            Tensor w = Tensor.of(randomValues(rng, c[2] * c[1]), c[2], c[1]);
            Tensor b = Tensor.of(randomValues(rng, c[2]), c[2]);
            double[] expected = Reference.toDouble(x.matmul(w.t()).add(b).toArray());
            float[][] fused = bothPaths(() -> Tensor.addmm(b, x, w, false, true));
            assertClose(expected, fused[0], null, 1e-5 * c[1], 1e-5, "addmm simd " + java.util.Arrays.toString(c));
            assertClose(expected, fused[1], null, 1e-5 * c[1], 1e-5, "addmm scalar " + java.util.Arrays.toString(c));
        }
        assertThrows(IllegalArgumentException.class, () -> Tensor.addmm(Tensor.zeros(3), Tensor.zeros(2, 4), Tensor.zeros(3, 5), false, true));
    }

    @Test
    void shapeErrorsNameTheOpAndBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(3, 4).matmul(Tensor.zeros(5, 6)));
        assertTrue(e.getMessage().startsWith("matmul:") && e.getMessage().contains("[3, 4]") && e.getMessage().contains("[5, 6]"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3, 4).matmul(Tensor.zeros(3, 4, 2)));
        assertTrue(e.getMessage().contains("[2, 3, 4]") && e.getMessage().contains("[3, 4, 2]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.scalar(1f).matmul(Tensor.zeros(1)));
    }
}
