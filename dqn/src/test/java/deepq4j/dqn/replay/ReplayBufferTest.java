package deepq4j.dqn.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The ring buffer: what it stores, how it wraps around, how it samples. */
class ReplayBufferTest {

    private static float[] obs(float v) {
        return new float[] {v, -v};
    }

    @Test
    void storesTerminatedAndTheRealNextObservation() {
        Transitions b = new Transitions(4, new int[] {2});
        b.add(obs(1), obs(2), 1, 0.5, false, 0.99f);
        b.add(obs(2), obs(3), 0, 1.0, true, 0.99f);
        Batch batch = b.batch(new int[] {1, 0}, null);
        assertArrayEquals(new float[] {2, -2, 1, -1}, batch.observations().toArray());
        assertArrayEquals(new float[] {3, -3, 2, -2}, batch.nextObservations().toArray());
        assertArrayEquals(new float[] {0, 1}, batch.actions().toArray());
        assertArrayEquals(new int[] {2, 1}, batch.actions().shape());
        assertArrayEquals(new float[] {1f, 0.5f}, batch.rewards().toArray());
        assertArrayEquals(new float[] {1, 0}, batch.terminated().toArray());
        assertEquals(null, batch.weights());
    }

    @Property(tries = 50)
    void wrapsAroundOverwritingTheOldest(@ForAll @IntRange(min = 1, max = 9) int capacity, @ForAll @IntRange(min = 0, max = 30) int added) {
        Transitions b = new Transitions(capacity, new int[] {2});
        for (int i = 0; i < added; i++) {
            b.add(obs(i), obs(i + 1), i % 2, i, false, 0.99f);
        }
        assertEquals(Math.min(added, capacity), b.size());
        assertEquals(added % capacity, b.nextSlot());
        if (added == 0) {
            return;
        }
        // the slots hold exactly the last min(added, capacity) transitions
        Set<Float> rewards = new HashSet<>();
        int[] all = new int[b.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        for (float r : b.batch(all, null).rewards().toArray()) {
            rewards.add(r);
        }
        for (int i = Math.max(0, added - capacity); i < added; i++) {
            assertTrue(rewards.contains((float) i), "transition " + i + " should still be stored");
        }
    }

    @Test
    void samplingIsUniformWithReplacementAndSeeded() {
        UniformReplayBuffer a = new UniformReplayBuffer(10, new int[] {2}, 7);
        UniformReplayBuffer b = new UniformReplayBuffer(10, new int[] {2}, 7);
        for (int i = 0; i < 10; i++) {
            a.add(obs(i), obs(i), 0, i, false, 0.99f);
            b.add(obs(i), obs(i), 0, i, false, 0.99f);
        }
        int[] counts = new int[10];
        boolean repeated = false;
        for (int round = 0; round < 2000; round++) {
            Batch x = a.sample(8);
            assertArrayEquals(x.indices(), b.sample(8).indices(), "same seed, same draws");
            Set<Integer> seen = new HashSet<>();
            for (int i : x.indices()) {
                counts[i]++;
                repeated |= !seen.add(i);
            }
        }
        assertTrue(repeated, "with replacement: a batch may repeat a transition");
        for (int c : counts) {
            assertEquals(1600, c, 160, "each of 10 slots is drawn about 1/10 of 16,000 times");
        }
    }

    @Test
    void withoutReplayEveryBatchIsTheLatestTransition() {
        LatestTransition b = new LatestTransition(new int[] {2}, 3);
        b.add(obs(1), obs(2), 1, 0.5, false, 0.99f);
        b.add(obs(4), obs(5), 0, 2.0, true, 0.99f);
        Batch batch = b.sample(32, 0.7);
        assertArrayEquals(new int[] {0}, batch.indices(), "one transition, whatever the batch size");
        assertArrayEquals(new float[] {4, -4}, batch.observations().toArray());
        assertArrayEquals(new float[] {5, -5}, batch.nextObservations().toArray());
        assertArrayEquals(new float[] {2f}, batch.rewards().toArray());
        assertArrayEquals(new float[] {1}, batch.terminated().toArray());
        assertEquals(1, b.size());
    }

    @Test
    void badInputIsNamed() {
        assertThrows(IllegalArgumentException.class, () -> new UniformReplayBuffer(0, new int[] {2}, 1));
        UniformReplayBuffer b = new UniformReplayBuffer(3, new int[] {2}, 1);
        IllegalStateException empty = assertThrows(IllegalStateException.class, () -> b.sample(4));
        assertTrue(empty.getMessage().contains("empty"));
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> b.add(new float[3], obs(1), 0, 0, false, 0.99f));
        assertTrue(shape.getMessage().contains("[2]"), shape.getMessage());
        assertEquals(4L * (2 * 4 + 4), Transitions.bytesPerTransition(4), "CartPole: 48 bytes per transition");
    }
}
