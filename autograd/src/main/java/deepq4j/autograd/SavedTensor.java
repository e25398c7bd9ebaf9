package deepq4j.autograd;

import deepq4j.tensor.Tensor;
import java.util.Arrays;

/**
 * A tensor an op keeps for its backward pass, with the version its storage had then (PyTorch's
 * SavedVariable). Reading it after an in-place change would give a wrong gradient, so
 * {@link #get()} throws instead.
 */
final class SavedTensor {
    private final String op;
    private final Tensor tensor;
    private final int version;

    SavedTensor(String op, Tensor tensor) {
        this.op = op;
        this.tensor = tensor;
        this.version = tensor.version();
    }

    /** The tensor, provided it has not been changed in place since it was saved. */
    Tensor get() {
        if (tensor.version() != version) {
            throw new IllegalStateException("backward of " + op + ": a tensor of shape " + Arrays.toString(tensor.shape())
                    + " that it needs was modified by an in-place operation after the forward pass (version "
                    + tensor.version() + ", saved at version " + version + "). Compute the gradient before changing it, "
                    + "or use the out-of-place form of the operation.");
        }
        return tensor;
    }
}
