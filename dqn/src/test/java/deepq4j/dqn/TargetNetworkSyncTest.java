package deepq4j.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.nn.Linear;
import deepq4j.nn.Module;
import deepq4j.tensor.Generator;
import deepq4j.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The target network: a copy at the start, then a hard copy (tau 1) or a Polyak blend every `frequency` steps, and only then. */
class TargetNetworkSyncTest {

    private static Module layer(long seed) {
        return new Linear(3, 2, true, new Generator(seed));
    }

    private static float[] weights(Module m) {
        return m.stateDict().get("weight").toArray();
    }

    /** Moves every parameter of {@code m} by {@code delta}, as a gradient step would. */
    private static void nudge(Module m, float delta) {
        Map<String, Tensor> state = m.stateDict();
        state.replaceAll((k, v) -> v.add(delta));
        m.loadStateDict(state);
    }

    @Test
    void startsAsACopyAndCopiesEveryFrequencySteps() {
        Module online = layer(1);
        Module target = layer(2);
        TargetNetworkSync sync = new TargetNetworkSync(online, target, 500, 1.0);
        assertArrayEquals(weights(online), weights(target), "the target starts as the online network");
        nudge(online, 0.25f);
        float[] before = weights(target);
        for (long step = 1; step < 500; step++) {
            assertFalse(sync.maybeSync(step));
        }
        assertArrayEquals(before, weights(target), "untouched between syncs");
        assertTrue(sync.maybeSync(500));
        assertArrayEquals(weights(online), weights(target), "a hard copy at step 500");
        assertArrayEquals(online.stateDict().get("bias").toArray(), target.stateDict().get("bias").toArray());
    }

    @Test
    void smallerTauBlendsAsPolyakAveraging() {
        Module online = layer(1);
        Module target = layer(1);
        double tau = 0.1;
        TargetNetworkSync sync = new TargetNetworkSync(online, target, 1, tau);
        nudge(online, 1f);
        float[] o = weights(online);
        float[] t = weights(target);
        assertTrue(sync.maybeSync(7));
        float[] blended = weights(target);
        for (int i = 0; i < o.length; i++) {
            // target = tau * online + (1 - tau) * target, in float32
            assertEquals(tau * o[i] + (1 - tau) * t[i], blended[i], 1e-6, "weight " + i);
        }
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TargetNetworkSync(layer(1), layer(2), 0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new TargetNetworkSync(layer(1), layer(2), 10, 0.0));
        assertThrows(IllegalArgumentException.class, () -> new TargetNetworkSync(layer(1), layer(2), 10, 1.5));
    }
}
