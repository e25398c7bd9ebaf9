package deepq4j.examples;

import deepq4j.dqn.replay.Batch;
import deepq4j.dqn.replay.PrioritizedReplayBuffer;

/** Chapter 10: how often prioritized replay draws each transition, and the weights that correct for it. */
public final class PrioritySampling {
    private PrioritySampling() {
    }

    public static void main(String[] args) {
        double alpha = 0.6;
        PrioritizedReplayBuffer buffer = new PrioritizedReplayBuffer(5, new int[] {1}, 1, alpha, 1e-6, 0.4);
        for (int i = 0; i < 5; i++) {
            buffer.add(new float[] {i}, new float[] {i}, 0, 0, false, 0.99f);
        }
        float[] tdErrors = {0.1f, 0.5f, 1f, 2f, 4f};
        buffer.updatePriorities(new int[] {0, 1, 2, 3, 4}, tdErrors);
        double total = 0;
        for (float e : tdErrors) {
            total += Math.pow(Math.abs(e) + 1e-6, alpha);
        }
        int[] counts = new int[5];
        int draws = 20_000;
        float[] weights = new float[5];
        for (int d = 0; d < draws / 4; d++) {
            Batch b = buffer.sample(4, 0.0); // at the start of a run: beta = 0.4
            float[] w = b.weights().toArray();
            for (int i = 0; i < 4; i++) {
                counts[b.indices()[i]]++;
                weights[b.indices()[i]] = w[i];
            }
        }
        System.out.println("transition  |TD error|  P(i) = p^alpha / sum   drawn   weight (beta 0.4)");
        for (int i = 0; i < 5; i++) {
            double p = Math.pow(tdErrors[i] + 1e-6, alpha) / total;
            System.out.printf("%10d  %10.1f  %21.3f  %6.3f   %.3f%n", i, tdErrors[i], p, counts[i] / (double) draws, weights[i]);
        }
        System.out.println("Surprising transitions come back more often; their smaller weights keep the average gradient honest.");
    }
}
