package deepq4j.tensor.cpu;

import deepq4j.tensor.Backend;
import deepq4j.tensor.Storage;

/** Storage in the Java heap: a plain float array. */
public final class CpuStorage extends Storage {
    private final float[] data;
    /** A packed matmul panel of this storage's contents, kept while they are unchanged (see {@link PackedPanelCache}). */
    volatile PackedPanelCache.Entry packedPanel;

    CpuStorage(float[] data) {
        this.data = data;
    }

    /** The array itself, for the CPU kernels. */
    public float[] data() {
        return data;
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
