package deepq4j.nn;

import deepq4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.RAdam} (Liu et al. 2020, "On the Variance of the Adaptive Learning Rate and
 * Beyond"): Adam whose adaptive step is switched on only once the second-moment estimate has
 * seen enough gradients to be trusted, and then scaled by a rectification term r_t. Before that
 * (the first five steps with torch's betas) the step is the bias-corrected momentum alone, as in
 * SGD with momentum. CleanRL's pqn.py trains with it; it needs no learning-rate warm-up.
 *
 * <p>{@link #referenceStep} is the update written out in tensor ops, the form to read. Once the
 * rectified step is on it is Adam's step with the learning rate scaled by r_t and eps divided by
 * sqrt(1 - beta2^t) (the algebra is in {@link #update}), so {@link #update} runs the backend's fused
 * Adam kernel there, one pass over memory instead of eight; the first few steps, plain momentum,
 * run the reference. The two agree to float32 rounding (OptimizerTest holds both to torch's rule).
 */
public class RAdam extends AbstractOptimizer {
    private final double beta1;
    private final double beta2;
    private final double eps;

    /** Moment estimates of one parameter. */
    private static final class Moments {
        final Tensor expAvg;
        final Tensor expAvgSq;
        long step;

        Moments(Parameter p) {
            expAvg = zerosLike(p);
            expAvgSq = zerosLike(p);
        }
    }

    /** RAdam with torch's defaults: betas (0.9, 0.999), eps 1e-8. */
    public RAdam(List<Parameter> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8);
    }

    /** RAdam with the given betas and eps. */
    public RAdam(List<Parameter> params, double lr, double beta1, double beta2, double eps) {
        super("RAdam", params, lr);
        check("RAdam", "beta parameter at index 0", beta1, beta1 >= 0 && beta1 < 1);
        check("RAdam", "beta parameter at index 1", beta2, beta2 >= 0 && beta2 < 1);
        check("RAdam", "epsilon value", eps, eps >= 0);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    /**
     * One step: while rho_t <= 5 (see {@link #referenceStep}) the reference; after, the fused Adam
     * kernel. Adam's kernel moves theta by lr_a / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps_a);
     * RAdam's rectified step is lr r_t / (1 - beta1^t) * m * sqrt(1 - beta2^t) / (sqrt(v) + eps), which
     * is the same with lr_a = lr r_t and eps_a = eps / sqrt(1 - beta2^t).
     */
    @Override
    protected void update(Parameter p, Tensor grad) {
        Moments s = state(p, Moments::new);
        s.step++;
        long t = s.step;
        double biasCorrection2 = 1 - Math.pow(beta2, t);
        double rhoInf = 2 / (1 - beta2) - 1;
        double rhoT = rhoInf - 2 * t * Math.pow(beta2, t) / biasCorrection2;
        if (rhoT <= 5) {
            referenceStep(p.data(), grad, s.expAvg, s.expAvgSq, learningRate(), beta1, beta2, eps, t);
            return;
        }
        double rect = Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
        p.data().backend().adamUpdate(p.data(), grad, s.expAvg, s.expAvgSq, null, learningRate() * rect, beta1, beta2,
                eps / Math.sqrt(biasCorrection2), 0, false, t);
    }

    /**
     * One step t (from 1), as torch.optim.RAdam's documentation writes it:
     * m <- beta1 m + (1 - beta1) g and v <- beta2 v + (1 - beta2) g^2; the bias-corrected momentum
     * m / (1 - beta1^t); rho_inf = 2 / (1 - beta2) - 1 and rho_t = rho_inf - 2 t beta2^t / (1 - beta2^t),
     * the length of the average v stands for. While rho_t <= 5, theta <- theta - lr m_hat; after,
     * theta <- theta - lr r_t m_hat sqrt(1 - beta2^t) / (sqrt(v) + eps), with
     * r_t = sqrt((rho_t - 4)(rho_t - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho_t)).
     */
    static void referenceStep(Tensor param, Tensor grad, Tensor expAvg, Tensor expAvgSq, double lr, double beta1, double beta2,
                              double eps, long t) {
        Tensor m = expAvg.add(grad.sub(expAvg).mul((float) (1 - beta1))); // torch's lerp form
        Tensor v = expAvgSq.mul((float) beta2).add(grad.mul((float) (1 - beta2)).mul(grad));
        double biasCorrection1 = 1 - Math.pow(beta1, t);
        double biasCorrection2 = 1 - Math.pow(beta2, t);
        double rhoInf = 2 / (1 - beta2) - 1;
        double rhoT = rhoInf - 2 * t * Math.pow(beta2, t) / biasCorrection2;
        Tensor step = m.mul((float) (lr / biasCorrection1));
        if (rhoT > 5) {
            double rect = Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
            step = step.mul((float) (Math.sqrt(biasCorrection2) * rect)).div(v.sqrt().add((float) eps));
        }
        param.copyFrom(param.sub(step));
        expAvg.copyFrom(m);
        expAvgSq.copyFrom(v);
    }

    @Override
    protected Map<String, Tensor> saveState(Object parameterState) {
        Moments m = (Moments) parameterState;
        if (m.step > 1 << 24) {
            throw new IllegalStateException("RAdam: step " + m.step + " is past 2^24 and cannot be saved exactly as a float");
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put("step", Tensor.scalar(m.step));
        out.put("exp_avg", m.expAvg);
        out.put("exp_avg_sq", m.expAvgSq);
        return out;
    }

    @Override
    protected Object restoreState(Parameter p, int index, Map<String, Tensor> saved) {
        Moments m = new Moments(p);
        restore(saved, index, "exp_avg", m.expAvg);
        restore(saved, index, "exp_avg_sq", m.expAvgSq);
        Tensor step = saved.get("step");
        if (step == null || step.numel() != 1) {
            throw new IllegalArgumentException("RAdam.loadStateDict: parameter " + index + " lacks its step");
        }
        m.step = (long) step.item();
        return m;
    }
}
