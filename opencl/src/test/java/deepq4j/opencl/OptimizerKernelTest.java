package deepq4j.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import deepq4j.tensor.Backend;
import deepq4j.tensor.Tensor;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The fused Adam/AdamW/AMSGrad, RMSprop (plain, centered, momentum) and SGD (momentum, Nesterov)
 * kernels against the CPU backend over three steps. Both do the same float operations in the same
 * order, one rounding each (contraction into fma is off, division and sqrt correctly rounded), so
 * they agree bit for bit.
 */
@RequiresOpenCl
class OptimizerKernelTest {

    /** Runs three steps of one optimizer on fresh state; returns the parameter and all state, concatenated. */
    private static float[] run(Backend backend, int kind, int n, long seed, boolean variant) {
        Random rng = new Random(seed);
        Tensor p = Tensor.of(TestDevice.random(rng, n), n).to(backend);
        Tensor s1 = Tensor.zeros(n).to(backend);
        Tensor s2 = Tensor.zeros(n).to(backend);
        Tensor s3 = Tensor.zeros(n).to(backend);
        for (int step = 1; step <= 3; step++) {
            Tensor g = Tensor.of(TestDevice.random(rng, n), n).to(backend);
            switch (kind) {
                case 0:
                    backend.adamUpdate(p, g, s1, s2, variant ? s3 : null, 1e-2, 0.9, 0.999, 1e-8, 0.01, variant, step);
                    break;
                case 1:
                    backend.adamUpdate(p, g, s1, s2, null, 1e-3, 0.9, 0.999, 1e-8, 0, false, step);
                    break;
                case 2:
                    backend.rmspropUpdate(p, g, s1, variant ? s2 : null, variant ? s3 : null, 1e-2, 0.95, 0.01, 0.001, 0.9);
                    break;
                case 3:
                    backend.rmspropUpdate(p, g, s1, variant ? s2 : null, null, 2.5e-4, 0.95, 0.01, 0, 0);
                    break;
                default:
                    backend.sgdUpdate(p, g, variant ? s1 : null, 0.1, 0.9, 0.0, 0.01, variant, step == 1);
            }
        }
        return Tensor.cat(0, p, s1, s2, s3).toArray();
    }

    @Property(tries = 40)
    void sameBitsAsTheCpu(@ForAll @IntRange(min = 1, max = 300) int n, @ForAll @IntRange(min = 0, max = 4) int kind,
                          @ForAll boolean variant, @ForAll long seed) {
        assertArrayEquals(run(Backend.cpu(), kind, n, seed, variant), run(TestDevice.backend(), kind, n, seed, variant),
                "optimizer " + kind + (variant ? " (variant)" : ""));
    }
}
