// C = A @ B (+ bias, + C) for strided A [M, K] and B [K, N] and a row-major C.
//
// A work-group of 16 x 16 work items computes a 64 x 64 tile of C. It walks K in steps of 16:
// the group copies a 64 x 16 slice of A and a 16 x 64 slice of B into local memory (each element
// read from global memory once per group instead of once per work item), then every work item
// multiplies out its own 4 x 4 block from registers. The block's rows are ty, ty + 16, ty + 32,
// ty + 48 (likewise for columns), so neighbouring work items read neighbouring local addresses.

#define TILE 64
#define DEPTH 16
#define THREADS 16
#define BLOCK (TILE / THREADS)

__kernel __attribute__((reqd_work_group_size(THREADS, THREADS, 1)))
void matmul_tiled(int m, int n, int k,
                  __global const float* a, int ao, int aRow, int aCol,
                  __global const float* b, int bo, int bRow, int bCol,
                  __global float* c, int co, int ldc, int accumulate,
                  __global const float* bias, int biasOffset, int hasBias) {
    __local float aTile[DEPTH][TILE]; // transposed: aTile[kk][row]
    __local float bTile[DEPTH][TILE];
    const int tx = get_local_id(0);
    const int ty = get_local_id(1);
    const int tid = ty * THREADS + tx;
    const int row0 = get_group_id(1) * TILE;
    const int col0 = get_group_id(0) * TILE;

    float acc[BLOCK][BLOCK];
    for (int i = 0; i < BLOCK; i++) {
        for (int j = 0; j < BLOCK; j++) {
            acc[i][j] = 0.0f;
        }
    }
    for (int k0 = 0; k0 < k; k0 += DEPTH) {
        // 1024 elements of each slice, four per work item; out-of-range elements are zeros.
        for (int l = 0; l < TILE * DEPTH / (THREADS * THREADS); l++) {
            int e = tid + l * THREADS * THREADS;
            int ar = e / DEPTH, ak = e % DEPTH;
            int gr = row0 + ar, gk = k0 + ak;
            aTile[ak][ar] = (gr < m && gk < k) ? a[ao + gr * aRow + gk * aCol] : 0.0f;
            int bk = e / TILE, bc = e % TILE;
            int gkb = k0 + bk, gc = col0 + bc;
            bTile[bk][bc] = (gkb < k && gc < n) ? b[bo + gkb * bRow + gc * bCol] : 0.0f;
        }
        barrier(CLK_LOCAL_MEM_FENCE);
        for (int kk = 0; kk < DEPTH; kk++) {
            float av[BLOCK], bv[BLOCK];
            for (int i = 0; i < BLOCK; i++) {
                av[i] = aTile[kk][ty + i * THREADS];
                bv[i] = bTile[kk][tx + i * THREADS];
            }
            for (int i = 0; i < BLOCK; i++) {
                for (int j = 0; j < BLOCK; j++) {
                    acc[i][j] = fma(av[i], bv[j], acc[i][j]);
                }
            }
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    for (int i = 0; i < BLOCK; i++) {
        int r = row0 + ty + i * THREADS;
        for (int j = 0; j < BLOCK; j++) {
            int col = col0 + tx + j * THREADS;
            if (r < m && col < n) {
                float v = acc[i][j];
                if (hasBias) {
                    v += bias[biasOffset + col];
                }
                __global float* at = c + co + r * ldc + col;
                *at = accumulate ? *at + v : v;
            }
        }
    }
}
