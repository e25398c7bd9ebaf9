package deepq4j.nn;

import deepq4j.autograd.Variable;

/**
 * max(x, 0) elementwise, as {@code torch.nn.ReLU}. With {@code inplace} it overwrites its input
 * instead of allocating an output, as {@code nn.ReLU(inplace=True)}: right after a Linear or
 * Conv2d layer nothing else needs the pre-activation, and the step saves a pass over memory.
 */
public class ReLU extends Module {
    private final boolean inplace;

    /** A ReLU that returns a new tensor. */
    public ReLU() {
        this(false);
    }

    /** A ReLU that overwrites its input when {@code inplace}. */
    public ReLU(boolean inplace) {
        this.inplace = inplace;
    }

    @Override
    public Variable forward(Variable x) {
        return inplace ? x.reluInPlace() : x.relu();
    }

    @Override
    protected String describe() {
        return inplace ? "ReLU(inplace=True)" : "ReLU()";
    }
}
