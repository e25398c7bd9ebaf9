package deepq4j.nn;

import deepq4j.autograd.Variable;
import deepq4j.tensor.Backend;
import deepq4j.tensor.Shape;
import deepq4j.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A piece of a network with parameters and sub-modules, shaped like {@code torch.nn.Module}.
 *
 * <p>A subclass registers its parameters and children in its constructor; names then follow
 * PyTorch's: a Sequential's first Linear has {@code "0.weight"} and {@code "0.bias"}, so state
 * dictionaries and safetensors files line up with the same network written in PyTorch.
 */
public abstract class Module {
    private final LinkedHashMap<String, Parameter> parameters = new LinkedHashMap<>();
    private final LinkedHashMap<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** The module's computation. */
    public abstract Variable forward(Variable x);

    /** {@code forward} on a constant input. */
    public Variable forward(Tensor x) {
        return forward(Variable.of(x));
    }

    /** Registers a parameter under {@code name}; returns it. */
    protected <P extends Parameter> P registerParameter(String name, P parameter) {
        checkName(name);
        parameters.put(name, parameter);
        return parameter;
    }

    /** Registers a sub-module under {@code name}; returns it. */
    protected <M extends Module> M registerModule(String name, M module) {
        checkName(name);
        children.put(name, module);
        return module;
    }

    private void checkName(String name) {
        if (name.isEmpty() || name.contains(".") || parameters.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException("register: invalid or repeated name '" + name + "'");
        }
    }

    /** The direct sub-modules, by name, in registration order. */
    public LinkedHashMap<String, Module> namedChildren() {
        return new LinkedHashMap<>(children);
    }

    /** Every parameter, this module's own first and then each child's, with dotted PyTorch names. */
    public LinkedHashMap<String, Parameter> namedParameters() {
        LinkedHashMap<String, Parameter> all = new LinkedHashMap<>(parameters);
        for (Map.Entry<String, Module> child : children.entrySet()) {
            for (Map.Entry<String, Parameter> p : child.getValue().namedParameters().entrySet()) {
                all.put(child.getKey() + "." + p.getKey(), p.getValue());
            }
        }
        return all;
    }

    /** Every parameter, in {@link #namedParameters()} order. */
    public List<Parameter> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** The number of scalar parameters. */
    public long parameterCount() {
        long n = 0;
        for (Parameter p : parameters()) {
            n += p.data().numel();
        }
        return n;
    }

