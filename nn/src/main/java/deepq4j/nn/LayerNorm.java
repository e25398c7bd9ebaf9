package deepq4j.nn;

import deepq4j.autograd.Variable;
import deepq4j.tensor.Shape;
import deepq4j.tensor.Tensor;
import java.util.Arrays;

/**
 * {@code torch.nn.LayerNorm}: each sample normalised over its last dimensions to zero mean and
 * unit variance, then scaled and shifted by learned weight (ones) and bias (zeros) of those
 * dimensions' shape. As torch: the variance is the biased one (divided by n, not n - 1) and eps
 * is added under the square root.
 *
 * <p>PQN puts it after every hidden layer: it keeps the features' scale fixed while the network's
 * targets move, which is what lets PQN train without a target network.
 */
public class LayerNorm extends Module {
    private final int[] normalizedShape;
    private final double eps;
    private final Parameter weight;
    private final Parameter bias;

    /** Normalises over the last dimensions of shape {@code normalizedShape}, with torch's eps of 1e-5 and a learned affine. */
    public LayerNorm(int... normalizedShape) {
        this(normalizedShape, 1e-5, true);
    }

    /** As torch's {@code LayerNorm(normalized_shape, eps, elementwise_affine)}. */
    public LayerNorm(int[] normalizedShape, double eps, boolean elementwiseAffine) {
        if (normalizedShape.length == 0 || Arrays.stream(normalizedShape).anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("LayerNorm: normalized_shape must be one or more positive sizes, got "
                    + Arrays.toString(normalizedShape));
        }
        if (!(eps > 0)) {
            throw new IllegalArgumentException("LayerNorm: eps must be positive, got " + eps);
        }
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        this.weight = elementwiseAffine ? registerParameter("weight", new Parameter(Tensor.ones(normalizedShape))) : null;
        this.bias = elementwiseAffine ? registerParameter("bias", new Parameter(Tensor.zeros(normalizedShape))) : null;
    }

    @Override
    public Variable forward(Variable x) {
        int[] s = x.shape();
        int k = normalizedShape.length;
        if (s.length < k || !Arrays.equals(Arrays.copyOfRange(s, s.length - k, s.length), normalizedShape)) {
            throw new IllegalArgumentException(describe() + ": input of shape " + Shape.str(s) + " does not end in "
                    + Shape.str(normalizedShape));
        }
        // Rows of n = prod(normalizedShape) features, one per sample (the leading dimensions).
        int n = Shape.size(normalizedShape);
        Variable rows = x.reshape(-1, n);
        Variable y = Variable.layerNorm(rows, weight == null ? null : weight.reshape(n), bias == null ? null : bias.reshape(n), (float) eps);
        return y.reshape(s);
    }

    @Override
    protected String describe() {
        // torch prints normalized_shape as a Python tuple: (4,) or (2, 3)
        String[] sizes = Arrays.stream(normalizedShape).mapToObj(Integer::toString).toArray(String[]::new);
        String shape = "(" + String.join(", ", sizes) + (sizes.length == 1 ? ",)" : ")");
        return "LayerNorm(" + shape + ", eps=" + pythonFloat(eps) + ", elementwise_affine=" + (weight != null ? "True" : "False") + ")";
    }

    /** A double as Python's repr writes it, for torch's module text: 1e-05, 0.001. */
    private static String pythonFloat(double v) {
        String java = Double.toString(v); // 1.0E-5, 0.001
        int e = java.indexOf('E');
        if (e < 0) {
            return java.endsWith(".0") ? java.substring(0, java.length() - 2) : java;
        }
        String mantissa = java.substring(0, e).replaceAll("\\.0$", "");
        int exponent = Integer.parseInt(java.substring(e + 1));
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
}
