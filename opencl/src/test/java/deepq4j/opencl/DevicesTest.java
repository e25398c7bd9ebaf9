package deepq4j.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.tensor.Backend;
import deepq4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Device names, listing, and what happens at the edges: uploads, downloads, mixing backends. */
@RequiresOpenCl
class DevicesTest {
    @Test
    void namesTurnIntoBackends() {
        assertSame(Backend.cpu(), Devices.backend("cpu"));
        assertSame(TestDevice.backend(), Devices.backend("opencl:" + TestDevice.backend().device().index()));
        assertSame(OpenClBackend.open(0), Devices.backend("opencl"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Devices.backend("cuda"));
        assertTrue(e.getMessage().contains("expected cpu, opencl or opencl:N"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Devices.backend("opencl:x"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Devices.backend("opencl:999"));
        assertTrue(missing.getMessage().contains("no OpenCL device opencl:999"), missing.getMessage());
    }

    @Test
    void devicesAreListed() {
        List<OpenClDevice> all = OpenClDevice.all();
        assertFalse(all.isEmpty());
        assertEquals(0, all.get(0).index());
        assertTrue(all.get(0).toString().startsWith("opencl:0 "), all.get(0).toString());
        assertTrue(all.get(0).globalMemoryBytes() > 0);
    }

    @Test
    void valuesSurviveTheRoundTripAndViewsDownloadInOrder() {
        float[] v = {1, 2, 3, 4, 5, 6};
        Tensor d = TestDevice.device(v, 2, 3);
        assertEquals("opencl:" + TestDevice.backend().device().index(), d.backend().name());
        org.junit.jupiter.api.Assertions.assertArrayEquals(v, d.toArray());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, d.t().toArray());
        assertEquals(6f, d.get(1, 2));
        Tensor back = d.to(Backend.cpu());
        assertSame(Backend.cpu(), back.backend());
        org.junit.jupiter.api.Assertions.assertArrayEquals(v, back.toArray());
        assertEquals(0, Tensor.zeros(TestDevice.backend(), 0).numel());
    }

    @Test
    void mixingBackendsIsAnErrorThatNamesBoth() {
        Tensor d = TestDevice.device(new float[] {1, 2}, 2);
        Tensor c = Tensor.of(new float[] {1, 2}, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.add(c));
        assertTrue(e.getMessage().contains("cpu") && e.getMessage().contains("opencl"), e.getMessage());
    }

    @Test
    void freedTensorsGiveTheirMemoryBack() throws InterruptedException {
        OpenClBackend backend = TestDevice.backend();
        for (int i = 0; i < 200; i++) {
            Tensor.zeros(backend, 1 << 18).add(1f); // 1 MiB each, dropped at once
        }
        System.gc();
        Thread.sleep(200);
        assertTrue(backend.memoryInUse() < 64L << 20, "device memory in use after collection: " + backend.memoryInUse());
    }
}
