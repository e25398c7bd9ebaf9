package deepq4j.tensor.cpu;

import java.util.Arrays;

/**
 * Single-precision matrix multiply, C (+)= A B, in the GotoBLAS / BLIS arrangement.
 *
 * <p>A and B are read through row and column strides, so transposed views need no copy. Per
 * block, A is packed into strips of {@link #MR} rows and B into strips of {@link #NR} columns, laid
 * out in the order the micro-kernel reads them: a KC x NR strip of B stays in L1 while the micro-
 * kernel sweeps the MC x KC block of A held in L2. Edge blocks are computed into a small tile and
 * added, so every element of C sees the same sequence of roundings whatever its position, the
 * orientation chosen, and however the work is split across threads.
 */
final class MatmulKernel {
    /** Rows of the micro-kernel's C block ({@link MatmulSimd} says why five). */
    static final int MR = MatmulSimd.MR;
    /**
     * Products of fewer rows than this skip the blocked kernel (acting on one observation). Four,
     * not MR: a product of 4 rows has always taken the blocked path, and its bits stay as they were.
     */
    static final int FEW_ROWS = 4;
    /** Columns of the micro-kernel's C block: two SIMD vectors, or 16 without the Vector API. */
    static final int NR = Simd.available() ? MatmulSimd.NR : 16;
    /** Depth of a packed block: a KC x NR strip of B is 32 KiB at NR = 32, the size of L1. */
    static final int KC = 256;
    /** Rows of a packed block of A: MC x KC floats (128 KiB) stay in L2. */
    static final int MC = 128;
    /** Columns of a packed panel of B. */
    static final int NC = 4096;
    /** Below this many multiply-adds a product is not worth waking other threads for. */
    static final long PARALLEL_WORK = 1L << 22;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * Where B's panels come from. The usual source is a strided array ({@link #packB}); convolution
     * packs panels straight from the image, so its column matrix never exists (an implicit GEMM).
     */
    interface PanelSource {
        /**
         * Rows [pc, pc + kc) and columns [jc, jc + nc) of B as {@link #packB} lays them out: packed
         * into {@code scratch}, which is returned, or an array that already holds them.
         */
        float[] panel(int pc, int kc, int jc, int nc, float[] scratch);
    }

    /** The usual panel source: B read from a strided array and packed on every call. */
    static PanelSource strided(float[] b, int bOff, int bRs, int bCs) {
        return (pc, kc, jc, nc, bp) -> {
            packB(kc, nc, b, bOff + pc * bRs + jc * bCs, bRs, bCs, bp);
            return bp;
        };
    }

    /** Per-thread packing buffers, grown on demand and kept, so steady-state calls allocate nothing. */
    private static final class Scratch {
        float[] a = new float[0];
        float[] b = new float[0];
        float[] edgeA = new float[0];
        float[] bias = new float[0];
        final float[] tile = new float[MR * NR];
    }

    private MatmulKernel() {
    }

    /**
     * C[m, n] = A[m, k] B[k, n], or C += A B when {@code accumulate}. Element (i, j) of A is at
     * {@code a[aOff + i * aRs + j * aCs]}, and likewise for B and C.
     */
    static void gemm(int m, int n, int k,
                     float[] a, int aOff, int aRs, int aCs,
                     float[] b, int bOff, int bRs, int bCs,
                     float[] c, int cOff, int cRs, int cCs, boolean accumulate) {
        // A product of a few rows (acting on one observation) takes the dot-product path whatever the
        // cost model says: the model prices only the blocked kernel, and at 256-bit vectors (NR 16)
        // it found the transposed blocked product cheaper for 1 x 120 x 84, which ran 4x slower.
        boolean fewRows = m < FEW_ROWS && Simd.enabled() && MatmulSimd.handlesFewRows(aCs, bRs, bCs, cCs);
        if (!fewRows && swapPays(m, n, k, aCs, bRs, cRs, cCs)) {
            // C^T = B^T A^T: a tall, narrow C (the input gradient of a 2-action head, say) becomes
            // a short, wide one that fills the micro-kernel's vectors. Only strides change, and each
            // element is still the same chain of fused multiply-adds over k, so the bits are equal.
            gemm(n, m, k, b, bOff, bCs, bRs, a, aOff, aCs, aRs, c, cOff, cCs, cRs, accumulate);
            return;
        }
        if (m == 0 || n == 0) {
            return;
        }
        if (!accumulate && (k == 0 || fewRows)) {
            zero(m, n, c, cOff, cRs, cCs); // the blocked path below writes C without reading it instead
        }
        if (k == 0) {
            return;
        }
        if (fewRows) {
            // Acting on a single observation: packing would cost more than the product.
            MatmulSimd.fewRows(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, cRs, cCs);
            return;
        }
        blocked(m, n, k, a, aOff, aRs, aCs, strided(b, bOff, bRs, bCs), null, c, cOff, cRs, cCs, accumulate);
    }

