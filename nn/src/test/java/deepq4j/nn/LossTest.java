package deepq4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.autograd.GradCheck;
import deepq4j.autograd.Variable;
import deepq4j.tensor.Backend;
import deepq4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** MSE, smooth L1 and Huber against values worked out by hand, and their gradients. */
class LossTest {
    private final Variable prediction = Variable.of(Tensor.of(new float[] {0.5f, 3f, -2f, 1f}, 4, 1));
    private final Variable target = Variable.of(Tensor.of(new float[] {0f, 1f, 0f, 1.25f}, 4, 1));

    @Test
    void valuesWorkedOutByHand() {
        // differences: 0.5, 2, -2, -0.25
        assertEquals((0.25 + 4 + 4 + 0.0625) / 4, Losses.mse(prediction, target).data().item(), 1e-6);
        // smooth L1, beta 1: 0.125, 1.5, 1.5, 0.03125
        assertEquals((0.125 + 1.5 + 1.5 + 0.03125) / 4, Losses.smoothL1(prediction, target, 1f).data().item(), 1e-6);
        // beta 2: 0.0625, 1.0, 1.0, 0.015625
        assertEquals((0.0625 + 1 + 1 + 0.015625) / 4, Losses.smoothL1(prediction, target, 2f).data().item(), 1e-6);
        // Huber, delta 2 = 2 * smooth L1 with beta 2
        assertEquals(2 * (0.0625 + 1 + 1 + 0.015625) / 4, Losses.huber(prediction, target, 2f, null).data().item(), 1e-6);
    }

    @Test
    void importanceWeightsScaleEachSample() {
        Tensor w = Tensor.of(new float[] {1f, 0.5f, 0f, 2f}, 4, 1);
        assertEquals((0.25 + 0.5 * 4 + 0 + 2 * 0.0625) / 4, Losses.mse(prediction, target, w).data().item(), 1e-6);
        assertEquals((0.125 + 0.5 * 1.5 + 0 + 2 * 0.03125) / 4, Losses.smoothL1(prediction, target, 1f, w).data().item(), 1e-6);
    }

    @Test
    void gradientsCheckOutInFloat64() {
        Tensor t = target.data().to(Backend.float64());
        Tensor w = Tensor.of(new float[] {1f, 0.5f, 0.3f, 2f}, 4, 1).to(Backend.float64());
        Tensor p = prediction.data();
        GradCheck.check(v -> Losses.mse(v[0], Variable.of(t)), p);
        GradCheck.check(v -> Losses.mse(v[0], Variable.of(t), w), p);
        GradCheck.check(v -> Losses.smoothL1(v[0], Variable.of(t), 1f, w), p);
        GradCheck.check(v -> Losses.huber(v[0], v[1], 1.5f, null), p, t); // through both arguments
    }

    @Test
    void mismatchedShapesAreAnErrorNotABroadcast() {
        Variable flat = Variable.of(Tensor.zeros(4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Losses.mse(prediction, flat));
        assertTrue(e.getMessage().contains("[4, 1]") && e.getMessage().contains("[4]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Losses.smoothL1(prediction, target, 0f));
    }

    @Test
    void crossEntropyOverDistributionsIsTorchsWithProbabilityTargets() {
        // F.cross_entropy(logits, p) with p given as probabilities, worked out in double
        float[] logits = {2f, 0f, -1f, 0.5f, 0.5f, 3f};
        float[] p = {0.7f, 0.2f, 0.1f, 0f, 0.25f, 0.75f};
        double expected = 0;
        for (int r = 0; r < 2; r++) {
            double m = Math.max(logits[3 * r], Math.max(logits[3 * r + 1], logits[3 * r + 2]));
            double lse = m + Math.log(Math.exp(logits[3 * r] - m) + Math.exp(logits[3 * r + 1] - m) + Math.exp(logits[3 * r + 2] - m));
            for (int c = 0; c < 3; c++) {
                expected -= p[3 * r + c] * (logits[3 * r + c] - lse) / 2;
            }
        }
        Variable loss = Losses.crossEntropy(Variable.of(Tensor.of(logits, 2, 3)), Tensor.of(p, 2, 3));
        assertEquals(expected, loss.data().item(), 1e-6);
        assertEquals(0.8234273195266724, loss.data().item(), 1e-6, "torch 1.13: F.cross_entropy(logits, p) for these tensors");
        Variable weighted = Losses.crossEntropy(Variable.of(Tensor.of(logits, 2, 3)), Tensor.of(p, 2, 3), Tensor.of(new float[] {2f, 0f}, 2));
        double firstRow = 0;
        double m = 2;
        double lse = m + Math.log(1 + Math.exp(-2) + Math.exp(-3));
        for (int c = 0; c < 3; c++) {
            firstRow -= p[c] * (logits[c] - lse);
        }
        assertEquals(2 * firstRow / 2, weighted.data().item(), 1e-6, "weights scale each row's loss before the batch mean");
        GradCheck.check(v -> Losses.crossEntropy(v[0], Tensor.of(Backend.float64(), new double[] {0.7, 0.2, 0.1, 0, 0.25, 0.75}, 2, 3)),
                Tensor.of(logits, 2, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Losses.crossEntropy(Variable.of(Tensor.zeros(2, 3)), Tensor.zeros(2, 4)));
        assertTrue(e.getMessage().contains("cross_entropy: logits of shape [2, 3] and target probabilities of shape [2, 4]"), e.getMessage());
    }
}
