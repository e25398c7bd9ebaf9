package deepq4j.opencl;

import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clSetKernelArg;

import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * Sets a kernel's arguments in order and queues it: {@code call.i(n).mem(x).f(lr).run(n)}.
 * The argument order is the kernel's parameter order in the .cl file.
 */
final class KernelCall {
    private final cl_command_queue queue;
    private final cl_kernel kernel;
    private int next;

    KernelCall(cl_command_queue queue, cl_kernel kernel) {
        this.queue = queue;
        this.kernel = kernel;
    }

    KernelCall i(int value) {
        clSetKernelArg(kernel, next++, Sizeof.cl_int, Pointer.to(new int[] {value}));
        return this;
    }

    KernelCall i(boolean value) {
        return i(value ? 1 : 0);
    }

    KernelCall f(float value) {
        clSetKernelArg(kernel, next++, Sizeof.cl_float, Pointer.to(new float[] {value}));
        return this;
    }

    KernelCall mem(cl_mem buffer) {
        clSetKernelArg(kernel, next++, Sizeof.cl_mem, Pointer.to(buffer));
        return this;
    }

    /** A Layout struct passed by value (see {@link Layout}). */
    KernelCall layout(int[] ints) {
        clSetKernelArg(kernel, next++, (long) Sizeof.cl_int * ints.length, Pointer.to(ints));
        return this;
    }

    /** Queues {@code items} work items (rounded up to whole groups of {@code group}; the kernel skips the extra ones). */
    void run(long items, int group) {
        long global = Math.max(1, (items + group - 1) / group) * group;
        clEnqueueNDRangeKernel(queue, kernel, 1, null, new long[] {global}, new long[] {group}, 0, null, null);
    }

    /** Queues a 2-D range of {@code global} work items in groups of {@code local}. */
    void run2d(long globalX, long globalY, int localX, int localY) {
        clEnqueueNDRangeKernel(queue, kernel, 2, null, new long[] {globalX, globalY}, new long[] {localX, localY}, 0, null, null);
    }
}