    /**
     * C[m, n] = bias + A B with the bias (one value per column) as the starting value of the
     * micro-kernel's accumulators: the product and the bias add are one pass over C, which is
     * written without being read. C is row-major with row stride ldc. B (a layer's W^T) lives in
     * {@code bStorage}, where its packed panel may be kept between calls ({@link PackedPanelCache}).
     */
    static void gemmWithBias(int m, int n, int k, float[] a, int aOff, int aRs, int aCs, CpuStorage bStorage, int bOff, int bRs,
                             int bCs, float[] bias, int biasOff, float[] c, int cOff, int ldc) {
        float[] b = bStorage.data();
        if (m < FEW_ROWS || k == 0 || swapPays(m, n, k, aCs, bRs, ldc, 1)) {
            // Too few rows for the blocked kernel (acting), or a narrow output that is cheaper
            // transposed (a 2-action head): start from the bias, then accumulate the product.
            for (int i = 0; i < m; i++) {
                System.arraycopy(bias, biasOff, c, cOff + i * ldc, n);
            }
            gemm(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, ldc, 1, true);
            return;
        }
        // The kernel reads whole vectors of bias, so it gets a copy padded to a multiple of NR,
        // kept in the calling thread's scratch (the worker threads only read it).
        Scratch scratch = SCRATCH.get();
        int padding = roundUp(n, NR);
        if (scratch.bias.length < padding) {
            scratch.bias = new float[padding];
        }
        float[] padded = scratch.bias;
        System.arraycopy(bias, biasOff, padded, 0, n);
        Arrays.fill(padded, n, padding, 0f);
        PanelSource source = k <= KC && n <= NC ? PackedPanelCache.source(bStorage, bOff, bRs, bCs, k, n) : strided(b, bOff, bRs, bCs);
        blocked(m, n, k, a, aOff, aRs, aCs, source, padded, c, cOff, ldc, 1, false);
    }

    /** C (+)= A B with B's panels from {@code source}: the packed, blocked product, split across threads when large. */
    static void blocked(int m, int n, int k, float[] a, int aOff, int aRs, int aCs, PanelSource source, float[] bias,
                        float[] c, int cOff, int cRs, int cCs, boolean accumulate) {
        int threads = Parallelism.threads();
        if (runsSerially(m, n, k)) {
            serial(m, n, k, a, aOff, aRs, aCs, source, 0, bias, c, cOff, cRs, cCs, accumulate);
            return;
        }
        // Each thread owns a slice of C and packs the whole of the other operand for itself: split
        // the longer side of C, so that the operand every thread repeats (B when splitting rows,
        // A when splitting columns) is the smaller one.
        boolean byRows = m >= n;
        int blocks = byRows ? (m + MR - 1) / MR : (n + NR - 1) / NR;
        int parts = Math.min(threads, blocks);
        int perPart = (blocks + parts - 1) / parts;
        Parallelism.parallelFor(parts, p -> {
            int from = p * perPart * (byRows ? MR : NR);
            int to = Math.min((p + 1) * perPart * (byRows ? MR : NR), byRows ? m : n);
            if (from >= to) {
                return;
            }
            if (byRows) {
                serial(to - from, n, k, a, aOff + from * aRs, aRs, aCs, source, 0, bias, c, cOff + from * cRs, cRs, cCs, accumulate);
            } else {
                serial(m, to - from, k, a, aOff, aRs, aCs, source, from, bias, c, cOff + from * cCs, cRs, cCs, accumulate);
            }
        });
    }

