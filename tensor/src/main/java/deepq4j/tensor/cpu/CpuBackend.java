package deepq4j.tensor.cpu;

import static deepq4j.tensor.KernelPreconditions.requireContiguous;
import static deepq4j.tensor.KernelPreconditions.requireOptimizerState;

import deepq4j.tensor.Backend;
import deepq4j.tensor.BatchedMatrices;
import deepq4j.tensor.BinaryOp;
import deepq4j.tensor.ReduceOp;
import deepq4j.tensor.Shape;
import deepq4j.tensor.Storage;
import deepq4j.tensor.Tensor;
import deepq4j.tensor.TensorArena;
import deepq4j.tensor.UnaryOp;
import java.util.Arrays;

/**
 * The CPU backend: float arrays in the Java heap, SIMD kernels through the Vector API where it is
 * present and scalar kernels where it is not, large products split across {@link Parallelism}.
 */
public final class CpuBackend implements Backend {
    /** The one CPU backend. */
    public static final CpuBackend INSTANCE = new CpuBackend();

    private CpuBackend() {
    }

    @Override
    public String name() {
        return "cpu";
    }

    /** The array behind a CPU tensor. */
    static float[] data(Tensor t) {
        Storage s = t.storage();
        if (!(s instanceof CpuStorage)) {
            throw new IllegalArgumentException("the cpu backend cannot read a tensor stored on " + s.backend().name());
        }
        return ((CpuStorage) s).data();
    }


    @Override
    public Storage allocate(int length) {
        return allocate(length, true);
    }

    @Override
    public Storage allocateUninitialized(int length) {
        return allocate(length, false);
    }

    /**
     * New storage, from an array a closed arena gave back when an arena is open (zeroed again
     * when the caller needs zeros), else from the heap, which zeroes it anyway.
     */
    private static Storage allocate(int length, boolean zeroed) {
        TensorArena arena = TensorArena.current();
        if (arena == null) {
            return new CpuStorage(new float[length]);
        }
        float[] a = RecycledArrays.get().take(length);
        if (a == null) {
            a = new float[length];
        } else if (zeroed) {
            Arrays.fill(a, 0f);
        }
        CpuStorage s = new CpuStorage(a);
        arena.adopt(s);
        return s;
    }

    @Override
    public Storage upload(float[] data, int offset, int length) {
        return new CpuStorage(Arrays.copyOfRange(data, offset, offset + length));
    }

    @Override
    public void download(Tensor src, float[] dst, int dstOffset) {
        float[] s = data(src);
        StridedLoop.forEach(src.shape(), new int[][] {src.strides(), Shape.contiguousStrides(src.shape())},
                new int[] {src.offset(), dstOffset}, (n, pos, stride) -> ElementwiseKernels.copy(s, dst, n, pos, stride));
    }

    @Override
    public void copy(Tensor src, Tensor dst) {
        float[] s = data(src);
        float[] d = data(dst);
        StridedLoop.forEach(dst.shape(), new int[][] {src.strides(), dst.strides()},
                new int[] {src.offset(), dst.offset()}, (n, pos, stride) -> ElementwiseKernels.copy(s, d, n, pos, stride));
    }

    @Override
    public void fill(Tensor dst, float value) {
        float[] d = data(dst);
        StridedLoop.forEach(dst.shape(), new int[][] {dst.strides()}, new int[] {dst.offset()},
                (n, pos, stride) -> ElementwiseKernels.fill(value, d, n, pos, stride));
    }

    @Override
    public void unary(UnaryOp op, Tensor x, Tensor out) {
        float[] xs = data(x);
        float[] os = data(out);
        StridedLoop.forEach(out.shape(), new int[][] {x.strides(), out.strides()}, new int[] {x.offset(), out.offset()},
                (n, pos, stride) -> ElementwiseKernels.unary(op, xs, os, n, pos, stride));
    }

    @Override
    public void binary(BinaryOp op, Tensor a, Tensor b, Tensor out) {
        float[] as = data(a);
        float[] bs = data(b);
        float[] os = data(out);
        StridedLoop.forEach(out.shape(), new int[][] {a.strides(), b.strides(), out.strides()},
                new int[] {a.offset(), b.offset(), out.offset()},
                (n, pos, stride) -> ElementwiseKernels.binary(op, as, bs, os, n, pos, stride));
    }

    @Override
    public void clamp(Tensor x, float min, float max, Tensor out) {
        float[] xs = data(x);
        float[] os = data(out);
        StridedLoop.forEach(out.shape(), new int[][] {x.strides(), out.strides()}, new int[] {x.offset(), out.offset()},
                (n, pos, stride) -> ElementwiseKernels.clamp(min, max, xs, os, n, pos, stride));
    }

