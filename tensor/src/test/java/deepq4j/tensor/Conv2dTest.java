package deepq4j.tensor;

import static deepq4j.tensor.TestTensors.assertClose;
import static deepq4j.tensor.TestTensors.bothPaths;
import static deepq4j.tensor.TestTensors.randomValues;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * conv2d and both of its gradients against direct loops over the definition. Each output is a sum
 * of at most `terms` products of standard normal values, so the float error stays below
 * terms * 2^-24 * (sum of |products|); 1e-5 * terms bounds that generously and still catches any
 * misplaced element, which is off by O(1).
 */
class Conv2dTest {

    private static void check(int n, int c, int h, int w, int o, int kh, int kw, int stride, int pad, long seed, boolean withBias) {
        Random rng = new Random(seed);
        int[] xs = {n, c, h, w};
        int[] ws = {o, c, kh, kw};
        int[] outShape = Tensor.conv2dOutputShape(xs, ws, stride, pad);
        float[] xv = randomValues(rng, Shape.size(xs));
        float[] wv = randomValues(rng, Shape.size(ws));
        float[] bv = randomValues(rng, o);
        float[] gv = randomValues(rng, Shape.size(outShape));
        Tensor x = Tensor.of(xv, xs);
        Tensor wt = Tensor.of(wv, ws);
        Tensor b = withBias ? Tensor.of(bv, o) : null;
        Tensor g = Tensor.of(gv, outShape);
        String what = java.util.Arrays.toString(xs) + " * " + java.util.Arrays.toString(ws) + " s" + stride + " p" + pad;

        double[] fwd = Reference.conv2d(Reference.toDouble(xv), xs, Reference.toDouble(wv), ws, withBias ? Reference.toDouble(bv) : null, stride, pad);
        float[][] out = bothPaths(() -> Tensor.conv2d(x, wt, b, stride, pad));
        assertClose(fwd, out[0], null, 1e-5 * (c * kh * kw + 1), 1e-5, "conv2d simd " + what);
        assertClose(fwd, out[1], null, 1e-5 * (c * kh * kw + 1), 1e-5, "conv2d scalar " + what);

        double[] dx = Reference.conv2dGradInput(Reference.toDouble(gv), Reference.toDouble(wv), xs, ws, stride, pad);
        float[][] gin = bothPaths(() -> Tensor.conv2dBackwardInput(g, wt, xs, stride, pad));
        assertClose(dx, gin[0], null, 1e-5 * (o * kh * kw + 1), 1e-5, "grad input simd " + what);
        assertClose(dx, gin[1], null, 1e-5 * (o * kh * kw + 1), 1e-5, "grad input scalar " + what);

        double[] dw = Reference.conv2dGradWeight(Reference.toDouble(gv), Reference.toDouble(xv), xs, ws, stride, pad);
        int terms = n * outShape[2] * outShape[3];
        float[][] gw = bothPaths(() -> Tensor.conv2dBackwardWeight(g, x, ws, stride, pad));
        assertClose(dw, gw[0], null, 1e-5 * (terms + 1), 1e-5, "grad weight simd " + what);
        assertClose(dw, gw[1], null, 1e-5 * (terms + 1), 1e-5, "grad weight scalar " + what);
    }

    @Property(tries = 120)
    void matchesTheDefinition(@ForAll @IntRange(min = 1, max = 3) int n, @ForAll @IntRange(min = 1, max = 5) int c,
                              @ForAll @IntRange(min = 1, max = 13) int h, @ForAll @IntRange(min = 1, max = 13) int w,
                              @ForAll @IntRange(min = 1, max = 6) int o, @ForAll @IntRange(min = 1, max = 5) int kh,
                              @ForAll @IntRange(min = 1, max = 5) int kw, @ForAll @IntRange(min = 1, max = 3) int stride,
                              @ForAll @IntRange(min = 0, max = 2) int pad, @ForAll boolean bias, @ForAll long seed) {
        Assume.that(h + 2 * pad >= kh && w + 2 * pad >= kw);
        check(n, c, h, w, o, kh, kw, stride, pad, seed, bias);
    }

    /** Stride 1 without padding: small fields take the direct kernel, larger ones the products; output channels cross whole vectors. */
    @Property(tries = 80)
    void directConvolutionMatchesTheDefinition(@ForAll @IntRange(min = 1, max = 3) int n, @ForAll @IntRange(min = 1, max = 8) int c,
                                               @ForAll @IntRange(min = 1, max = 12) int h, @ForAll @IntRange(min = 1, max = 12) int w,
                                               @ForAll @IntRange(min = 1, max = 40) int o, @ForAll @IntRange(min = 1, max = 4) int kh,
                                               @ForAll @IntRange(min = 1, max = 4) int kw, @ForAll boolean bias, @ForAll long seed) {
        Assume.that(h >= kh && w >= kw);
        check(n, c, h, w, o, kh, kw, 1, 0, seed, bias);
    }

    /**
     * The direct kernel (stride 1, no padding, small fields, vectors along output channels, eight,
     * four or one output positions at a time) promises more than closeness: each output is
     * its bias, then one fused multiply-add per field term in (channel, ky, kx) order. That is
     * checked bit for bit against the same chain written with Math.fma, so a kernel that reorders
     * the terms (and would change a seeded run's results) fails here.
     */
    @Property(tries = 80)
    void directKernelAddsTheFieldInOrderBitForBit(@ForAll @IntRange(min = 1, max = 3) int n, @ForAll @IntRange(min = 1, max = 4) int c,
                                                  @ForAll @IntRange(min = 1, max = 11) int ho, @ForAll @IntRange(min = 1, max = 17) int wo,
                                                  @ForAll @IntRange(min = 1, max = 20) int o, @ForAll @IntRange(min = 1, max = 3) int kh,
                                                  @ForAll @IntRange(min = 1, max = 3) int kw, @ForAll boolean bias, @ForAll long seed) {
        if (!deepq4j.tensor.cpu.Simd.enabled()) {
            return; // the run without the Vector API has no direct kernels; the scalar products are checked above
        }
        checkFieldOrder(n, c, ho + kh - 1, wo + kw - 1, o, kh, kw, bias, seed);
    }

