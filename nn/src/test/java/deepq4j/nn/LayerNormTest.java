package deepq4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.autograd.Variable;
import deepq4j.tensor.Generator;
import deepq4j.tensor.Init;
import deepq4j.tensor.Tensor;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** LayerNorm against torch's definition written out in double precision, its gradient in float64, and its errors. */
class LayerNormTest {
    /** torch.nn.functional.layer_norm over the last n values of each row, in double: biased variance, eps under the root. */
    private static double[] reference(float[] x, int n, float[] w, float[] b, double eps) {
        double[] y = new double[x.length];
        for (int row = 0; row < x.length / n; row++) {
            double mean = 0;
            for (int j = 0; j < n; j++) {
                mean += x[row * n + j];
            }
            mean /= n;
            double var = 0;
            for (int j = 0; j < n; j++) {
                double d = x[row * n + j] - mean;
                var += d * d;
            }
            var /= n;
            for (int j = 0; j < n; j++) {
                y[row * n + j] = (x[row * n + j] - mean) / Math.sqrt(var + eps) * w[j] + b[j];
            }
        }
        return y;
    }

    @Property(tries = 100)
    void forwardMatchesTorchsDefinition(@ForAll @IntRange(min = 1, max = 5) int batch, @ForAll @IntRange(min = 1, max = 9) int features,
                                        @ForAll long seed) {
        Generator g = new Generator(seed);
        LayerNorm norm = new LayerNorm(features);
        // a learned affine other than the initial ones and zeros
        norm.parameters().get(0).data().copyFrom(Init.normal(g, 1f, 0.5f, features));
        norm.parameters().get(1).data().copyFrom(Init.normal(g, 0f, 0.5f, features));
        Tensor x = Init.normal(g, 3f, 2f, batch, features);
        float[] y = norm.forward(x).data().toArray();
        double[] expected = reference(x.toArray(), features, norm.parameters().get(0).data().toArray(),
                norm.parameters().get(1).data().toArray(), 1e-5);
        float[] xs = x.toArray();
        for (int i = 0; i < y.length; i++) {
            // float32 against double: the rounding of the row's mean (a few ulps of its largest value) is
            // divided by the row's standard deviation, so rows of nearly equal values get a wider bound
            int row = i / features;
            double mean = 0;
            double scale = 0;
            for (int j = 0; j < features; j++) {
                mean += xs[row * features + j] / (double) features;
                scale = Math.max(scale, Math.abs(xs[row * features + j]));
            }
            double var = 0;
            for (int j = 0; j < features; j++) {
                var += Math.pow(xs[row * features + j] - mean, 2) / features;
            }
            double tolerance = 1e-5 * (1 + Math.abs(expected[i])) + 1e-6 * scale / Math.sqrt(var + 1e-5) * 2;
            assertEquals(expected[i], y[i], tolerance, "element " + i);
        }
    }

    @Property(tries = 15)
    void passesTheGradientCheckIncludingOddAndSizeOneDimensions(@ForAll @IntRange(min = 1, max = 4) int batch,
                                                                @ForAll @IntRange(min = 1, max = 5) int features, @ForAll long seed) {
        Generator g = new Generator(seed);
        LayerNorm norm = new LayerNorm(features);
        norm.parameters().get(0).data().copyFrom(Init.normal(g, 1f, 0.5f, features));
        LayerTest.gradCheckModule(norm, Init.normal(g, 0f, 1f, batch, features));
        LayerTest.gradCheckModule(new LayerNorm(new int[] {2, features}, 1e-5, true), Init.normal(g, 0f, 1f, batch, 3, 2, features));
        LayerTest.gradCheckModule(new LayerNorm(new int[] {features}, 1e-3, false), Init.normal(g, 0f, 1f, batch, features));
    }

    @Test
    void normalisesOverSeveralTrailingDimensionsAndKeepsTheShape() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 10, 20, 30, 40}, 2, 2, 2);
        Variable y = new LayerNorm(2, 2).forward(x);
        assertArrayEquals(new int[] {2, 2, 2}, y.shape());
        float[] v = y.data().toArray();
        // each sample of four values becomes the same standardised pattern (up to eps)
        for (int j = 0; j < 4; j++) {
            assertEquals(v[j], v[4 + j], 1e-4);
        }
        assertEquals(0.0, v[0] + v[1] + v[2] + v[3], 1e-5);
    }

    @Test
    void namesAsTorchAndRefusesBadShapes() {
        LayerNorm norm = new LayerNorm(4);
        assertEquals(java.util.List.of("weight", "bias"), java.util.List.copyOf(norm.namedParameters().keySet()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> norm.forward(Tensor.zeros(3, 5)));
        assertTrue(e.getMessage().contains("LayerNorm((4,), eps=1e-05, elementwise_affine=True): input of shape [3, 5] does not end in [4]"),
                e.getMessage());
        assertEquals("LayerNorm((2, 3), eps=0.001, elementwise_affine=False)", new LayerNorm(new int[] {2, 3}, 1e-3, false).toString());
        assertThrows(IllegalArgumentException.class, () -> new LayerNorm(0));
        assertThrows(IllegalArgumentException.class, () -> new LayerNorm(new int[] {3}, 0, true));
    }
}
