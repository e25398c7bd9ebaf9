package deepq4j.dqn;

import deepq4j.autograd.Variable;
import deepq4j.nn.Linear;
import deepq4j.nn.Module;
import deepq4j.tensor.Generator;

/**
 * The dueling architecture (Wang et al. 2016): a shared body, then a value stream V(s) and an
 * advantage stream A(s, a), recombined as Q(s, a) = V(s) + A(s, a) - mean_a' A(s, a'). Subtracting
 * the mean makes the split identifiable: without it any constant could move between V and A.
 */
public class DuelingQNetwork extends Module {
    private final Module body;
    private final Linear value;
    private final Linear advantage;

    /** A dueling head of {@code actions} outputs on {@code body}, whose output has {@code features} values. */
    public DuelingQNetwork(Module body, int features, int actions, Generator g) {
        this.body = registerModule("body", body);
        this.value = registerModule("value", new Linear(features, 1, true, g));
        this.advantage = registerModule("advantage", new Linear(features, actions, true, g));
    }

    @Override
    public Variable forward(Variable x) {
        Variable features = body.forward(x);
        Variable v = value.forward(features);
        Variable a = advantage.forward(features);
        return v.add(a.sub(a.mean(1, true)));
    }
}
