// Shared by every deepq4j OpenCL kernel.
//
// Contraction of a * b + c into one fused multiply-add is allowed by default in OpenCL C; it
// changes the rounding, so the elementwise kernels would no longer agree bit for bit with the CPU
// backend. The products that want fma (matmul, conv) call fma() explicitly.
#pragma OPENCL FP_CONTRACT OFF

#define MAX_RANK 8
#define MAX_OPERANDS 4

// A strided loop over one shape for up to four operands: operand k's element at coordinate c
// sits at offsets[k] + sum_d c[d] * strides[k][d]. A stride of 0 repeats an element (broadcast).
// Passed by value: the host writes the same 45 ints (see Layout.java).
typedef struct {
    int rank;
    int shape[MAX_RANK];
    int strides[MAX_OPERANDS][MAX_RANK];
    int offsets[MAX_OPERANDS];
} Layout;

// Where the id-th element (row-major over the layout's shape) of each of the first n operands is.
inline void positions(const Layout* layout, int id, int n, int* pos) {
    for (int k = 0; k < n; k++) {
        pos[k] = layout->offsets[k];
    }
    for (int d = layout->rank - 1; d >= 0; d--) {
        int size = layout->shape[d];
        int c = id % size;
        id /= size;
        for (int k = 0; k < n; k++) {
            pos[k] += c * layout->strides[k][d];
        }
    }
}

// Java's Math.max and Math.min, which the CPU backend uses: NaN wins (OpenCL's fmax returns the
// other operand), and +0 counts as larger than -0 (fmax may return either).
inline float max_nan(float a, float b) {
    if (isnan(a) || isnan(b)) {
        return NAN;
    }
    if (a == b) {
        return signbit(a) ? b : a;
    }
    return a > b ? a : b;
}

inline float min_nan(float a, float b) {
    if (isnan(a) || isnan(b)) {
        return NAN;
    }
    if (a == b) {
        return signbit(a) ? a : b;
    }
    return a < b ? a : b;
}
