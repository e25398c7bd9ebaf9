package deepq4j.dqn;

import deepq4j.autograd.Variable;
import deepq4j.nn.Module;
import deepq4j.tensor.Generator;

/**
 * The dueling architecture (Wang et al. 2016): a shared body, then a value stream V(s) and an
 * advantage stream A(s, a), recombined as Q(s, a) = V(s) + A(s, a) - mean_a' A(s, a'). Subtracting
 * the mean makes the split identifiable: without it any constant could move between V and A.
 */
public class DuelingQNetwork extends Module {
    private final Module body;
    private final Module value;
    private final Module advantage;

    /**
     * A dueling head of {@code actions} outputs on {@code body}, whose output has {@code features}
     * values; the streams' layers are noisy where {@code head} says so.
     */
    public DuelingQNetwork(Module body, int features, int actions, QNetworks.Head head, Generator g) {
        this.body = registerModule("body", body);
        this.value = registerModule("value", head.linear(features, 1, g));
        this.advantage = registerModule("advantage", head.linear(features, actions, g));
    }

    @Override
    public Variable forward(Variable x) {
        Variable features = body.forward(x);
        Variable v = value.forward(features);
        Variable a = advantage.forward(features);
        return v.add(a.sub(a.mean(1, true)));
    }
}
