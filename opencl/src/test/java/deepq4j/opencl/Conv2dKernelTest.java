package deepq4j.opencl;

import static deepq4j.opencl.TestDevice.cpu;
import static deepq4j.opencl.TestDevice.device;
import static deepq4j.opencl.TestDevice.random;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.tensor.Tensor;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The direct conv2d kernels (forward, input gradient, weight gradient) against the CPU backend on
 * generated geometry: batch, channels, image and kernel sizes, strides 1 to 3 and padding 0 to 2.
 * Each output is a dot product; the tolerance is twice its float bound, (terms + 2) * 2^-24 *
 * sum|x||w|, with the magnitude computed by the same op on absolute values.
 */
@RequiresOpenCl
class Conv2dKernelTest {
    @Property(tries = 60)
    void forwardAndBothGradients(@ForAll @IntRange(min = 1, max = 3) int batch, @ForAll @IntRange(min = 1, max = 4) int channels,
                                 @ForAll @IntRange(min = 1, max = 5) int outChannels, @ForAll @IntRange(min = 1, max = 5) int kernel,
                                 @ForAll @IntRange(min = 0, max = 9) int extra, @ForAll @IntRange(min = 1, max = 3) int stride,
                                 @ForAll @IntRange(min = 0, max = 2) int padding, @ForAll long seed) {
        Random rng = new Random(seed);
        int height = kernel + extra;
        int width = kernel + (extra * 7 + 3) % 10;
        int[] inShape = {batch, channels, height, width};
        int[] wShape = {outChannels, channels, kernel, kernel};
        float[] x = random(rng, batch * channels * height * width);
        float[] w = random(rng, outChannels * channels * kernel * kernel);
        float[] b = random(rng, outChannels);
        Tensor xc = cpu(x, inShape);
        Tensor wc = cpu(w, wShape);
        Tensor xd = device(x, inShape);
        Tensor wd = device(w, wShape);
        Tensor out = Tensor.conv2d(xc, wc, cpu(b, outChannels), stride, padding);
        int terms = channels * kernel * kernel;
        check(out, Tensor.conv2d(xd, wd, device(b, outChannels), stride, padding),
                Tensor.conv2d(xc.abs(), wc.abs(), cpu(b, outChannels).abs(), stride, padding), terms, "forward");

        int[] outShape = out.shape();
        float[] g = random(rng, out.numel());
        Tensor gc = cpu(g, outShape);
        Tensor gd = device(g, outShape);
        check(Tensor.conv2dBackwardInput(gc, wc, inShape, stride, padding), Tensor.conv2dBackwardInput(gd, wd, inShape, stride, padding),
                Tensor.conv2dBackwardInput(gc.abs(), wc.abs(), inShape, stride, padding), outChannels * kernel * kernel, "input gradient");
        check(Tensor.conv2dBackwardWeight(gc, xc, wShape, stride, padding), Tensor.conv2dBackwardWeight(gd, xd, wShape, stride, padding),
                Tensor.conv2dBackwardWeight(gc.abs(), xc.abs(), wShape, stride, padding), batch * outShape[2] * outShape[3],
                "weight gradient");
    }

    private static void check(Tensor expected, Tensor actual, Tensor magnitude, int terms, String what) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected.shape(), actual.shape(), what);
        float[] e = expected.toArray();
        float[] a = actual.toArray();
        float[] m = magnitude.toArray();
        double rel = 2 * (terms + 2) * 0x1p-24;
        for (int i = 0; i < e.length; i++) {
            double tol = rel * m[i] + 1e-30;
            assertTrue(Math.abs(e[i] - a[i]) <= tol, what + " at " + i + ": " + e[i] + " vs " + a[i] + " (tolerance " + tol + ")");
        }
    }
}
