package deepq4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.tensor.cpu.CpuStorage;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The arena gives its tensors' memory to the next arena, never changes a value, and refuses use after close. */
class TensorArenaTest {
    @Test
    void theNextArenaReusesTheArraysAndStillStartsFromZero() {
        float[] first;
        try (TensorArena ignored = TensorArena.open()) {
            Tensor t = Tensor.ones(3, 5);
            first = array(t);
        }
        try (TensorArena ignored = TensorArena.open()) {
            Tensor z = Tensor.zeros(3, 5);
            assertSame(first, array(z), "a tensor of the same size takes the array the closed arena gave back");
            assertArrayEquals(new float[15], z.toArray(), "zeros() is zero even on memory that held ones");
        }
    }

    @Test
    void productsComputedInAnArenaEqualThoseComputedWithout() {
        Generator g = new Generator(3);
        Tensor a = Tensor.randn(g, 7, 5);
        Tensor b = Tensor.randn(g, 5, 3);
        float[] expected = a.matmul(b).relu().add(1f).toArray();
        for (int round = 0; round < 3; round++) { // later rounds run on recycled arrays
            try (TensorArena ignored = TensorArena.open()) {
                assertArrayEquals(expected, a.matmul(b).relu().add(1f).toArray());
            }
        }
    }

    @Test
    void aTensorUsedAfterItsArenaClosedIsAnErrorNotStaleMemory() {
        Tensor escaped;
        try (TensorArena ignored = TensorArena.open()) {
            escaped = Tensor.ones(4);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, escaped::toArray);
        assertTrue(e.getMessage().contains("after the TensorArena it was made in closed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> escaped.add(1f));
    }

    @Test
    void tensorsMadeOutsideOrBeforeTheArenaLiveOn() {
        Tensor before = Tensor.ones(2, 2);
        Tensor kept;
        Tensor copied;
        try (TensorArena ignored = TensorArena.open()) {
            Tensor inside = before.mul(3f);
            kept = TensorArena.outside(() -> Tensor.full(2f, 2, 2));
            copied = TensorArena.outside(inside::copy);
        }
        assertArrayEquals(new float[] {1, 1, 1, 1}, before.toArray());
        assertArrayEquals(new float[] {2, 2, 2, 2}, kept.toArray());
        assertArrayEquals(new float[] {3, 3, 3, 3}, copied.toArray());
    }

    @Test
    void innerArenasReleaseOnlyTheirOwnTensorsAndCloseInnermostFirst() {
        try (TensorArena outer = TensorArena.open()) {
            Tensor outerTensor = Tensor.ones(6);
            Tensor innerTensor;
            try (TensorArena inner = TensorArena.open()) {
                innerTensor = Tensor.ones(6);
                assertSame(inner, TensorArena.current());
                assertThrows(IllegalStateException.class, outer::close, "the outer arena cannot close while the inner one is open");
            }
            assertSame(outer, TensorArena.current());
            assertEquals(6f, outerTensor.sum().item());
            assertThrows(IllegalStateException.class, innerTensor::toArray);
        }
        assertEquals(null, TensorArena.current());
    }

    @Test
    void anotherThreadsTensorsAreNotTheArenas() throws Exception {
        AtomicReference<Tensor> made = new AtomicReference<>();
        try (TensorArena ignored = TensorArena.open()) {
            Thread t = new Thread(() -> made.set(Tensor.ones(5)));
            t.start();
            t.join();
        }
        assertEquals(5f, made.get().sum().item(), "an arena belongs to the thread that opened it");
    }

    private static float[] array(Tensor t) {
        return ((CpuStorage) t.storage()).data();
    }
}
