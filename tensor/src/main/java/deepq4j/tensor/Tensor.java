package deepq4j.tensor;

import java.util.Arrays;

/**
 * A dense float32 array of any rank: a view (shape, strides, offset) onto storage that a
 * {@link Backend} owns.
 *
 * <p>Views such as {@link #reshape}, {@link #transpose}, {@link #slice} and {@link #expand} share
 * the storage of the tensor they come from; ops return new tensors. Every op checks its operands'
 * shapes first and throws an {@link IllegalArgumentException} that names the op and the shapes.
 */
public final class Tensor {
    private final Storage storage;
    private final int[] shape;
    private final int[] strides;
    private final int offset;

    private Tensor(Storage storage, int[] shape, int[] strides, int offset) {
        this.storage = storage;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
    }

    // ---------------------------------------------------------------- creation

    /** A tensor on the CPU holding a copy of {@code data} in row-major order. */
    public static Tensor of(float[] data, int... shape) {
        return of(Backend.cpu(), data, shape);
    }

    /** A tensor on {@code backend} holding a copy of {@code data} in row-major order. */
    public static Tensor of(Backend backend, float[] data, int... shape) {
        int[] s = shape.clone();
        int n = Shape.size(s);
        if (data.length != n) {
            throw new IllegalArgumentException("Tensor.of: " + data.length + " values do not fill shape "
                    + Shape.str(s) + " (" + n + " elements)");
        }
        return new Tensor(backend.upload(data, 0, n), s, Shape.contiguousStrides(s), 0);
    }

    /** A tensor on {@code backend} holding {@code data} at the backend's precision (float64 on {@link Backend#float64()}). */
    public static Tensor of(Backend backend, double[] data, int... shape) {
        int[] s = shape.clone();
        int n = Shape.size(s);
        if (data.length != n) {
            throw new IllegalArgumentException("Tensor.of: " + data.length + " values do not fill shape "
                    + Shape.str(s) + " (" + n + " elements)");
        }
        return new Tensor(backend.upload(data), s, Shape.contiguousStrides(s), 0);
    }

    /** A 0-dimensional tensor holding one value. */
    public static Tensor scalar(float value) {
        return of(new float[] {value});
    }

    /** A tensor of zeros on the CPU. */
    public static Tensor zeros(int... shape) {
        return zeros(Backend.cpu(), shape);
    }

    /** A tensor of zeros on {@code backend}. */
    public static Tensor zeros(Backend backend, int... shape) {
        int[] s = shape.clone();
        return new Tensor(backend.allocate(Shape.size(s)), s, Shape.contiguousStrides(s), 0);
    }

    /**
     * An op's output: storage whose contents are undefined until the op's kernel writes every
     * element (a device backend then skips filling it with zeros first).
     */
    private static Tensor empty(Backend backend, int[] shape) {
        int[] s = shape.clone();
        return new Tensor(backend.allocateUninitialized(Shape.size(s)), s, Shape.contiguousStrides(s), 0);
    }

    /** A tensor of ones on the CPU. */
    public static Tensor ones(int... shape) {
        return full(1f, shape);
    }

    /** A tensor on the CPU with every element equal to {@code value}. */
    public static Tensor full(float value, int... shape) {
        Tensor t = zeros(shape);
        t.fill(value);
        return t;
    }

    /** The values 0, 1, ..., n-1. */
    public static Tensor arange(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return of(v, n);
    }

    /** Uniform values in [0, 1) drawn from {@code generator}. */
    public static Tensor rand(Generator generator, int... shape) {
        return Init.uniform(generator, 0f, 1f, shape);
    }

    /** Standard normal values drawn from {@code generator}. */
    public static Tensor randn(Generator generator, int... shape) {
        return Init.normal(generator, 0f, 1f, shape);
    }

    /** A zero tensor of the given shape on the same backend as this one. */
    public Tensor zerosLike(int... newShape) {
        return zeros(backend(), newShape);
    }

    // ---------------------------------------------------------------- inspection

    /** The size of each dimension (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** The number of dimensions. */
    public int dim() {
        return shape.length;
    }

    /** The size of one dimension; negative axes count from the end. */
    public int size(int axis) {
        return shape[Shape.axis("size", axis, shape.length)];
    }

    /** The number of elements. */
    public int numel() {
        return Shape.size(shape);
    }

    /** How far apart, in elements of the storage, neighbours along each dimension are (a copy). */
    public int[] strides() {
        return strides.clone();
    }

    /** Where this view's first element sits in its storage. */
    public int offset() {
        return offset;
    }

    /** The storage this tensor is a view of. */
    public Storage storage() {
        return storage;
    }

    /** The backend whose kernels run this tensor's ops. */
    public Backend backend() {
        return storage.backend();
    }

