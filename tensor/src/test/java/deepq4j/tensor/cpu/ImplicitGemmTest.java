package deepq4j.tensor.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The implicit GEMM against the product over the explicit im2col matrix: the matmul's blocked
 * kernel on a matrix built element by element from the same two index tables. Equal bit for bit
 * (the same chains of multiply-adds in the same blocks), at any thread count, for any sizes:
 * ragged strips of rows and columns, several KC chunks of steps, single rows and columns.
 */
class ImplicitGemmTest {
    private static float[] random(SplittableRandom rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return v;
    }

    /** Offsets that overlap as receptive fields do: row i at i * rowStep, step k at a shuffled place below spread. */
    private static int[] offsets(SplittableRandom rng, int count, int step, int spread) {
        int[] o = new int[count];
        for (int i = 0; i < count; i++) {
            o[i] = step > 0 ? i * step : rng.nextInt(spread);
        }
        return o;
    }

    private static void check(int m, int n, int k, int threads, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] rowBase = offsets(rng, m, 3, 0);
        int[] steps = offsets(rng, k, 0, 50);
        float[] x = random(rng, 3 * m + 50);
        float[] b = random(rng, k * n);
        // A built explicitly, then the matmul's blocked product (the path conv2d took before).
        float[] a = new float[m * k];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                a[i * k + p] = x[rowBase[i] + steps[p]];
            }
        }
        float[] expected = new float[m * n];
        float[] actual = new float[m * n];
        java.util.Arrays.fill(actual, Float.NaN); // every element must be written
        int before = Parallelism.threads();
        try {
            Parallelism.setThreads(threads);
            MatmulKernel.blocked(m, n, k, a, 0, k, 1, MatmulKernel.strided(b, 0, n, 1), null, expected, 0, n, 1, false);
            ImplicitGemm.product(m, n, k, x, rowBase, steps, MatmulKernel.strided(b, 0, n, 1), actual, n);
        } finally {
            Parallelism.setThreads(before);
        }
        assertArrayEquals(expected, actual, 0f, m + " x " + n + " x " + k + " on " + threads + " threads");
    }

    @Property(tries = 150)
    void equalsTheProductOverExplicitIm2colBitForBit(@ForAll @IntRange(min = 1, max = 41) int m,
                                                     @ForAll @IntRange(min = 1, max = 70) int n,
                                                     @ForAll @IntRange(min = 1, max = 600) int k,
                                                     @ForAll @IntRange(min = 1, max = 3) int threads) {
        check(m, n, k, threads, 31L * m + 7L * n + k);
    }

    @Test
    void natureCnnShapes() {
        // forward (rows: positions, steps: field rows) and weight gradient (rows: field rows, steps: positions)
        check(3 * 400, 32, 256, 1, 1);
        check(256, 32, 3 * 400, 2, 2);
        check(3 * 81, 64, 512, 2, 3);
        check(576, 64, 3 * 49, 1, 4);
    }
}
