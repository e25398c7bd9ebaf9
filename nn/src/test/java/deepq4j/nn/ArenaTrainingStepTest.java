package deepq4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import deepq4j.autograd.Variable;
import deepq4j.tensor.Generator;
import deepq4j.tensor.Tensor;
import deepq4j.tensor.TensorArena;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Training steps inside a {@link TensorArena}, one per step as DqnTrainer runs them, give the same
 * parameters bit for bit as steps left to the garbage collector; the optimizers' state, created
 * inside the first arena, outlives it.
 */
class ArenaTrainingStepTest {
    @Test
    void adamAndRmspropStepsInArenasEqualStepsWithout() {
        for (Function<Sequential, Optimizer> make : java.util.List.<Function<Sequential, Optimizer>>of(
                n -> new Adam(n.parameters(), 1e-2), n -> new RMSprop(n.parameters(), 1e-2))) {
            float[] withoutArena = train(make, false);
            float[] inArenas = train(make, true);
            assertArrayEquals(withoutArena, inArenas);
        }
    }

    private static float[] train(Function<Sequential, Optimizer> make, boolean inArenas) {
        Generator g = new Generator(5);
        Sequential net = new Sequential(new Linear(3, 7, true, g), new ReLU(true), new Linear(7, 1, true, g));
        Optimizer optimizer = make.apply(net);
        Tensor x = Tensor.randn(g, 9, 3);
        Tensor y = Tensor.randn(g, 9, 1);
        for (int step = 0; step < 6; step++) {
            try (TensorArena ignored = inArenas ? TensorArena.open() : null) {
                optimizer.zeroGrad();
                Losses.mse(net.forward(Variable.of(x)), Variable.of(y)).backward();
                optimizer.step();
            }
        }
        return net.forward(Variable.of(x)).data().toArray();
    }
}
