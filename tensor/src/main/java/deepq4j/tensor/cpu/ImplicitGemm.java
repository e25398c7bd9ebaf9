package deepq4j.tensor.cpu;

/**
 * A matrix product C = A B whose left operand is a convolution's im2col matrix, read from the
 * image where it lies: A[i][k] = x[rowBase[i] + steps[k]] (the implicit GEMM).
 *
 * <p>Every entry of im2col is one input pixel, and its index is the sum of two parts: where the
 * output position's receptive field starts in the image, and where the field row (channel, ky,
 * kx) sits within a field. The forward pass reads im2col transposed (rows: output positions;
 * steps: field rows), the weight gradient reads it as it is (rows: field rows; steps: output
 * positions): one product with the two tables swapped. Only B is packed, and B is small (the
 * weights, or the output gradient); the micro-kernel broadcasts each pixel straight from the
 * image, so no element of im2col is ever written (packing it, a gather per element, cost as much
 * as the multiply-adds on the Nature CNN's layers).
 *
 * <p>The blocks are {@link MatmulKernel}'s: steps in chunks of {@link MatmulKernel#KC}, each chunk
 * one chain of fused multiply-adds from zero, set into C (the first) or added to it; so every
 * element rounds exactly as the product over the explicit im2col would, whatever the thread count.
 */
final class ImplicitGemm {
    private static final int MR = MatmulKernel.MR;
    private static final int NR = MatmulKernel.NR;
    private static final int KC = MatmulKernel.KC;

    /** Per-thread buffers: B's panel, a packed strip of A for ragged rows, an edge tile of C. */
    private static final class Scratch {
        float[] panel = new float[0];
        float[] strip = new float[0];
        final float[] tile = new float[MR * NR];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private ImplicitGemm() {
    }

    /**
     * C[m, n] = A B, A[i][k] = x[rowBase[i] + steps[k]] (m rows, k steps), B's panels from
     * {@code b}; C row-major with row stride {@code ldc}, overwritten. Rows of C are split across
     * threads when the product is large.
     */
    static void product(int m, int n, int k, float[] x, int[] rowBase, int[] steps, MatmulKernel.PanelSource b, float[] c,
                        int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            for (int i = 0; i < m; i++) {
                java.util.Arrays.fill(c, i * ldc, i * ldc + n, 0f);
            }
            return;
        }
        if (MatmulKernel.runsSerially(m, n, k)) {
            rows(0, m, n, k, x, rowBase, steps, b, c, ldc);
            return;
        }
        int strips = (m + MR - 1) / MR;
        int parts = Math.min(Parallelism.threads(), strips);
        int perPart = (strips + parts - 1) / parts;
        Parallelism.parallelFor(parts, p -> {
            int from = p * perPart * MR;
            int to = Math.min((p + 1) * perPart * MR, m);
            if (from < to) {
                rows(from, to, n, k, x, rowBase, steps, b, c, ldc);
            }
        });
    }

    /** Rows [from, to) of C, on the calling thread. */
    private static void rows(int from, int to, int n, int k, float[] x, int[] rowBase, int[] steps, MatmulKernel.PanelSource b,
                             float[] c, int ldc) {
        Scratch s = SCRATCH.get();
        int kcMax = Math.min(KC, k);
        if (s.panel.length < MatmulKernel.roundUp(n, NR) * kcMax) {
            s.panel = new float[MatmulKernel.roundUp(n, NR) * kcMax];
        }
        if (s.strip.length < MR * kcMax) {
            s.strip = new float[MR * kcMax];
        }
        boolean simd = Simd.enabled();
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            float[] bp = b.panel(pc, kc, 0, n, s.panel);
            boolean first = pc == 0;
            for (int i = from; i < to; ) {
                int h = MatmulKernel.stripHeight(to - from, i - from);
                int rows = Math.min(h, to - i);
                // A ragged strip of rows (or no Vector API) goes through a packed strip and the
                // matmul's own micro-kernel: the same chain of multiply-adds for every element.
                boolean packed = rows < h || !simd;
                if (packed) {
                    packStrip(rows, kc, x, rowBase, i, steps, pc, s.strip);
                }
                for (int js = 0; js < n; js += NR) {
                    int cols = Math.min(NR, n - js);
                    boolean whole = rows == h && cols == NR;
                    float[] out = whole ? c : s.tile;
                    int at = whole ? i * ldc + js : 0;
                    int stride = whole ? ldc : NR;
                    boolean overwrite = !whole || first;
                    if (packed) {
                        MatmulKernel.microKernel(simd, MR, kc, s.strip, 0, 1, MR, bp, js * kc, out, at, stride, overwrite, null, 0);
                    } else if (h == MR) {
                        ImplicitGemmSimd.kernel(kc, x, rowBase[i], rowBase[i + 1], rowBase[i + 2], rowBase[i + 3], rowBase[i + 4],
                                steps, pc, bp, js * kc, out, at, stride, overwrite);
                    } else {
                        ImplicitGemmSimd.kernel4(kc, x, rowBase[i], rowBase[i + 1], rowBase[i + 2], rowBase[i + 3], steps, pc, bp,
                                js * kc, out, at, stride, overwrite);
                    }
                    if (!whole) {
                        MatmulKernel.storeTile(simd, s.tile, rows, cols, c, i * ldc + js, ldc, 1, first);
                    }
                }
                i += h;
            }
        }
    }

    /** Rows i..i+rows of A over steps pc..pc+kc, as {@link MatmulKernel#packA} lays out a strip (missing rows zero). */
    private static void packStrip(int rows, int kc, float[] x, int[] rowBase, int i, int[] steps, int pc, float[] strip) {
        for (int r = 0; r < MR; r++) {
            for (int p = 0; p < kc; p++) {
                strip[p * MR + r] = r < rows ? x[rowBase[i + r] + steps[pc + p]] : 0f;
            }
        }
    }
}
