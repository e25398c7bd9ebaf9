package deepq4j.tensor;

/**
 * The kernels behind {@link Tensor}: one implementation per kind of device.
 *
 * <p>{@link Tensor} checks shapes, works out broadcasting and allocates outputs; a backend only
 * runs kernels on operands whose shapes already fit. Operands are strided views: a stride of 0
 * repeats an element (broadcasting), and transposed or sliced views arrive without copies.
 * Outputs are the tensors the caller passes in; a backend never allocates a tensor for them.
 */
public interface Backend {
    /** The CPU backend, with SIMD kernels where the Vector API is present. */
    static Backend cpu() {
        return deepq4j.tensor.cpu.CpuBackend.INSTANCE;
    }

    /**
     * The float64 reference backend: plain loops in double precision. Gradient checks run on it,
     * and it is the simplest statement of what every kernel computes.
     */
    static Backend float64() {
        return deepq4j.tensor.reference.Float64Backend.INSTANCE;
    }

    /** A short name for messages, such as "cpu". */
    String name();

    /** New zero-filled storage of {@code length} floats. */
    Storage allocate(int length);

    /**
     * New storage of {@code length} floats whose contents do not matter: an op's output, which its
     * kernel overwrites entirely. Zero-filled by default; a device backend saves the fill.
     */
    default Storage allocateUninitialized(int length) {
        return allocate(length);
    }

    /** New storage holding a copy of {@code data[offset, offset + length)}. */
    Storage upload(float[] data, int offset, int length);

    /** Copies the elements of {@code src} in row-major order into {@code dst} from {@code dstOffset}. */
    void download(Tensor src, float[] dst, int dstOffset);