    @Override
    public void where(Tensor mask, Tensor a, Tensor b, Tensor out) {
        float[] ms = data(mask);
        float[] as = data(a);
        float[] bs = data(b);
        float[] os = data(out);
        StridedLoop.forEach(out.shape(), new int[][] {mask.strides(), a.strides(), b.strides(), out.strides()},
                new int[] {mask.offset(), a.offset(), b.offset(), out.offset()},
                (n, pos, stride) -> ElementwiseKernels.where(ms, as, bs, os, n, pos, stride));
    }

    @Override
    public void reduce(ReduceOp op, Tensor x, int axis, Tensor out) {
        requireContiguous(op.opName(), out);
        Tensor xc = x.contiguous();
        int[] s = xc.shape();
        ReductionKernels.reduce(op, data(xc), xc.offset(), outer(s, axis), s[axis], inner(s, axis), data(out), out.offset());
    }

    @Override
    public void argmax(Tensor x, int axis, Tensor out) {
        requireContiguous("argmax", out);
        Tensor xc = x.contiguous();
        int[] s = xc.shape();
        ReductionKernels.argmax(data(xc), xc.offset(), outer(s, axis), s[axis], inner(s, axis), data(out), out.offset());
    }

    private static int outer(int[] shape, int axis) {
        return Shape.size(Arrays.copyOfRange(shape, 0, axis));
    }

    private static int inner(int[] shape, int axis) {
        return Shape.size(Arrays.copyOfRange(shape, axis + 1, shape.length));
    }

    @Override
    public void matmul(Tensor a, Tensor b, Tensor out, boolean accumulate) {
        requireContiguous("matmul", out);
        int rank = out.dim();
        int m = out.size(rank - 2);
        int n = out.size(rank - 1);
        int k = a.size(rank - 1);
        int[] as = a.strides();
        int[] bs = b.strides();
        float[] ad = data(a);
        float[] bd = data(b);
        float[] cd = data(out);
        BatchedMatrices.forEach(a, b, out, (ao, bo, co) -> MatmulKernel.gemm(m, n, k, ad, ao, as[rank - 2], as[rank - 1], bd, bo,
                bs[rank - 2], bs[rank - 1], cd, co, n, 1, accumulate));
    }

    @Override
    public void addmm(Tensor bias, Tensor a, Tensor b, Tensor out) {
        requireContiguous("addmm", out);
        int[] as = a.strides();
        int[] bs = b.strides();
        Tensor bc = bias.contiguous();
        data(b); // checks that b is a CPU tensor
        MatmulKernel.gemmWithBias(a.size(0), b.size(1), a.size(1), data(a), a.offset(), as[0], as[1], (CpuStorage) b.storage(),
                b.offset(), bs[0], bs[1],
                data(bc), bc.offset(), data(out), out.offset(), out.size(1));
    }

    @Override
    public void gather(Tensor x, int dim, Tensor index, Tensor out) {
        IndexKernels.gather(x, dim, index, out);
    }

    @Override
    public void scatterAdd(Tensor target, int dim, Tensor index, Tensor src) {
        IndexKernels.scatterAdd(target, dim, index, src);
    }

    @Override
    public void layerNorm(Tensor x, Tensor weight, Tensor bias, float eps, Tensor out, Tensor mean, Tensor rstd) {
        requireContiguous("layerNorm", out);
        requireContiguous("layerNorm", mean);
        requireContiguous("layerNorm", rstd);
        Tensor xc = x.contiguous();
        Tensor w = weight == null ? null : weight.contiguous();
        Tensor b = bias == null ? null : bias.contiguous();
        LayerNormKernels.forward(data(xc), xc.offset(), w == null ? null : data(w), w == null ? 0 : w.offset(), b == null ? null : data(b),
                b == null ? 0 : b.offset(), eps, data(out), out.offset(), data(mean), mean.offset(), data(rstd), rstd.offset(),
                xc.size(0), xc.size(1));
    }

