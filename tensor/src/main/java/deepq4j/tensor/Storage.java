package deepq4j.tensor;

/**
 * The memory behind one or more tensors, owned by a {@link Backend}.
 *
 * <p>Views (reshape, transpose, slice) share one storage; only the backend that made it
 * reads its contents, so callers never touch a particular backend's raw arrays.
 *
 * <p>A storage counts the in-place changes made to it, like PyTorch's version counter: autograd
 * remembers the version of every tensor an op saves for its backward pass, and refuses to
 * compute a gradient from a tensor that was overwritten in the meantime.
 */
public abstract class Storage {
    private int version;

    /** Number of float32 elements. */
    public abstract int length();

    /** The backend whose kernels can read and write this storage. */
    public abstract Backend backend();

    /** How many in-place changes this storage has seen. */
    public final int version() {
        return version;
    }

    /**
     * Gives the memory back to the backend for reuse: called when the {@link TensorArena} that
     * allocated this storage closes. Afterwards the storage must not be read or written; a backend
     * that reuses its memory makes such access throw. The default keeps the memory.
     */
    protected void release() {
    }

    /** Records one in-place change. */
    final void bumpVersion() {
        version++;
    }
}
