// Reductions of a contiguous tensor seen as [outer, n, inner] into a contiguous [outer, inner].
// op: 0 sum, 1 mean, 2 max (the ordinals of ReduceOp). No atomics: every sum is taken in an order
// fixed by the kernel, so the same input gives the same bits on every run.

#define REDUCE_GROUP 128

inline float combine(int op, float a, float b) {
    return op == 2 ? max_nan(a, b) : a + b;
}

// inner == 1: one work-group per row. Each work item folds a strided share of the row, then the
// group halves its partial results in local memory until one is left.
__kernel __attribute__((reqd_work_group_size(REDUCE_GROUP, 1, 1)))
void reduce_rows(int op, int n, __global const float* x, int xo, __global float* out, int oo) {
    __local float partial[REDUCE_GROUP];
    int row = get_group_id(0);
    int lid = get_local_id(0);
    __global const float* r = x + xo + row * n;
    float acc = op == 2 ? -INFINITY : 0.0f;
    for (int i = lid; i < n; i += REDUCE_GROUP) {
        acc = combine(op, acc, r[i]);
    }
    partial[lid] = acc;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int stride = REDUCE_GROUP / 2; stride > 0; stride >>= 1) {
        if (lid < stride) {
            partial[lid] = combine(op, partial[lid], partial[lid + stride]);
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (lid == 0) {
        float v = partial[0];
        out[oo + row] = op == 1 ? v / n : v;
    }
}

// inner > 1: one work item per output element, walking its column from top to bottom (the
// neighbouring work items read neighbouring addresses, so the loads coalesce).
__kernel void reduce_columns(int op, int outer, int n, int inner, __global const float* x, int xo,
                             __global float* out, int oo) {
    int id = get_global_id(0);
    if (id >= outer * inner) {
        return;
    }
    int r = id / inner;
    int i = id % inner;
    __global const float* col = x + xo + r * n * inner + i;
    float acc = col[0];
    for (int k = 1; k < n; k++) {
        acc = combine(op, acc, col[k * inner]);
    }
    out[oo + id] = op == 1 ? acc / n : acc;
}

// The index of the first largest value along the middle axis; NaN counts as largest, as in NumPy.
__kernel void argmax_columns(int outer, int n, int inner, __global const float* x, int xo, __global float* out, int oo) {
    int id = get_global_id(0);
    if (id >= outer * inner) {
        return;
    }
    int r = id / inner;
    int i = id % inner;
    __global const float* col = x + xo + r * n * inner + i;
    float best = col[0];
    int bestIndex = 0;
    for (int k = 1; k < n && !isnan(best); k++) {
        float v = col[k * inner];
        if (v > best || isnan(v)) {
            best = v;
            bestIndex = k;
        }
    }
    out[oo + id] = (float) bestIndex;
}