    @Override
    public void layerNormBackward(Tensor g, Tensor x, Tensor mean, Tensor rstd, Tensor weight, Tensor gradX, Tensor gradWeight,
                                  Tensor gradBias) {
        requireContiguous("layerNormBackward", gradX);
        Tensor gc = g.contiguous();
        Tensor xc = x.contiguous();
        Tensor w = weight == null ? null : weight.contiguous();
        if (gradWeight != null) {
            requireContiguous("layerNormBackward", gradWeight);
            requireContiguous("layerNormBackward", gradBias);
        }
        LayerNormKernels.backward(data(gc), gc.offset(), data(xc), xc.offset(), data(mean), mean.offset(), data(rstd), rstd.offset(),
                w == null ? null : data(w), w == null ? 0 : w.offset(), data(gradX), gradX.offset(),
                gradWeight == null ? null : data(gradWeight), gradWeight == null ? 0 : gradWeight.offset(),
                gradBias == null ? null : data(gradBias), gradBias == null ? 0 : gradBias.offset(), xc.size(0), xc.size(1));
    }

    @Override
    public void conv2d(Tensor input, Tensor weight, Tensor bias, int stride, int padding, Tensor out) {
        requireContiguous("conv2d", out);
        Tensor x = input.contiguous();
        Tensor w = weight.contiguous();
        Tensor b = bias == null ? null : bias.contiguous();
        Conv2dKernels.Geometry g = new Conv2dKernels.Geometry(x.shape(), w.shape(), stride, padding);
        Conv2dKernels.forward(g, data(x), x.offset(), data(w), w.offset(), b == null ? null : data(b),
                b == null ? 0 : b.offset(), data(out), out.offset());
    }

    @Override
    public void conv2dBackwardInput(Tensor gradOut, Tensor weight, int stride, int padding, Tensor gradInput) {
        requireContiguous("conv2dBackwardInput", gradInput);
        Tensor go = gradOut.contiguous();
        Tensor w = weight.contiguous();
        Conv2dKernels.Geometry g = new Conv2dKernels.Geometry(gradInput.shape(), w.shape(), stride, padding);
        Conv2dKernels.backwardInput(g, data(go), go.offset(), data(w), w.offset(), data(gradInput), gradInput.offset());
    }

    @Override
    public void conv2dBackwardWeight(Tensor gradOut, Tensor input, int stride, int padding, Tensor gradWeight) {
        requireContiguous("conv2dBackwardWeight", gradWeight);
        Tensor go = gradOut.contiguous();
        Tensor x = input.contiguous();
        Conv2dKernels.Geometry g = new Conv2dKernels.Geometry(x.shape(), gradWeight.shape(), stride, padding);
        Conv2dKernels.backwardWeight(g, data(go), go.offset(), data(x), x.offset(), data(gradWeight), gradWeight.offset());
    }


    private static int at(Tensor t) {
        return t == null ? 0 : t.offset();
    }

    private static float[] dataOrNull(Tensor t) {
        return t == null ? null : data(t);
    }

    @Override
    public void adamUpdate(Tensor param, Tensor grad, Tensor expAvg, Tensor expAvgSq, Tensor maxExpAvgSq, double lr, double beta1,
                           double beta2, double eps, double weightDecay, boolean decoupledWeightDecay, long step) {
        requireOptimizerState("adam", param, grad, expAvg, expAvgSq, maxExpAvgSq);
        OptimizerKernels.adam(data(param), param.offset(), data(grad), grad.offset(), data(expAvg), expAvg.offset(),
                data(expAvgSq), expAvgSq.offset(), dataOrNull(maxExpAvgSq), at(maxExpAvgSq), param.numel(),
                lr, beta1, beta2, eps, weightDecay, decoupledWeightDecay, step);
    }

    @Override
    public void rmspropUpdate(Tensor param, Tensor grad, Tensor squareAvg, Tensor gradAvg, Tensor momentumBuffer, double lr,
                              double alpha, double eps, double weightDecay, double momentum) {
        requireOptimizerState("rmsprop", param, grad, squareAvg, gradAvg, momentumBuffer);
        OptimizerKernels.rmsprop(data(param), param.offset(), data(grad), grad.offset(), data(squareAvg), squareAvg.offset(),
                dataOrNull(gradAvg), at(gradAvg), dataOrNull(momentumBuffer), at(momentumBuffer), param.numel(),
                lr, alpha, eps, weightDecay, momentum);
    }

    @Override
    public void sgdUpdate(Tensor param, Tensor grad, Tensor momentumBuffer, double lr, double momentum, double dampening,
                          double weightDecay, boolean nesterov, boolean firstStep) {
        requireOptimizerState("sgd", param, grad, momentumBuffer);
        OptimizerKernels.sgd(data(param), param.offset(), data(grad), grad.offset(), dataOrNull(momentumBuffer), at(momentumBuffer),
                param.numel(), lr, momentum, dampening, weightDecay, nesterov, firstStep);
    }
}
