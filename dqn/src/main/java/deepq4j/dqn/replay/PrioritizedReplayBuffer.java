package deepq4j.dqn.replay;

import deepq4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prioritized experience replay (Schaul et al. 2016, proportional variant): transition i is drawn
 * with probability p_i^alpha / sum_k p_k^alpha, where p_i is its last |TD error| plus a small
 * epsilon, and the bias this introduces is corrected with importance weights
 * w_i = (N P(i))^-beta, divided by the largest weight in the buffer. Beta rises linearly from its
 * start to 1 over the run. New transitions enter with the largest priority seen so
 * far, so each is replayed at least once soon.
 *
 * <p>A sum tree makes drawing and updating O(log n); a min tree gives the smallest priority, which
 * gives the largest weight. Draws are stratified as in the paper: the total is cut into
 * {@code batchSize} equal segments and one transition is drawn from each.
 */
public final class PrioritizedReplayBuffer extends AbstractReplayBuffer {
    private final double alpha;
    private final double epsilon;
    private final double betaStart;
    private final SumTree sums;
    private final MinTree minima;
    private double maxPriority = 1.0;

    /**
     * A buffer with priority exponent {@code alpha}, priority floor {@code epsilon} and importance
     * exponent {@code betaStart} at the start of the run.
     */
    public PrioritizedReplayBuffer(int capacity, int[] observationShape, long seed, double alpha, double epsilon, double betaStart) {
        super(capacity, observationShape, seed);
        if (!(alpha >= 0)) {
            throw new IllegalArgumentException("PrioritizedReplayBuffer: alpha must be >= 0, got " + alpha);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("PrioritizedReplayBuffer: epsilon must be > 0, got " + epsilon);
        }
        if (!(betaStart >= 0 && betaStart <= 1)) {
            throw new IllegalArgumentException("PrioritizedReplayBuffer: beta must be in [0, 1], got " + betaStart);
        }
        this.alpha = alpha;
        this.epsilon = epsilon;
        this.betaStart = betaStart;
        this.sums = new SumTree(capacity);
        this.minima = new MinTree(capacity);
    }

    @Override
    public int add(float[] observation, float[] nextObservation, int action, double reward, boolean terminal, float discount) {
        int slot = transitions.add(observation, nextObservation, action, reward, terminal, discount);
        setPriority(slot, maxPriority);
        return slot;
    }

    /** The importance exponent {@code runFraction} of the way through the run: linear from its start to 1. */
    public double beta(double runFraction) {
        return betaStart + (1 - betaStart) * Math.min(1.0, runFraction);
    }

    /** {@code batchSize} transitions drawn by priority, with importance weights for the exponent of {@link #beta}. */
    @Override
    public Batch sample(int batchSize, double runFraction) {
        double beta = beta(runFraction);
        transitions.requireSamples(batchSize);
        int n = size();
        double total = sums.total();
        double segment = total / batchSize;
        // The largest weight belongs to the smallest probability.
        double maxWeight = Math.pow(n * minima.min() / total, -beta);
        int[] indices = new int[batchSize];
        float[] weights = new float[batchSize];
        for (int i = 0; i < batchSize; i++) {
            double prefix = (i + rng.nextDouble()) * segment;
            int slot = Math.min(sums.find(prefix), n - 1);
            indices[i] = slot;
            double probability = sums.get(slot) / total;
            weights[i] = (float) (Math.pow(n * probability, -beta) / maxWeight);
        }
        return transitions.batch(indices, weights);
    }

    @Override
    public void updatePriorities(int[] indices, Tensor errors) {
        updatePriorities(indices, errors.toArray());
    }

    /** Sets the priorities of the sampled transitions from their new |TD errors|. */
    public void updatePriorities(int[] indices, float[] tdErrors) {
        if (indices.length != tdErrors.length) {
            throw new IllegalArgumentException("updatePriorities: " + indices.length + " indices but " + tdErrors.length + " errors");
        }
        for (int i = 0; i < indices.length; i++) {
            double priority = Math.abs(tdErrors[i]) + epsilon;
            if (!Double.isFinite(priority)) {
                throw new IllegalArgumentException("updatePriorities: TD error " + tdErrors[i] + " is not finite");
            }
            setPriority(indices[i], priority);
            maxPriority = Math.max(maxPriority, priority);
        }
    }

    /**
     * The sampling weights p^alpha of the stored transitions and the largest priority so far,
     * exactly: the trees' inner nodes are sums and minima of their children, recomputed from the
     * leaves on every change, so the leaves alone rebuild the same trees bit for bit.
     */
    @Override
    public Map<String, double[]> exactState() {
        double[] weights = new double[size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = sums.get(i);
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        out.put("priority_weights", weights);
        out.put("max_priority", new double[] {maxPriority});
        return out;
    }

    @Override
    public void loadExactState(Map<String, double[]> saved) {
        double[] weights = saved.get("priority_weights");
        double[] max = saved.get("max_priority");
        if (weights == null || weights.length != size() || max == null || max.length != 1) {
            throw new IllegalArgumentException("PrioritizedReplayBuffer: the checkpoint should hold " + size()
                    + " priority weights and the largest priority, it holds " + (weights == null ? "no" : weights.length)
                    + " weights and " + (max == null ? "no largest priority" : max.length + " values for it"));
        }
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] > 0) || !Double.isFinite(weights[i])) {
                throw new IllegalArgumentException("PrioritizedReplayBuffer: priority weight " + weights[i] + " of slot " + i
                        + " is not a positive number");
            }
            sums.set(i, weights[i]);
            minima.set(i, weights[i]);
        }
        maxPriority = max[0];
    }

    /** The sampling weight p^alpha of a slot (tests read it). */
    public double priorityWeight(int slot) {
        return sums.get(slot);
    }

    private void setPriority(int slot, double priority) {
        double weight = Math.pow(priority, alpha);
        sums.set(slot, weight);
        minima.set(slot, weight);
    }
}
