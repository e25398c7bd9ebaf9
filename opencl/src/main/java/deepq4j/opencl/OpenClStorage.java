package deepq4j.opencl;

import deepq4j.tensor.Backend;
import deepq4j.tensor.Storage;
import org.jocl.cl_mem;

/** Storage in an OpenCL device's global memory: one buffer, which returns to the pool when this is collected. */
final class OpenClStorage extends Storage {
    private final OpenClBackend backend;
    private final int length;
    final cl_mem buffer;

    OpenClStorage(OpenClBackend backend, DeviceMemory memory, int length) {
        this.backend = backend;
        this.length = length;
        // OpenCL does not allow empty buffers; an empty tensor gets one unused float.
        this.buffer = memory.allocate(this, 4L * Math.max(length, 1));
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public Backend backend() {
        return backend;
    }
}
