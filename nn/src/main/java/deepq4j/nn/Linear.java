package deepq4j.nn;

import deepq4j.autograd.Variable;
import deepq4j.tensor.Generator;
import deepq4j.tensor.Init;
import deepq4j.tensor.Shape;

/** y = x W^T + b, as {@code torch.nn.Linear}: weight [out, in], bias [out], torch's default initialisation. */
public class Linear extends Module {
    private final int inFeatures;
    private final int outFeatures;
    private final Parameter weight;
    private final Parameter bias;

    /** A layer with bias, initialised from the default generator ({@link Generator#manualSeed}). */
    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true, Generator.defaultGenerator());
    }

    /**
     * As torch: weight ~ kaiming_uniform(a = sqrt(5)), i.e. U(-1/sqrt(in), 1/sqrt(in)), and bias ~
     * U(-1/sqrt(in), 1/sqrt(in)), weight drawn first.
     */
    public Linear(int inFeatures, int outFeatures, boolean bias, Generator generator) {
        if (inFeatures < 1 || outFeatures < 1) {
            throw new IllegalArgumentException("Linear: feature counts must be positive, got " + inFeatures + " and " + outFeatures);
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.weight = registerParameter("weight", new Parameter(Init.kaimingUniform(generator, Math.sqrt(5), outFeatures, inFeatures)));
        float bound = (float) (1 / Math.sqrt(inFeatures));
        this.bias = bias ? registerParameter("bias", new Parameter(Init.uniform(generator, -bound, bound, outFeatures))) : null;
    }

    @Override
    public Variable forward(Variable x) {
        requireFeatures(describe(), x, inFeatures);
        return Variable.linear(x, weight, bias);
    }

    /** Refuses an input whose last dimension is not {@code inFeatures}, naming the layer: Linear's and NoisyLinear's check. */
    static void requireFeatures(String layer, Variable x, int inFeatures) {
        int[] s = x.shape();
        if (s.length == 0 || s[s.length - 1] != inFeatures) {
            throw new IllegalArgumentException(layer + ": input of shape " + Shape.str(s) + " does not end in " + inFeatures
                    + " features");
        }
    }

    /** The weight, [out, in]. */
    public Parameter weight() {
        return weight;
    }

    /** The bias, [out], or null. */
    public Parameter bias() {
        return bias;
    }

    @Override
    protected String describe() {
        return "Linear(in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + (bias != null ? "True" : "False") + ")";
    }
}
