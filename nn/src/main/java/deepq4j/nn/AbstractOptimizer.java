package deepq4j.nn;

import deepq4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What the optimizers share: the parameter list, the learning rate, and per-parameter state. */
public abstract class AbstractOptimizer implements Optimizer {
    private final List<Parameter> params;
    private final Map<Parameter, Object> state = new IdentityHashMap<>();
    private double lr;

    /** Optimizes {@code params} with learning rate {@code lr}; {@code name} labels error messages. */
    protected AbstractOptimizer(String name, List<Parameter> params, double lr) {
        if (params.isEmpty()) {
            throw new IllegalArgumentException(name + ": got an empty parameter list");
        }
        check(name, "learning rate", lr, lr >= 0);
        this.params = new ArrayList<>(params);
        this.lr = lr;
    }

    /** Throws, as torch's "Invalid ..." errors, when {@code ok} is false. */
    protected static void check(String optimizer, String what, double value, boolean ok) {
        if (!ok) {
            throw new IllegalArgumentException(optimizer + ": invalid " + what + ": " + value);
        }
    }

    @Override
    public void step() {
        for (Parameter p : params) {
            if (p.requiresGrad() && p.grad() != null) {
                update(p, p.grad());
                // The update wrote the parameter in place: a graph built before the step can no
                // longer be differentiated (autograd checks the version, as PyTorch does).
                p.data().bumpVersion();
            }
        }
    }

    /** One update of one parameter. */
    protected abstract void update(Parameter p, Tensor grad);

    /** The parameter's state, created on its first update. */
    @SuppressWarnings("unchecked")
    protected <S> S state(Parameter p, Function<Parameter, S> create) {
        return (S) state.computeIfAbsent(p, k -> create.apply(p));
    }

    /** A zero tensor shaped and placed like the parameter, for moment estimates. */
    protected static Tensor zerosLike(Parameter p) {
        return p.data().zerosLike(p.data().shape());
    }

    @Override
    public void zeroGrad() {
        for (Parameter p : params) {
            p.zeroGrad();
        }
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double lr) {
        check(getClass().getSimpleName(), "learning rate", lr, lr >= 0);
        this.lr = lr;
    }

    /** The optimized parameters. */
    public List<Parameter> parameters() {
        return new ArrayList<>(params);
    }
}
