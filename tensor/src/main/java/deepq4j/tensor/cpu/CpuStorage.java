package deepq4j.tensor.cpu;

import deepq4j.tensor.Backend;
import deepq4j.tensor.Storage;

/** Storage in the Java heap: a plain float array. */
public final class CpuStorage extends Storage {
    private final float[] data;
    /** Set when the arena that allocated this storage closed and gave the array to another tensor. */
    private boolean released;
    /** A packed matmul panel of this storage's contents, kept while they are unchanged (see {@link PackedPanelCache}). */
    volatile PackedPanelCache.Entry packedPanel;

    CpuStorage(float[] data) {
        this.data = data;
    }

    /** The array itself, for the CPU kernels. */
    public float[] data() {
        if (released) {
            throw new IllegalStateException("a tensor of " + data.length + " floats was used after the TensorArena it was made in "
                    + "closed (its memory now belongs to another tensor): copy what must outlive the arena before closing it, "
                    + "or make it with TensorArena.outside");
        }
        return data;
    }

    @Override
    protected void release() {
        if (!released) {
            released = true;
            packedPanel = null;
            RecycledArrays.get().give(data);
        }
    }

    @Override
    public int length() {
        return data.length;
    }

    @Override
    public Backend backend() {
        return CpuBackend.INSTANCE;
    }
}
