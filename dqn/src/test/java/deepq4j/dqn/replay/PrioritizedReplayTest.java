package deepq4j.dqn.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Sum and min trees against linear scans, and prioritized sampling against its definition. */
class PrioritizedReplayTest {

    @Property(tries = 100)
    void treesAgreeWithLinearScans(@ForAll @IntRange(min = 1, max = 70) int n, @ForAll @IntRange(min = 0, max = 1000) int seed) {
        Random rng = new Random(seed);
        SumTree sums = new SumTree(n);
        MinTree minima = new MinTree(n);
        double[] values = new double[n];
        for (int update = 0; update < 4 * n; update++) {
            int i = update < n ? update : rng.nextInt(n); // every leaf once, then at random
            values[i] = rng.nextInt(4) == 0 ? 0 : rng.nextDouble() * 5;
            sums.set(i, values[i]);
            minima.set(i, values[i]);
        }
        double total = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double v : values) {
            total += v;
            min = Math.min(min, v);
        }
        assertEquals(total, sums.total(), 1e-9);
        assertEquals(min, minima.min());
        if (total == 0) {
            return;
        }
        for (int probe = 0; probe < 20; probe++) {
            double prefix = rng.nextDouble() * total;
            int expected = 0;
            double running = values[0];
            while (running <= prefix && expected < n - 1) {
                expected++;
                running += values[expected];
            }
            assertEquals(expected, sums.find(prefix), "prefix " + prefix + " of " + total);
        }
    }

    @Test
    void drawsInProportionToPriorityToTheAlpha() {
        double alpha = 0.6;
        PrioritizedReplayBuffer b = new PrioritizedReplayBuffer(4, new int[] {1}, 3, alpha, 1e-6, 0.4);
        for (int i = 0; i < 4; i++) {
            b.add(new float[] {i}, new float[] {i}, 0, 0, false, 0.99f);
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(1.0, b.priorityWeight(i), 1e-12, "new transitions enter at the largest priority (1 at first)");
        }
        float[] errors = {0.5f, 1f, 2f, 4f};
        b.updatePriorities(new int[] {0, 1, 2, 3}, errors);
        double[] p = new double[4];
        double total = 0;
        for (int i = 0; i < 4; i++) {
            p[i] = Math.pow(errors[i] + 1e-6, alpha);
            total += p[i];
        }
        int[] counts = new int[4];
        int draws = 0;
        for (int round = 0; round < 5000; round++) {
            Batch batch = b.sample(8, 0.0); // at the start of the run beta is its start, 0.4
            float[] w = batch.weights().toArray();
            for (int j = 0; j < 8; j++) {
                int i = batch.indices()[j];
                counts[i]++;
                draws++;
                // w_i = (N P(i))^-beta / max_k (N P(k))^-beta; the max belongs to the smallest priority
                double expected = Math.pow(4 * p[i] / total, -0.4) / Math.pow(4 * p[0] / total, -0.4);
                assertEquals(expected, w[j], 1e-5);
                assertTrue(w[j] <= 1f + 1e-6f);
            }
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(p[i] / total, counts[i] / (double) draws, 0.01, "share of transition " + i);
        }
        b.add(new float[] {9}, new float[] {9}, 0, 0, false, 0.99f); // overwrites slot 0 at the largest priority so far
        assertEquals(Math.pow(4 + 1e-6, alpha), b.priorityWeight(0), 1e-9);
    }

    @Test
    void betaRisesLinearlyToOneOverTheRun() {
        PrioritizedReplayBuffer b = new PrioritizedReplayBuffer(4, new int[] {1}, 3, 0.6, 1e-6, 0.4);
        assertEquals(0.4, b.beta(0.0), 0.0);
        assertEquals(0.7, b.beta(0.5), 1e-15);
        assertEquals(1.0, b.beta(1.0), 0.0);
        assertEquals(1.0, b.beta(3.0), 0.0, "and stays at 1");
    }
}
