package deepq4j.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.tensor.Backend;
import deepq4j.tensor.Tensor;
import java.util.Random;

/**
 * The OpenCL device the tests run on (opencl:0, or -Ddeepq4j.opencl.device=N), and helpers to
 * run one computation on it and on the CPU backend.
 *
 * <p>Opening it throws when there is no OpenCL platform; the test classes that use it are marked
 * {@link RequiresOpenCl}, so they are skipped there instead, unless {@code -Dopencl.required=true}.
 */
final class TestDevice {
    private static OpenClBackend backend;

    private TestDevice() {
    }

    static synchronized OpenClBackend backend() {
        if (backend == null) {
            backend = OpenClBackend.open(Integer.getInteger("deepq4j.opencl.device", 0));
        }
        return backend;
    }

    static float[] random(Random rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rng.nextGaussian());
        }
        return v;
    }

    static Tensor cpu(float[] data, int... shape) {
        return Tensor.of(Backend.cpu(), data, shape);
    }

    static Tensor device(float[] data, int... shape) {
        return Tensor.of(backend(), data, shape);
    }

    /** Asserts the same bits. */
    static void assertSameBits(Tensor expected, Tensor actual, String what) {
        assertEquals(Backend.cpu(), expected.backend());
        assertEquals(backend(), actual.backend(), what + ": result left the device");
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected.toArray(), actual.toArray(), what);
    }

    /** Asserts |actual - expected| <= atol + rtol * |expected| elementwise (NaNs must match). */
    static void assertClose(Tensor expected, Tensor actual, double atol, double rtol, String what) {
        assertEquals(backend(), actual.backend(), what + ": result left the device");
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        float[] e = expected.toArray();
        float[] a = actual.toArray();
        for (int i = 0; i < e.length; i++) {
            if (Float.isNaN(e[i]) || Float.isNaN(a[i])) {
                assertTrue(Float.isNaN(e[i]) && Float.isNaN(a[i]), what + " at " + i + ": " + e[i] + " vs " + a[i]);
                continue;
            }
            double tol = atol + rtol * Math.abs(e[i]);
            assertTrue(Math.abs(a[i] - e[i]) <= tol, what + " at " + i + ": expected " + e[i] + ", got " + a[i] + " (tolerance " + tol + ")");
        }
    }
}
