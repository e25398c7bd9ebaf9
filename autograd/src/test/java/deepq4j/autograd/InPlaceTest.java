package deepq4j.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** In-place ops and the version check that keeps them honest, as PyTorch's autograd does. */
class InPlaceTest {

    private static Tensor data() {
        return Tensor.of(new float[] {-2, -0.5f, 0.25f, 1, 3, -4}, 2, 3);
    }

    @Test
    void reluInPlaceGivesReluValuesAndGradientsWithoutANewTensor() {
        Variable w1 = Variable.leaf(Tensor.of(new float[] {0.5f, -1, 2, 0.1f, -0.3f, 1.5f}, 2, 3));
        Variable w2 = Variable.leaf(Tensor.of(new float[] {0.5f, -1, 2, 0.1f, -0.3f, 1.5f}, 2, 3));
        Variable x = Variable.of(data());
        Variable plain = x.mul(w1).relu();
        Variable h = x.mul(w2);
        Variable inPlace = h.reluInPlace();
        assertSame(h.data(), inPlace.data(), "relu_ writes over its input");
        assertArrayEquals(plain.data().toArray(), inPlace.data().toArray());
        plain.mul(plain).sum().backward();
        inPlace.mul(inPlace).sum().backward();
        assertArrayEquals(w1.grad().toArray(), w2.grad().toArray());
    }

    @Test
    void overwritingASavedTensorMakesBackwardThrow() {
        Variable w = Variable.leaf(Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
        Variable x = Variable.of(data());
        Variable y = x.mul(w).sum(); // mul saves x for w's gradient
        x.data().mulInPlace(2f);
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(e.getMessage().contains("mul") && e.getMessage().contains("in-place"), e.getMessage());
    }

    @Test
    void reluInPlaceAfterAnOpThatSavedItsOutputIsCaught() {
        Variable w = Variable.leaf(Tensor.of(new float[] {0.1f, -0.2f, 0.3f, -0.4f, 0.5f, -0.6f}, 2, 3));
        Variable e = w.exp().sub(1.5f); // sub keeps nothing; exp keeps its output, e's storage is new
        Variable y = w.exp();
        Variable z = y.reluInPlace(); // overwrites the output exp saved
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> z.sum().backward());
        assertTrue(thrown.getMessage().startsWith("backward of exp"), thrown.getMessage());
        e.reluInPlace().sum().backward(); // sub needs nothing saved: allowed
    }

    @Test
    void aLeafThatRequiresAGradientCannotBeOverwritten() {
        Variable w = Variable.leaf(data());
        IllegalStateException e = assertThrows(IllegalStateException.class, w::reluInPlace);
        assertTrue(e.getMessage().contains("leaf"), e.getMessage());
        try (NoGrad ignored = NoGrad.enter()) {
            w.reluInPlace(); // as torch.no_grad() allows param.relu_()
        }
        assertArrayEquals(new float[] {0, 0, 0.25f, 1, 3, 0}, w.data().toArray());
    }

    @Test
    void reluInPlacePassesAGradientCheck() {
        GradCheck.check(v -> v[0].mul(2f).reluInPlace().mul(v[0]).sum(),
                Tensor.of(new float[] {-1.3f, 0.7f, 2.1f, -0.2f, 0.9f, 1.7f}, 2, 3));
    }
}