    /** True when a product runs on the calling thread alone: one thread set, too little work, or already in a worker. */
    static boolean runsSerially(int m, int n, int k) {
        return Parallelism.threads() == 1 || (long) m * n * k < PARALLEL_WORK || Parallelism.inWorker();
    }

    /** What packing one element costs, in multiply-adds: a scalar copy against a 16-lane FMA. */
    private static final long PACK_COST = 16;

    /**
     * True when C^T = B^T A^T is cheaper than C = A B. Each orientation costs its multiply-adds
     * over the padded MR x NR blocks, plus packing B (k x n elements, or k x m when swapped) and A
     * when it is packed, plus a scalar read per element of an A read in place across its rows (its
     * k-stride is not 1: each step of k is a load from another cache line, and often another
     * page), plus a scalar write per element when C's rows are not contiguous in that orientation.
     * {@code aKs} and {@code bKs} are A's and B's strides along k: swapped, B^T is the A that is read.
     */
    static boolean swapPays(int m, int n, int k, int aKs, int bKs, int cRs, int cCs) {
        return cost(n, m, k, bKs, cRs) < cost(m, n, k, aKs, cCs);
    }

    /** The cost model of one orientation, in multiply-adds (see {@link #swapPays}). */
    private static long cost(int m, int n, int k, int aKs, int cCs) {
        long work = (long) keptRows(m) * roundUp(n, NR) * k + PACK_COST * k * n;
        if (packsA(m, n, k) || (aKs != 1 && k > 1)) {
            // packing A, or reading it in place one scalar per cache line: about the same per element
            work += PACK_COST * (long) m * k;
        }
        return cCs == 1 ? work : work + PACK_COST * (long) m * n;
    }

    /**
     * Whether A is packed: only when it is larger than one block and read again for several strips
     * of B. A single-block A, or one read once because C has a single strip of columns, is read
     * in place through its strides.
     */
    static boolean packsA(int m, int n, int k) {
        return (m > MC || k > KC) && n > NR;
    }

