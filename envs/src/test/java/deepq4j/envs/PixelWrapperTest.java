package deepq4j.envs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The frame preprocessing wrappers of the Atari pipeline, each against a simple reference, and pixel CartPole. */
class PixelWrapperTest {
    /** Frames [c, h, w] numbered by step: every cell of frame t holds a pattern of t; reward 1 per step; ends at step `length`. */
    static final class Frames implements Env {
        final int c;
        final int h;
        final int w;
        final int length;
        int t;

        Frames(int c, int h, int w, int length) {
            this.c = c;
            this.h = h;
            this.w = w;
            this.length = length;
        }

        float[] frame() {
            float[] f = new float[c * h * w];
            for (int i = 0; i < f.length; i++) {
                f[i] = (i * 7 + t * 13) % 256;
            }
            return f;
        }

        @Override
        public float[] reset(long seed) {
            return reset();
        }

        @Override
        public float[] reset() {
            t = 0;
            return frame();
        }

        @Override
        public Step step(int action) {
            t++;
            return new Step(frame(), t % 3 == 0 ? 5.0 : -0.5, t >= length, false, Map.of());
        }

        @Override
        public Discrete actionSpace() {
            return new Discrete(2);
        }

        @Override
        public Box observationSpace() {
            return new Box(0f, 255f, c, h, w);
        }
    }

    @Property(tries = 60)
    void areaResizeEqualsReplicateThenAverage(@ForAll @IntRange(min = 1, max = 13) int inH, @ForAll @IntRange(min = 1, max = 13) int inW,
                                              @ForAll @IntRange(min = 1, max = 9) int outH, @ForAll @IntRange(min = 1, max = 9) int outW,
                                              @ForAll @IntRange(min = 1, max = 3) int channels) {
        Frames source = new Frames(channels, inH, inW, 10);
        float[] frame = source.reset();
        ResizeObservation resize = new ResizeObservation(source, outH, outW);
        float[] got = resize.reset();
        assertArrayEquals(new int[] {channels, outH, outW}, resize.observationSpace().shape());
        // Reference: blow each input pixel up to an outH x outW block (a grid of inH*outH x inW*outW),
        // then average blocks of inH x inW: exactly the area average, by a different route.
        for (int ch = 0; ch < channels; ch++) {
            for (int y = 0; y < outH; y++) {
                for (int x = 0; x < outW; x++) {
                    double sum = 0;
                    for (int fy = y * inH; fy < (y + 1) * inH; fy++) {
                        for (int fx = x * inW; fx < (x + 1) * inW; fx++) {
                            sum += frame[(ch * inH + fy / outH) * inW + fx / outW];
                        }
                    }
                    double expected = sum / (inH * inW);
                    assertEquals(expected, got[(ch * outH + y) * outW + x], 1e-3, "pixel " + ch + "," + y + "," + x);
                }
            }
        }
    }

    @Test
    void grayscaleUsesBt601Weights() {
        Frames source = new Frames(3, 2, 2, 10);
        float[] rgb = source.reset();
        GrayscaleObservation gray = new GrayscaleObservation(source);
        float[] g = gray.reset();
        assertArrayEquals(new int[] {1, 2, 2}, gray.observationSpace().shape());
        for (int i = 0; i < 4; i++) {
            assertEquals(Math.round(0.299 * rgb[i] + 0.587 * rgb[4 + i] + 0.114 * rgb[8 + i]), g[i], 1e-6);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GrayscaleObservation(new Frames(2, 2, 2, 1)));
        assertTrue(e.getMessage().contains("RGB"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GrayscaleObservation(Envs.make("CartPole-v1")));
    }

    @Test
    void frameStackKeepsTheLastKFramesOldestFirst() {
        Frames source = new Frames(1, 2, 2, 10);
        FrameStackObservation stack = new FrameStackObservation(source, 3);
        assertArrayEquals(new int[] {3, 2, 2}, stack.observationSpace().shape());
        float[] first = source.frame();
        float[] s0 = stack.reset();
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(first, java.util.Arrays.copyOfRange(s0, 4 * k, 4 * k + 4), "the stack starts full of the first frame");
        }
        stack.step(0);
        float[] s2 = stack.step(0).observation();
        assertArrayEquals(first, java.util.Arrays.copyOfRange(s2, 0, 4));
        source.t = 1;
        assertArrayEquals(source.frame(), java.util.Arrays.copyOfRange(s2, 4, 8));
        source.t = 2;
        assertArrayEquals(source.frame(), java.util.Arrays.copyOfRange(s2, 8, 12));
    }

    @Test
    void maxAndSkipRepeatsTheActionSumsRewardsAndMaxesTheLastTwoFrames() {
        Frames source = new Frames(1, 3, 3, 6);
        MaxAndSkipObservation skip = new MaxAndSkipObservation(source, 4);
        skip.reset();
        Step s = skip.step(1);
        assertEquals(4, source.t);
        assertEquals(-0.5 - 0.5 + 5.0 - 0.5, s.reward(), 1e-12);
        source.t = 3;
        float[] third = source.frame();
        source.t = 4;
        float[] fourth = source.frame();
        for (int i = 0; i < 9; i++) {
            assertEquals(Math.max(third[i], fourth[i]), s.observation()[i]);
        }
        Step end = skip.step(1);
        assertTrue(end.terminated());
        assertEquals(6, source.t, "an episode that ends within the skip returns at once");
        assertEquals(-0.5 + 5.0, end.reward(), 1e-12);
    }

    @Test
    void clipRewardClipsIntoTheRange() {
        ClipReward clip = new ClipReward(new Frames(1, 1, 1, 10), -0.25, 1);
        clip.reset();
        assertEquals(-0.25, clip.step(0).reward());
        clip.step(0);
        assertEquals(1.0, clip.step(0).reward());
        assertThrows(IllegalArgumentException.class, () -> new ClipReward(new Frames(1, 1, 1, 1), 1, -1));
    }

    @Test
    void pixelCartPoleIsFourStackedGrayFramesOf84By84() {
        Env env = Envs.make("PixelCartPole-v1");
        assertArrayEquals(new int[] {4, 84, 84}, env.observationSpace().shape());
        float[] a = env.reset(3);
        assertTrue(env.observationSpace().contains(a));
        float[] b = Envs.make("PixelCartPole-v1").reset(3);
        assertArrayEquals(a, b, "seeded resets draw the same picture");
        float[] next = env.step(1).observation();
        assertFalse(java.util.Arrays.equals(java.util.Arrays.copyOfRange(next, 3 * 7056, 4 * 7056),
                java.util.Arrays.copyOfRange(next, 0, 7056)), "the newest frame shows the cart moved");
        double min = 255;
        double max = 0;
        for (float v : a) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertTrue(max - min > 100, "the cart and pole stand out from the background");
    }
}
