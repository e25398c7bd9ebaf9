package deepq4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.tensor.Generator;
import deepq4j.tensor.Init;
import deepq4j.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** NoisyLinear: the paper's initialisation and factorised noise, its forward in both modes against double arithmetic, its gradient. */
class NoisyLinearTest {
    @Test
    void initialisesAsThePaperAndNamesAsTorch() {
        NoisyLinear layer = new NoisyLinear(16, 4, new Generator(1));
        assertEquals(List.of("weight_mu", "weight_sigma", "bias_mu", "bias_sigma"), List.copyOf(layer.namedParameters().keySet()));
        float bound = (float) (1 / Math.sqrt(16));
        for (float v : layer.stateDict().get("weight_mu").toArray()) {
            assertTrue(v >= -bound && v < bound, "mu in +-1/sqrt(in): " + v);
        }
        for (float v : layer.stateDict().get("weight_sigma").toArray()) {
            assertEquals(0.5f / 4, v, 0f);
        }
        for (float v : layer.stateDict().get("bias_sigma").toArray()) {
            assertEquals(0.5f / 2, v, 0f);
        }
    }

    @Test
    void theNoiseIsFactorisedRedrawnAndSeeded() {
        NoisyLinear a = new NoisyLinear(5, 3, new Generator(7));
        float[] w = a.weightEpsilon().toArray();
        float[] out = a.biasEpsilon().toArray();
        // eps_w[i][j] = eps_out[i] * eps_in[j]: every row is eps_in scaled by that row's eps_out
        float[] in = new float[5];
        for (int j = 0; j < 5; j++) {
            in[j] = w[j] / out[0];
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 5; j++) {
                assertEquals(out[i] * in[j], w[i * 5 + j], 1e-5f * (1 + Math.abs(w[i * 5 + j])));
            }
        }
        NoisyLinear b = new NoisyLinear(5, 3, new Generator(7));
        assertArrayEquals(w, b.weightEpsilon().toArray(), "the same seed draws the same noise");
        a.resetNoise();
        assertFalse(Arrays.equals(w, a.weightEpsilon().toArray()), "resetNoise draws anew");
        // f(x) = sign(x) sqrt(|x|) of standard normals: E[f(x)^2] = E|x| = sqrt(2/pi)
        NoisyLinear wide = new NoisyLinear(20_000, 1, 0.5, new Generator(3));
        double sumSq = 0;
        float[] first = wide.weightEpsilon().toArray();
        float scale = wide.biasEpsilon().toArray()[0];
        for (float v : first) {
            double e = v / scale;
            sumSq += e * e;
        }
        assertEquals(Math.sqrt(2 / Math.PI), sumSq / first.length, 0.02);
    }

    @Test
    void trainingModeAddsTheNoiseAndEvaluationModeUsesTheMeans() {
        Generator g = new Generator(11);
        NoisyLinear layer = new NoisyLinear(3, 2, g);
        Tensor x = Init.normal(g, 0f, 1f, 4, 3);
        float[] mu = layer.stateDict().get("weight_mu").toArray();
        float[] sigma = layer.stateDict().get("weight_sigma").toArray();
        float[] bmu = layer.stateDict().get("bias_mu").toArray();
        float[] bsigma = layer.stateDict().get("bias_sigma").toArray();
        float[] eps = layer.weightEpsilon().toArray();
        float[] beps = layer.biasEpsilon().toArray();
        float[] xs = x.toArray();
        float[] noisy = layer.forward(x).data().toArray();
        layer.eval();
        float[] greedy = layer.forward(x).data().toArray();
        for (int r = 0; r < 4; r++) {
            for (int o = 0; o < 2; o++) {
                double withNoise = bmu[o] + (double) bsigma[o] * beps[o];
                double means = bmu[o];
                for (int i = 0; i < 3; i++) {
                    withNoise += xs[r * 3 + i] * (mu[o * 3 + i] + (double) sigma[o * 3 + i] * eps[o * 3 + i]);
                    means += xs[r * 3 + i] * (double) mu[o * 3 + i];
                }
                assertEquals(withNoise, noisy[r * 2 + o], 1e-5, "training mode, row " + r);
                assertEquals(means, greedy[r * 2 + o], 1e-5, "evaluation mode, row " + r);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> layer.forward(Tensor.zeros(2, 4)));
        assertThrows(IllegalArgumentException.class, () -> new NoisyLinear(0, 2, g));
    }

    @Property(tries = 15)
    void passesTheGradientCheckWithRespectToItsInputAndAllFourParameters(@ForAll @IntRange(min = 1, max = 4) int batch,
            @ForAll @IntRange(min = 1, max = 5) int in, @ForAll @IntRange(min = 1, max = 5) int out, @ForAll long seed) {
        Generator g = new Generator(seed);
        LayerTest.gradCheckModule(new NoisyLinear(in, out, g), Init.normal(g, 0f, 1f, batch, in));
    }
}
