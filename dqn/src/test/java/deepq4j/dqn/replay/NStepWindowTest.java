package deepq4j.dqn.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import deepq4j.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * n-step transitions against returns worked out by hand, on scripted episodes that end inside
 * the window both ways: terminated (no bootstrap) and truncated (bootstrap from the real final
 * observation with gamma^k, k the steps left). Observations are the step's time, so each stored
 * s and s' says which step it came from.
 */
class NStepWindowTest {
    private static float[] at(float t) {
        return new float[] {t};
    }

    /** The buffer's rows: s, a, r, s', terminated, discount, in the order stored. */
    private static Map<String, Tensor> rows(ReplayBuffer b) {
        return b.transitions().stateDict();
    }

    /** Episode 1: rewards 1..5 over 5 steps, terminated; episode 2 (observations from 10): rewards 10, 20, truncated after 2. */
    private static void play(NStepWindow w, ReplayBuffer b) {
        for (int t = 0; t < 5; t++) {
            w.add(at(t), t % 2, t + 1, at(t + 1), t == 4, false, b);
        }
        w.add(at(10), 1, 10, at(11), false, false, b);
        w.add(at(11), 0, 20, at(12), false, true, b);
    }

    @Test
    void threeStepReturnsCutAtTerminationAndTruncation() {
        ReplayBuffer b = new UniformReplayBuffer(100, new int[] {1}, 1);
        NStepWindow w = new NStepWindow(3, 0.5);
        play(w, b);
        assertEquals(0, w.pending(), "both episodes ended: nothing left in the window");
        Map<String, Tensor> r = rows(b);
        // s_t: steps 0 and 1 complete their windows; at the termination 2, 3 and 4 are flushed; then 10 and 11 at the truncation.
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 10, 11}, r.get("observations").toArray());
        assertArrayEquals(new float[] {0, 1, 0, 1, 0, 1, 0}, r.get("actions").toArray());
        assertArrayEquals(new float[] {
            1 + 0.5f * 2 + 0.25f * 3, // 2.75
            2 + 0.5f * 3 + 0.25f * 4, // 4.5
            3 + 0.5f * 4 + 0.25f * 5, // 6.25: the last full window, ending at the terminal step
            4 + 0.5f * 5,             // 6.5: two rewards were left
            5,                        // one
            10 + 0.5f * 20,           // 20: the truncated episode had only two steps
            20}, r.get("rewards").toArray());
        // s': n steps on, or the episode's final observation (5, and 12 for the truncated one).
        assertArrayEquals(new float[] {3, 4, 5, 5, 5, 12, 12}, r.get("next_observations").toArray());
        // Termination stops bootstrapping for every transition that reaches it; truncation does not.
        assertArrayEquals(new float[] {0, 0, 1, 1, 1, 0, 0}, r.get("terminated").toArray());
        // gamma^k, k the rewards summed: the truncated ones bootstrap from s' = 12 with 0.25 and 0.5.
        assertArrayEquals(new float[] {0.125f, 0.125f, 0.125f, 0.25f, 0.5f, 0.25f, 0.5f}, r.get("discounts").toArray());
    }

    @Test
    void oneStepIsEveryTransitionAsItComes() {
        ReplayBuffer viaWindow = new UniformReplayBuffer(100, new int[] {1}, 1);
        ReplayBuffer direct = new UniformReplayBuffer(100, new int[] {1}, 1);
        NStepWindow w = new NStepWindow(1, 0.99);
        play(w, viaWindow);
        for (int t = 0; t < 5; t++) {
            direct.add(at(t), at(t + 1), t % 2, t + 1, t == 4, (float) 0.99);
        }
        direct.add(at(10), at(11), 1, 10, false, (float) 0.99);
        direct.add(at(11), at(12), 0, 20, false, (float) 0.99);
        rows(direct).forEach((k, v) -> assertArrayEquals(v.toArray(), rows(viaWindow).get(k).toArray(), k));
    }

    @Test
    void prioritizedReplayStoresTheSameTransitions() {
        ReplayBuffer uniform = new UniformReplayBuffer(100, new int[] {1}, 1);
        ReplayBuffer prioritized = new PrioritizedReplayBuffer(100, new int[] {1}, 1, 0.6, 1e-6, 0.4);
        play(new NStepWindow(3, 0.5), uniform);
        play(new NStepWindow(3, 0.5), prioritized);
        rows(uniform).forEach((k, v) -> assertArrayEquals(v.toArray(), rows(prioritized).get(k).toArray(), k));
    }

    @Test
    void aWindowWithoutABufferOnlyKeepsItsSteps() {
        NStepWindow w = new NStepWindow(3, 0.5);
        w.add(at(0), 0, 1, at(1), false, false, null);
        w.add(at(1), 0, 1, at(2), false, false, null);
        assertEquals(2, w.pending());
        w.add(at(2), 0, 1, at(3), false, false, null);
        assertEquals(2, w.pending(), "the oldest step left the window, written nowhere");
    }
}
