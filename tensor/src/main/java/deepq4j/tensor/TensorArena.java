package deepq4j.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A scope whose tensors hand their memory back when it closes, for the next scope to reuse.
 *
 * <p>A training step makes the same few dozen tensors every time (activations, gradients, the
 * TD target) and drops them all at its end. Left to the garbage collector, every step writes its
 * half megabyte into fresh heap that is not in any cache: in CleanRL's Q-network step, writing
 * to cold memory took a sixth of the step (docs/performance.md). PyTorch avoids this with its caching allocator, which reuses a
 * block the moment its tensor's reference count reaches zero; Java has no reference counts, so
 * the step says where its tensors die instead:
 *
 * <pre>{@code
 * try (TensorArena arena = TensorArena.open()) {
 *     ... forward, loss, backward, optimizer step ...
 * }   // every tensor made inside is released here; the next step reuses the arrays
 * }</pre>
 *
 * <p>A tensor made inside the arena must not be used after it closes: its storage is marked
 * released, and any kernel that reads it throws {@link IllegalStateException} instead of reading
 * memory that a later step owns. Take out what must survive before closing (a loss as a float
 * with {@code item()}, or a tensor copied with {@code TensorArena.outside(t::copy)}); tensors
 * meant to live on, such as an optimizer's lazily created state, are made with
 * {@link #outside(Supplier)}. Arenas belong to the thread that opens them (tensors other threads
 * make are not theirs), nest, and close innermost first. Backends that keep no host arrays (OpenCL)
 * ignore them. The values computed are the same with or without an arena, bit for bit.
 */
public final class TensorArena implements AutoCloseable {
    private static final ThreadLocal<TensorArena> CURRENT = new ThreadLocal<>();

    private final TensorArena enclosing;
    private final List<Storage> owned = new ArrayList<>();
    private boolean closed;

    private TensorArena(TensorArena enclosing) {
        this.enclosing = enclosing;
    }

    /** Opens an arena on the calling thread: storage allocated on it until {@link #close()} belongs to the arena. */
    public static TensorArena open() {
        TensorArena arena = new TensorArena(CURRENT.get());
        CURRENT.set(arena);
        return arena;
    }

    /** The innermost arena open on the calling thread, or null. Backends register the storage they allocate with it. */
    public static TensorArena current() {
        return CURRENT.get();
    }

    /** Runs {@code make} as if no arena were open, for tensors that outlive the arena (an optimizer's state). */
    public static <T> T outside(Supplier<T> make) {
        TensorArena arena = CURRENT.get();
        CURRENT.remove();
        try {
            return make.get();
        } finally {
            CURRENT.set(arena);
        }
    }

    /** Makes {@code storage} the arena's: it is released when the arena closes. Called by backends. */
    public void adopt(Storage storage) {
        owned.add(storage);
    }

    /** Releases every storage allocated in the arena; their tensors can no longer be read or written. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        // CURRENT is per thread: on another thread, or with an inner arena still open, it is not this one.
        if (CURRENT.get() != this) {
            throw new IllegalStateException("a TensorArena must be closed by the thread that opened it, innermost first");
        }
        closed = true;
        for (Storage s : owned) {
            s.release();
        }
        owned.clear();
        if (enclosing == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(enclosing);
        }
    }
}
