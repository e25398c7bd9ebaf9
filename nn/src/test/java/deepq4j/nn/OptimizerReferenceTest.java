package deepq4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import deepq4j.tensor.Backend;
import deepq4j.tensor.Tensor;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Each optimizer's readable update, written in tensor ops beside it, against the fused kernel the
 * optimizer runs: the same bits, step after step, for sizes around the SIMD width (1, odd, a
 * vector and a tail) and every option. torch.optim's closed forms are checked in OptimizerTest.
 */
class OptimizerReferenceTest {
    private static float[] random(Random rng, int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rng.nextGaussian() * scale);
        }
        return v;
    }

    @Property(tries = 40)
    void adamsFusedKernelComputesItsReferenceStepBitForBit(@ForAll @IntRange(min = 1, max = 70) int n, @ForAll long seed,
                                                          @ForAll boolean amsgrad, @ForAll boolean decoupled, @ForAll boolean decay) {
        Random rng = new Random(seed);
        double lr = 1e-3 + rng.nextDouble() * 1e-2;
        double wd = decay ? 0.01 + rng.nextDouble() * 0.1 : 0;
        float[] start = random(rng, n, 1);
        Tensor fusedP = Tensor.of(start, n);
        Tensor refP = Tensor.of(start, n);
        Tensor[] fused = {Tensor.zeros(n), Tensor.zeros(n), amsgrad ? Tensor.zeros(n) : null};
        Tensor[] ref = {Tensor.zeros(n), Tensor.zeros(n), amsgrad ? Tensor.zeros(n) : null};
        for (long t = 1; t <= 6; t++) {
            Tensor grad = Tensor.of(random(rng, n, t == 3 ? 1e-4 : 1), n);
            Backend.cpu().adamUpdate(fusedP, grad, fused[0], fused[1], fused[2], lr, 0.9, 0.999, 1e-8, wd, decoupled, t);
            Adam.referenceStep(refP, grad, ref[0], ref[1], ref[2], lr, 0.9, 0.999, 1e-8, wd, decoupled, t);
            assertArrayEquals(refP.toArray(), fusedP.toArray(), "parameters after step " + t);
            assertArrayEquals(ref[0].toArray(), fused[0].toArray(), "exp_avg after step " + t);
            assertArrayEquals(ref[1].toArray(), fused[1].toArray(), "exp_avg_sq after step " + t);
            if (amsgrad) {
                assertArrayEquals(ref[2].toArray(), fused[2].toArray(), "max_exp_avg_sq after step " + t);
            }
        }
    }

    @Property(tries = 40)
    void rmspropsFusedKernelComputesItsReferenceStepBitForBit(@ForAll @IntRange(min = 1, max = 70) int n, @ForAll long seed,
                                                             @ForAll boolean centered, @ForAll boolean withMomentum, @ForAll boolean decay) {
        Random rng = new Random(seed);
        double lr = 2.5e-4 + rng.nextDouble() * 1e-2;
        double wd = decay ? 0.01 : 0;
        double momentum = withMomentum ? 0.9 : 0;
        float[] start = random(rng, n, 1);
        Tensor fusedP = Tensor.of(start, n);
        Tensor refP = Tensor.of(start, n);
        Tensor[] fused = {Tensor.zeros(n), centered ? Tensor.zeros(n) : null, withMomentum ? Tensor.zeros(n) : null};
        Tensor[] ref = {Tensor.zeros(n), centered ? Tensor.zeros(n) : null, withMomentum ? Tensor.zeros(n) : null};
        for (int t = 1; t <= 6; t++) {
            Tensor grad = Tensor.of(random(rng, n, 1), n);
            Backend.cpu().rmspropUpdate(fusedP, grad, fused[0], fused[1], fused[2], lr, 0.95, 0.01, wd, momentum);
            RMSprop.referenceStep(refP, grad, ref[0], ref[1], ref[2], lr, 0.95, 0.01, wd, momentum);
            assertArrayEquals(refP.toArray(), fusedP.toArray(), "parameters after step " + t);
            for (int k = 0; k < 3; k++) {
                if (ref[k] != null) {
                    assertArrayEquals(ref[k].toArray(), fused[k].toArray(), "state " + k + " after step " + t);
                }
            }
        }
    }

    @Property(tries = 40)
    void sgdsFusedKernelComputesItsReferenceStepBitForBit(@ForAll @IntRange(min = 1, max = 70) int n, @ForAll long seed,
                                                         @ForAll boolean withMomentum, @ForAll boolean nesterov, @ForAll boolean decay) {
        Random rng = new Random(seed);
        double lr = 1e-3 + rng.nextDouble() * 1e-1;
        double wd = decay ? 0.01 : 0;
        double momentum = withMomentum ? 0.9 : 0;
        double dampening = withMomentum && !nesterov ? 0.1 : 0;
        float[] start = random(rng, n, 1);
        Tensor fusedP = Tensor.of(start, n);
        Tensor refP = Tensor.of(start, n);
        Tensor fusedBuffer = withMomentum ? Tensor.zeros(n) : null;
        Tensor refBuffer = withMomentum ? Tensor.zeros(n) : null;
        for (int t = 1; t <= 6; t++) {
            Tensor grad = Tensor.of(random(rng, n, 1), n);
            boolean n2 = withMomentum && nesterov;
            Backend.cpu().sgdUpdate(fusedP, grad, fusedBuffer, lr, momentum, dampening, wd, n2, t == 1);
            SGD.referenceStep(refP, grad, refBuffer, lr, momentum, dampening, wd, n2, t == 1);
            assertArrayEquals(refP.toArray(), fusedP.toArray(), "parameters after step " + t);
            if (withMomentum) {
                assertArrayEquals(refBuffer.toArray(), fusedBuffer.toArray(), "momentum buffer after step " + t);
            }
        }
    }
}
