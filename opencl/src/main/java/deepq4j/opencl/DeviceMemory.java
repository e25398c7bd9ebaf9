package deepq4j.opencl;

import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clReleaseMemObject;

import java.lang.ref.Cleaner;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.jocl.cl_context;
import org.jocl.cl_mem;

/**
 * Device buffers for one context, reused the way PyTorch's caching allocator reuses them.
 *
 * <p>A storage's buffer goes back to a free list (keyed by its size in bytes) when the Java
 * garbage collector finds the storage unreachable; a later allocation of the same size takes it
 * from there instead of asking the driver. Training allocates the same shapes every step, so after
 * the first steps nearly every allocation is a reuse. Reuse is safe because every kernel runs on
 * one in-order queue: a kernel that writes into a reused buffer is queued after every kernel that
 * read its earlier contents.
 *
 * <p>The garbage collector knows nothing of device memory, so when the buffers in use pass a soft
 * limit (twice what was in use after the last collection, at least 256 MiB) we ask for a
 * collection ourselves.
 */
final class DeviceMemory {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final long MIN_SOFT_LIMIT = 256L << 20;

    private final cl_context context;
    private final long capacity;
    private final Map<Long, ArrayDeque<cl_mem>> free = new HashMap<>();
    private long inUse;
    private long pooled;
    private long softLimit = MIN_SOFT_LIMIT;

    DeviceMemory(cl_context context, long deviceBytes) {
        this.context = context;
        this.capacity = deviceBytes / 4 * 3;
    }

    /** A buffer of {@code bytes} (contents undefined) that returns to the pool once {@code owner} is unreachable. */
    cl_mem allocate(Object owner, long bytes) {
        cl_mem mem;
        synchronized (this) {
            if (inUse + bytes > softLimit) {
                collect(bytes);
            }
            ArrayDeque<cl_mem> list = free.get(bytes);
            if (list != null && !list.isEmpty()) {
                mem = list.poll();
                pooled -= bytes;
            } else {
                if (inUse + pooled + bytes > capacity) {
                    releasePooled();
                }
                if (inUse + bytes > capacity) {
                    throw new IllegalStateException("OpenCL device memory exhausted: " + (inUse >> 20) + " MiB in use, "
                            + (bytes >> 20) + " MiB more asked, " + (capacity >> 20) + " MiB usable");
                }
                mem = clCreateBuffer(context, CL_MEM_READ_WRITE, bytes, null, null);
            }
            inUse += bytes;
        }
        CLEANER.register(owner, new Return(this, mem, bytes));
        return mem;
    }

    /** Runs the garbage collector and waits (briefly) for the cleaner to hand back what it freed. */
    private void collect(long bytes) {
        System.gc();
        long deadline = System.nanoTime() + 200_000_000L;
        long before = inUse;
        try {
            while (inUse + bytes > softLimit && System.nanoTime() < deadline) {
                wait(5);
                if (inUse < before && inUse + bytes <= softLimit) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        softLimit = Math.max(MIN_SOFT_LIMIT, 2 * (inUse + bytes));
    }

    private void releasePooled() {
        for (ArrayDeque<cl_mem> list : free.values()) {
            for (cl_mem m : list) {
                clReleaseMemObject(m);
            }
        }
        free.clear();
        pooled = 0;
    }

    private synchronized void giveBack(cl_mem mem, long bytes) {
        inUse -= bytes;
        pooled += bytes;
        free.computeIfAbsent(bytes, b -> new ArrayDeque<>()).add(mem);
        notifyAll();
    }

    /** Bytes held by live storages. */
    synchronized long inUse() {
        return inUse;
    }

    /** The cleaning action: must not refer to the storage itself, or it would never become unreachable. */
    private static final class Return implements Runnable {
        private final DeviceMemory memory;
        private final cl_mem mem;
        private final long bytes;

        Return(DeviceMemory memory, cl_mem mem, long bytes) {
            this.memory = memory;
            this.mem = mem;
            this.bytes = bytes;
        }

        @Override
        public void run() {
            memory.giveBack(mem, bytes);
        }
    }
}
