package deepq4j.nn;

import deepq4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code torch.optim.SGD}: plain gradient descent, with optional momentum, dampening, Nesterov and L2 decay. */
public class SGD extends AbstractOptimizer {
    private final double momentum;
    private final double dampening;
    private final double weightDecay;
    private final boolean nesterov;

    /** The momentum buffer of one parameter. */
    private static final class Buffer {
        final Tensor values;
        boolean started;

        Buffer(Parameter p, boolean momentum) {
            values = momentum ? zerosLike(p) : null;
        }
    }

    /** Plain SGD. */
    public SGD(List<Parameter> params, double lr) {
        this(params, lr, 0, 0, 0, false);
    }

    /** SGD with every setting; Nesterov needs momentum and no dampening, as in torch. */
    public SGD(List<Parameter> params, double lr, double momentum, double dampening, double weightDecay, boolean nesterov) {
        super("SGD", params, lr);
        check("SGD", "momentum value", momentum, momentum >= 0);
        check("SGD", "weight_decay value", weightDecay, weightDecay >= 0);
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new IllegalArgumentException("SGD: Nesterov momentum requires a momentum and zero dampening");
        }
        this.momentum = momentum;
        this.dampening = dampening;
        this.weightDecay = weightDecay;
        this.nesterov = nesterov;
    }

    @Override
    protected Map<String, Tensor> saveState(Object parameterState) {
        Buffer b = (Buffer) parameterState;
        Map<String, Tensor> out = new LinkedHashMap<>();
        if (b.values != null && b.started) {
            out.put("momentum_buffer", b.values);
        }
        return out;
    }

    @Override
    protected Object restoreState(Parameter p, int index, Map<String, Tensor> saved) {
        Buffer b = new Buffer(p, momentum > 0);
        if (momentum > 0) {
            restore(saved, index, "momentum_buffer", b.values);
            b.started = true;
        }
        return b;
    }

    @Override
    protected void update(Parameter p, Tensor grad) {
        Buffer b = state(p, q -> new Buffer(q, momentum > 0));
        // the backend's fused kernel: referenceStep in one pass over memory
        p.data().backend().sgdUpdate(p.data(), grad, b.values, learningRate(), momentum, dampening, weightDecay, nesterov, !b.started);
        b.started = true;
    }

    /**
     * One SGD step written out in tensor ops, as torch.optim.SGD's documentation states it
     * ({@code momentumBuffer} non-null: with momentum, which starts as the first gradient). The
     * fused kernel {@link #update} runs computes exactly this, to the same bits
     * (OptimizerReferenceTest); this is the form to read.
     */
    static void referenceStep(Tensor param, Tensor grad, Tensor momentumBuffer, double lr, double momentum, double dampening,
                              double weightDecay, boolean nesterov, boolean firstStep) {
        Tensor g = weightDecay != 0 ? grad.add(param.mul((float) weightDecay)) : grad; // g <- g + lambda theta
        if (momentumBuffer != null) {
            // b <- g on the first step, then b <- mu b + (1 - dampening) g
            Tensor b = firstStep ? g : momentumBuffer.mul((float) momentum).add(g.mul((float) (1 - dampening)));
            momentumBuffer.copyFrom(b);
            g = nesterov ? g.add(b.mul((float) momentum)) : b; // Nesterov looks ahead along b
        }
        param.copyFrom(param.sub(g.mul((float) lr))); // theta <- theta - lr g
    }
}
