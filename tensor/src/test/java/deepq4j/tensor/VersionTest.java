package deepq4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import deepq4j.tensor.cpu.Parallelism;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The version counter of storage, and the packed weight panels that rely on it: a kept panel must
 * never outlive an in-place change to the weights it was packed from.
 */
class VersionTest {

    @Test
    void everyInPlaceMethodBumpsTheVersionOfTheSharedStorage() {
        Tensor t = Tensor.of(new float[] {-1, 2, -3, 4, 5, -6}, 2, 3);
        Tensor view = t.transpose(0, 1);
        int v = t.version();
        t.fill(1f);
        t.copyFrom(Tensor.of(new float[] {-1, 2, -3}, 3));
        t.addInPlace(Tensor.scalar(1f));
        t.mulInPlace(2f);
        t.reluInPlace();
        t.bumpVersion();
        assertEquals(v + 6, t.version());
        assertEquals(t.version(), view.version(), "views share their storage's counter");
        assertArrayEquals(new float[] {0, 6, 0, 0, 6, 0}, t.toArray());
        Tensor fresh = t.add(Tensor.scalar(1f));
        assertEquals(0, fresh.version(), "out-of-place ops make new storage");
        assertEquals(v + 6, t.version(), "and leave their inputs' versions alone");
    }

    @Test
    void aKeptWeightPanelFollowsInPlaceChanges() {
        Random rng = new Random(5);
        // 120 inputs: one panel, kept; 600 inputs: deeper than one KC slice, packed on every call (nothing kept): equal results either way
        for (int k : new int[] {120, 600}) {
            Tensor x = Tensor.of(values(rng, 128 * k), 128, k);
            Tensor w = Tensor.of(values(rng, 84 * k), 84, k);
            Tensor b = Tensor.of(values(rng, 84), 84);
            float[] first = Tensor.addmm(b, x, w, false, true).toArray();
            // the second and third products find w unchanged: the panel is kept (k 120), then reused, bit for bit
            assertArrayEquals(first, Tensor.addmm(b, x, w, false, true).toArray());
            assertArrayEquals(first, Tensor.addmm(b, x, w, false, true).toArray());
            Tensor other = Tensor.of(values(rng, 84 * k), 84, k);
            for (Runnable change : new Runnable[] {() -> w.copyFrom(other), () -> w.mulInPlace(0.5f), () -> w.addInPlace(other)}) {
                change.run();
                float[] expected = x.matmul(w.t()).add(b).toArray();
                for (int i = 0; i < 3; i++) {
                    float[] got = Tensor.addmm(b, x, w, false, true).toArray();
                    for (int j = 0; j < got.length; j++) {
                        assertEquals(expected[j], got[j], 1e-4f * k / 120, "k " + k + ", element " + j + " after an in-place change, call " + i);
                    }
                }
            }
        }
    }

    @Test
    void aKeptPanelServesProductsSplitAcrossThreads() {
        Random rng = new Random(6);
        // large enough to be split; a split by columns asks for parts of B, which are packed as usual
        for (int[] s : new int[][] {{512, 256, 96}, {32, 256, 256}, {256, 600, 96}, {32, 600, 256}}) {
            Tensor x = Tensor.of(values(rng, s[0] * s[1]), s[0], s[1]);
            Tensor w = Tensor.of(values(rng, s[2] * s[1]), s[2], s[1]);
            Tensor b = Tensor.of(values(rng, s[2]), s[2]);
            int was = Parallelism.threads();
            try {
                Parallelism.setThreads(1);
                float[] serial = Tensor.addmm(b, x, w, false, true).toArray();
                Parallelism.setThreads(3);
                for (int i = 0; i < 3; i++) {
                    assertArrayEquals(serial, Tensor.addmm(b, x, w, false, true).toArray(), "call " + i + " of " + s[0] + "x" + s[2]);
                }
            } finally {
                Parallelism.setThreads(was);
            }
        }
    }

    private static float[] values(Random rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }
}
