package deepq4j.opencl;

import static deepq4j.tensor.KernelPreconditions.requireContiguous;
import static deepq4j.tensor.KernelPreconditions.requireOptimizerState;
import static org.jocl.CL.CL_CONTEXT_PLATFORM;
import static org.jocl.CL.CL_FALSE;
import static org.jocl.CL.CL_DEVICE_SINGLE_FP_CONFIG;
import static org.jocl.CL.CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT;
import static org.jocl.CL.CL_PROGRAM_BUILD_LOG;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clBuildProgram;
import static org.jocl.CL.clCreateCommandQueue;
import static org.jocl.CL.clCreateContext;
import static org.jocl.CL.clCreateKernel;
import static org.jocl.CL.clCreateProgramWithSource;
import static org.jocl.CL.clEnqueueCopyBuffer;
import static org.jocl.CL.clEnqueueFillBuffer;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clGetDeviceInfo;
import static org.jocl.CL.clGetProgramBuildInfo;

import deepq4j.tensor.Backend;
import deepq4j.tensor.BatchedMatrices;
import deepq4j.tensor.BinaryOp;
import deepq4j.tensor.ReduceOp;
import deepq4j.tensor.Shape;
import deepq4j.tensor.Storage;
import deepq4j.tensor.Tensor;
import deepq4j.tensor.UnaryOp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;

/**
 * The OpenCL backend: tensors live in one device's memory and every op is an OpenCL C kernel
 * (src/main/resources/deepq4j/opencl/*.cl) queued on one in-order queue.
 *
 * <p>Nothing crosses to the host between ops: kernels are queued without waiting, and the host
 * waits only when it reads values back ({@link #download}, and so {@code item()} and
 * {@code toArray()}). A training step therefore uploads its batch, runs every kernel on the
 * device, and reads back the few scalars it logs.
 *
 * <p>Every kernel adds in an order it fixes itself (no atomics), so a run is reproducible on one
 * device; the results differ from the CPU backend's in the last bits, as the sums are grouped
 * differently. The tests state the tolerances.
 */
public final class OpenClBackend implements Backend {
    private static final String[] SOURCES = {"common.cl", "elementwise.cl", "reduce.cl", "matmul.cl", "index.cl", "conv2d.cl",
        "optimizers.cl"};
    private static final int GROUP = 64;
    private static final int REDUCE_GROUP = 128;
    private static final int MATMUL_TILE = 64;
    private static final int MATMUL_THREADS = 16;
    private static final Map<Integer, OpenClBackend> OPEN = new HashMap<>();
    /** Past this many bytes of queued uploads, wait for them (and free their host copies). */
    private static final long MAX_BYTES_IN_FLIGHT = 64L << 20;

    private final OpenClDevice device;
    private final cl_context context;
    private final cl_command_queue queue;
    private final Map<String, cl_kernel> kernels = new HashMap<>();
    private final DeviceMemory memory;
    /** Set by gather and scatter-add when an index is out of range; read at the next download. */
    private final cl_mem errorFlag;
    /** Bound where a kernel takes an optional buffer that is absent (OpenCL wants some buffer). */
    private final cl_mem unused;
    private boolean indexKernelsQueued;
    /**
     * Host copies of uploads still in flight. An upload is queued without waiting (a blocking
     * write would drain the queue: every small constant such as the 1 in {@code x.add(1)} would
     * stall the device), from a direct buffer that must stay alive until the write has run. Any
     * blocking read finishes every earlier command of the in-order queue, so they go then.
     */
    private final List<ByteBuffer> uploadsInFlight = new ArrayList<>();
    private long bytesInFlight;

    /**
     * The backend of device {@code index} of {@link OpenClDevice#all()}: opened (context, queue,
     * compiled kernels) on first use, then shared.
     *
     * @throws OpenClUnavailableException when there is no OpenCL platform
     * @throws IllegalArgumentException when there is no device with that number
     */
    public static synchronized OpenClBackend open(int index) {
        OpenClBackend backend = OPEN.get(index);
        if (backend == null) {
            List<OpenClDevice> devices = OpenClDevice.all();
            if (index < 0 || index >= devices.size()) {
                throw new IllegalArgumentException("no OpenCL device opencl:" + index + "; this machine has " + devices.size() + ": "
                        + devices);
            }
            backend = new OpenClBackend(devices.get(index));
            OPEN.put(index, backend);
        }
        return backend;
    }