    /** The blocked product of an m x n slice of C whose columns start at column {@code jBase} of B. */
    private static void serial(int m, int n, int k,
                               float[] a, int aOff, int aRs, int aCs,
                               PanelSource source, int jBase, float[] bias,
                               float[] c, int cOff, int cRs, int cCs, boolean accumulate) {
        Scratch s = SCRATCH.get();
        int kcMax = Math.min(KC, k);
        int aNeed = roundUp(Math.min(MC, m), MR) * kcMax;
        int bNeed = roundUp(Math.min(NC, n), NR) * kcMax;
        if (s.a.length < aNeed) {
            s.a = new float[aNeed];
        }
        if (s.b.length < bNeed) {
            s.b = new float[bNeed];
        }
        boolean packA = packsA(m, n, k);
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                float[] bp = source.panel(pc, kc, jBase + jc, nc, s.b);
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    int aBase = aOff + ic * aRs + pc * aCs;
                    if (packA) {
                        packA(mc, kc, a, aBase, aRs, aCs, s.a);
                    }
                    boolean first = !accumulate && pc == 0;
                    macroKernel(mc, nc, kc, packA ? s.a : a, packA ? -1 : aBase, aRs, aCs, bp, c, cOff + ic * cRs + jc * cCs,
                            cRs, cCs, first, first ? bias : null, jBase + jc, s);
                }
            }
        }
    }

    /** The rows the kernels compute for a block of m: m itself where {@link #stripHeight} tiles it exactly, else padded to MR. */
    static int keptRows(int m) {
        return m % MR == 0 || stripsOfFour(m) > 0 ? m : roundUp(m, MR);
    }

    /** How many strips of four end a block of m rows so that it tiles exactly; 0 when none do (or none can). */
    private static int stripsOfFour(int m) {
        int fours = (MR - m % MR) % MR;
        return 4 * fours <= m && Simd.enabled() ? fours : 0;
    }

    /**
     * The height of the strip of rows that starts at row {@code i} of a block of {@code m} rows:
     * MR (five) rows, and where five does not divide m, as many strips of four at the end as make
     * the block come out even (128 = 24 x 5 + 2 x 4, 32 = 4 x 5 + 3 x 4), so that no multiply-adds
     * are spent on padding. A block too small for that (under 16 rows, some sizes) ends in one
     * ragged strip, computed on zero rows. Which kernel computes a row does not change its bits:
     * every element is the same chain of multiply-adds over k. Without the Vector API every strip
     * has MR rows.
     */
    static int stripHeight(int m, int i) {
        return i < m - 4 * stripsOfFour(m) ? MR : 4;
    }

    /**
     * Packs mc x kc of A as strips of {@link #stripHeight} rows: element (r, k) of the strip of
     * height h starting at row i lands at i*kc + k*h + r; a ragged last strip is padded with zero
     * rows to MR.
     */
    static void packA(int mc, int kc, float[] a, int base, int rs, int cs, float[] ap) {
        for (int is = 0; is < mc; ) {
            int h = stripHeight(mc, is);
            int rows = Math.min(h, mc - is);
            int dst = is * kc;
            for (int r = 0; r < h; r++) {
                if (r < rows) {
                    int src = base + (is + r) * rs;
                    for (int p = 0; p < kc; p++) {
                        ap[dst + p * h + r] = a[src + p * cs];
                    }
                } else {
                    for (int p = 0; p < kc; p++) {
                        ap[dst + p * h + r] = 0f; // zero rows let edge blocks run the full kernel
                    }
                }
            }
            is += h;
        }
    }

    /** Packs kc x nc of B as strips of NR columns: element (k, j) of strip i lands at i*NR*kc + k*NR + j. */
    static void packB(int kc, int nc, float[] b, int base, int rs, int cs, float[] bp) {
        int[] columns = rs == 1 && cs != 1 && Simd.enabled() ? columnOffsets(cs) : null;
        for (int js = 0; js < nc; js += NR) {
            int cols = Math.min(NR, nc - js);
            int dst = js * kc;
            if (cs == 1 && cols == NR) {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, base + p * rs + js, bp, dst + p * NR, NR);
                }
                continue;
            }
            if (columns != null && cols == NR) {
                // B^T stored row-major (x W^T): a vector gather per step of k builds the strip.
                MatmulSimd.packTransposed(kc, b, base + js * cs, columns, bp, dst);
                continue;
            }
            for (int j = 0; j < NR; j++) {
                if (j < cols) {
                    int src = base + (js + j) * cs;
                    for (int p = 0; p < kc; p++) {
                        bp[dst + p * NR + j] = b[src + p * rs];
                    }
                } else {
                    for (int p = 0; p < kc; p++) {
                        bp[dst + p * NR + j] = 0f;
                    }
                }
            }
        }
    }

    /**
     * Runs the micro-kernel over an mc x nc block of C. A is either packed (aBase = -1: strips of MR
     * rows at i*kc) or read in place from aBase through its strides; a ragged last strip of rows is
     * then packed into a zero-padded buffer so the kernel never reads past A.
     */
    private static void macroKernel(int mc, int nc, int kc, float[] a, int aBase, int aRs, int aCs, float[] bp, float[] c,
                                    int cBase, int cRs, int cCs, boolean overwrite, float[] bias, int biasAt, Scratch s) {
        boolean simd = Simd.enabled();
        float[] tile = s.tile;
        for (int is = 0; is < mc; ) {
            int h = stripHeight(mc, is);
            int rows = Math.min(h, mc - is);
            float[] ak = a;
            int ao;
            int ars;
            int aks;
            if (aBase < 0) {
                ao = is * kc;
                ars = 1;
                aks = h;
            } else if (rows == h) {
                ao = aBase + is * aRs;
                ars = aRs;
                aks = aCs;
            } else {
                if (s.edgeA.length < MR * kc) {
                    s.edgeA = new float[MR * kc];
                }
                packA(rows, kc, a, aBase + is * aRs, aRs, aCs, s.edgeA);
                ak = s.edgeA;
                ao = 0;
                ars = 1;
                aks = MR;
            }
            for (int js = 0; js < nc; js += NR) {
                int cols = Math.min(NR, nc - js);
                int co = cBase + is * cRs + js * cCs;
                if (rows == h && cols == NR && cCs == 1) {
                    microKernel(simd, h, kc, ak, ao, ars, aks, bp, js * kc, c, co, cRs, overwrite, bias, biasAt + js);
                } else {
                    microKernel(simd, h, kc, ak, ao, ars, aks, bp, js * kc, tile, 0, NR, true, overwrite ? bias : null, biasAt + js);
                    storeTile(simd, tile, rows, cols, c, co, cRs, cCs, overwrite);
                }
            }
            is += h;
        }
    }

    /** Sets (or adds) the first {@code cols} columns of {@code rows} rows of an edge tile (rows NR apart) into C. */
    static void storeTile(boolean simd, float[] tile, int rows, int cols, float[] c, int co, int cRs, int cCs, boolean overwrite) {
        if (simd && cCs == 1) {
            MatmulSimd.storeTile(tile, rows, cols, c, co, cRs, overwrite);
            return;
        }
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                int at = co + r * cRs + j * cCs;
                c[at] = overwrite ? tile[r * NR + j] : c[at] + tile[r * NR + j];
            }
        }
    }

    /**
     * One {@code rows} x NR block of C over kc steps, rows MR or 4: {@link MatmulSimd#kernel} or
     * {@link MatmulSimd#kernel4}, or {@link #scalarKernel} without the Vector API.
     */
    static void microKernel(boolean simd, int rows, int kc, float[] a, int ao, int ars, int aks, float[] bp, int bo, float[] c,
                            int co, int ldc, boolean overwrite, float[] bias, int biasAt) {
        if (!simd) {
            scalarKernel(rows, kc, a, ao, ars, aks, bp, bo, c, co, ldc, overwrite, bias, biasAt);
        } else if (rows == MR) {
            MatmulSimd.kernel(kc, a, ao, ars, aks, bp, bo, c, co, ldc, overwrite, bias, biasAt);
        } else {
            MatmulSimd.kernel4(kc, a, ao, ars, aks, bp, bo, c, co, ldc, overwrite, bias, biasAt);
        }
    }

    /** The scalar micro-kernel: the same block product as {@link MatmulSimd#kernel}, one element at a time. */
    static void scalarKernel(int rows, int kc, float[] a, int ao, int ars, int aks, float[] bp, int bo, float[] c, int co, int ldc,
                             boolean overwrite, float[] bias, int biasAt) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < NR; j++) {
                float sum = bias == null ? 0f : bias[biasAt + j];
                for (int p = 0; p < kc; p++) {
                    sum += a[ao + r * ars + p * aks] * bp[bo + p * NR + j];
                }
                int at = co + r * ldc + j;
                c[at] = overwrite ? sum : c[at] + sum;
            }
        }
    }

    private static void zero(int m, int n, float[] c, int cOff, int cRs, int cCs) {
        for (int i = 0; i < m; i++) {
            int row = cOff + i * cRs;
            if (cCs == 1) {
                Arrays.fill(c, row, row + n, 0f);
            } else {
                for (int j = 0; j < n; j++) {
                    c[row + j * cCs] = 0f;
                }
            }
        }
    }

    /** Where each of a strip's NR columns starts, for columns {@code cs} apart. */
    private static int[] columnOffsets(int cs) {
        int[] columns = new int[NR];
        for (int j = 0; j < NR; j++) {
            columns[j] = j * cs;
        }
        return columns;
    }

    static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }
}
