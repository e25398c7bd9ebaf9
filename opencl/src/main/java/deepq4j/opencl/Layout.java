package deepq4j.opencl;

import java.util.Arrays;

/**
 * The host side of the kernels' {@code Layout} struct (common.cl): one shape walked by up to four
 * strided operands, written as the 45 ints the struct holds.
 *
 * <p>Before writing it, dimensions of size 1 are dropped and neighbouring dimensions that every
 * operand walks as one (stride[d] == stride[d + 1] * shape[d + 1]) are merged, so a contiguous
 * or plainly broadcast operand costs the kernel one or two divisions per element, not one per
 * dimension.
 */
final class Layout {
    static final int MAX_RANK = 8;
    static final int MAX_OPERANDS = 4;
    static final int INTS = 1 + MAX_RANK + MAX_OPERANDS * MAX_RANK + MAX_OPERANDS;

    private Layout() {
    }

    /** The struct's ints for {@code shape} walked by operands with these strides and offsets. */
    static int[] of(int[] shape, int[][] strides, int[] offsets) {
        int operands = strides.length;
        // Drop size-1 dimensions, then merge from the innermost outwards.
        int[] dims = new int[shape.length];
        int rank = 0;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] != 1) {
                dims[rank++] = d;
            }
        }
        int[] mergedShape = new int[rank];
        int[][] mergedStrides = new int[operands][rank];
        int r = 0;
        for (int i = 0; i < rank; i++) {
            int d = dims[i];
            boolean merge = r > 0;
            for (int k = 0; k < operands && merge; k++) {
                merge = mergedStrides[k][r - 1] == strides[k][d] * shape[d];
            }
            if (merge) {
                mergedShape[r - 1] *= shape[d];
                for (int k = 0; k < operands; k++) {
                    mergedStrides[k][r - 1] = strides[k][d];
                }
            } else {
                mergedShape[r] = shape[d];
                for (int k = 0; k < operands; k++) {
                    mergedStrides[k][r] = strides[k][d];
                }
                r++;
            }
        }
        if (r > MAX_RANK) {
            throw new IllegalArgumentException("the OpenCL backend walks at most " + MAX_RANK + " dimensions that cannot be merged, got shape "
                    + Arrays.toString(shape));
        }
        int[] out = new int[INTS];
        out[0] = r;
        System.arraycopy(mergedShape, 0, out, 1, r);
        for (int k = 0; k < operands; k++) {
            System.arraycopy(mergedStrides[k], 0, out, 1 + MAX_RANK + k * MAX_RANK, r);
            out[1 + MAX_RANK + MAX_OPERANDS * MAX_RANK + k] = offsets[k];
        }
        return out;
    }
}