    @SuppressWarnings("deprecation") // clCreateCommandQueue: the OpenCL 1.2 call, which every driver still has
    private OpenClBackend(OpenClDevice device) {
        this.device = device;
        cl_context_properties properties = new cl_context_properties();
        properties.addProperty(CL_CONTEXT_PLATFORM, device.platform);
        this.context = clCreateContext(properties, 1, new cl_device_id[] {device.id}, null, null, null);
        this.queue = clCreateCommandQueue(context, device.id, 0, null);
        this.memory = new DeviceMemory(context, device.globalMemoryBytes());
        build();
        this.errorFlag = memory.allocate(this, Sizeof.cl_int);
        this.unused = memory.allocate(this, Sizeof.cl_float);
        clEnqueueFillBuffer(queue, errorFlag, Pointer.to(new int[] {0}), Sizeof.cl_int, 0, Sizeof.cl_int, 0, null, null);
    }

    private void build() {
        String[] sources = new String[SOURCES.length];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = resource(SOURCES[i]);
        }
        cl_program program = clCreateProgramWithSource(context, sources.length, sources, null, null);
        // Division and sqrt may be off by a few ulps in OpenCL unless this is asked for; the
        // optimizers divide by sqrt, and we want them to agree with the CPU where the device can.
        long[] fp = new long[1];
        clGetDeviceInfo(device.id, CL_DEVICE_SINGLE_FP_CONFIG, Sizeof.cl_ulong, Pointer.to(fp), null);
        String options = (fp[0] & CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT) != 0 ? "-cl-fp32-correctly-rounded-divide-sqrt" : "";
        try {
            clBuildProgram(program, 0, null, options, null, null);
        } catch (CLException e) {
            long[] size = new long[1];
            clGetProgramBuildInfo(program, device.id, CL_PROGRAM_BUILD_LOG, 0, null, size);
            byte[] log = new byte[(int) size[0]];
            clGetProgramBuildInfo(program, device.id, CL_PROGRAM_BUILD_LOG, log.length, Pointer.to(log), null);
            throw new IllegalStateException("the OpenCL kernels do not compile on " + device + ":\n"
                    + new String(log, StandardCharsets.UTF_8).trim(), e);
        }
        for (String name : new String[] {"unary_flat", "unary_strided", "binary_flat", "binary_strided", "copy_strided",
            "fill_strided", "clamp_strided", "where_strided", "reduce_rows", "reduce_columns", "argmax_columns", "matmul_tiled",
            "gather", "scatter_add", "conv2d_forward", "conv2d_backward_input", "conv2d_backward_weight", "adam_update",
            "rmsprop_update", "sgd_update"}) {
            kernels.put(name, clCreateKernel(program, name, null));
        }
    }

    private static String resource(String name) {
        try (InputStream in = OpenClBackend.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("kernel source " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The device this backend runs on. */
    public OpenClDevice device() {
        return device;
    }

    /** Waits until every queued kernel has finished (for timing). */
    public synchronized void finish() {
        clFinish(queue);
        uploadsDone();
    }

    /** Bytes of device memory held by live tensors. */
    public long memoryInUse() {
        return memory.inUse();
    }

    @Override
    public String name() {
        return "opencl:" + device.index();
    }

    private KernelCall call(String kernel) {
        return new KernelCall(queue, kernels.get(kernel));
    }

    /** The buffer behind an OpenCL tensor of this backend. */
    private cl_mem mem(Tensor t) {
        Storage s = t.storage();
        if (!(s instanceof OpenClStorage) || s.backend() != this) {
            throw new IllegalArgumentException(name() + " cannot read a tensor stored on " + s.backend().name());
        }
        return ((OpenClStorage) s).buffer;
    }


    private static boolean flat(Tensor out, Tensor... operands) {
        if (!out.isContiguous()) {
            return false;
        }
        for (Tensor t : operands) {
            if (!t.isContiguous() || !Arrays.equals(t.shape(), out.shape())) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- memory and copies

    @Override
    public synchronized Storage allocate(int length) {
        OpenClStorage s = new OpenClStorage(this, memory, length);
        clEnqueueFillBuffer(queue, s.buffer, Pointer.to(new float[] {0f}), Sizeof.cl_float, 0, 4L * Math.max(length, 1), 0, null, null);
        return s;
    }

    @Override
    public synchronized Storage allocateUninitialized(int length) {
        return new OpenClStorage(this, memory, length);
    }

    @Override
    public synchronized Storage upload(float[] data, int offset, int length) {
        OpenClStorage s = new OpenClStorage(this, memory, length);
        if (length > 0) {
            ByteBuffer staging = ByteBuffer.allocateDirect(4 * length).order(ByteOrder.nativeOrder());
            staging.asFloatBuffer().put(data, offset, length);
            clEnqueueWriteBuffer(queue, s.buffer, CL_FALSE, 0, 4L * length, Pointer.to(staging), 0, null, null);
            uploadsInFlight.add(staging);
            bytesInFlight += 4L * length;
            if (bytesInFlight > MAX_BYTES_IN_FLIGHT) {
                finish();
            }
        }
        return s;
    }

    /** Called after anything that waited for the whole queue: the uploads queued before it are done. */
    private void uploadsDone() {
        uploadsInFlight.clear();
        bytesInFlight = 0;
    }

    @Override
    public synchronized void download(Tensor src, float[] dst, int dstOffset) {
        int n = src.numel();
        if (n > 0) {
            Tensor c = src.isContiguous() ? src : src.contiguous();
            clEnqueueReadBuffer(queue, mem(c), CL_TRUE, 4L * c.offset(), 4L * n, Pointer.to(dst).withByteOffset(4L * dstOffset),
                    0, null, null);
            uploadsDone();
        }
        checkIndexErrors();
    }

    /** Throws if a gather or scatter-add queued since the last check met an index out of range. */
    private void checkIndexErrors() {
        if (!indexKernelsQueued) {
            return;
        }
        int[] flag = new int[1];
        clEnqueueReadBuffer(queue, errorFlag, CL_TRUE, 0, Sizeof.cl_int, Pointer.to(flag), 0, null, null);
        uploadsDone();
        indexKernelsQueued = false;
        if (flag[0] != 0) {
            clEnqueueFillBuffer(queue, errorFlag, Pointer.to(new int[] {0}), Sizeof.cl_int, 0, Sizeof.cl_int, 0, null, null);
            throw new IllegalArgumentException("gather or scatterAdd on " + name() + ": an index was out of range or not a whole "
                    + "number (reported at the first read from the device after it)");
        }
    }

    @Override
    public synchronized void copy(Tensor src, Tensor dst) {
        int n = dst.numel();
        if (n == 0) {
            return;
        }
        if (flat(dst, src)) {
            clEnqueueCopyBuffer(queue, mem(src), mem(dst), 4L * src.offset(), 4L * dst.offset(), 4L * n, 0, null, null);
            return;
        }
        call("copy_strided").i(n).layout(Layout.of(dst.shape(), new int[][] {src.strides(), dst.strides()},
                new int[] {src.offset(), dst.offset()})).mem(mem(src)).mem(mem(dst)).run(n, GROUP);
    }

    @Override
    public synchronized void fill(Tensor dst, float value) {
        int n = dst.numel();
        if (n == 0) {
            return;
        }
        if (dst.isContiguous()) {
            clEnqueueFillBuffer(queue, mem(dst), Pointer.to(new float[] {value}), Sizeof.cl_float, 4L * dst.offset(), 4L * n,
                    0, null, null);
            return;
        }
        call("fill_strided").i(n).layout(Layout.of(dst.shape(), new int[][] {dst.strides()}, new int[] {dst.offset()}))
                .f(value).mem(mem(dst)).run(n, GROUP);
    }

    // ---------------------------------------------------------------- elementwise

    @Override
    public synchronized void unary(UnaryOp op, Tensor x, Tensor out) {
        int n = out.numel();
        if (n == 0) {
            return;
        }
        if (flat(out, x)) {
            call("unary_flat").i(op.ordinal()).i(n).mem(mem(x)).i(x.offset()).mem(mem(out)).i(out.offset()).run(n, GROUP);
        } else {
            call("unary_strided").i(op.ordinal()).i(n).layout(Layout.of(out.shape(), new int[][] {x.strides(), out.strides()},
                    new int[] {x.offset(), out.offset()})).mem(mem(x)).mem(mem(out)).run(n, GROUP);
        }
    }

    @Override
    public synchronized void binary(BinaryOp op, Tensor a, Tensor b, Tensor out) {
        int n = out.numel();
        if (n == 0) {
            return;
        }
        if (flat(out, a, b)) {
            call("binary_flat").i(op.ordinal()).i(n).mem(mem(a)).i(a.offset()).mem(mem(b)).i(b.offset()).mem(mem(out))
                    .i(out.offset()).run(n, GROUP);
        } else {
            call("binary_strided").i(op.ordinal()).i(n).layout(Layout.of(out.shape(),
                    new int[][] {a.strides(), b.strides(), out.strides()}, new int[] {a.offset(), b.offset(), out.offset()}))
                    .mem(mem(a)).mem(mem(b)).mem(mem(out)).run(n, GROUP);
        }
    }

    @Override
    public synchronized void clamp(Tensor x, float min, float max, Tensor out) {
        int n = out.numel();
        if (n == 0) {
            return;
        }
        call("clamp_strided").i(n).layout(Layout.of(out.shape(), new int[][] {x.strides(), out.strides()},
                new int[] {x.offset(), out.offset()})).f(min).f(max).mem(mem(x)).mem(mem(out)).run(n, GROUP);
    }

    @Override
    public synchronized void where(Tensor mask, Tensor a, Tensor b, Tensor out) {
        int n = out.numel();
        if (n == 0) {
            return;
        }
        call("where_strided").i(n).layout(Layout.of(out.shape(),
                new int[][] {mask.strides(), a.strides(), b.strides(), out.strides()},
                new int[] {mask.offset(), a.offset(), b.offset(), out.offset()}))
                .mem(mem(mask)).mem(mem(a)).mem(mem(b)).mem(mem(out)).run(n, GROUP);
    }

    // ---------------------------------------------------------------- reductions

    @Override
    public synchronized void reduce(ReduceOp op, Tensor x, int axis, Tensor out) {
        requireContiguous(op.opName(), out);
        Tensor xc = x.contiguous();
        int[] s = xc.shape();
        int outer = outer(s, axis);
        int n = s[axis];
        int inner = inner(s, axis);
        if (outer * inner == 0) {
            return;
        }
        if (n == 0) {
            throw new IllegalArgumentException(op.opName() + ": cannot reduce an axis of size 0");
        }
        if (inner == 1) {
            call("reduce_rows").i(op.ordinal()).i(n).mem(mem(xc)).i(xc.offset()).mem(mem(out)).i(out.offset())
                    .run((long) outer * REDUCE_GROUP, REDUCE_GROUP);
        } else {
            call("reduce_columns").i(op.ordinal()).i(outer).i(n).i(inner).mem(mem(xc)).i(xc.offset()).mem(mem(out))
                    .i(out.offset()).run((long) outer * inner, GROUP);
        }
    }

    @Override
    public synchronized void argmax(Tensor x, int axis, Tensor out) {
        requireContiguous("argmax", out);
        Tensor xc = x.contiguous();
        int[] s = xc.shape();
        int outer = outer(s, axis);
        int inner = inner(s, axis);
        if (outer * inner == 0) {
            return;
        }
        call("argmax_columns").i(outer).i(s[axis]).i(inner).mem(mem(xc)).i(xc.offset()).mem(mem(out)).i(out.offset())
                .run((long) outer * inner, GROUP);
    }

    private static int outer(int[] shape, int axis) {
        return Shape.size(Arrays.copyOfRange(shape, 0, axis));
    }

    private static int inner(int[] shape, int axis) {
        return Shape.size(Arrays.copyOfRange(shape, axis + 1, shape.length));
    }

    // ---------------------------------------------------------------- products

    @Override
    public synchronized void matmul(Tensor a, Tensor b, Tensor out, boolean accumulate) {
        requireContiguous("matmul", out);
        int rank = out.dim();
        int m = out.size(rank - 2);
        int n = out.size(rank - 1);
        int k = a.size(rank - 1);
        int[] as = a.strides();
        int[] bs = b.strides();
        BatchedMatrices.forEach(a, b, out, (ao, bo, co) -> gemm(m, n, k, mem(a), ao, as[rank - 2], as[rank - 1], mem(b), bo,
                bs[rank - 2], bs[rank - 1], mem(out), co, accumulate, null, 0));
    }

    @Override
    public synchronized void addmm(Tensor bias, Tensor a, Tensor b, Tensor out) {
        requireContiguous("addmm", out);
        Tensor bc = bias.contiguous();
        int[] as = a.strides();
        int[] bs = b.strides();
        gemm(a.size(0), b.size(1), a.size(1), mem(a), a.offset(), as[0], as[1], mem(b), b.offset(), bs[0], bs[1],
                mem(out), out.offset(), false, mem(bc), bc.offset());
    }

    private void gemm(int m, int n, int k, cl_mem a, int ao, int aRow, int aCol, cl_mem b, int bo, int bRow, int bCol,
                      cl_mem c, int co, boolean accumulate, cl_mem bias, int biasOffset) {
        if (m == 0 || n == 0) {
            return;
        }
        long groupsX = (n + MATMUL_TILE - 1) / MATMUL_TILE;
        long groupsY = (m + MATMUL_TILE - 1) / MATMUL_TILE;
        call("matmul_tiled").i(m).i(n).i(k).mem(a).i(ao).i(aRow).i(aCol).mem(b).i(bo).i(bRow).i(bCol).mem(c).i(co).i(n)
                .i(accumulate).mem(bias == null ? unused : bias).i(biasOffset).i(bias != null)
                .run2d(groupsX * MATMUL_THREADS, groupsY * MATMUL_THREADS, MATMUL_THREADS, MATMUL_THREADS);
    }

    // ---------------------------------------------------------------- indexing

    @Override
    public synchronized void gather(Tensor x, int dim, Tensor index, Tensor out) {
        int n = index.numel();
        if (n == 0) {
            return;
        }
        int[] xStrides = x.strides();
        int step = xStrides[dim];
        xStrides[dim] = 0; // x follows the index's other coordinates; the index value moves it along dim
        call("gather").i(n).layout(Layout.of(index.shape(), new int[][] {index.strides(), xStrides, out.strides()},
                new int[] {index.offset(), x.offset(), out.offset()})).i(step).i(x.shape()[dim])
                .mem(mem(index)).mem(mem(x)).mem(mem(out)).mem(errorFlag).run(n, GROUP);
        indexKernelsQueued = true;
    }

    @Override
    public synchronized void scatterAdd(Tensor target, int dim, Tensor index, Tensor src) {
        int[] lineShape = index.shape();
        int length = lineShape[dim];
        lineShape[dim] = 1;
        int lines = Shape.size(lineShape);
        if (lines == 0 || length == 0) {
            return;
        }
        int[] tStrides = target.strides();
        int step = tStrides[dim];
        tStrides[dim] = 0;
        call("scatter_add").i(lines).layout(Layout.of(lineShape, new int[][] {index.strides(), tStrides, src.strides()},
                new int[] {index.offset(), target.offset(), src.offset()})).i(length).i(index.strides()[dim]).i(src.strides()[dim])
                .i(step).i(target.shape()[dim]).mem(mem(index)).mem(mem(target)).mem(mem(src)).mem(errorFlag).run(lines, GROUP);
        indexKernelsQueued = true;
    }

    // ---------------------------------------------------------------- convolution

    /** The sizes every conv kernel takes first, in its parameter order. */
    private KernelCall conv(String kernel, int[] input, int[] weight, int[] output, int stride, int padding) {
        return call(kernel).i(input[0]).i(input[1]).i(input[2]).i(input[3]).i(weight[0]).i(weight[2]).i(weight[3])
                .i(stride).i(padding).i(output[2]).i(output[3]);
    }

    @Override
    public synchronized void conv2d(Tensor input, Tensor weight, Tensor bias, int stride, int padding, Tensor out) {
        requireContiguous("conv2d", out);
        Tensor x = input.contiguous();
        Tensor w = weight.contiguous();
        Tensor b = bias == null ? null : bias.contiguous();
        conv("conv2d_forward", x.shape(), w.shape(), out.shape(), stride, padding)
                .mem(mem(x)).i(x.offset()).mem(mem(w)).i(w.offset()).mem(b == null ? unused : mem(b)).i(b == null ? 0 : b.offset())
                .i(b != null).mem(mem(out)).i(out.offset()).run(out.numel(), GROUP);
    }

    @Override
    public synchronized void conv2dBackwardInput(Tensor gradOut, Tensor weight, int stride, int padding, Tensor gradInput) {
        requireContiguous("conv2dBackwardInput", gradInput);
        Tensor go = gradOut.contiguous();
        Tensor w = weight.contiguous();
        conv("conv2d_backward_input", gradInput.shape(), w.shape(), go.shape(), stride, padding)
                .mem(mem(go)).i(go.offset()).mem(mem(w)).i(w.offset()).mem(mem(gradInput)).i(gradInput.offset())
                .run(gradInput.numel(), GROUP);
    }

    @Override
    public synchronized void conv2dBackwardWeight(Tensor gradOut, Tensor input, int stride, int padding, Tensor gradWeight) {
        requireContiguous("conv2dBackwardWeight", gradWeight);
        Tensor go = gradOut.contiguous();
        Tensor x = input.contiguous();
        conv("conv2d_backward_weight", x.shape(), gradWeight.shape(), go.shape(), stride, padding)
                .mem(mem(go)).i(go.offset()).mem(mem(x)).i(x.offset()).mem(mem(gradWeight)).i(gradWeight.offset())
                .run(gradWeight.numel(), GROUP);
    }

    // ---------------------------------------------------------------- optimizers


    private cl_mem memOrUnused(Tensor t) {
        return t == null ? unused : mem(t);
    }

    private static int at(Tensor t) {
        return t == null ? 0 : t.offset();
    }

    @Override
    public synchronized void adamUpdate(Tensor param, Tensor grad, Tensor expAvg, Tensor expAvgSq, Tensor maxExpAvgSq, double lr,
                                        double beta1, double beta2, double eps, double weightDecay, boolean decoupledWeightDecay,
                                        long step) {
        requireOptimizerState("adam", param, grad, expAvg, expAvgSq, maxExpAvgSq);
        // The step-dependent scalars in double, then rounded once, as the CPU kernel does.
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2 = 1 - Math.pow(beta2, step);
        int n = param.numel();
        call("adam_update").i(n).mem(mem(param)).i(param.offset()).mem(mem(grad)).i(grad.offset())
                .mem(mem(expAvg)).i(expAvg.offset()).mem(mem(expAvgSq)).i(expAvgSq.offset())
                .mem(memOrUnused(maxExpAvgSq)).i(at(maxExpAvgSq)).i(maxExpAvgSq != null)
                .f((float) (lr / biasCorrection1)).f((float) Math.sqrt(biasCorrection2)).f((float) (1 - beta1)).f((float) beta2)
                .f((float) (1 - beta2)).f((float) eps).f((float) (1 - lr * weightDecay)).f((float) weightDecay)
                .i(weightDecay != 0).i(decoupledWeightDecay).run(n, GROUP);
    }

    @Override
    public synchronized void rmspropUpdate(Tensor param, Tensor grad, Tensor squareAvg, Tensor gradAvg, Tensor momentumBuffer,
                                           double lr, double alpha, double eps, double weightDecay, double momentum) {
        requireOptimizerState("rmsprop", param, grad, squareAvg, gradAvg, momentumBuffer);
        int n = param.numel();
        call("rmsprop_update").i(n).mem(mem(param)).i(param.offset()).mem(mem(grad)).i(grad.offset())
                .mem(mem(squareAvg)).i(squareAvg.offset()).mem(memOrUnused(gradAvg)).i(at(gradAvg)).i(gradAvg != null)
                .mem(memOrUnused(momentumBuffer)).i(at(momentumBuffer)).i(momentumBuffer != null)
                .f((float) alpha).f((float) (1 - alpha)).f((float) eps).f((float) lr).f((float) weightDecay).i(weightDecay != 0)
                .f((float) momentum).run(n, GROUP);
    }

    @Override
    public synchronized void sgdUpdate(Tensor param, Tensor grad, Tensor momentumBuffer, double lr, double momentum,
                                       double dampening, double weightDecay, boolean nesterov, boolean firstStep) {
        requireOptimizerState("sgd", param, grad, momentumBuffer);
        int n = param.numel();
        call("sgd_update").i(n).mem(mem(param)).i(param.offset()).mem(mem(grad)).i(grad.offset())
                .mem(memOrUnused(momentumBuffer)).i(at(momentumBuffer)).i(momentumBuffer != null).i(firstStep).i(nesterov)
                .f((float) lr).f((float) momentum).f((float) (1 - dampening)).f((float) weightDecay).i(weightDecay != 0)
                .run(n, GROUP);
    }
}
