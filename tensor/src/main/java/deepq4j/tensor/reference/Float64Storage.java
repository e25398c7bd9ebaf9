package deepq4j.tensor.reference;

import deepq4j.tensor.Backend;
import deepq4j.tensor.Storage;

/** Storage of the float64 reference backend: a plain double array. */
public final class Float64Storage extends Storage {
    private final double[] data;

    Float64Storage(double[] data) {
        this.data = data;
    }

    /** The array itself, for the reference kernels. */
    double[] data() {
        return data;
    }

    @Override
    public int length() {
        return data.length;
    }

    @Override
    public Backend backend() {
        return Float64Backend.INSTANCE;
    }
}
