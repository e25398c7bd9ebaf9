package deepq4j.tensor;

import java.util.Arrays;

/** The checks every {@link Backend} makes of the tensors its kernels write, with the messages they throw. */
public final class KernelPreconditions {
    private KernelPreconditions() {
    }

    /** Kernels write their outputs as flat row-major arrays. */
    public static void requireContiguous(String op, Tensor out) {
        if (!out.isContiguous()) {
            throw new IllegalArgumentException(op + ": the output tensor must be contiguous, got strides "
                    + Arrays.toString(out.strides()) + " for shape " + Shape.str(out.shape()));
        }
    }

    /** The fused optimizer updates walk the parameter and each state tensor (those not null) as one flat array. */
    public static void requireOptimizerState(String op, Tensor param, Tensor... state) {
        for (Tensor t : state) {
            if (t != null && (!t.isContiguous() || !Arrays.equals(t.shape(), param.shape()))) {
                throw new IllegalArgumentException(op + ": optimizer tensors must be contiguous and of the parameter's shape "
                        + Shape.str(param.shape()) + ", got " + Shape.str(t.shape()));
            }
        }
        if (!param.isContiguous()) {
            throw new IllegalArgumentException(op + ": the parameter must be contiguous");
        }
    }
}
