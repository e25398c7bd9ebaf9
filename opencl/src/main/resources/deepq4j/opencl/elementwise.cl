// Elementwise kernels. Each comes twice: a flat one for contiguous operands of one shape (the
// common case: index i is element i), and a strided one that walks a Layout, for broadcasts,
// transposes and slices. The op codes are the ordinals of UnaryOp and BinaryOp.

inline float unary_op(int op, float x) {
    switch (op) {
        case 0: return -x;
        case 1: return exp(x);
        case 2: return log(x);
        case 3: return sqrt(x);
        case 4: return fabs(x);
        default: return isnan(x) ? x : (x > 0.0f ? x : 0.0f); // relu; NaN propagates as in PyTorch
    }
}

inline float binary_op(int op, float a, float b) {
    switch (op) {
        case 0: return a + b;
        case 1: return a - b;
        case 2: return a * b;
        case 3: return a / b;
        case 4: return pow(a, b);
        case 5: return max_nan(a, b);
        case 6: return min_nan(a, b);
        case 7: return a > b ? 1.0f : 0.0f;
        case 8: return a >= b ? 1.0f : 0.0f;
        case 9: return a < b ? 1.0f : 0.0f;
        case 10: return a <= b ? 1.0f : 0.0f;
        default: return a == b ? 1.0f : 0.0f;
    }
}

__kernel void unary_flat(int op, int n, __global const float* x, int xo, __global float* out, int oo) {
    int i = get_global_id(0);
    if (i < n) {
        out[oo + i] = unary_op(op, x[xo + i]);
    }
}

__kernel void unary_strided(int op, int n, Layout layout, __global const float* x, __global float* out) {
    int i = get_global_id(0);
    if (i < n) {
        int pos[2];
        positions(&layout, i, 2, pos);
        out[pos[1]] = unary_op(op, x[pos[0]]);
    }
}

__kernel void binary_flat(int op, int n, __global const float* a, int ao, __global const float* b, int bo,
                          __global float* out, int oo) {
    int i = get_global_id(0);
    if (i < n) {
        out[oo + i] = binary_op(op, a[ao + i], b[bo + i]);
    }
}

__kernel void binary_strided(int op, int n, Layout layout, __global const float* a, __global const float* b,
                             __global float* out) {
    int i = get_global_id(0);
    if (i < n) {
        int pos[3];
        positions(&layout, i, 3, pos);
        out[pos[2]] = binary_op(op, a[pos[0]], b[pos[1]]);
    }
}

__kernel void copy_strided(int n, Layout layout, __global const float* x, __global float* out) {
    int i = get_global_id(0);
    if (i < n) {
        int pos[2];
        positions(&layout, i, 2, pos);
        out[pos[1]] = x[pos[0]];
    }
}

__kernel void fill_strided(int n, Layout layout, float value, __global float* out) {
    int i = get_global_id(0);
    if (i < n) {
        int pos[1];
        positions(&layout, i, 1, pos);
        out[pos[0]] = value;
    }
}

__kernel void clamp_strided(int n, Layout layout, float lo, float hi, __global const float* x, __global float* out) {
    int i = get_global_id(0);
    if (i < n) {
        int pos[2];
        positions(&layout, i, 2, pos);
        out[pos[1]] = min_nan(max_nan(x[pos[0]], lo), hi);
    }
}

__kernel void where_strided(int n, Layout layout, __global const float* mask, __global const float* a,
                            __global const float* b, __global float* out) {
    int i = get_global_id(0);
    if (i < n) {
        int pos[4];
        positions(&layout, i, 4, pos);
        out[pos[3]] = mask[pos[0]] != 0.0f ? a[pos[1]] : b[pos[2]];
    }
}
