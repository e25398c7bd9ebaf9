package deepq4j.dqn.replay;

/**
 * A binary tree over n leaf values whose inner nodes hold the sum of their children: setting a
 * leaf and finding the leaf where a running sum crosses a value both take O(log n). Prioritized
 * replay samples transitions in proportion to their priorities with it.
 */
public final class SumTree {
    private final int leaves;
    /** Node i has children 2i and 2i+1; the root is node 1; leaf j is node leaves + j. */
    private final double[] nodes;

    /** A tree of {@code n} leaves, all zero. */
    public SumTree(int n) {
        int size = 1;
        while (size < n) {
            size *= 2;
        }
        this.leaves = size;
        this.nodes = new double[2 * size];
    }

    /** Sets leaf {@code i} to {@code value} and updates the sums above it. */
    public void set(int i, double value) {
        int node = leaves + i;
        nodes[node] = value;
        for (node /= 2; node >= 1; node /= 2) {
            nodes[node] = nodes[2 * node] + nodes[2 * node + 1];
        }
    }

    /** The value of leaf {@code i}. */
    public double get(int i) {
        return nodes[leaves + i];
    }

    /** The sum of all leaves. */
    public double total() {
        return nodes[1];
    }

    /**
     * The leaf where the running sum of leaves passes {@code prefix}: the smallest i with
     * value(0) + ... + value(i) > prefix. Prefixes at or past the total give the last nonzero leaf.
     */
    public int find(double prefix) {
        int node = 1;
        while (node < leaves) {
            int left = 2 * node;
            if (prefix < nodes[left] || nodes[left + 1] == 0) {
                node = left;
            } else {
                prefix -= nodes[left];
                node = left + 1;
            }
        }
        return node - leaves;
    }
}
