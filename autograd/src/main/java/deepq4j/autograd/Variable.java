package deepq4j.autograd;

import deepq4j.tensor.Backend;
import deepq4j.tensor.Tensor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tensor in a computation graph, with the gradient that reverse-mode differentiation gives it.
 *
 * <p>This is micrograd's {@code Value} at tensor granularity. Each op returns a new variable that
 * remembers its inputs and a small backward function; that function receives the gradient of the
 * output and <em>adds</em> each input's share to the input's gradient. {@link #backward()} sorts the
 * graph topologically and runs the backward functions from the output to the leaves.
 *
 * <p>Gradients accumulate across backward passes until {@link #zeroGrad()}, as in PyTorch. Ops
 * inside a {@link NoGrad} scope, or whose inputs all lack gradients, record nothing.
 */
public class Variable {
    /** Adds the gradients of an op's inputs, given the gradient of its output. */
    @FunctionalInterface
    protected interface Backward {
        void apply(Tensor gradOutput);
    }

    private Tensor data;
    private final String op;
    private final Variable[] inputs;
    private final Backward backwardFn;
    private boolean requiresGrad;
    private Tensor grad;

    /** A leaf variable: a constant, or (when {@code requiresGrad}) a value to differentiate with respect to. */
    protected Variable(Tensor data, boolean requiresGrad) {
        this.data = data;
        this.op = "leaf";
        this.inputs = new Variable[0];
        this.backwardFn = null;
        this.requiresGrad = requiresGrad;
    }

    private Variable(Tensor data, String op, Variable[] inputs, Backward backwardFn) {
        this.data = data;
        this.op = op;
        this.inputs = inputs;
        this.backwardFn = backwardFn;
        this.requiresGrad = true;
    }

    /** A constant: no gradient is kept for it. */
    public static Variable of(Tensor value) {
        return new Variable(value, false);
    }

    /** A leaf whose gradient is kept, like {@code torch.tensor(..., requires_grad=True)}. */
    public static Variable leaf(Tensor value) {
        return new Variable(value, true);
    }

    /**
     * The output of an op: a graph node with a backward function when any input needs a gradient
     * (and no {@link NoGrad} scope is open), otherwise a plain constant.
     */
    protected static Variable result(Tensor value, String op, Backward backwardFn, Variable... inputs) {
        if (NoGrad.active()) {
            return of(value);
        }
        for (Variable in : inputs) {
            if (in != null && in.requiresGrad) {
                return new Variable(value, op, inputs, backwardFn);
            }
        }
        return of(value);
    }

    /** Keeps {@code t} for {@code op}'s backward pass, noting its version (see {@link SavedTensor}). */
    private static SavedTensor save(String op, Tensor t) {
        return new SavedTensor(op, t);
    }

    // ---------------------------------------------------------------- state

    /** The value. */
    public Tensor data() {
        return data;
    }

    /** The accumulated gradient; null until a backward pass reached this variable. */
    public Tensor grad() {
        return grad;
    }

    /** Replaces the gradient (gradient clipping and optimizers' tests use it); null clears it. */
    public void setGrad(Tensor newGrad) {
        if (newGrad != null && !Arrays.equals(newGrad.shape(), data.shape())) {
            throw new IllegalArgumentException("setGrad: gradient of shape " + Arrays.toString(newGrad.shape())
                    + " does not match the value's shape " + Arrays.toString(data.shape()));
        }
        grad = newGrad;
    }

    /**
     * Replaces a leaf's value with a tensor of the same shape (moving a parameter to another
     * backend); the gradient is dropped.
     */
    protected void replaceData(Tensor newData) {
        if (!isLeaf() || !Arrays.equals(newData.shape(), data.shape())) {
            throw new IllegalArgumentException("replaceData: only a leaf's value can be replaced, by one of the same shape");
        }
        data = newData;
        grad = null;
    }

    /** True if backward passes compute a gradient for this variable. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Turns gradient tracking of a leaf on or off (freezing a parameter); returns this. */
    public Variable requiresGrad(boolean on) {
        if (!isLeaf()) {
            throw new IllegalStateException("requiresGrad: only a leaf's tracking can be changed; this is the output of "
                    + op + " (use detach())");
        }
        requiresGrad = on;
        if (!on) {
            grad = null;
        }
        return this;
    }

    /** True for variables not computed by an op: constants and parameters. */
    public boolean isLeaf() {
        return backwardFn == null;
    }

    /** The op that produced this variable ("leaf" for leaves). */
    public String op() {
        return op;
    }

    /** Forgets the accumulated gradient (sets it to null, as PyTorch's default). */
    public void zeroGrad() {
        grad = null;
    }

    /** The same value as a constant, cut off from the graph. */
    public Variable detach() {
        return of(data);
    }

    /** The dimensions of the value. */
    public int[] shape() {
        return data.shape();
    }

    // ---------------------------------------------------------------- backward

    /** Back-propagates from a scalar output, seeding its gradient with 1. */
    public void backward() {
        if (data.numel() != 1) {
            throw new IllegalArgumentException("backward: only a scalar output can be seeded with 1; this one has shape "
                    + Arrays.toString(data.shape()) + ", so pass backward(gradOutput) a gradient of that shape");
        }
        backward(Tensor.ones(data.shape()).to(data.backend()));
    }

    /** Back-propagates {@code gradOutput} (of this variable's shape), as torch's {@code backward(gradient=...)}. */
    public void backward(Tensor gradOutput) {
        if (!Arrays.equals(gradOutput.shape(), data.shape())) {
            throw new IllegalArgumentException("backward: gradient of shape " + Arrays.toString(gradOutput.shape())
                    + " does not match the output's shape " + Arrays.toString(data.shape()));
        }
        if (!requiresGrad) {
            throw new IllegalStateException("backward: this variable does not require a gradient: no input of the ops that "
                    + "made it is a parameter or leaf(), or it was computed under NoGrad");
        }
        List<Variable> order = topologicalOrder();
        accumulate(gradOutput);
        for (int i = order.size() - 1; i >= 0; i--) {
            Variable v = order.get(i);
            if (v.backwardFn != null && v.grad != null) {
                v.backwardFn.apply(v.grad);
            }
        }
        // Like PyTorch, keep gradients on leaves only; the interior ones are freed.
        for (Variable v : order) {
            if (!v.isLeaf()) {
                v.grad = null;
            }
        }
    }

    /** Every variable that reaches this one, each after all of its inputs (iterative DFS: deep graphs cannot overflow the stack). */
    private List<Variable> topologicalOrder() {
        List<Variable> order = new ArrayList<>();
        Map<Variable, Boolean> visited = new IdentityHashMap<>();
        ArrayDeque<Variable> stack = new ArrayDeque<>();
        ArrayDeque<Integer> nextInput = new ArrayDeque<>();
        stack.push(this);
        nextInput.push(0);
        visited.put(this, true);
        while (!stack.isEmpty()) {
            Variable v = stack.peek();
            int i = nextInput.pop();
            if (i < v.inputs.length) {
                nextInput.push(i + 1);
                Variable in = v.inputs[i];
                if (in != null && in.requiresGrad && visited.put(in, true) == null) {
                    stack.push(in);
                    nextInput.push(0);
                }
            } else {
                stack.pop();
                order.add(v);
            }
        }
        return order;
    }

    /**
     * Adds {@code g} to this variable's gradient. A leaf keeps its own contiguous copy, so that an
     * optimizer or clipping may change it in place; interior gradients are only read, and may be views.
     */
    protected void accumulate(Tensor g) {
        if (!requiresGrad) {
            return;
        }
        if (!Arrays.equals(g.shape(), data.shape())) {
            throw new IllegalStateException("the backward function of " + op + " produced a gradient of shape "
                    + Arrays.toString(g.shape()) + " for a value of shape " + Arrays.toString(data.shape()));
        }
        if (grad == null) {
            grad = isLeaf() ? g.copy() : g;
        } else if (isLeaf()) {
            grad.addInPlace(g);
        } else {
            grad = grad.add(g);
        }
    }

    /**
     * {@link #accumulate} for a gradient tensor that the caller has just computed and holds no
     * other reference to: a leaf keeps it as its gradient instead of copying it.
     */
    protected void accumulateOwned(Tensor g) {
        if (requiresGrad && grad == null && isLeaf() && g.isContiguous() && Arrays.equals(g.shape(), data.shape())) {
            grad = g;
            return;
        }
        accumulate(g);
    }

    /** The inputs of the op that made this variable (empty for a leaf). */
    public List<Variable> inputs() {
        return Collections.unmodifiableList(Arrays.asList(inputs));
    }

    // ---------------------------------------------------------------- elementwise

    /** {@code this + other} with broadcasting. */
    public Variable add(Variable other) {
        Variable a = this;
        return result(data.add(other.data), "add", g -> {
            if (a.requiresGrad) {
                a.accumulate(Gradients.unbroadcast(g, a.data.shape()));
            }
            if (other.requiresGrad) {
                other.accumulate(Gradients.unbroadcast(g, other.data.shape()));
            }
        }, a, other);
    }

    /** {@code this - other} with broadcasting. */
    public Variable sub(Variable other) {
        Variable a = this;
        return result(data.sub(other.data), "sub", g -> {
            if (a.requiresGrad) {
                a.accumulate(Gradients.unbroadcast(g, a.data.shape()));
            }
            if (other.requiresGrad) {
                other.accumulate(Gradients.unbroadcast(g.neg(), other.data.shape()));
            }
        }, a, other);
    }

    /** {@code this * other} with broadcasting. */
    public Variable mul(Variable other) {
        Variable a = this;
        SavedTensor sa = save("mul", data);
        SavedTensor sb = save("mul", other.data);
        return result(data.mul(other.data), "mul", g -> {
            if (a.requiresGrad) {
                a.accumulate(Gradients.unbroadcast(g.mul(sb.get()), a.data.shape()));
            }
            if (other.requiresGrad) {
                other.accumulate(Gradients.unbroadcast(g.mul(sa.get()), other.data.shape()));
            }
        }, a, other);
    }

    /** {@code this / other} with broadcasting. */
    public Variable div(Variable other) {
        Variable a = this;
        SavedTensor sa = save("div", data);
        SavedTensor sb = save("div", other.data);
        return result(data.div(other.data), "div", g -> {
            if (a.requiresGrad) {
                a.accumulate(Gradients.unbroadcast(g.div(sb.get()), a.data.shape()));
            }
            if (other.requiresGrad) {
                // d(a/b)/db = -a / b^2
                Tensor gb = g.mul(sa.get()).div(sb.get().mul(sb.get())).neg();
                other.accumulate(Gradients.unbroadcast(gb, other.data.shape()));
            }
        }, a, other);
    }

    /** {@code this + value}. */
    public Variable add(float value) {
        Variable a = this;
        return result(data.add(value), "add", a::accumulate, a);
    }

    /** {@code this - value}. */
    public Variable sub(float value) {
        return add(-value);
    }

    /** {@code this * value}. */
    public Variable mul(float value) {
        Variable a = this;
        return result(data.mul(value), "mul", g -> a.accumulate(g.mul(value)), a);
    }

    /** {@code this / value}. */
    public Variable div(float value) {
        Variable a = this;
        return result(data.div(value), "div", g -> a.accumulate(g.div(value)), a);
    }

    /** {@code -this}. */
    public Variable neg() {
        Variable a = this;
        return result(data.neg(), "neg", g -> a.accumulate(g.neg()), a);
    }

    /** {@code this ^ exponent}. */
    public Variable pow(float exponent) {
        Variable a = this;
        SavedTensor x = save("pow", data);
        return result(data.pow(exponent), "pow", g -> a.accumulate(g.mul(x.get().pow(exponent - 1)).mul(exponent)), a);
    }

    /** e to the power of each element. */
    public Variable exp() {
        Variable a = this;
        Tensor out = data.exp();
        SavedTensor y = save("exp", out);
        return result(out, "exp", g -> a.accumulate(g.mul(y.get())), a);
    }

    /** The natural logarithm of each element. */
    public Variable log() {
        Variable a = this;
        SavedTensor x = save("log", data);
        return result(data.log(), "log", g -> a.accumulate(g.div(x.get())), a);
    }

    /** The square root of each element. */
    public Variable sqrt() {
        Variable a = this;
        Tensor out = data.sqrt();
        SavedTensor y = save("sqrt", out);
        return result(out, "sqrt", g -> a.accumulate(g.div(y.get().mul(2f))), a);
    }

    /** The absolute value of each element; its gradient at 0 is 0, as in PyTorch. */
    public Variable abs() {
        Variable a = this;
        SavedTensor x = save("abs", data);
        return result(data.abs(), "abs", g -> a.accumulate(g.mul(Gradients.sign(x.get()))), a);
    }

    /** {@code max(x, 0)}; the gradient passes where the output is nonzero, i.e. where x > 0. */
    public Variable relu() {
        return reluBackward("relu", this, data.relu());
    }

    /**
     * {@code max(x, 0)} written over x's own storage, as torch's {@code relu_} and
     * {@code nn.ReLU(inplace=True)}: no new tensor. Allowed only where x's old values are needed by
     * no one: a Linear or Conv2d output is (their backward reads their inputs, not their outputs);
     * if some op did save x, its backward pass throws rather than use the overwritten values.
     */
    public Variable reluInPlace() {
        if (isLeaf() && requiresGrad && !NoGrad.active()) {
            throw new IllegalStateException("reluInPlace: x is a leaf that requires a gradient (a parameter, or leaf()), and "
                    + "overwriting it would lose the value its gradient is taken at; use relu()");
        }
        return reluBackward("relu_", this, data.reluInPlace());
    }

    /** The node of relu and relu_: the gradient passes where the output is positive. */
    private static Variable reluBackward(String op, Variable a, Tensor out) {
        SavedTensor y = save(op, out);
        // The zero is one value broadcast, not a tensor of zeros: the mask pass reads only g and out.
        return result(out, op, g -> a.accumulateOwned(Tensor.where(y.get(), g, Tensor.scalar(0f).to(g.backend()))), a);
    }

    /** Each element limited to [min, max]; the gradient passes where min <= x <= max, as in PyTorch. */
    public Variable clamp(float min, float max) {
        Variable a = this;
        SavedTensor saved = save("clamp", data);
        return result(data.clamp(min, max), "clamp", g -> {
            Tensor x = saved.get();
            Tensor inside = x.ge(Tensor.scalar(min).to(x.backend())).mul(x.le(Tensor.scalar(max).to(x.backend())));
            a.accumulate(g.mul(inside));
        }, a);
    }

    /** {@code mask != 0 ? a : b} elementwise with broadcasting; the mask is a constant tensor. */
    public static Variable where(Tensor mask, Variable a, Variable b) {
        Tensor out = Tensor.where(mask, a.data, b.data);
        SavedTensor m = save("where", mask);
        return result(out, "where", g -> {
            Tensor mask0 = m.get();
            Tensor zero = g.zerosLike();
            if (a.requiresGrad) {
                a.accumulate(Gradients.unbroadcast(Tensor.where(mask0, g, zero), a.data.shape()));
            }
            if (b.requiresGrad) {
                b.accumulate(Gradients.unbroadcast(Tensor.where(mask0, zero, g), b.data.shape()));
            }
        }, a, b);
    }

    // ---------------------------------------------------------------- reductions

    /** The sum of all elements (a scalar). */
    public Variable sum() {
        Variable a = this;
        return result(data.sum(), "sum", g -> a.accumulate(g.expand(a.data.shape())), a);
    }

    /** The sum along one axis. */
    public Variable sum(int axis, boolean keepDim) {
        Variable a = this;
        int ax = axis < 0 ? axis + data.dim() : axis;
        return result(data.sum(ax, keepDim), "sum", g -> a.accumulate((keepDim ? g : g.unsqueeze(ax)).expand(a.data.shape())), a);
    }

    /** The mean of all elements (a scalar). */
    public Variable mean() {
        Variable a = this;
        int n = data.numel();
        return result(data.mean(), "mean", g -> a.accumulate(g.div(n).expand(a.data.shape())), a);
    }

    /** The mean along one axis. */
    public Variable mean(int axis, boolean keepDim) {
        Variable a = this;
        int ax = axis < 0 ? axis + data.dim() : axis;
        int n = data.size(ax);
        return result(data.mean(ax, keepDim), "mean",
                g -> a.accumulate((keepDim ? g : g.unsqueeze(ax)).div(n).expand(a.data.shape())), a);
    }

    /**
     * The largest element along one axis (max_a' Q(s', a')). As in PyTorch, the whole gradient
     * goes to the first largest element of each slice.
     */
    public Variable max(int axis, boolean keepDim) {
        Variable a = this;
        int ax = axis < 0 ? axis + data.dim() : axis;
        SavedTensor x = save("max", data);
        return result(data.max(ax, keepDim), "max", g -> {
            Tensor index = x.get().argmax(ax, true);
            Tensor gKeep = keepDim ? g : g.unsqueeze(ax);
            a.accumulate(a.data.zerosLike(a.data.shape()).scatterAdd(ax, index, gKeep));
        }, a);
    }

    /**
     * log(softmax(x)) along {@code axis}, as {@code torch.log_softmax}: x - m - log(sum(exp(x - m)))
     * with m the maximum along the axis. Shifting by m changes nothing mathematically and keeps exp
     * from overflowing (logits of 1000 are fine); m is a constant of the graph (detached), since the
     * shift's gradient is zero.
     */
    public Variable logSoftmax(int axis) {
        Variable shifted = sub(max(axis, true).detach());
        return shifted.sub(shifted.exp().sum(axis, true).log());
    }

    /** softmax(x) along {@code axis}, as {@code torch.softmax}: exp of {@link #logSoftmax}, so it never overflows. */
    public Variable softmax(int axis) {
        return logSoftmax(axis).exp();
    }

    /**
     * Layer normalisation of each row of a 2-D input [rows, n], as {@code torch.nn.functional.layer_norm}
     * over its last dimension: xhat = (x - mean) / sqrt(var + eps), the biased variance; then
     * xhat * weight + bias when those ([n]) are given (both or neither). One op with its own
     * backward, the backend's {@link Backend#layerNorm} and {@link Backend#layerNormBackward}
     * (whose defaults write the formulas out), instead of the chain of its parts: with
     * rstd = 1 / sqrt(var + eps) and dxhat = g * weight,
     * dx = rstd * (dxhat - mean(dxhat) - xhat * mean(dxhat * xhat)), both means along the row;
     * dweight = sum over rows of g * xhat, dbias = sum over rows of g.
     */
    public static Variable layerNorm(Variable x, Variable weight, Variable bias, float eps) {
        if (x.data.dim() != 2 || (weight == null) != (bias == null)
                || (weight != null && (weight.data.dim() != 1 || weight.data.size(0) != x.data.size(1)
                        || !Arrays.equals(bias.data.shape(), weight.data.shape())))) {
            throw new IllegalArgumentException("layerNorm: needs rows [rows, n] and weight and bias of [n] (or neither), got "
                    + Arrays.toString(x.data.shape()) + (weight == null ? "" : ", " + Arrays.toString(weight.data.shape())
                    + " and " + Arrays.toString(bias.data.shape())));
        }
        int rows = x.data.size(0);
        int n = x.data.size(1);
        Backend backend = x.data.backend();
        Tensor out = Tensor.zeros(backend, rows, n);
        Tensor mean = Tensor.zeros(backend, rows);
        Tensor rstd = Tensor.zeros(backend, rows);
        backend.layerNorm(x.data, weight == null ? null : weight.data, bias == null ? null : bias.data, eps, out, mean, rstd);
        SavedTensor savedX = save("layerNorm", x.data);
        SavedTensor savedWeight = weight == null ? null : save("layerNorm", weight.data);
        Variable[] inputs = weight == null ? new Variable[] {x} : new Variable[] {x, weight, bias};
        return result(out, "layerNorm", g -> {
            Tensor gradX = Tensor.zeros(backend, rows, n);
            boolean affine = weight != null && (weight.requiresGrad || bias.requiresGrad);
            Tensor gradWeight = affine ? Tensor.zeros(backend, n) : null;
            Tensor gradBias = affine ? Tensor.zeros(backend, n) : null;
            backend.layerNormBackward(g, savedX.get(), mean, rstd, savedWeight == null ? null : savedWeight.get(), gradX, gradWeight,
                    gradBias);
            if (x.requiresGrad) {
                x.accumulateOwned(gradX);
            }
            if (affine && weight.requiresGrad) {
                weight.accumulateOwned(gradWeight);
            }
            if (affine && bias.requiresGrad) {
                bias.accumulateOwned(gradBias);
            }
        }, inputs);
    }

    // ---------------------------------------------------------------- linear algebra and indexing

    /** Matrix product with {@code torch.matmul}'s rules (1-D, 2-D and batched operands). */
    public Variable matmul(Variable other) {
        return matmul(this, other, false, false);
    }

    /** {@code op(a) @ op(b)}, op transposing the last two dimensions when its flag is set; no copies. */
    public static Variable matmul(Variable a, Variable b, boolean transposeA, boolean transposeB) {
        if (a.data.dim() == 1) {
            return matmul(a.unsqueeze(0), b, false, transposeB).squeeze(-2);
        }
        if (b.data.dim() == 1) {
            return matmul(a, b.unsqueeze(1), transposeA, false).squeeze(-1);
        }
        Tensor out = Tensor.matmul(a.data, b.data, transposeA, transposeB);
        SavedTensor sa = save("matmul", a.data);
        SavedTensor sb = save("matmul", b.data);
        return result(out, "matmul", g -> {
            // C = op(A) op(B): dop(A) = G op(B)^T and dop(B) = op(A)^T G; a transposed op swaps the order.
            if (a.requiresGrad) {
                Tensor ga = transposeA ? Tensor.matmul(sb.get(), g, transposeB, true) : Tensor.matmul(g, sb.get(), false, !transposeB);
                a.accumulateOwned(Gradients.unbroadcast(ga, a.data.shape()));
            }
            if (b.requiresGrad) {
                Tensor gb = transposeB ? Tensor.matmul(g, sa.get(), true, transposeA) : Tensor.matmul(sa.get(), g, !transposeA, false);
                b.accumulate(Gradients.unbroadcast(gb, b.data.shape()));
            }
        }, a, b);
    }

    /**
     * {@code x W^T + b}, the Linear layer's op (torch's {@code F.linear}), computed in one pass as
     * {@link Tensor#addmm}; bias may be null. x is [N, in] (or batched [..., in]), W is [out, in].
     */
    public static Variable linear(Variable x, Variable weight, Variable bias) {
        if (bias == null || x.data.dim() != 2) {
            Variable y = matmul(x, weight, false, true);
            return bias == null ? y : y.add(bias);
        }
        Tensor out = Tensor.addmm(bias.data, x.data, weight.data, false, true);
        SavedTensor sx = save("linear", x.data);
        SavedTensor sw = save("linear", weight.data);
        return result(out, "linear", g -> {
            if (x.requiresGrad) {
                x.accumulateOwned(g.matmul(sw.get()));
            }
            if (weight.requiresGrad) {
                weight.accumulateOwned(Tensor.matmul(g, sx.get(), true, false));
            }
            if (bias.requiresGrad) {
                bias.accumulateOwned(g.sum(0));
            }
        }, x, weight, bias);
    }

    /** {@code out[i][j] = this[i][index[i][j]]} for dim 1, as {@code torch.gather}: Q(s, a) for the taken actions. */
    public Variable gather(int dim, Tensor index) {
        Variable a = this;
        int d = dim < 0 ? dim + data.dim() : dim;
        return result(data.gather(d, index), "gather",
                g -> a.accumulateOwned(a.data.zerosLike(a.data.shape()).scatterAdd(d, index, g)), a);
    }

    /** 2-D convolution, as {@code torch.nn.functional.conv2d}; bias may be null. */
    public static Variable conv2d(Variable input, Variable weight, Variable bias, int stride, int padding) {
        Tensor out = Tensor.conv2d(input.data, weight.data, bias == null ? null : bias.data, stride, padding);
        SavedTensor sx = save("conv2d", input.data);
        SavedTensor sw = save("conv2d", weight.data);
        return result(out, "conv2d", g -> {
            if (input.requiresGrad) {
                input.accumulateOwned(Tensor.conv2dBackwardInput(g, sw.get(), input.data.shape(), stride, padding));
            }
            if (weight.requiresGrad) {
                weight.accumulateOwned(Tensor.conv2dBackwardWeight(g, sx.get(), weight.data.shape(), stride, padding));
            }
            if (bias != null && bias.requiresGrad) {
                // One pass over each channel's plane, then over the batch: [N, O, H*W] -> [N, O] -> [O].
                int[] gs = g.shape();
                bias.accumulateOwned(g.reshape(gs[0], gs[1], -1).sum(2).sum(0));
            }
        }, input, weight, bias);
    }

    /** Joins variables along an existing dimension. */
    public static Variable cat(int dim, Variable... parts) {
        Tensor[] values = new Tensor[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = parts[i].data;
        }
        Tensor out = Tensor.cat(dim, values);
        int d = dim < 0 ? dim + out.dim() : dim;
        return result(out, "cat", g -> {
            int at = 0;
            for (Variable p : parts) {
                int size = p.data.size(d);
                p.accumulate(g.slice(d, at, at + size));
                at += size;
            }
        }, parts);
    }

    // ---------------------------------------------------------------- views

    /** The same elements in a new shape (one dimension may be -1). */
    public Variable reshape(int... shape) {
        Variable a = this;
        return result(data.reshape(shape), "reshape", g -> a.accumulate(g.reshape(a.data.shape())), a);
    }

    /** Flattens dimensions {@code startDim} and after into one: flatten(1) takes [N, ...] to [N, prod(...)]. */
    public Variable flatten(int startDim) {
        Variable a = this;
        return result(data.flatten(startDim), "flatten", g -> a.accumulate(g.reshape(a.data.shape())), a);
    }

    /** Swaps two dimensions. */
    public Variable transpose(int dim0, int dim1) {
        Variable a = this;
        return result(data.transpose(dim0, dim1), "transpose", g -> a.accumulate(g.transpose(dim0, dim1)), a);
    }

    /** The transpose of a 2-D variable. */
    public Variable t() {
        return transpose(0, 1);
    }

    /** Inserts a dimension of size 1. */
    public Variable unsqueeze(int dim) {
        Variable a = this;
        int d = dim < 0 ? dim + data.dim() + 1 : dim;
        return result(data.unsqueeze(d), "unsqueeze", g -> a.accumulate(g.squeeze(d)), a);
    }

    /** Removes a dimension of size 1. */
    public Variable squeeze(int dim) {
        Variable a = this;
        int d = dim < 0 ? dim + data.dim() : dim;
        return result(data.squeeze(d), "squeeze", g -> a.accumulate(g.unsqueeze(d)), a);
    }

    /** Elements [start, end) along one dimension. */
    public Variable slice(int dim, int start, int end) {
        Variable a = this;
        int d = dim < 0 ? dim + data.dim() : dim;
        Tensor out = data.slice(d, start, end);
        int n = data.size(d);
        int from = Math.max(0, Math.min(n, start < 0 ? start + n : start)); // as Tensor.slice clips it
        return result(out, "slice", g -> {
            Tensor full = a.data.zerosLike(a.data.shape());
            full.slice(d, from, from + g.size(d)).copyFrom(g);
            a.accumulate(full);
        }, a);
    }

    @Override
    public String toString() {
        return "Variable(" + op + ", " + data + (requiresGrad ? ", requiresGrad" : "") + ")";
    }
}
