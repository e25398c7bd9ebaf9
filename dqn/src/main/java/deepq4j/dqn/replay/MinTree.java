package deepq4j.dqn.replay;

import java.util.Arrays;

/**
 * A binary tree over n leaf values whose inner nodes hold the smaller of their children, for the
 * smallest priority in O(1) after an O(log n) update: prioritized replay normalises importance
 * weights by the largest weight in the buffer, which belongs to the smallest priority.
 */
public final class MinTree {
    private final int leaves;
    private final double[] nodes;

    /** A tree of {@code n} leaves, all empty (+infinity). */
    public MinTree(int n) {
        int size = 1;
        while (size < n) {
            size *= 2;
        }
        this.leaves = size;
        this.nodes = new double[2 * size];
        Arrays.fill(nodes, Double.POSITIVE_INFINITY);
    }

    /** Sets leaf {@code i} and updates the minima above it. */
    public void set(int i, double value) {
        int node = leaves + i;
        nodes[node] = value;
        for (node /= 2; node >= 1; node /= 2) {
            nodes[node] = Math.min(nodes[2 * node], nodes[2 * node + 1]);
        }
    }

    /** The smallest leaf (+infinity when none is set). */
    public double min() {
        return nodes[1];
    }
}
