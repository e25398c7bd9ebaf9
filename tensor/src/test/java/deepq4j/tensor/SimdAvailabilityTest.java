package deepq4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.tensor.cpu.Simd;
import org.junit.jupiter.api.Test;

/**
 * The build runs the tensor tests on two JVMs: one started with the Vector API module and one
 * without. This checks each run is the one it claims to be, so the scalar-only run cannot
 * silently turn into a second SIMD run.
 */
class SimdAvailabilityTest {

    @Test
    void vectorApiIsPresentExactlyWhenTheBuildSaysSo() {
        boolean expectAbsent = Boolean.getBoolean("deepq4j.expectNoVectorApi");
        assertEquals(!expectAbsent, Simd.available(), "Vector API module loaded");
        assertEquals(!expectAbsent, Simd.enabled(), "SIMD paths on by default when available");
    }

    @Test
    void vectorWidthIsZeroExactlyWhenTheScalarPathsRun() {
        if (!Simd.available()) {
            assertEquals(0, Simd.vectorBits());
            return;
        }
        int bits = Simd.vectorBits();
        assertTrue(bits == 128 || bits == 256 || bits == 512 || bits == 64, "vector width " + bits);
        Simd.setEnabled(false);
        try {
            assertEquals(0, Simd.vectorBits());
        } finally {
            Simd.setEnabled(true);
        }
    }

    @Test
    void everyKernelFamilyRunsOnThisJvm() {
        Tensor x = Tensor.of(new float[] {1, -2, 3, -4, 5, -6}, 2, 3);
        assertArrayEquals(new float[] {1, 0, 3, 0, 5, 0}, x.relu().toArray());
        assertArrayEquals(new float[] {2, -4, 6, -8, 10, -12}, x.add(x).toArray());
        assertArrayEquals(new float[] {2, -5}, x.sum(1).toArray());
        assertArrayEquals(new float[] {14, -32, -32, 77}, x.matmul(x.t()).toArray());
        assertArrayEquals(new float[] {3, 5}, x.max(1).toArray());
        Tensor img = Tensor.ones(1, 1, 3, 3);
        assertArrayEquals(new float[] {4, 4, 4, 4}, Tensor.conv2d(img, Tensor.ones(1, 1, 2, 2), null, 1, 0).toArray());
    }
}
