package deepq4j.tensor.cpu;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The float arrays that closed {@link deepq4j.tensor.TensorArena}s gave back, per thread and by
 * length, for the next arena's tensors of the same size. Arrays come back in the order they left,
 * most recently used first, so the ones still in cache are taken again.
 */
final class RecycledArrays {
    /** At most this many floats (64 MiB) are kept per thread; beyond it released arrays go to the garbage collector. */
    private static final long MAX_FLOATS = 16L << 20;

    private static final ThreadLocal<RecycledArrays> PER_THREAD = ThreadLocal.withInitial(RecycledArrays::new);

    private final Map<Integer, ArrayDeque<float[]>> byLength = new HashMap<>();
    private long floats;

    private RecycledArrays() {
    }

    /** The calling thread's arrays. */
    static RecycledArrays get() {
        return PER_THREAD.get();
    }

    /** A recycled array of exactly {@code length} floats, with stale contents, or null when there is none. */
    float[] take(int length) {
        ArrayDeque<float[]> arrays = byLength.get(length);
        float[] a = arrays == null ? null : arrays.pollLast();
        if (a != null) {
            floats -= length;
        }
        return a;
    }

    /** Keeps {@code a} for a later {@link #take}, unless the thread already keeps its share. */
    void give(float[] a) {
        if (floats + a.length > MAX_FLOATS) {
            return;
        }
        byLength.computeIfAbsent(a.length, n -> new ArrayDeque<>()).addLast(a);
        floats += a.length;
    }
}