    /** New storage holding {@code data}, in this backend's precision (float32 backends round it). */
    default Storage upload(double[] data) {
        float[] f = new float[data.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) data[i];
        }
        return upload(f, 0, f.length);
    }

    /** Copies the elements of {@code src} in row-major order, at this backend's precision, into {@code dst}. */
    default void download(Tensor src, double[] dst, int dstOffset) {
        float[] f = new float[src.numel()];
        download(src, f, 0);
        for (int i = 0; i < f.length; i++) {
            dst[dstOffset + i] = f[i];
        }
    }

    /** {@code dst = src}, elementwise; the shapes are equal. */
    void copy(Tensor src, Tensor dst);

    /** Sets every element of {@code dst} to {@code value}. */
    void fill(Tensor dst, float value);

    /** {@code out = op(x)}; {@code out} may be {@code x} itself. */
    void unary(UnaryOp op, Tensor x, Tensor out);

    /** {@code out = op(a, b)} on operands already broadcast to {@code out}'s shape; {@code out} may be {@code a}. */
    void binary(BinaryOp op, Tensor a, Tensor b, Tensor out);

    /** {@code out = min(max(x, min), max)}. */
    void clamp(Tensor x, float min, float max, Tensor out);

    /** {@code out = mask != 0 ? a : b} on operands already broadcast to {@code out}'s shape. */
    void where(Tensor mask, Tensor a, Tensor b, Tensor out);

    /** Reduces {@code x} along {@code axis} into {@code out}, which has {@code x}'s shape with that axis of size 1. */
    void reduce(ReduceOp op, Tensor x, int axis, Tensor out);

    /** The index of the first largest element along {@code axis}, written as a float. */
    void argmax(Tensor x, int axis, Tensor out);

    /**
     * {@code out = a @ b} (or {@code out += a @ b} when {@code accumulate}) for a of shape [..., M, K],
     * b of shape [..., K, N] and out of shape [..., M, N], with equal batch dimensions.
     */
    void matmul(Tensor a, Tensor b, Tensor out, boolean accumulate);

    /** {@code out = bias + a @ b} for 2-D a [M, K] and b [K, N] (any strides) and bias [N], as {@code torch.addmm}. */
    void addmm(Tensor bias, Tensor a, Tensor b, Tensor out);

    /** {@code out[i][j] = x[i][index[i][j]]} for {@code dim = 1}, and likewise along any dimension. */
    void gather(Tensor x, int dim, Tensor index, Tensor out);

    /** {@code target[i][index[i][j]] += src[i][j]} for {@code dim = 1}, in place, and likewise along any dimension. */
    void scatterAdd(Tensor target, int dim, Tensor index, Tensor src);

    /** Cross-correlation of input [N, C, H, W] with weight [O, C, k, k] plus bias [O] (or null) into out [N, O, Ho, Wo]. */
    void conv2d(Tensor input, Tensor weight, Tensor bias, int stride, int padding, Tensor out);

    /** The gradient of conv2d with respect to its input: writes gradInput [N, C, H, W]. */
    void conv2dBackwardInput(Tensor gradOut, Tensor weight, int stride, int padding, Tensor gradInput);

    /** The gradient of conv2d with respect to its weight: writes gradWeight [O, C, k, k]. */
    void conv2dBackwardWeight(Tensor gradOut, Tensor input, int stride, int padding, Tensor gradWeight);

    /**
     * Layer normalisation of each row of a contiguous {@code x} [rows, n] into {@code out} [rows, n]:
     * xhat = (x - mean) * rstd with rstd = 1 / sqrt(biased variance + eps), then xhat * weight + bias
     * (weight and bias [n], or both null). Writes {@code mean} and {@code rstd} [rows] for the
     * backward. This default composes tensor ops (its readable form); the CPU backend fuses it into
     * one pass per row ({@code cpu.LayerNormKernels}).
     */
    default void layerNorm(Tensor x, Tensor weight, Tensor bias, float eps, Tensor out, Tensor mean, Tensor rstd) {
        int rows = x.size(0);
        Tensor m = x.mean(1, true);
        Tensor centred = x.sub(m);
        Tensor r = Tensor.zeros(x.backend(), rows, 1).add(1f).div(centred.mul(centred).mean(1, true).add(eps).sqrt());
        Tensor xhat = centred.mul(r);
        out.copyFrom(weight == null ? xhat : xhat.mul(weight).add(bias));
        mean.copyFrom(m.reshape(rows));
        rstd.copyFrom(r.reshape(rows));
    }

    /**
     * The gradient of {@link #layerNorm} for the output gradient {@code g} [rows, n]: with
     * dxhat = g * weight, gradX = rstd * (dxhat - mean_row(dxhat) - xhat * mean_row(dxhat * xhat));
     * gradWeight = sum over rows of g * xhat, gradBias = sum over rows of g (both null when there is
     * no affine). Every output is overwritten. The default composes tensor ops; the CPU backend fuses it.
     */
    default void layerNormBackward(Tensor g, Tensor x, Tensor mean, Tensor rstd, Tensor weight, Tensor gradX, Tensor gradWeight,
                                   Tensor gradBias) {
        int rows = x.size(0);
        Tensor r = rstd.reshape(rows, 1);
        Tensor xhat = x.sub(mean.reshape(rows, 1)).mul(r);
        Tensor dxhat = weight == null ? g : g.mul(weight);
        gradX.copyFrom(dxhat.sub(dxhat.mean(1, true)).sub(xhat.mul(dxhat.mul(xhat).mean(1, true))).mul(r));
        if (gradWeight != null) {
            gradWeight.copyFrom(g.mul(xhat).sum(0));
            gradBias.copyFrom(g.sum(0));
        }
    }

    /**
     * One step of {@code torch.optim.Adam} (or AdamW when {@code decoupledWeightDecay}) on
     * {@code param} in place, updating the moment estimates; {@code maxExpAvgSq} is null unless
     * amsgrad. {@code step} counts from 1. All tensors are contiguous and of one shape.
     */
    void adamUpdate(Tensor param, Tensor grad, Tensor expAvg, Tensor expAvgSq, Tensor maxExpAvgSq,
                    double lr, double beta1, double beta2, double eps, double weightDecay,
                    boolean decoupledWeightDecay, long step);

    /**
     * One step of {@code torch.optim.RMSprop} on {@code param} in place; {@code gradAvg} is null
     * unless centered, {@code momentumBuffer} null unless momentum > 0.
     */
    void rmspropUpdate(Tensor param, Tensor grad, Tensor squareAvg, Tensor gradAvg, Tensor momentumBuffer,
                       double lr, double alpha, double eps, double weightDecay, double momentum);

    /**
     * One step of {@code torch.optim.SGD} on {@code param} in place; {@code momentumBuffer} is null
     * unless momentum > 0, and {@code firstStep} starts it from the gradient, as torch does.
     */
    void sgdUpdate(Tensor param, Tensor grad, Tensor momentumBuffer, double lr, double momentum, double dampening,
                   double weightDecay, boolean nesterov, boolean firstStep);
}
