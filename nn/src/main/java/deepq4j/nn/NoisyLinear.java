package deepq4j.nn;

import deepq4j.autograd.Variable;
import deepq4j.tensor.Backend;
import deepq4j.tensor.Generator;
import deepq4j.tensor.Init;
import deepq4j.tensor.Tensor;
import deepq4j.tensor.TensorArena;

/**
 * A linear layer with learned, factorised Gaussian noise on its weights (Fortunato et al. 2018,
 * "Noisy Networks for Exploration"), as Rainbow and CleanRL's {@code rainbow_atari.py} use it:
 * in training mode y = x (mu_w + sigma_w * eps_w)^T + (mu_b + sigma_b * eps_b), in evaluation
 * mode y = x mu_w^T + mu_b.
 *
 * <p>The network explores by itself: where sigma stays large its greedy action varies from one
 * noise draw to the next, and gradient descent shrinks sigma where noise costs return. The noise
 * is factorised: eps_w[i][j] = f(eps_out[i]) f(eps_in[j]) and eps_b = f(eps_out), with
 * f(x) = sign(x) sqrt(|x|) of standard normals, so a draw costs in + out normals, not in x out.
 * Call {@link #resetNoise()} once per step (before acting and before each gradient step), as
 * the paper does. Initialisation as the paper's: mu uniform in +-1/sqrt(in), sigma_w =
 * sigma0/sqrt(in), sigma_b = sigma0/sqrt(out), sigma0 = 0.5.
 *
 * <p>The noise is not part of {@link #stateDict()} (torch keeps it as buffers): it is redrawn
 * from the layer's generator, whose state is what a training checkpoint must keep.
 */
public class NoisyLinear extends Module {
    /** The paper's sigma0 for factorised noise. */
    public static final double SIGMA0 = 0.5;

    private final int inFeatures;
    private final int outFeatures;
    private final Parameter weightMu;
    private final Parameter weightSigma;
    private final Parameter biasMu;
    private final Parameter biasSigma;
    private final Generator noise;
    private Tensor weightEpsilon;
    private Tensor biasEpsilon;

    /** A layer with sigma0 = 0.5, initialised from {@code generator}, which then draws its noise. */
    public NoisyLinear(int inFeatures, int outFeatures, Generator generator) {
        this(inFeatures, outFeatures, SIGMA0, generator);
    }

    /** As {@link #NoisyLinear(int, int, Generator)} with another sigma0 (CleanRL's {@code std_init}). */
    public NoisyLinear(int inFeatures, int outFeatures, double sigma0, Generator generator) {
        if (inFeatures < 1 || outFeatures < 1) {
            throw new IllegalArgumentException("NoisyLinear: feature counts must be positive, got " + inFeatures + " and " + outFeatures);
        }
        if (!(sigma0 >= 0)) {
            throw new IllegalArgumentException("NoisyLinear: sigma0 must be non-negative, got " + sigma0);
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        float bound = (float) (1 / Math.sqrt(inFeatures));
        this.weightMu = registerParameter("weight_mu", new Parameter(Init.uniform(generator, -bound, bound, outFeatures, inFeatures)));
        this.weightSigma = registerParameter("weight_sigma",
                new Parameter(Tensor.full((float) (sigma0 / Math.sqrt(inFeatures)), outFeatures, inFeatures)));
        this.biasMu = registerParameter("bias_mu", new Parameter(Init.uniform(generator, -bound, bound, outFeatures)));
        this.biasSigma = registerParameter("bias_sigma", new Parameter(Tensor.full((float) (sigma0 / Math.sqrt(outFeatures)), outFeatures)));
        this.noise = generator;
        resetNoise();
    }

    /**
     * Draws new noise: eps_in first, then eps_out, each f(standard normal), on the parameters'
     * backend. The noise is the layer's state until the next draw, so it is made outside any open
     * {@link TensorArena} (a gradient step's arena would release it at the step's end).
     */
    public void resetNoise() {
        Backend backend = weightMu.data().backend();
        float[] in = scaledNoise(inFeatures);
        float[] out = scaledNoise(outFeatures);
        TensorArena.outside(() -> {
            Tensor epsOut = Tensor.of(backend, out, outFeatures);
            weightEpsilon = epsOut.unsqueeze(1).mul(Tensor.of(backend, in, 1, inFeatures)); // eps_out eps_in^T
            biasEpsilon = epsOut;
            return null;
        });
    }

    /**
     * Draws new noise for every NoisyLinear in {@code module}, itself or any sub-module, in
     * registration order (a network of plain layers is left as it is).
     */
    public static void resetNoiseIn(Module module) {
        if (module instanceof NoisyLinear noisy) {
            noisy.resetNoise();
        }
        for (Module child : module.namedChildren().values()) {
            resetNoiseIn(child);
        }
    }

    /** n values of f(x) = sign(x) sqrt(|x|), x standard normal. */
    private float[] scaledNoise(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            float x = (float) noise.nextGaussian();
            v[i] = Math.signum(x) * (float) Math.sqrt(Math.abs(x));
        }
        return v;
    }

    @Override
    public Variable forward(Variable x) {
        Linear.requireFeatures(describe(), x, inFeatures);
        if (!isTraining()) {
            return Variable.linear(x, weightMu, biasMu);
        }
        Variable weight = weightMu.add(weightSigma.mul(Variable.of(weightEpsilon)));
        Variable bias = biasMu.add(biasSigma.mul(Variable.of(biasEpsilon)));
        return Variable.linear(x, weight, bias);
    }

    /** Moves the parameters and the current noise (not redrawn: moving a network consumes no random numbers). */
    @Override
    public Module to(Backend backend) {
        super.to(backend);
        weightEpsilon = weightEpsilon.to(backend);
        biasEpsilon = biasEpsilon.to(backend);
        return this;
    }

    /** The current weight noise eps_w, [out, in]. */
    Tensor weightEpsilon() {
        return weightEpsilon;
    }

    /** The current bias noise eps_b, [out]. */
    Tensor biasEpsilon() {
        return biasEpsilon;
    }

    @Override
    protected String describe() {
        return "NoisyLinear(in_features=" + inFeatures + ", out_features=" + outFeatures + ")";
    }
}
