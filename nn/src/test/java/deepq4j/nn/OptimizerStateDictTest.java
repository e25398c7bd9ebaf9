package deepq4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.autograd.Variable;
import deepq4j.tensor.Generator;
import deepq4j.tensor.Tensor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * An optimizer's state dict carries everything the next steps depend on: an optimizer restored from
 * it continues exactly (bit for bit) where the saved one would have, as after
 * {@code optimizer.load_state_dict(torch.load(...))}.
 */
class OptimizerStateDictTest {
    private static final List<Function<List<Parameter>, AbstractOptimizer>> OPTIMIZERS = List.of(
            ps -> new Adam(ps, 1e-2),
            ps -> new Adam(ps, 1e-2, 0.9, 0.999, 1e-8, 0.01, true),
            ps -> new AdamW(ps, 1e-2, 0.01, false),
            ps -> new RMSprop(ps, 1e-2, 0.95, 0.01, 0, 0.9, true),
            ps -> new RMSprop(ps, 1e-2),
            ps -> new SGD(ps, 0.1, 0.9, 0, 0, true));

    private static void step(Linear layer, AbstractOptimizer opt, int round) {
        Generator g = new Generator(100 + round);
        Variable x = Variable.of(Tensor.randn(g, 5, 3));
        opt.zeroGrad();
        layer.forward(x).pow(2f).mean().backward();
        opt.step();
    }

    @Test
    void aRestoredOptimizerContinuesBitForBit() {
        for (int kind = 0; kind < OPTIMIZERS.size(); kind++) {
            Linear a = new Linear(3, 2, true, new Generator(1));
            AbstractOptimizer optA = OPTIMIZERS.get(kind).apply(a.parameters());
            for (int r = 0; r < 3; r++) {
                step(a, optA, r);
            }
            // Save: the layer's weights and copies of the optimizer's state, as a checkpoint would.
            Map<String, Tensor> saved = new HashMap<>();
            optA.stateDict().forEach((k, v) -> saved.put(k, v.copy()));
            Linear b = new Linear(3, 2, true, new Generator(2));
            b.loadStateDict(a.stateDict());
            AbstractOptimizer optB = OPTIMIZERS.get(kind).apply(b.parameters());
            optB.loadStateDict(saved);
            for (int r = 3; r < 6; r++) {
                step(a, optA, r);
                step(b, optB, r);
            }
            for (String name : a.stateDict().keySet()) {
                assertArrayEquals(a.stateDict().get(name).toArray(), b.stateDict().get(name).toArray(), "optimizer " + kind + ", " + name);
            }
        }
    }

    @Test
    void namesAndShapesAreChecked() {
        Linear a = new Linear(3, 2, true, new Generator(1));
        Adam adam = new Adam(a.parameters(), 1e-2);
        step(a, adam, 0);
        Map<String, Tensor> state = adam.stateDict();
        assertEquals(Map.of(), new Adam(a.parameters(), 1e-2).stateDict());
        assertTrue(state.containsKey("0.exp_avg") && state.containsKey("1.step"), state.keySet().toString());
        Map<String, Tensor> wrongShape = new HashMap<>(state);
        wrongShape.put("0.exp_avg", Tensor.zeros(7));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Adam(a.parameters(), 1e-2).loadStateDict(wrongShape));
        assertTrue(e.getMessage().contains("0.exp_avg") && e.getMessage().contains("shape"), e.getMessage());
        Map<String, Tensor> unknown = new HashMap<>(state);
        unknown.put("9.exp_avg", Tensor.zeros(2));
        assertThrows(IllegalArgumentException.class, () -> new Adam(a.parameters(), 1e-2).loadStateDict(unknown));
        Map<String, Tensor> missing = new HashMap<>(state);
        missing.remove("0.exp_avg_sq");
        e = assertThrows(IllegalArgumentException.class, () -> new Adam(a.parameters(), 1e-2).loadStateDict(missing));
        assertTrue(e.getMessage().contains("exp_avg_sq"), e.getMessage());
    }
}
