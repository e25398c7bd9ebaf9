package deepq4j.nn;

import deepq4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.RMSprop}. The centered form divides by an estimate of the gradient's
 * variance rather than its second moment: the MinAtar DQN baseline uses it (lr 2.5e-4, alpha 0.95,
 * eps 0.01, centered).
 */
public class RMSprop extends AbstractOptimizer {
    private final double alpha;
    private final double eps;
    private final double weightDecay;
    private final double momentum;
    private final boolean centered;

    /** Running averages of one parameter. */
    private static final class Averages {
        final Tensor squareAvg;
        final Tensor gradAvg;
        final Tensor momentumBuffer;

        Averages(Parameter p, boolean centered, boolean momentum) {
            squareAvg = zerosLike(p);
            gradAvg = centered ? zerosLike(p) : null;
            momentumBuffer = momentum ? zerosLike(p) : null;
        }
    }

    /** RMSprop with torch's defaults: alpha 0.99, eps 1e-8, no decay, no momentum, not centered. */
    public RMSprop(List<Parameter> params, double lr) {
        this(params, lr, 0.99, 1e-8, 0, 0, false);
    }

    /** RMSprop with every setting. */
    public RMSprop(List<Parameter> params, double lr, double alpha, double eps, double weightDecay, double momentum, boolean centered) {
        super("RMSprop", params, lr);
        check("RMSprop", "alpha value", alpha, alpha >= 0);
        check("RMSprop", "epsilon value", eps, eps >= 0);
        check("RMSprop", "weight_decay value", weightDecay, weightDecay >= 0);
        check("RMSprop", "momentum value", momentum, momentum >= 0);
        this.alpha = alpha;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.momentum = momentum;
        this.centered = centered;
    }

    @Override
    protected Map<String, Tensor> saveState(Object parameterState) {
        Averages a = (Averages) parameterState;
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put("square_avg", a.squareAvg);
        if (a.gradAvg != null) {
            out.put("grad_avg", a.gradAvg);
        }
        if (a.momentumBuffer != null) {
            out.put("momentum_buffer", a.momentumBuffer);
        }
        return out;
    }

    @Override
    protected Object restoreState(Parameter p, int index, Map<String, Tensor> saved) {
        Averages a = new Averages(p, centered, momentum > 0);
        restore(saved, index, "square_avg", a.squareAvg);
        if (centered) {
            restore(saved, index, "grad_avg", a.gradAvg);
        }
        if (momentum > 0) {
            restore(saved, index, "momentum_buffer", a.momentumBuffer);
        }
        return a;
    }

    @Override
    protected void update(Parameter p, Tensor grad) {
        Averages a = state(p, q -> new Averages(q, centered, momentum > 0));
        // the backend's fused kernel: referenceStep in one pass over memory
        p.data().backend().rmspropUpdate(p.data(), grad, a.squareAvg, a.gradAvg, a.momentumBuffer, learningRate(), alpha, eps,
                weightDecay, momentum);
    }

    /**
     * One RMSprop step written out in tensor ops, as torch.optim.RMSprop's documentation states
     * it ({@code gradAvg} non-null: centered; {@code momentumBuffer} non-null: with momentum). The
     * fused kernel {@link #update} runs computes exactly this, in the same order, to the same bits
     * (OptimizerReferenceTest); this is the form to read.
     */
    static void referenceStep(Tensor param, Tensor grad, Tensor squareAvg, Tensor gradAvg, Tensor momentumBuffer, double lr,
                              double alpha, double eps, double weightDecay, double momentum) {
        Tensor g = weightDecay != 0 ? grad.add(param.mul((float) weightDecay)) : grad; // g <- g + lambda theta
        // v <- alpha v + (1 - alpha) g^2: a running mean of the squared gradient
        Tensor v = squareAvg.mul((float) alpha).add(g.mul((float) (1 - alpha)).mul(g));
        squareAvg.copyFrom(v);
        Tensor denominator;
        if (gradAvg != null) {
            // centered: also a running mean of g, and divide by sqrt(v - mean^2), the gradient's spread
            Tensor mean = gradAvg.add(g.sub(gradAvg).mul((float) (1 - alpha)));
            gradAvg.copyFrom(mean);
            denominator = v.sub(mean.mul(mean)).sqrt().add((float) eps);
        } else {
            denominator = v.sqrt().add((float) eps);
        }
        if (momentumBuffer != null) {
            // b <- mu b + g / denominator; theta <- theta - lr b
            Tensor b = momentumBuffer.mul((float) momentum).add(g.div(denominator));
            momentumBuffer.copyFrom(b);
            param.copyFrom(param.sub(b.mul((float) lr)));
        } else {
            param.copyFrom(param.sub(g.div(denominator).mul((float) lr))); // theta <- theta - lr g / denominator
        }
    }
}
