package deepq4j.tensor.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The matmul micro-kernel: a 5 x (2 vectors) block of C held in ten vector registers while k
 * runs over packed panels of A and B.
 *
 * <p>Each step loads two vectors of B, broadcasts five values of A and issues ten fused
 * multiply-adds. Why five rows: a core with two FMA units of 4 cycles' latency needs at least
 * eight independent accumulators to stay busy, and ten leave slack for the loads; ten
 * accumulators, two B vectors and the broadcast take 13 registers, within the 16 of AVX2 and SSE
 * (AVX-512 has 32). Measured on a Zen 4 core, GFLOP/s of the kernel alone on L1/L2-resident
 * panels: 4 rows 82 at 256-bit vectors, 5 rows 101, 6 rows 74 (the JIT spills); at 512-bit all
 * three reach 112, the core's peak; at 128-bit 17.5 against 21.5. 3 x 3 and 2 x 4 vectors were
 * slower at 256-bit (97, 86). On AVX-512 the block is 5 x 32.
 */
final class MatmulSimd {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Columns of the C block: two vectors. */
    static final int NR = 2 * L;

    private MatmulSimd() {
    }

    /** Rows of the C block. */
    static final int MR = 5;

    /**
     * {@code C[0..5, 0..NR) += A B} over kc steps. Row r of A at step k is
     * {@code a[ao + r * ars + k * aks]}: a packed strip has ars = 1 and aks = 5, and an unpacked
     * matrix is read in place through its strides. B is a packed panel of kc steps of NR values at
     * {@code bo}; C rows are {@code ldc} apart. With {@code overwrite} C is set, not added to; a
     * non-null {@code bias} (NR values at {@code biasAt}) is then added to every row.
     */
    static void kernel(int kc, float[] a, int ao, int ars, int aks, float[] bp, int bo, float[] c, int co, int ldc,
                       boolean overwrite, float[] bias, int biasAt) {
        // The accumulators start at zero, or at the bias (a Linear layer's first block).
        FloatVector c00 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, biasAt);
        FloatVector c01 = bias == null ? c00 : FloatVector.fromArray(S, bias, biasAt + L);
        FloatVector c10 = c00, c11 = c01, c20 = c00, c21 = c01, c30 = c00, c31 = c01, c40 = c00, c41 = c01;
        int ars2 = 2 * ars;
        int ars3 = 3 * ars;
        int ars4 = 4 * ars;
        for (int k = 0; k < kc; k++) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bo);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + L);
            FloatVector x = FloatVector.broadcast(S, a[ao]);
            c00 = MulAdd.apply(x, b0, c00);
            c01 = MulAdd.apply(x, b1, c01);
            x = FloatVector.broadcast(S, a[ao + ars]);
            c10 = MulAdd.apply(x, b0, c10);
            c11 = MulAdd.apply(x, b1, c11);
            x = FloatVector.broadcast(S, a[ao + ars2]);
            c20 = MulAdd.apply(x, b0, c20);
            c21 = MulAdd.apply(x, b1, c21);
            x = FloatVector.broadcast(S, a[ao + ars3]);
            c30 = MulAdd.apply(x, b0, c30);
            c31 = MulAdd.apply(x, b1, c31);
            x = FloatVector.broadcast(S, a[ao + ars4]);
            c40 = MulAdd.apply(x, b0, c40);
            c41 = MulAdd.apply(x, b1, c41);
            ao += aks;
            bo += NR;
        }
        if (overwrite) {
            // The first block of a product that does not accumulate: C's old contents do not count.
            c00.intoArray(c, co);
            c01.intoArray(c, co + L);
            c10.intoArray(c, co + ldc);
            c11.intoArray(c, co + ldc + L);
            c20.intoArray(c, co + 2 * ldc);
            c21.intoArray(c, co + 2 * ldc + L);
            c30.intoArray(c, co + 3 * ldc);
            c31.intoArray(c, co + 3 * ldc + L);
            c40.intoArray(c, co + 4 * ldc);
            c41.intoArray(c, co + 4 * ldc + L);
            return;
        }
        addInto(c00, c, co);
        addInto(c01, c, co + L);
        co += ldc;
        addInto(c10, c, co);
        addInto(c11, c, co + L);
        co += ldc;
        addInto(c20, c, co);
        addInto(c21, c, co + L);
        co += ldc;
        addInto(c30, c, co);
        addInto(c31, c, co + L);
        co += ldc;
        addInto(c40, c, co);
        addInto(c41, c, co + L);
    }

    /**
     * The same product over a strip of four rows ({@code aks} = 4 when packed): {@link
     * MatmulKernel#stripHeight} ends a block with such strips where five rows do not divide it.
     */
    static void kernel4(int kc, float[] a, int ao, int ars, int aks, float[] bp, int bo, float[] c, int co, int ldc,
                       boolean overwrite, float[] bias, int biasAt) {
        // The accumulators start at zero, or at the bias (a Linear layer's first block).
        FloatVector c00 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, biasAt);
        FloatVector c01 = bias == null ? c00 : FloatVector.fromArray(S, bias, biasAt + L);
        FloatVector c10 = c00, c11 = c01, c20 = c00, c21 = c01, c30 = c00, c31 = c01;
        int ars2 = 2 * ars;
        int ars3 = 3 * ars;
        for (int k = 0; k < kc; k++) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bo);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + L);
            FloatVector x = FloatVector.broadcast(S, a[ao]);
            c00 = MulAdd.apply(x, b0, c00);
            c01 = MulAdd.apply(x, b1, c01);
            x = FloatVector.broadcast(S, a[ao + ars]);
            c10 = MulAdd.apply(x, b0, c10);
            c11 = MulAdd.apply(x, b1, c11);
            x = FloatVector.broadcast(S, a[ao + ars2]);
            c20 = MulAdd.apply(x, b0, c20);
            c21 = MulAdd.apply(x, b1, c21);
            x = FloatVector.broadcast(S, a[ao + ars3]);
            c30 = MulAdd.apply(x, b0, c30);
            c31 = MulAdd.apply(x, b1, c31);
            ao += aks;
            bo += NR;
        }
        if (overwrite) {
            // The first block of a product that does not accumulate: C's old contents do not count.
            c00.intoArray(c, co);
            c01.intoArray(c, co + L);
            c10.intoArray(c, co + ldc);
            c11.intoArray(c, co + ldc + L);
            c20.intoArray(c, co + 2 * ldc);
            c21.intoArray(c, co + 2 * ldc + L);
            c30.intoArray(c, co + 3 * ldc);
            c31.intoArray(c, co + 3 * ldc + L);
            return;
        }
        addInto(c00, c, co);
        addInto(c01, c, co + L);
        co += ldc;
        addInto(c10, c, co);
        addInto(c11, c, co + L);
        co += ldc;
        addInto(c20, c, co);
        addInto(c21, c, co + L);
        co += ldc;
        addInto(c30, c, co);
        addInto(c31, c, co + L);
    }

    /**
     * Writes (or adds) the first {@code cols} columns of {@code rows} rows of an edge tile (rows
     * {@link #NR} apart) into C: whole vectors while a vector fits, then element by element. A
     * 120- or 84-wide output ends in such a tile on every block of rows.
     */
    static void storeTile(float[] tile, int rows, int cols, float[] c, int co, int ldc, boolean overwrite) {
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int t = r * NR;
            int at = co + r * ldc;
            int j = 0;
            for (; j < bound; j += L) {
                FloatVector v = FloatVector.fromArray(S, tile, t + j);
                if (!overwrite) {
                    v = v.add(FloatVector.fromArray(S, c, at + j));
                }
                v.intoArray(c, at + j);
            }
            for (; j < cols; j++) {
                c[at + j] = overwrite ? tile[t + j] : c[at + j] + tile[t + j];
            }
        }
    }

    /**
     * C += A B for a few rows of A, without packing: the acting path, one observation at a time.
     * When B's columns run along k (a transposed weight, as in x W^T) each element is a SIMD dot
     * product; when B's rows are contiguous each row of C is built a vector of columns at a time.
     * Only for the layouts {@link #handlesFewRows} accepts.
     */
    static boolean handlesFewRows(int aCs, int bRs, int bCs, int cCs) {
        return (aCs == 1 && bRs == 1) || (bCs == 1 && cCs == 1);
    }

    static void fewRows(int m, int n, int k, float[] a, int aOff, int aRs, int aCs, float[] b, int bOff, int bRs, int bCs,
                        float[] c, int cOff, int cRs, int cCs) {
        if (aCs == 1 && bRs == 1) {
            // Four outputs at a time share the loads of the row of A, and their four horizontal
            // sums (added in a fixed order, so that every run rounds alike) overlap.
            int bound = S.loopBound(k);
            for (int i = 0; i < m; i++) {
                int ar = aOff + i * aRs;
                int cr = cOff + i * cRs;
                int j = 0;
                for (; j + 4 <= n; j += 4) {
                    int b0 = bOff + j * bCs;
                    FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
                    for (int p = 0; p < bound; p += L) {
                        FloatVector x = FloatVector.fromArray(S, a, ar + p);
                        s0 = MulAdd.apply(x, FloatVector.fromArray(S, b, b0 + p), s0);
                        s1 = MulAdd.apply(x, FloatVector.fromArray(S, b, b0 + bCs + p), s1);
                        s2 = MulAdd.apply(x, FloatVector.fromArray(S, b, b0 + 2 * bCs + p), s2);
                        s3 = MulAdd.apply(x, FloatVector.fromArray(S, b, b0 + 3 * bCs + p), s3);
                    }
                    float r0 = ReductionSimd.sumLanes(s0);
                    float r1 = ReductionSimd.sumLanes(s1);
                    float r2 = ReductionSimd.sumLanes(s2);
                    float r3 = ReductionSimd.sumLanes(s3);
                    for (int p = bound; p < k; p++) {
                        float x = a[ar + p];
                        r0 = MulAdd.apply(x, b[b0 + p], r0);
                        r1 = MulAdd.apply(x, b[b0 + bCs + p], r1);
                        r2 = MulAdd.apply(x, b[b0 + 2 * bCs + p], r2);
                        r3 = MulAdd.apply(x, b[b0 + 3 * bCs + p], r3);
                    }
                    c[cr + j * cCs] += r0;
                    c[cr + (j + 1) * cCs] += r1;
                    c[cr + (j + 2) * cCs] += r2;
                    c[cr + (j + 3) * cCs] += r3;
                }
                for (; j < n; j++) {
                    int bc = bOff + j * bCs;
                    FloatVector acc = FloatVector.zero(S);
                    for (int p = 0; p < bound; p += L) {
                        acc = MulAdd.apply(FloatVector.fromArray(S, a, ar + p), FloatVector.fromArray(S, b, bc + p), acc);
                    }
                    float sum = ReductionSimd.sumLanes(acc);
                    for (int p = bound; p < k; p++) {
                        sum = MulAdd.apply(a[ar + p], b[bc + p], sum);
                    }
                    c[cr + j * cCs] += sum;
                }
            }
            return;
        }
        // B's rows are contiguous: build each row of C a vector of columns at a time.
        int bound = S.loopBound(n);
        for (int i = 0; i < m; i++) {
            int ar = aOff + i * aRs;
            int cr = cOff + i * cRs;
            for (int j = 0; j < bound; j += L) {
                FloatVector acc = FloatVector.zero(S);
                for (int p = 0; p < k; p++) {
                    acc = MulAdd.apply(FloatVector.broadcast(S, a[ar + p * aCs]), FloatVector.fromArray(S, b, bOff + p * bRs + j), acc);
                }
                FloatVector.fromArray(S, c, cr + j).add(acc).intoArray(c, cr + j);
            }
            for (int j = bound; j < n; j++) {
                float sum = 0f;
                for (int p = 0; p < k; p++) {
                    sum = MulAdd.apply(a[ar + p * aCs], b[bOff + p * bRs + j], sum);
                }
                c[cr + j] += sum;
            }
        }
    }

    /**
     * Packs one full strip of B whose columns are contiguous (column j starts at
     * {@code base + columns[j]}): NR values across the columns become one contiguous row of the
     * panel for each step p. A transpose, done in tiles of 8 steps: each column's 8 values are read
     * as one contiguous run and written to 8 panel rows, so both sides stay within a kilobyte of
     * cache. (A vector gather per row, the obvious SIMD version, measured slower on JDK 17.)
     */
    static void packTransposed(int kc, float[] b, int base, int[] columns, float[] bp, int dst) {
        int p = 0;
        for (; p + 8 <= kc; p += 8) {
            int row = dst + p * NR;
            for (int j = 0; j < NR; j++) {
                int src = base + columns[j] + p;
                int at = row + j;
                bp[at] = b[src];
                bp[at + NR] = b[src + 1];
                bp[at + 2 * NR] = b[src + 2];
                bp[at + 3 * NR] = b[src + 3];
                bp[at + 4 * NR] = b[src + 4];
                bp[at + 5 * NR] = b[src + 5];
                bp[at + 6 * NR] = b[src + 6];
                bp[at + 7 * NR] = b[src + 7];
            }
        }
        for (; p < kc; p++) {
            for (int j = 0; j < NR; j++) {
                bp[dst + p * NR + j] = b[base + columns[j] + p];
            }
        }
    }

    /** c[at..at+L) += v. */
    static void addInto(FloatVector v, float[] c, int at) {
        FloatVector.fromArray(S, c, at).add(v).intoArray(c, at);
    }
}
