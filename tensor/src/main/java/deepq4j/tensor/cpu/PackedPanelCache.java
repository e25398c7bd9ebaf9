package deepq4j.tensor.cpu;

/**
 * Keeps the packed panel of a layer's weights on the weights' storage, for weights that many
 * products read unchanged: a DQN target network's, which change only when it is synced, and any
 * network evaluated on batches without training. Packing W^T is a gather over all of W, about a
 * fifth of the time of a 128-row forward product.
 *
 * <p>The panel is valid while the storage's version (bumped by every in-place write) and the
 * layout asked for are the same. It is packed into the cache on the second product that finds B
 * unchanged, never on the first, so a B read once (an activation, or weights that an optimizer
 * changes every step) costs no extra memory. Entries are immutable and replaced whole, so threads
 * sharing a network read a consistent one.
 */
final class PackedPanelCache {
    /** What was packed (or only seen, when {@code panel} is null), and at which version. */
    record Entry(int version, int offset, int rowStride, int colStride, int k, int n, float[] panel) {
        boolean describes(int v, int off, int rs, int cs, int kk, int nn) {
            return version == v && offset == off && rowStride == rs && colStride == cs && k == kk && n == nn;
        }
    }

    private PackedPanelCache() {
    }

    /**
     * The panel source for a k x n B (k at most KC, n at most NC: one panel) at {@code offset} in
     * {@code storage}: the kept panel when there is one, otherwise packing as usual.
     */
    static MatmulKernel.PanelSource source(CpuStorage storage, int offset, int rs, int cs, int k, int n) {
        float[] b = storage.data();
        int version = storage.version();
        Entry e = storage.packedPanel;
        if (e != null && e.describes(version, offset, rs, cs, k, n)) {
            float[] panel = e.panel();
            if (panel == null) {
                // The second product with this B unchanged: from now on it is worth keeping.
                panel = new float[MatmulKernel.roundUp(n, MatmulKernel.NR) * k];
                MatmulKernel.packB(k, n, b, offset, rs, cs, panel);
                storage.packedPanel = new Entry(version, offset, rs, cs, k, n, panel);
            }
            float[] kept = panel;
            MatmulKernel.PanelSource packing = MatmulKernel.strided(b, offset, rs, cs);
            // A product split by columns across threads asks for part of B: that part is packed as usual.
            return (pc, kc, jc, nc, scratch) -> pc == 0 && kc == k && jc == 0 && nc == n ? kept : packing.panel(pc, kc, jc, nc, scratch);
        }
        storage.packedPanel = new Entry(version, offset, rs, cs, k, n, null);
        return MatmulKernel.strided(b, offset, rs, cs);
    }
}