    /** The parameters' current values by name; the tensors are the live ones, as torch's state_dict. */
    public Map<String, Tensor> stateDict() {
        LinkedHashMap<String, Tensor> state = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> p : namedParameters().entrySet()) {
            state.put(p.getKey(), p.getValue().data());
        }
        return state;
    }

    /**
     * Copies values into the parameters. Every parameter must have an entry of its shape and
     * every entry a parameter, else an {@link IllegalArgumentException} names the key.
     */
    public void loadStateDict(Map<String, Tensor> state) {
        LinkedHashMap<String, Parameter> own = namedParameters();
        for (String key : own.keySet()) {
            if (!state.containsKey(key)) {
                throw new IllegalArgumentException("loadStateDict: missing key '" + key + "' (expected keys " + own.keySet() + ")");
            }
        }
        for (Map.Entry<String, Tensor> e : state.entrySet()) {
            Parameter p = own.get(e.getKey());
            if (p == null) {
                throw new IllegalArgumentException("loadStateDict: unexpected key '" + e.getKey() + "' (expected keys " + own.keySet() + ")");
            }
            if (!Arrays.equals(p.data().shape(), e.getValue().shape())) {
                throw new IllegalArgumentException("loadStateDict: key '" + e.getKey() + "' has shape " + Shape.str(e.getValue().shape())
                        + " but the parameter has shape " + Shape.str(p.data().shape()));
            }
        }
        for (Map.Entry<String, Tensor> e : state.entrySet()) {
            Parameter p = own.get(e.getKey());
            p.data().copyFrom(e.getValue().to(p.data().backend()));
        }
    }

    /** Copies every parameter of {@code source} into this module (a target network's hard update). */
    public void copyFrom(Module source) {
        loadStateDict(source.stateDict());
    }

    /**
     * Polyak averaging: each parameter becomes {@code tau * source + (1 - tau) * this}, as CleanRL's
     * soft target update. tau = 1 is a hard copy.
     */
    public void softUpdateFrom(Module source, double tau) {
        if (!(tau >= 0 && tau <= 1)) {
            throw new IllegalArgumentException("softUpdateFrom: tau must be in [0, 1], got " + tau);
        }
        LinkedHashMap<String, Parameter> own = namedParameters();
        LinkedHashMap<String, Parameter> other = source.namedParameters();
        if (!own.keySet().equals(other.keySet())) {
            throw new IllegalArgumentException("softUpdateFrom: the modules have different parameters: " + own.keySet() + " vs "
                    + other.keySet());
        }
        for (Map.Entry<String, Parameter> e : own.entrySet()) {
            Tensor target = e.getValue().data();
            Tensor src = other.get(e.getKey()).data();
            if (!Arrays.equals(target.shape(), src.shape())) {
                throw new IllegalArgumentException("softUpdateFrom: '" + e.getKey() + "' has shape " + Shape.str(target.shape())
                        + " here and " + Shape.str(src.shape()) + " in the source");
            }
            target.mulInPlace((float) (1 - tau)).addInPlace(src.mul((float) tau));
        }
    }

    /** Clears every parameter's gradient. */
    public void zeroGrad() {
        for (Parameter p : parameters()) {
            p.zeroGrad();
        }
    }

    /** Freezes (false) or unfreezes every parameter: frozen ones get no gradient and optimizers skip them. */
    public Module requiresGrad(boolean on) {
        for (Parameter p : parameters()) {
            p.requiresGrad(on);
        }
        return this;
    }

    /** Training mode (the default); returns this. */
    public Module train() {
        setTraining(true);
        return this;
    }

    /** Evaluation mode; returns this. */
    public Module eval() {
        setTraining(false);
        return this;
    }

    private void setTraining(boolean on) {
        training = on;
        for (Module child : children.values()) {
            child.setTraining(on);
        }
    }

    /** True in training mode. */
    public boolean isTraining() {
        return training;
    }

    /** Moves every parameter to {@code backend} (copies); returns this. */
    public Module to(Backend backend) {
        // Own parameters, then each child through its own to(): a module that keeps tensors other
        // than parameters (NoisyLinear's noise) moves them by overriding this.
        for (Parameter p : parameters.values()) {
            p.to(backend);
        }
        for (Module child : children.values()) {
            child.to(backend);
        }
        return this;
    }

    /** Writes the state dictionary as a safetensors file, atomically. */
    public void save(Path path) throws IOException {
        Safetensors.save(stateDict(), path);
    }

    /** Loads a safetensors file written by {@link #save} (or by {@code safetensors.torch.save_file}). */
    public void load(Path path) throws IOException {
        loadStateDict(Safetensors.load(path));
    }

    /** One line per module in PyTorch's layout, e.g. {@code Linear(in_features=4, out_features=120, bias=True)}. */
    @Override
    public String toString() {
        if (children.isEmpty()) {
            return describe();
        }
        StringBuilder s = new StringBuilder(getClass().getSimpleName()).append("(\n");
        for (Map.Entry<String, Module> c : children.entrySet()) {
            s.append("  (").append(c.getKey()).append("): ").append(c.getValue().toString().replace("\n", "\n  ")).append('\n');
        }
        return s.append(')').toString();
    }

    /** The module's own one-line description; layers add their sizes. */
    protected String describe() {
        return getClass().getSimpleName() + "()";
    }
}