    @Test
    void directKernelOnMinAtarShapes() {
        Assumptions.assumeTrue(deepq4j.tensor.cpu.Simd.enabled());
        checkFieldOrder(32, 4, 10, 10, 16, 3, 3, true, 1); // Breakout: rows of 8 outputs, field of 36 (4 x 8 + 4)
        checkFieldOrder(32, 6, 10, 10, 16, 3, 3, true, 2); // Space Invaders: field of 54 (6 x 8 + 4 + 2)
        checkFieldOrder(1, 7, 10, 10, 16, 3, 3, true, 3);  // Freeway, acting on one board: field of 63
        checkFieldOrder(2, 2, 11, 18, 5, 3, 3, false, 4);  // rows of 16: two eights
        checkFieldOrder(2, 3, 9, 15, 33, 3, 3, true, 6);   // rows of 13 (8 + 4 + 1), 33 channels (three vectors)
    }

    private static void checkFieldOrder(int n, int c, int h, int w, int o, int kh, int kw, boolean withBias, long seed) {
        Random rng = new Random(seed);
        float[] xv = randomValues(rng, n * c * h * w);
        float[] wv = randomValues(rng, o * c * kh * kw);
        float[] bv = randomValues(rng, o);
        int ho = h - kh + 1, wo = w - kw + 1;
        float[] expected = new float[n * o * ho * wo];
        for (int img = 0; img < n; img++) {
            for (int oc = 0; oc < o; oc++) {
                for (int y = 0; y < ho; y++) {
                    for (int xx = 0; xx < wo; xx++) {
                        float acc = withBias ? bv[oc] : 0f;
                        for (int ci = 0, r = 0; ci < c; ci++) {
                            for (int ky = 0; ky < kh; ky++) {
                                for (int kx = 0; kx < kw; kx++, r++) {
                                    float xi = xv[((img * c + ci) * h + y + ky) * w + xx + kx];
                                    float wi = wv[oc * c * kh * kw + r];
                                    // one rounding per term where the JIT has FMA, two where it has not
                                    acc = deepq4j.tensor.cpu.Simd.hardwareFma() ? Math.fma(xi, wi, acc) : xi * wi + acc;
                                }
                            }
                        }
                        expected[((img * o + oc) * ho + y) * wo + xx] = acc;
                    }
                }
            }
        }
        Tensor out = Tensor.conv2d(Tensor.of(xv, n, c, h, w), Tensor.of(wv, o, c, kh, kw), withBias ? Tensor.of(bv, o) : null, 1, 0);
        assertArrayEquals(expected, out.toArray(), 0f, "[" + n + ", " + c + ", " + h + ", " + w + "] * [" + o + ", " + c + ", " + kh + ", " + kw + "]");
    }

    @Test
    void natureCnnLayers() {
        check(2, 4, 84, 84, 32, 8, 8, 4, 0, 1, true);
        check(2, 32, 20, 20, 64, 4, 4, 2, 0, 2, true);
        check(2, 64, 9, 9, 64, 3, 3, 1, 0, 3, true);
        check(3, 1, 10, 10, 16, 3, 3, 1, 0, 4, true); // MinAtar's single layer, one channel
        check(32, 4, 10, 10, 16, 3, 3, 1, 0, 5, true); // MinAtar Breakout's batch (the direct kernel)
        check(4, 10, 10, 10, 16, 3, 3, 1, 0, 6, true); // Seaquest's 10 channels: a field of 90, the products
    }

    @Test
    void nonContiguousInputsAreAccepted() {
        Random rng = new Random(5);
        Tensor x = Tensor.of(randomValues(rng, 2 * 3 * 6 * 5), 2, 3, 5, 6).transpose(2, 3); // [2, 3, 6, 5], transposed storage
        Tensor w = Tensor.of(randomValues(rng, 4 * 3 * 3 * 3), 4, 3, 3, 3);
        assertArrayEquals(Tensor.conv2d(x.contiguous(), w, null, 1, 1).toArray(), Tensor.conv2d(x, w, null, 1, 1).toArray(), 0f);
    }

    @Test
    void shapeErrorsNameBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.conv2d(Tensor.zeros(1, 3, 8, 8), Tensor.zeros(4, 2, 3, 3), null, 1, 0));
        assertTrue(e.getMessage().contains("[1, 3, 8, 8]") && e.getMessage().contains("[4, 2, 3, 3]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.conv2d(Tensor.zeros(1, 3, 2, 2), Tensor.zeros(4, 3, 3, 3), null, 1, 0));
        assertTrue(e.getMessage().startsWith("conv2d:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.conv2dBackwardInput(Tensor.zeros(1, 4, 5, 5), Tensor.zeros(4, 3, 3, 3), new int[] {1, 3, 8, 8}, 1, 0));
        assertTrue(e.getMessage().contains("[1, 4, 5, 5]") && e.getMessage().contains("[1, 4, 6, 6]"), e.getMessage());
    }
}
