package deepq4j.tensor;

import java.util.Arrays;

/**
 * The matrices of a batched product {@code out = a @ b} ([..., M, K] @ [..., K, N] into a
 * contiguous [..., M, N], batch dimensions equal): where each pair of operand matrices and its
 * output matrix start. Every backend's matmul walks its batch this way.
 */
public final class BatchedMatrices {
    private BatchedMatrices() {
    }

    /** Receives one product of the batch: the offsets of its A, its B and its output. */
    public interface Product {
        void at(int aOffset, int bOffset, int outOffset);
    }

    /** Calls {@code product} for each matrix of the batch, in row-major order of the batch dimensions. */
    public static void forEach(Tensor a, Tensor b, Tensor out, Product product) {
        int rank = out.dim();
        int[] shape = out.shape();
        int matrix = shape[rank - 2] * shape[rank - 1];
        int[] as = a.strides();
        int[] bs = b.strides();
        int batch = Shape.size(Arrays.copyOf(shape, rank - 2));
        int[] counter = new int[rank - 2];
        for (int i = 0; i < batch; i++) {
            int ao = a.offset();
            int bo = b.offset();
            for (int d = 0; d < rank - 2; d++) {
                ao += counter[d] * as[d];
                bo += counter[d] * bs[d];
            }
            product.at(ao, bo, out.offset() + i * matrix);
            for (int d = rank - 3; d >= 0 && ++counter[d] == shape[d]; d--) {
                counter[d] = 0;
            }
        }
    }
}
