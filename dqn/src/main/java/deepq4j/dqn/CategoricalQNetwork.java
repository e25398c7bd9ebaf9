package deepq4j.dqn;

import deepq4j.autograd.Variable;
import deepq4j.nn.Module;
import deepq4j.tensor.Backend;
import deepq4j.tensor.Generator;
import deepq4j.tensor.Tensor;

/**
 * Distributional RL's network (C51, Bellemare et al. 2017): for every action a categorical
 * distribution of the return over fixed atoms z_0..z_K-1, evenly spaced on [v_min, v_max], as K
 * logits; p(s, a) = softmax over the atoms. Its {@link #forward} is the expected return
 * Q(s, a) = sum_i p_i(s, a) z_i, so acting, evaluation and the model file treat it as any
 * Q-network; training reads the {@link #logits} themselves.
 *
 * <p>With {@code dueling} (Rainbow), a value stream gives K logits and an advantage stream K per
 * action, combined atom by atom as in the dueling network: logits = v + a - mean over actions of a.
 */
public final class CategoricalQNetwork extends Module {
    private final Module body;
    private final Module head;
    private final Module value;
    private final int actions;
    private final int atoms;
    private Tensor support;

    /**
     * A categorical head of {@code actions} x {@code head.atoms()} logits on {@code body}, whose
     * output has {@code features} values; the atoms are evenly spaced from {@code head.vMin()} to
     * {@code head.vMax()}; dueling streams and noisy layers where {@code head} says so.
     */
    public CategoricalQNetwork(Module body, int features, int actions, QNetworks.Head head, Generator g) {
        if (head.atoms() < 2 || !(head.vMin() < head.vMax())) {
            throw new IllegalArgumentException("CategoricalQNetwork: needs at least 2 atoms on an interval v_min < v_max, got "
                    + head.atoms() + " atoms on [" + head.vMin() + ", " + head.vMax() + "]");
        }
        this.body = registerModule("body", body);
        this.actions = actions;
        this.atoms = head.atoms();
        if (head.dueling()) {
            this.value = registerModule("value", head.linear(features, atoms, g));
            this.head = registerModule("advantage", head.linear(features, actions * atoms, g));
        } else {
            this.value = null;
            this.head = registerModule("head", head.linear(features, actions * atoms, g));
        }
        this.support = Tensor.of(atomValues(atoms, head.vMin(), head.vMax()), atoms);
    }

    /** z_i = v_min + i (v_max - v_min) / (K - 1), computed in double and rounded once. */
    static float[] atomValues(int atoms, double vMin, double vMax) {
        float[] z = new float[atoms];
        for (int i = 0; i < atoms; i++) {
            z[i] = (float) (vMin + i * (vMax - vMin) / (atoms - 1));
        }
        return z;
    }

    /** The logits of the return distributions: [B, actions, atoms]. */
    public Variable logits(Variable x) {
        Variable features = body.forward(x);
        Variable out = head.forward(features).reshape(-1, actions, atoms);
        if (value != null) {
            Variable v = value.forward(features).reshape(-1, 1, atoms);
            out = v.add(out.sub(out.mean(1, true)));
        }
        return out;
    }

    /** The expected returns Q(s, a) = sum_i softmax(logits)_i z_i: [B, actions]. */
    @Override
    public Variable forward(Variable x) {
        return logits(x).softmax(2).mul(Variable.of(support)).sum(2, false);
    }

    /** The atoms z_0..z_K-1, [K], on the network's backend. */
    public Tensor support() {
        return support;
    }

    /** The number of atoms K. */
    public int atoms() {
        return atoms;
    }

    @Override
    public Module to(Backend backend) {
        super.to(backend);
        support = support.to(backend);
        return this;
    }
}