    /** True when the elements lie in row-major order without gaps, so a flat loop visits them. */
    public boolean isContiguous() {
        int expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && strides[i] != expected) {
                return false;
            }
            expected *= shape[i];
        }
        return true;
    }

    /** The elements in row-major order (a copy). */
    public float[] toArray() {
        float[] out = new float[numel()];
        backend().download(this, out, 0);
        return out;
    }

    /** The elements in row-major order at the backend's precision (exact for float64 tensors). */
    public double[] toDoubleArray() {
        double[] out = new double[numel()];
        backend().download(this, out, 0);
        return out;
    }

    /** This tensor's values on another backend (a copy; the same tensor if it is already there). */
    public Tensor to(Backend target) {
        if (target == backend()) {
            return this;
        }
        return of(target, toDoubleArray(), shape);
    }

    /** The value of a one-element tensor. */
    public float item() {
        if (numel() != 1) {
            throw new IllegalArgumentException("item: tensor of shape " + Shape.str(shape) + " has " + numel()
                    + " elements, not 1");
        }
        return toArray()[0];
    }

    /** The element at the given index, one coordinate per dimension. */
    public float get(int... index) {
        return new Tensor(storage, new int[0], new int[0], flatIndex("get", index)).item();
    }

    private int flatIndex(String op, int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException(op + ": " + index.length + " indices for a tensor of shape " + Shape.str(shape));
        }
        int at = offset;
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) {
                throw new IllegalArgumentException(op + ": index " + Arrays.toString(index) + " is out of bounds for shape "
                        + Shape.str(shape));
            }
            at += index[i] * strides[i];
        }
        return at;
    }

    // ---------------------------------------------------------------- views

    /** The same elements in a new shape; one dimension may be -1 and is inferred. Copies only if this view is not contiguous. */
    public Tensor reshape(int... newShape) {
        int[] s = newShape.clone();
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                if (inferred >= 0) {
                    throw new IllegalArgumentException("reshape: only one dimension can be -1, got " + Shape.str(newShape));
                }
                inferred = i;
            } else if (s[i] < 0) {
                throw new IllegalArgumentException("reshape: invalid dimension in " + Shape.str(newShape));
            } else {
                known *= s[i];
            }
        }
        int n = numel();
        if (inferred >= 0) {
            if (known == 0 || n % known != 0) {
                throw new IllegalArgumentException("reshape: cannot reshape " + Shape.str(shape) + " into " + Shape.str(newShape));
            }
            s[inferred] = (int) (n / known);
        } else if (known != n) {
            throw new IllegalArgumentException("reshape: cannot reshape " + Shape.str(shape) + " (" + n + " elements) into "
                    + Shape.str(newShape) + " (" + known + " elements)");
        }
        Tensor source = contiguous();
        return new Tensor(source.storage, s, Shape.contiguousStrides(s), source.offset);
    }

    /**
     * Like {@link #reshape} but never copies, as {@code torch.Tensor.view}: a non-contiguous tensor
     * is an error, so code that must share storage (an in-place update through a view) says so.
     */
    public Tensor view(int... newShape) {
        if (!isContiguous()) {
            throw new IllegalArgumentException("view: a tensor of shape " + Shape.str(shape) + " with strides "
                    + Arrays.toString(strides) + " is not contiguous; use reshape(), which copies");
        }
        return reshape(newShape);
    }

    /** Flattens dimensions {@code startDim} and after into one: flatten(1) takes [N, ...] to [N, prod(...)]. */
    public Tensor flatten(int startDim) {
        int start = Shape.axis("flatten", startDim, shape.length);
        int[] s = Arrays.copyOf(shape, start + 1);
        s[start] = -1;
        if (numel() == 0) {
            s[start] = 0;
        }
        return reshape(s);
    }

    /** Swaps two dimensions, without copying. */
    public Tensor transpose(int dim0, int dim1) {
        int a = Shape.axis("transpose", dim0, shape.length);
        int b = Shape.axis("transpose", dim1, shape.length);
        int[] s = shape.clone();
        int[] st = strides.clone();
        s[a] = shape[b];
        s[b] = shape[a];
        st[a] = strides[b];
        st[b] = strides[a];
        return new Tensor(storage, s, st, offset);
    }

    /** The transpose of a 2-D tensor, without copying. */
    public Tensor t() {
        if (shape.length != 2) {
            throw new IllegalArgumentException("t: expects a 2-D tensor, got shape " + Shape.str(shape));
        }
        return transpose(0, 1);
    }

    /** Reorders the dimensions, without copying: dimension i of the result is dimension order[i] of this. */
    public Tensor permute(int... order) {
        if (order.length != shape.length) {
            throw new IllegalArgumentException("permute: order " + Arrays.toString(order) + " does not match shape " + Shape.str(shape));
        }
        int[] s = new int[order.length];
        int[] st = new int[order.length];
        boolean[] seen = new boolean[order.length];
        for (int i = 0; i < order.length; i++) {
            int d = Shape.axis("permute", order[i], shape.length);
            if (seen[d]) {
                throw new IllegalArgumentException("permute: dimension " + d + " repeats in " + Arrays.toString(order));
            }
            seen[d] = true;
            s[i] = shape[d];
            st[i] = strides[d];
        }
        return new Tensor(storage, s, st, offset);
    }

    /** Elements [start, end) along one dimension, without copying; negative bounds count from the end. */
    public Tensor slice(int dim, int start, int end) {
        return slice(dim, start, end, 1);
    }

    /** Every {@code step}-th element of [start, end) along one dimension, without copying. */
    public Tensor slice(int dim, int start, int end, int step) {
        int d = Shape.axis("slice", dim, shape.length);
        if (step <= 0) {
            throw new IllegalArgumentException("slice: step must be positive, got " + step);
        }
        int n = shape[d];
        int from = Math.max(0, Math.min(n, start < 0 ? start + n : start));
        int to = Math.max(from, Math.min(n, end < 0 ? end + n : end));
        int[] s = shape.clone();
        int[] st = strides.clone();
        s[d] = (to - from + step - 1) / step;
        st[d] = strides[d] * step;
        return new Tensor(storage, s, st, offset + from * strides[d]);
    }

    /** The slice at {@code index} along one dimension, with that dimension removed, without copying. */
    public Tensor select(int dim, int index) {
        int d = Shape.axis("select", dim, shape.length);
        int i = index < 0 ? index + shape[d] : index;
        if (i < 0 || i >= shape[d]) {
            throw new IllegalArgumentException("select: index " + index + " is out of range for dimension " + d
                    + " of shape " + Shape.str(shape));
        }
        return new Tensor(storage, remove(shape, d), remove(strides, d), offset + i * strides[d]);
    }

    /** Inserts a dimension of size 1 at {@code dim} (which may equal the rank), without copying. */
    public Tensor unsqueeze(int dim) {
        int d = dim < 0 ? dim + shape.length + 1 : dim;
        if (d < 0 || d > shape.length) {
            throw new IllegalArgumentException("unsqueeze: dimension " + dim + " is out of range for shape " + Shape.str(shape));
        }
        int stride = d < shape.length ? strides[d] * shape[d] : 1;
        return new Tensor(storage, insert(shape, d, 1), insert(strides, d, stride), offset);
    }

    /** Removes a dimension of size 1, without copying. */
    public Tensor squeeze(int dim) {
        int d = Shape.axis("squeeze", dim, shape.length);
        if (shape[d] != 1) {
            throw new IllegalArgumentException("squeeze: dimension " + d + " of shape " + Shape.str(shape) + " is not 1");
        }
        return new Tensor(storage, remove(shape, d), remove(strides, d), offset);
    }

    /**
     * A broadcast view of this tensor in a larger shape, without copying: size-1 dimensions and
     * new leading dimensions repeat with stride 0, as in {@code torch.Tensor.expand}.
     */
    public Tensor expand(int... newShape) {
        if (Arrays.equals(newShape, shape)) {
            return this;
        }
        if (newShape.length < shape.length) {
            throw new IllegalArgumentException("expand: cannot expand shape " + Shape.str(shape) + " to " + Shape.str(newShape));
        }
        int lead = newShape.length - shape.length;
        int[] st = new int[newShape.length];
        for (int i = 0; i < newShape.length; i++) {
            if (i < lead) {
                st[i] = 0;
            } else if (shape[i - lead] == newShape[i]) {
                st[i] = strides[i - lead];
            } else if (shape[i - lead] == 1) {
                st[i] = 0;
            } else {
                throw new IllegalArgumentException("expand: cannot expand shape " + Shape.str(shape) + " to " + Shape.str(newShape));
            }
        }
        return new Tensor(storage, newShape.clone(), st, offset);
    }

    /** This tensor if it is contiguous, otherwise a contiguous copy. */
    public Tensor contiguous() {
        return isContiguous() ? this : copy();
    }

    /** A new contiguous tensor with the same elements (torch's {@code clone}). */
    public Tensor copy() {
        Tensor out = empty(backend(), shape);
        backend().copy(this, out);
        return out;
    }

    // ---------------------------------------------------------------- in place

    // Every method here bumps the storage's version, so that autograd notices a saved tensor
    // that was overwritten (see Storage).

    /** Sets every element to {@code value}; returns this. */
    public Tensor fill(float value) {
        backend().fill(this, value);
        return bumpVersion();
    }

    /** Copies {@code src}, broadcast to this shape, into this tensor; returns this. */
    public Tensor copyFrom(Tensor src) {
        sameBackend("copyFrom", src);
        backend().copy(src.broadcastTo("copyFrom", shape), this);
        return bumpVersion();
    }

    /** {@code this += other}, with {@code other} broadcast to this shape; returns this. */
    public Tensor addInPlace(Tensor other) {
        sameBackend("addInPlace", other);
        backend().binary(BinaryOp.ADD, this, other.broadcastTo("addInPlace", shape), this);
        return bumpVersion();
    }

    /** {@code this *= factor}; returns this. */
    public Tensor mulInPlace(float factor) {
        backend().binary(BinaryOp.MUL, this, scalarLike(factor).expand(shape), this);
        return bumpVersion();
    }

    /** {@code max(x, 0)} for each element, in place (torch's {@code relu_}); returns this. */
    public Tensor reluInPlace() {
        backend().unary(UnaryOp.RELU, this, this);
        return bumpVersion();
    }

    /**
     * Records an in-place change made outside these methods (an optimizer's fused update writes
     * a parameter through its backend); returns this.
     */
    public Tensor bumpVersion() {
        storage.bumpVersion();
        return this;
    }

    /** The number of in-place changes to this tensor's storage (torch's {@code _version}). */
    public int version() {
        return storage.version();
    }

    private Tensor broadcastTo(String op, int[] target) {
        int[] b = Shape.broadcast(op, shape, target);
        if (!Arrays.equals(b, target)) {
            throw new IllegalArgumentException(op + ": shape " + Shape.str(shape) + " does not broadcast to " + Shape.str(target));
        }
        return expand(target);
    }

    // ---------------------------------------------------------------- elementwise

    /** {@code this + other} with NumPy broadcasting. */
    public Tensor add(Tensor other) {
        return binary(BinaryOp.ADD, other);
    }

    /** {@code this - other} with NumPy broadcasting. */
    public Tensor sub(Tensor other) {
        return binary(BinaryOp.SUB, other);
    }

    /** {@code this * other} with NumPy broadcasting. */
    public Tensor mul(Tensor other) {
        return binary(BinaryOp.MUL, other);
    }

    /** {@code this / other} with NumPy broadcasting. */
    public Tensor div(Tensor other) {
        return binary(BinaryOp.DIV, other);
    }

    /** {@code this ^ other} with NumPy broadcasting. */
    public Tensor pow(Tensor other) {
        return binary(BinaryOp.POW, other);
    }

    /** The larger of each pair of elements. */
    public Tensor maximum(Tensor other) {
        return binary(BinaryOp.MAXIMUM, other);
    }

    /** The smaller of each pair of elements. */
    public Tensor minimum(Tensor other) {
        return binary(BinaryOp.MINIMUM, other);
    }

    /** 1 where {@code this > other}, else 0. */
    public Tensor gt(Tensor other) {
        return binary(BinaryOp.GT, other);
    }

    /** 1 where {@code this >= other}, else 0. */
    public Tensor ge(Tensor other) {
        return binary(BinaryOp.GE, other);
    }

    /** 1 where {@code this < other}, else 0. */
    public Tensor lt(Tensor other) {
        return binary(BinaryOp.LT, other);
    }

    /** 1 where {@code this <= other}, else 0. */
    public Tensor le(Tensor other) {
        return binary(BinaryOp.LE, other);
    }

    /** 1 where {@code this == other}, else 0. */
    public Tensor eq(Tensor other) {
        return binary(BinaryOp.EQ, other);
    }

    /** {@code this + value}. */
    public Tensor add(float value) {
        return binary(BinaryOp.ADD, scalarLike(value));
    }

    /** {@code this - value}. */
    public Tensor sub(float value) {
        return binary(BinaryOp.SUB, scalarLike(value));
    }

    /** {@code this * value}. */
    public Tensor mul(float value) {
        return binary(BinaryOp.MUL, scalarLike(value));
    }

    /** {@code this / value}. */
    public Tensor div(float value) {
        return binary(BinaryOp.DIV, scalarLike(value));
    }

    /** {@code this ^ exponent}. */
    public Tensor pow(float exponent) {
        return binary(BinaryOp.POW, scalarLike(exponent));
    }

    /** 1 where {@code this > value}, else 0. */
    public Tensor gt(float value) {
        return binary(BinaryOp.GT, scalarLike(value));
    }

    /** Applies a binary op with NumPy broadcasting. */
    public Tensor binary(BinaryOp op, Tensor other) {
        sameBackend(op.opName(), other);
        int[] outShape = Shape.broadcast(op.opName(), shape, other.shape);
        Tensor out = empty(backend(), outShape);
        backend().binary(op, expand(outShape), other.expand(outShape), out);
        return out;
    }

    /** {@code -this}. */
    public Tensor neg() {
        return unary(UnaryOp.NEG);
    }

    /** e to the power of each element. */
    public Tensor exp() {
        return unary(UnaryOp.EXP);
    }

    /** The natural logarithm of each element. */
    public Tensor log() {
        return unary(UnaryOp.LOG);
    }

    /** The square root of each element. */
    public Tensor sqrt() {
        return unary(UnaryOp.SQRT);
    }

    /** The absolute value of each element. */
    public Tensor abs() {
        return unary(UnaryOp.ABS);
    }

    /** {@code max(x, 0)} for each element. */
    public Tensor relu() {
        return unary(UnaryOp.RELU);
    }

    /** Applies a unary op to each element. */
    public Tensor unary(UnaryOp op) {
        Tensor out = empty(backend(), shape);
        backend().unary(op, this, out);
        return out;
    }

    /** Each element limited to [min, max]. */
    public Tensor clamp(float min, float max) {
        if (!(min <= max)) {
            throw new IllegalArgumentException("clamp: min " + min + " is greater than max " + max);
        }
        Tensor out = empty(backend(), shape);
        backend().clamp(this, min, max, out);
        return out;
    }

    /** {@code mask != 0 ? a : b} elementwise, with all three broadcast together. */
    public static Tensor where(Tensor mask, Tensor a, Tensor b) {
        mask.sameBackend("where", a);
        mask.sameBackend("where", b);
        int[] outShape = Shape.broadcast("where", Shape.broadcast("where", mask.shape, a.shape), b.shape);
        Tensor out = empty(mask.backend(), outShape);
        mask.backend().where(mask.expand(outShape), a.expand(outShape), b.expand(outShape), out);
        return out;
    }

    // ---------------------------------------------------------------- reductions

    /** The sum of all elements, as a 0-dimensional tensor. */
    public Tensor sum() {
        return reduceAll(ReduceOp.SUM);
    }

    /** The sum along one axis, which is removed. */
    public Tensor sum(int axis) {
        return reduce(ReduceOp.SUM, axis, false);
    }

    /** The sum along one axis, which is kept with size 1 when {@code keepDim}. */
    public Tensor sum(int axis, boolean keepDim) {
        return reduce(ReduceOp.SUM, axis, keepDim);
    }

    /** The mean of all elements, as a 0-dimensional tensor. */
    public Tensor mean() {
        return reduceAll(ReduceOp.MEAN);
    }

    /** The mean along one axis, which is removed. */
    public Tensor mean(int axis) {
        return reduce(ReduceOp.MEAN, axis, false);
    }

    /** The mean along one axis, which is kept with size 1 when {@code keepDim}. */
    public Tensor mean(int axis, boolean keepDim) {
        return reduce(ReduceOp.MEAN, axis, keepDim);
    }

    /** The largest element, as a 0-dimensional tensor. */
    public Tensor max() {
        return reduceAll(ReduceOp.MAX);
    }

    /** The largest element along one axis, which is removed. */
    public Tensor max(int axis) {
        return reduce(ReduceOp.MAX, axis, false);
    }

    /** The largest element along one axis, which is kept with size 1 when {@code keepDim}. */
    public Tensor max(int axis, boolean keepDim) {
        return reduce(ReduceOp.MAX, axis, keepDim);
    }

    /** Reduces along one axis. */
    public Tensor reduce(ReduceOp op, int axis, boolean keepDim) {
        int a = Shape.axis(op.opName(), axis, shape.length);
        if (shape[a] == 0 && op == ReduceOp.MAX) {
            throw new IllegalArgumentException("max: axis " + a + " of shape " + Shape.str(shape) + " is empty");
        }
        int[] kept = shape.clone();
        kept[a] = 1;
        Tensor out = empty(backend(), kept);
        backend().reduce(op, this, a, out);
        return keepDim ? out : out.squeeze(a);
    }

    private Tensor reduceAll(ReduceOp op) {
        if (numel() == 0 && op == ReduceOp.MAX) {
            throw new IllegalArgumentException("max: tensor of shape " + Shape.str(shape) + " is empty");
        }
        return reshape(numel()).reduce(op, 0, false);
    }

    /** The index of the first largest element along one axis (as float values), which is removed. */
    public Tensor argmax(int axis) {
        return argmax(axis, false);
    }

    /** The index of the first largest element along one axis, kept with size 1 when {@code keepDim}. */
    public Tensor argmax(int axis, boolean keepDim) {
        int a = Shape.axis("argmax", axis, shape.length);
        if (shape[a] == 0) {
            throw new IllegalArgumentException("argmax: axis " + a + " of shape " + Shape.str(shape) + " is empty");
        }
        int[] kept = shape.clone();
        kept[a] = 1;
        Tensor out = empty(backend(), kept);
        backend().argmax(this, a, out);
        return keepDim ? out : out.squeeze(a);
    }

    /** The flat row-major index of the first largest element, as a 0-dimensional tensor. */
    public Tensor argmax() {
        return reshape(numel()).argmax(0, false);
    }

    // ---------------------------------------------------------------- linear algebra

    /** Matrix product with {@code torch.matmul}'s rules: 1-D, 2-D and batched operands, batch dims broadcast. */
    public Tensor matmul(Tensor other) {
        return matmul(this, other, false, false);
    }

    /**
     * {@code op(a) @ op(b)} where op transposes the last two dimensions when its flag is set.
     * Transposed operands are read through strides: nothing is copied.
     */
    public static Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
        a.sameBackend("matmul", b);
        if (a.dim() == 0 || b.dim() == 0) {
            throw new IllegalArgumentException("matmul: both operands need at least one dimension, got shapes "
                    + Shape.str(a.shape) + " and " + Shape.str(b.shape));
        }
        if ((transposeA && a.dim() < 2) || (transposeB && b.dim() < 2)) {
            throw new IllegalArgumentException("matmul: a transpose flag needs a 2-D or batched operand, got shapes "
                    + Shape.str(a.shape) + " and " + Shape.str(b.shape));
        }
        boolean vectorA = a.dim() == 1;
        boolean vectorB = b.dim() == 1;
        Tensor a2 = vectorA ? a.unsqueeze(0) : transposeA ? a.transpose(-2, -1) : a;
        Tensor b2 = vectorB ? b.unsqueeze(1) : transposeB ? b.transpose(-2, -1) : b;
        int m = a2.size(-2);
        int k = a2.size(-1);
        int n = b2.size(-1);
        if (b2.size(-2) != k) {
            throw new IllegalArgumentException("matmul: shapes " + Shape.str(a.shape) + (transposeA ? "^T" : "") + " and "
                    + Shape.str(b.shape) + (transposeB ? "^T" : "") + " cannot be multiplied (inner dimensions "
                    + k + " and " + b2.size(-2) + " differ)");
        }
        int[] batch;
        try {
            batch = Shape.broadcast("matmul", Arrays.copyOf(a2.shape, a2.dim() - 2), Arrays.copyOf(b2.shape, b2.dim() - 2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("matmul: the batch dimensions of shapes " + Shape.str(a.shape) + " and "
                    + Shape.str(b.shape) + " cannot be broadcast", e);
        }
        int[] outShape = Arrays.copyOf(batch, batch.length + 2);
        outShape[batch.length] = m;
        outShape[batch.length + 1] = n;
        int[] aShape = outShape.clone();
        aShape[batch.length + 1] = k;
        int[] bShape = outShape.clone();
        bShape[batch.length] = k;
        Tensor out = empty(a.backend(), outShape);
        a.backend().matmul(a2.expand(aShape), b2.expand(bShape), out, false);
        if (vectorA) {
            out = out.squeeze(-2);
        }
        if (vectorB) {
            out = out.squeeze(-1);
        }
        return out;
    }

    /**
     * {@code bias + op(a) @ op(b)} in one pass over the output, as {@code torch.addmm}: the output
     * starts as the broadcast bias and the product is accumulated into it. Linear layers use it.
     */
    public static Tensor addmm(Tensor bias, Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
        a.sameBackend("addmm", b);
        a.sameBackend("addmm", bias);
        if (a.dim() != 2 || b.dim() != 2) {
            return matmul(a, b, transposeA, transposeB).add(bias);
        }
        Tensor a2 = transposeA ? a.t() : a;
        Tensor b2 = transposeB ? b.t() : b;
        int m = a2.size(0);
        int k = a2.size(1);
        int n = b2.size(1);
        if (b2.size(0) != k) {
            throw new IllegalArgumentException("addmm: shapes " + Shape.str(a.shape) + (transposeA ? "^T" : "") + " and "
                    + Shape.str(b.shape) + (transposeB ? "^T" : "") + " cannot be multiplied (inner dimensions " + k + " and "
                    + b2.size(0) + " differ)");
        }
        int[] outShape = {m, n};
        Tensor out = empty(a.backend(), outShape);
        if (bias.dim() == 1 && bias.size(0) == n) {
            a.backend().addmm(bias, a2, b2, out);
        } else {
            a.backend().copy(bias.broadcastTo("addmm", outShape), out);
            a.backend().matmul(a2, b2, out, true);
        }
        return out;
    }

    // ---------------------------------------------------------------- indexing

    /**
     * {@code out[i][j] = this[i][index[i][j]]} for {@code dim = 1}, as {@code torch.gather}: the
     * index holds whole numbers as floats, has this tensor's rank, and its shape is the output's.
     */
    public Tensor gather(int dim, Tensor index) {
        int d = checkIndexOp("gather", dim, index, null);
        Tensor out = empty(backend(), index.shape);
        backend().gather(this, d, index, out);
        return out;
    }

    /** A copy of this tensor with {@code src[i][j]} added at {@code [i][index[i][j]]} for {@code dim = 1}, as {@code torch.scatter_add}. */
    public Tensor scatterAdd(int dim, Tensor index, Tensor src) {
        int d = checkIndexOp("scatterAdd", dim, index, src);
        Tensor out = copy();
        backend().scatterAdd(out, d, index, src);
        return out;
    }

    private int checkIndexOp(String op, int dim, Tensor index, Tensor src) {
        sameBackend(op, index);
        int d = Shape.axis(op, dim, shape.length);
        if (index.dim() != dim()) {
            throw new IllegalArgumentException(op + ": index of shape " + Shape.str(index.shape)
                    + " must have the same rank as the input of shape " + Shape.str(shape));
        }
        for (int i = 0; i < shape.length; i++) {
            if (i != d && index.shape[i] > shape[i]) {
                throw new IllegalArgumentException(op + ": index of shape " + Shape.str(index.shape)
                        + " is larger than the input of shape " + Shape.str(shape) + " in dimension " + i);
            }
        }
        if (src != null) {
            sameBackend(op, src);
            if (src.dim() != index.dim()) {
                throw new IllegalArgumentException(op + ": src of shape " + Shape.str(src.shape)
                        + " must have the same rank as the index of shape " + Shape.str(index.shape));
            }
            for (int i = 0; i < src.dim(); i++) {
                if (index.shape[i] > src.shape[i]) {
                    throw new IllegalArgumentException(op + ": index of shape " + Shape.str(index.shape)
                            + " is larger than src of shape " + Shape.str(src.shape) + " in dimension " + i);
                }
            }
        }
        return d;
    }

    /** Joins tensors along an existing dimension; all other dimensions must match. */
    public static Tensor cat(int dim, Tensor... tensors) {
        if (tensors.length == 0) {
            throw new IllegalArgumentException("cat: needs at least one tensor");
        }
        Tensor first = tensors[0];
        int d = Shape.axis("cat", dim, first.dim());
        int total = 0;
        for (Tensor t : tensors) {
            first.sameBackend("cat", t);
            boolean fits = t.dim() == first.dim();
            for (int i = 0; fits && i < t.dim(); i++) {
                fits = i == d || t.shape[i] == first.shape[i];
            }
            if (!fits) {
                throw new IllegalArgumentException("cat: shapes " + Shape.str(first.shape) + " and " + Shape.str(t.shape)
                        + " differ outside dimension " + d);
            }
            total += t.shape[d];
        }
        int[] outShape = first.shape.clone();
        outShape[d] = total;
        Tensor out = empty(first.backend(), outShape);
        int at = 0;
        for (Tensor t : tensors) {
            first.backend().copy(t, out.slice(d, at, at + t.shape[d]));
            at += t.shape[d];
        }
        return out;
    }

    /** Joins tensors of equal shape along a new dimension. */
    public static Tensor stack(int dim, Tensor... tensors) {
        if (tensors.length == 0) {
            throw new IllegalArgumentException("stack: needs at least one tensor");
        }
        Tensor[] expanded = new Tensor[tensors.length];
        for (int i = 0; i < tensors.length; i++) {
            if (!Arrays.equals(tensors[i].shape, tensors[0].shape)) {
                throw new IllegalArgumentException("stack: shapes " + Shape.str(tensors[0].shape) + " and "
                        + Shape.str(tensors[i].shape) + " differ");
            }
            expanded[i] = tensors[i].unsqueeze(dim);
        }
        return cat(dim < 0 ? dim + tensors[0].dim() + 1 : dim, expanded);
    }

    // ---------------------------------------------------------------- convolution

    /**
     * 2-D cross-correlation as {@code torch.nn.functional.conv2d}: input [N, C, H, W], weight
     * [O, C, kH, kW], bias [O] or null, the same stride and zero padding on both axes.
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int stride, int padding) {
        int[] out = conv2dOutputShape(input.shape, weight.shape, stride, padding);
        input.sameBackend("conv2d", weight);
        if (bias != null) {
            input.sameBackend("conv2d", bias);
            if (bias.dim() != 1 || bias.shape[0] != weight.shape[0]) {
                throw new IllegalArgumentException("conv2d: bias of shape " + Shape.str(bias.shape) + " does not match weight of shape "
                        + Shape.str(weight.shape));
            }
        }
        Tensor result = empty(input.backend(), out);
        input.backend().conv2d(input, weight, bias, stride, padding, result);
        return result;
    }

    /** The gradient of {@link #conv2d} with respect to its input, whose shape is {@code inputShape}. */
    public static Tensor conv2dBackwardInput(Tensor gradOut, Tensor weight, int[] inputShape, int stride, int padding) {
        int[] out = conv2dOutputShape(inputShape, weight.shape, stride, padding);
        checkGradOut("conv2dBackwardInput", gradOut, out);
        gradOut.sameBackend("conv2dBackwardInput", weight);
        Tensor gradInput = empty(gradOut.backend(), inputShape);
        gradOut.backend().conv2dBackwardInput(gradOut, weight, stride, padding, gradInput);
        return gradInput;
    }

    /** The gradient of {@link #conv2d} with respect to its weight, whose shape is {@code weightShape}. */
    public static Tensor conv2dBackwardWeight(Tensor gradOut, Tensor input, int[] weightShape, int stride, int padding) {
        int[] out = conv2dOutputShape(input.shape, weightShape, stride, padding);
        checkGradOut("conv2dBackwardWeight", gradOut, out);
        gradOut.sameBackend("conv2dBackwardWeight", input);
        Tensor gradWeight = empty(gradOut.backend(), weightShape);
        gradOut.backend().conv2dBackwardWeight(gradOut, input, stride, padding, gradWeight);
        return gradWeight;
    }

    /** [N, O, Ho, Wo] for a conv2d of the given input and weight shapes; throws naming both shapes if they do not fit. */
    public static int[] conv2dOutputShape(int[] input, int[] weight, int stride, int padding) {
        String shapes = "input " + Shape.str(input) + " and weight " + Shape.str(weight);
        if (input.length != 4 || weight.length != 4) {
            throw new IllegalArgumentException("conv2d: expects a 4-D input [N, C, H, W] and a 4-D weight [O, C, kH, kW], got " + shapes);
        }
        if (input[1] != weight[1]) {
            throw new IllegalArgumentException("conv2d: " + shapes + " have different channel counts (" + input[1] + " vs " + weight[1] + ")");
        }
        if (stride < 1 || padding < 0) {
            throw new IllegalArgumentException("conv2d: stride must be >= 1 and padding >= 0, got stride " + stride + ", padding " + padding);
        }
        int ho = Math.floorDiv(input[2] + 2 * padding - weight[2], stride) + 1;
        int wo = Math.floorDiv(input[3] + 2 * padding - weight[3], stride) + 1;
        if (ho < 1 || wo < 1 || weight[2] < 1 || weight[3] < 1) {
            throw new IllegalArgumentException("conv2d: the kernel of " + shapes + " does not fit the padded input (padding "
                    + padding + ")");
        }
        return new int[] {input[0], weight[0], ho, wo};
    }

    private static void checkGradOut(String op, Tensor gradOut, int[] expected) {
        if (!Arrays.equals(gradOut.shape, expected)) {
            throw new IllegalArgumentException(op + ": gradient of shape " + Shape.str(gradOut.shape)
                    + " does not match the convolution's output shape " + Shape.str(expected));
        }
    }

    // ---------------------------------------------------------------- helpers

    private Tensor scalarLike(float value) {
        return of(backend(), new float[] {value});
    }

    private void sameBackend(String op, Tensor other) {
        if (other.backend() != backend()) {
            throw new IllegalArgumentException(op + ": operands live on different backends (" + backend().name() + " and "
                    + other.backend().name() + ")");
        }
    }

    private static int[] remove(int[] a, int at) {
        int[] r = new int[a.length - 1];
        System.arraycopy(a, 0, r, 0, at);
        System.arraycopy(a, at + 1, r, at, a.length - at - 1);
        return r;
    }

    private static int[] insert(int[] a, int at, int value) {
        int[] r = new int[a.length + 1];
        System.arraycopy(a, 0, r, 0, at);
        r[at] = value;
        System.arraycopy(a, at, r, at + 1, a.length - at);
        return r;
    }

    /** The shape and up to the first few elements, e.g. {@code Tensor[2, 3] [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]}. */
    @Override
    public String toString() {
        float[] v = numel() <= 64 ? toArray() : reshape(-1).slice(0, 0, 64).toArray();
        String values = Arrays.toString(v);
        if (numel() > 64) {
            values = values.substring(0, values.length() - 1) + ", ...]";
        }
        return "Tensor" + Shape.str(shape) + " " + values;
    }
}
