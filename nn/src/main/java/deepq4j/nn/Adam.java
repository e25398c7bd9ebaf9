package deepq4j.nn;

import deepq4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code torch.optim.Adam}: bias-corrected moment estimates, optional L2 weight decay and amsgrad. */
public class Adam extends AbstractOptimizer {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean amsgrad;
    private final boolean decoupled;

    /** Moment estimates of one parameter. */
    private static final class Moments {
        final Tensor expAvg;
        final Tensor expAvgSq;
        final Tensor maxExpAvgSq;
        long step;

        Moments(Parameter p, boolean amsgrad) {
            expAvg = zerosLike(p);
            expAvgSq = zerosLike(p);
            maxExpAvgSq = amsgrad ? zerosLike(p) : null;
        }
    }

    /** Adam with torch's defaults: betas (0.9, 0.999), eps 1e-8, no weight decay. */
    public Adam(List<Parameter> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 0, false);
    }

    /** Adam with every setting; weightDecay adds an L2 penalty to the gradient, as torch's Adam. */
    public Adam(List<Parameter> params, double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad) {
        this("Adam", params, lr, beta1, beta2, eps, weightDecay, amsgrad, false);
    }

    Adam(String name, List<Parameter> params, double lr, double beta1, double beta2, double eps, double weightDecay,
         boolean amsgrad, boolean decoupled) {
        super(name, params, lr);
        check(name, "beta parameter at index 0", beta1, beta1 >= 0 && beta1 < 1);
        check(name, "beta parameter at index 1", beta2, beta2 >= 0 && beta2 < 1);
        check(name, "epsilon value", eps, eps >= 0);
        check(name, "weight_decay value", weightDecay, weightDecay >= 0);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.amsgrad = amsgrad;
        this.decoupled = decoupled;
    }

    @Override
    protected Map<String, Tensor> saveState(Object parameterState) {
        Moments m = (Moments) parameterState;
        // torch keeps the step as a float32 tensor too; it counts exactly up to 2^24.
        if (m.step > 1 << 24) {
            throw new IllegalStateException("Adam: step " + m.step + " is past 2^24 and cannot be saved exactly as a float");
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put("step", Tensor.scalar(m.step));
        out.put("exp_avg", m.expAvg);
        out.put("exp_avg_sq", m.expAvgSq);
        if (m.maxExpAvgSq != null) {
            out.put("max_exp_avg_sq", m.maxExpAvgSq);
        }
        return out;
    }

    @Override
    protected Object restoreState(Parameter p, int index, Map<String, Tensor> saved) {
        Moments m = new Moments(p, amsgrad);
        restore(saved, index, "exp_avg", m.expAvg);
        restore(saved, index, "exp_avg_sq", m.expAvgSq);
        if (amsgrad) {
            restore(saved, index, "max_exp_avg_sq", m.maxExpAvgSq);
        }
        Tensor step = saved.get("step");
        if (step == null || step.numel() != 1) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ".loadStateDict: parameter " + index + " lacks its step");
        }
        m.step = (long) step.item();
        return m;
    }

    /** One step: the backend's fused kernel, which computes {@link #referenceStep} in one pass over memory. */
    @Override
    protected void update(Parameter p, Tensor grad) {
        Moments m = state(p, q -> new Moments(q, amsgrad));
        m.step++;
        p.data().backend().adamUpdate(p.data(), grad, m.expAvg, m.expAvgSq, m.maxExpAvgSq, learningRate(), beta1, beta2, eps,
                weightDecay, decoupled, m.step);
    }

    /**
     * One Adam step written out in tensor ops, as torch.optim.Adam's documentation states it, for
     * step t (from 1) with learning rate lr. The fused kernel that {@link #update} runs computes
     * exactly this, operation by operation in the same order, so the two give the same bits
     * (OptimizerReferenceTest holds them to it); this is the form to read.
     */
    static void referenceStep(Tensor param, Tensor grad, Tensor expAvg, Tensor expAvgSq, Tensor maxExpAvgSq, double lr,
                              double beta1, double beta2, double eps, double weightDecay, boolean decoupled, long t) {
        Tensor theta = param;
        Tensor g = grad;
        if (weightDecay != 0) {
            if (decoupled) {
                theta = theta.mul((float) (1 - lr * weightDecay)); // AdamW: theta <- theta (1 - lr lambda)
            } else {
                g = g.add(theta.mul((float) weightDecay)); // Adam: an L2 penalty, g <- g + lambda theta
            }
        }
        // m <- beta1 m + (1 - beta1) g, computed as torch's lerp: m + (1 - beta1)(g - m)
        Tensor m = expAvg.add(g.sub(expAvg).mul((float) (1 - beta1)));
        // v <- beta2 v + (1 - beta2) g^2
        Tensor v = expAvgSq.mul((float) beta2).add(g.mul((float) (1 - beta2)).mul(g));
        Tensor second = v;
        if (maxExpAvgSq != null) { // amsgrad: the largest v so far
            second = maxExpAvgSq.maximum(v);
            maxExpAvgSq.copyFrom(second);
        }
        // theta <- theta - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps): the bias-corrected moments
        float stepSize = (float) (lr / (1 - Math.pow(beta1, t)));
        float biasCorrection2Sqrt = (float) Math.sqrt(1 - Math.pow(beta2, t));
        Tensor denominator = second.sqrt().div(biasCorrection2Sqrt).add((float) eps);
        param.copyFrom(theta.sub(m.div(denominator).mul(stepSize)));
        expAvg.copyFrom(m);
        expAvgSq.copyFrom(v);
    }
}
