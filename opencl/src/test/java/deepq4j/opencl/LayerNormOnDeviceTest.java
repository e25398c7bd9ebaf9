package deepq4j.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deepq4j.tensor.Backend;
import deepq4j.tensor.Tensor;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Layer norm on the device, forward and backward: Backend's default (tensor ops, here OpenCL
 * kernels) against the CPU backend's fused rows. Sums over a row are ordered differently, so
 * within 2e-5 of the values' scale times the rows' condition max(1, rstd max|x|) (see
 * LayerNormKernelTest) rather than bit for bit.
 */
@RequiresOpenCl
class LayerNormOnDeviceTest {
    private static float[][] run(Backend be, int rows, int n, boolean affine, long seed) {
        Random rng = new Random(seed);
        Tensor x = Tensor.of(TestDevice.random(rng, rows * n), rows, n).to(be);
        Tensor w = affine ? Tensor.of(TestDevice.random(rng, n), n).to(be) : null;
        Tensor b = affine ? Tensor.of(TestDevice.random(rng, n), n).to(be) : null;
        Tensor g = Tensor.of(TestDevice.random(rng, rows * n), rows, n).to(be);
        Tensor out = Tensor.zeros(be, rows, n);
        Tensor mean = Tensor.zeros(be, rows);
        Tensor rstd = Tensor.zeros(be, rows);
        be.layerNorm(x, w, b, 1e-5f, out, mean, rstd);
        Tensor gx = Tensor.zeros(be, rows, n);
        Tensor gw = affine ? Tensor.zeros(be, n) : null;
        Tensor gb = affine ? Tensor.zeros(be, n) : null;
        be.layerNormBackward(g, x, mean, rstd, w, gx, gw, gb);
        float kappa = 1;
        float[] xs = x.toArray();
        float[] rs = rstd.toArray();
        for (float r : rs) {
            for (float v : xs) {
                kappa = Math.max(kappa, r * Math.abs(v));
            }
        }
        return new float[][] {out.toArray(), gx.toArray(), affine ? gw.toArray() : new float[0], affine ? gb.toArray() : new float[0],
            {kappa}};
    }

    @Property(tries = 20)
    void theDeviceAgreesWithTheCpu(@ForAll @IntRange(min = 1, max = 5) int rows, @ForAll @IntRange(min = 1, max = 130) int n,
                                   @ForAll boolean affine, @ForAll long seed) {
        float[][] cpu = run(Backend.cpu(), rows, n, affine, seed);
        float[][] device = run(TestDevice.backend(), rows, n, affine, seed);
        float kappa = cpu[4][0];
        for (int r = 0; r < 4; r++) {
            float scale = 1;
            for (float v : cpu[r]) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < cpu[r].length; i++) {
                assertEquals(cpu[r][i], device[r][i], 2e-5 * scale * kappa, "output " + r + ", element " + i);
            }
        }
    }
}
