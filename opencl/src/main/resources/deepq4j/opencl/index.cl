// gather and scatter-add along one dimension. Index values are floats holding whole numbers.
// A kernel cannot throw, so an index out of range sets error[0] (and writes NaN for gather); the
// backend reads the flag at its next read from the device and throws there, the way CUDA reports
// device-side assertions at the next synchronisation.

// One work item per index element. Layout operands: 0 index, 1 x (its stride along dim set to 0,
// so its position follows the index's other coordinates), 2 out.
__kernel void gather(int n, Layout layout, int step, int size, __global const float* index,
                     __global const float* x, __global float* out, __global int* error) {
    int id = get_global_id(0);
    if (id >= n) {
        return;
    }
    int pos[3];
    positions(&layout, id, 3, pos);
    float v = index[pos[0]];
    int i = (int) v;
    if ((float) i != v || i < 0 || i >= size) {
        error[0] = 1;
        out[pos[2]] = NAN;
        return;
    }
    out[pos[2]] = x[pos[1] + step * i];
}

// One work item per line of the index along dim (the layout's shape has size 1 there), walking
// the line in order. Two lines never reach the same target element, since they differ in a
// coordinate other than dim; so there are no races and no atomics, and the additions into each
// target element happen in the CPU backend's order. Operands: 0 index, 1 target, 2 src.
__kernel void scatter_add(int lines, Layout layout, int length, int indexStep, int srcStep, int step, int size,
                          __global const float* index, __global float* target, __global const float* src,
                          __global int* error) {
    int id = get_global_id(0);
    if (id >= lines) {
        return;
    }
    int pos[3];
    positions(&layout, id, 3, pos);
    for (int j = 0; j < length; j++) {
        float v = index[pos[0] + j * indexStep];
        int i = (int) v;
        if ((float) i != v || i < 0 || i >= size) {
            error[0] = 1;
            continue;
        }
        target[pos[1] + step * i] += src[pos[2] + j * srcStep];
    }
}
