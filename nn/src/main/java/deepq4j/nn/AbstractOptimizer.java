package deepq4j.nn;

import deepq4j.tensor.Shape;
import deepq4j.tensor.Tensor;
import deepq4j.tensor.TensorArena;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
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

    /** The parameter's state, created on its first update (outside any open {@link TensorArena}: it lives on). */
    @SuppressWarnings("unchecked")
    protected <S> S state(Parameter p, Function<Parameter, S> create) {
        return (S) state.computeIfAbsent(p, k -> TensorArena.outside(() -> create.apply(p)));
    }

    /**
     * The per-parameter state as named tensors, torch's {@code optimizer.state_dict()["state"]}
     * flattened: {@code "<parameter index>.<name>"}, such as {@code "0.exp_avg"}. Parameters not
     * updated yet have no entries. The tensors are the live state, not copies.
     */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int i = 0; i < params.size(); i++) {
            Object s = state.get(params.get(i));
            if (s != null) {
                for (Map.Entry<String, Tensor> e : saveState(s).entrySet()) {
                    out.put(i + "." + e.getKey(), e.getValue());
                }
            }
        }
        return out;
    }

    /** Replaces the per-parameter state with copies of a {@link #stateDict()}'s tensors; names and shapes must match. */
    public void loadStateDict(Map<String, Tensor> saved) {
        Map<Integer, Map<String, Tensor>> byParameter = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : saved.entrySet()) {
            String key = e.getKey();
            int dot = key.indexOf('.');
            int index = -1;
            if (dot > 0 && key.substring(0, dot).matches("[0-9]+")) {
                index = Integer.parseInt(key.substring(0, dot));
            }
            if (index < 0 || index >= params.size()) {
                throw new IllegalArgumentException(getClass().getSimpleName() + ".loadStateDict: '" + key
                        + "' names no parameter (there are " + params.size() + ")");
            }
            byParameter.computeIfAbsent(index, k -> new LinkedHashMap<>()).put(key.substring(dot + 1), e.getValue());
        }
        state.clear();
        for (Map.Entry<Integer, Map<String, Tensor>> e : byParameter.entrySet()) {
            Parameter p = params.get(e.getKey());
            state.put(p, restoreState(p, e.getKey(), e.getValue()));
        }
    }

    /** One parameter's state as named tensors (torch's names). */
    protected abstract Map<String, Tensor> saveState(Object parameterState);

    /** A parameter's state rebuilt from {@link #saveState}'s tensors. */
    protected abstract Object restoreState(Parameter p, int index, Map<String, Tensor> saved);

    /** Copies the saved tensor {@code name} into {@code into} (on the parameter's device), checking its shape. */
    protected void restore(Map<String, Tensor> saved, int index, String name, Tensor into) {
        Tensor t = saved.get(name);
        if (t == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ".loadStateDict: parameter " + index + " lacks '" + name
                    + "' (it has " + saved.keySet() + ")");
        }
        if (!java.util.Arrays.equals(t.shape(), into.shape())) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ".loadStateDict: '" + index + "." + name + "' has shape "
                    + Shape.str(t.shape()) + ", the parameter " + Shape.str(into.shape()));
        }
        into.copyFrom(t.to(into.backend()));
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
