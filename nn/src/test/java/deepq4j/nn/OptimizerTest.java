package deepq4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.tensor.Backend;
import deepq4j.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Optimizer steps against torch.optim's update rules written out here in double precision, over
 * several steps with changing gradients, on the CPU (float32) and float64 backends.
 */
class OptimizerTest {
    private static final double[] START = {0.5, -1.5, 2.0, 0.0};
    private static final double[][] GRADS = {{0.1, -0.2, 0.3, 0.0}, {-0.5, 0.4, 0.0, 1.0}, {0.3, 0.3, -0.3, -1.0},
        {1.0, -1.0, 0.5, 0.25}, {0.0, 0.05, -0.7, 2.0}};

    /** Runs an optimizer on one parameter through the gradient sequence; returns the parameter after each step. */
    private static double[][] run(Backend backend, Function<List<Parameter>, Optimizer> make, double[][] grads) {
        Parameter p = new Parameter(Tensor.of(backend, START.clone(), START.length));
        Optimizer opt = make.apply(List.of(p));
        double[][] trajectory = new double[grads.length][];
        for (int t = 0; t < grads.length; t++) {
            p.setGrad(Tensor.of(backend, grads[t], grads[t].length));
            opt.step();
            trajectory[t] = p.data().toDoubleArray();
        }
        return trajectory;
    }

    private static void assertFollows(double[][] expected, Function<List<Parameter>, Optimizer> make) {
        assertFollows(expected, make, GRADS, 1e-12);
    }

    /** {@code float64Tolerance}: 1e-12 for the fused kernels, which take their settings as doubles. */
    private static void assertFollows(double[][] expected, Function<List<Parameter>, Optimizer> make, double[][] grads,
                                      double float64Tolerance) {
        double[][] cpu = run(Backend.cpu(), make, grads);
        double[][] f64 = run(Backend.float64(), make, grads);
        for (int t = 0; t < expected.length; t++) {
            for (int i = 0; i < START.length; i++) {
                assertEquals(expected[t][i], f64[t][i], float64Tolerance, "float64, step " + (t + 1) + ", element " + i);
                assertEquals(expected[t][i], cpu[t][i], 2e-6 * (1 + Math.abs(expected[t][i])), "cpu, step " + (t + 1) + ", element " + i);
            }
        }
    }

    @Test
    void sgdWithMomentumDampeningNesterovAndDecay() {
        double lr = 0.1, mu = 0.9, dampening = 0.0, wd = 0.01;
        for (boolean nesterov : new boolean[] {false, true}) {
            double[] p = START.clone();
            double[] buf = new double[p.length];
            double[][] expected = new double[GRADS.length][];
            for (int t = 0; t < GRADS.length; t++) {
                for (int i = 0; i < p.length; i++) {
                    double g = GRADS[t][i] + wd * p[i];
                    buf[i] = t == 0 ? g : mu * buf[i] + (1 - dampening) * g;
                    p[i] -= lr * (nesterov ? g + mu * buf[i] : buf[i]);
                }
                expected[t] = p.clone();
            }
            boolean n = nesterov;
            assertFollows(expected, ps -> new SGD(ps, lr, mu, dampening, wd, n));
        }
        double[] p = START.clone();
        double[][] plain = new double[GRADS.length][];
        for (int t = 0; t < GRADS.length; t++) {
            for (int i = 0; i < p.length; i++) {
                p[i] -= 0.05 * GRADS[t][i];
            }
            plain[t] = p.clone();
        }
        assertFollows(plain, ps -> new SGD(ps, 0.05));
    }

    /** torch.optim.Adam / AdamW, for one setting of the options. */
    private static double[][] adamClosedForm(double lr, double b1, double b2, double eps, double wd, boolean amsgrad, boolean decoupled) {
        double[] p = START.clone();
        double[] m = new double[p.length], v = new double[p.length], vMax = new double[p.length];
        double[][] expected = new double[GRADS.length][];
        for (int t = 1; t <= GRADS.length; t++) {
            for (int i = 0; i < p.length; i++) {
                double g = GRADS[t - 1][i];
                if (decoupled) {
                    p[i] *= 1 - lr * wd;
                } else {
                    g += wd * p[i];
                }
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                vMax[i] = Math.max(vMax[i], v[i]);
                double mHat = m[i] / (1 - Math.pow(b1, t));
                double vHat = (amsgrad ? vMax[i] : v[i]) / (1 - Math.pow(b2, t));
                p[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
            expected[t - 1] = p.clone();
        }
        return expected;
    }

    @Test
    void adamAndAdamWInEveryVariant() {
        assertFollows(adamClosedForm(1e-2, 0.9, 0.999, 1e-8, 0, false, false), ps -> new Adam(ps, 1e-2));
        assertFollows(adamClosedForm(1e-2, 0.8, 0.99, 1e-6, 0.1, true, false), ps -> new Adam(ps, 1e-2, 0.8, 0.99, 1e-6, 0.1, true));
        assertFollows(adamClosedForm(1e-2, 0.9, 0.999, 1e-8, 0.05, false, true), ps -> new AdamW(ps, 1e-2, 0.05, false));
        assertFollows(adamClosedForm(3e-2, 0.9, 0.999, 1e-8, 0.05, true, true), ps -> new AdamW(ps, 3e-2, 0.05, true));
    }

    /**
     * torch.optim.RAdam over 15 steps: rho_t passes 5 at step 6 (5.39 with beta2 = 0.9, 5.99 with
     * torch's 0.999), so the momentum step and the rectified adaptive one both run.
     */
    @Test
    void radamRunsTheMomentumStepUntilTheVarianceIsTrustedThenTheRectifiedOne() {
        double[][] grads = new double[15][];
        for (int t = 0; t < grads.length; t++) {
            grads[t] = GRADS[t % GRADS.length];
        }
        for (double b2 : new double[] {0.9, 0.999}) {
            double lr = 1e-2, b1 = 0.9, eps = 1e-8;
            double[] p = START.clone();
            double[] m = new double[p.length], v = new double[p.length];
            double[][] expected = new double[grads.length][];
            double rhoInf = 2 / (1 - b2) - 1;
            for (int t = 1; t <= grads.length; t++) {
                double rhoT = rhoInf - 2 * t * Math.pow(b2, t) / (1 - Math.pow(b2, t));
                for (int i = 0; i < p.length; i++) {
                    double g = grads[t - 1][i];
                    m[i] = b1 * m[i] + (1 - b1) * g;
                    v[i] = b2 * v[i] + (1 - b2) * g * g;
                    double mHat = m[i] / (1 - Math.pow(b1, t));
                    if (rhoT > 5) {
                        double r = Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
                        double l = Math.sqrt(1 - Math.pow(b2, t)) / (Math.sqrt(v[i]) + eps);
                        p[i] -= lr * mHat * r * l;
                    } else {
                        p[i] -= lr * mHat;
                    }
                }
                expected[t - 1] = p.clone();
            }
            double beta2 = b2;
            // RAdam's first steps are tensor ops, whose scalars are float32 even on the float64 backend: 1e-7.
            assertFollows(expected, ps -> new RAdam(ps, lr, b1, beta2, eps), grads, 1e-7);
        }
        assertThrows(IllegalArgumentException.class, () -> new RAdam(List.of(new Parameter(Tensor.zeros(2))), 1e-3, 0.9, 1.0, 1e-8));
    }

    @Test
    void rmspropPlainCenteredAndWithMomentum() {
        for (boolean centered : new boolean[] {false, true}) {
            for (double mu : new double[] {0, 0.5}) {
                double lr = 2.5e-3, alpha = 0.95, eps = 0.01, wd = 0.001;
                double[] p = START.clone();
                double[] sq = new double[p.length], avg = new double[p.length], buf = new double[p.length];
                double[][] expected = new double[GRADS.length][];
                for (int t = 0; t < GRADS.length; t++) {
                    for (int i = 0; i < p.length; i++) {
                        double g = GRADS[t][i] + wd * p[i];
                        sq[i] = alpha * sq[i] + (1 - alpha) * g * g;
                        avg[i] = alpha * avg[i] + (1 - alpha) * g;
                        double denom = Math.sqrt(centered ? sq[i] - avg[i] * avg[i] : sq[i]) + eps;
                        if (mu > 0) {
                            buf[i] = mu * buf[i] + g / denom;
                            p[i] -= lr * buf[i];
                        } else {
                            p[i] -= lr * g / denom;
                        }
                    }
                    expected[t] = p.clone();
                }
                boolean c = centered;
                double m = mu;
                assertFollows(expected, ps -> new RMSprop(ps, lr, alpha, eps, wd, m, c));
            }
        }
    }

    @Test
    void parametersWithoutGradientsAreSkippedAndBadSettingsRejected() {
        Parameter a = new Parameter(Tensor.of(new float[] {1, 2}, 2));
        Parameter b = new Parameter(Tensor.of(new float[] {3, 4}, 2));
        Adam adam = new Adam(List.of(a, b), 0.1);
        a.setGrad(Tensor.of(new float[] {1, 1}, 2));
        adam.step();
        assertEquals(4f, b.data().get(1));
        assertTrue(a.data().get(0) < 1f);
        adam.zeroGrad();
        assertEquals(null, a.grad());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(a), -1));
        assertEquals("Adam: invalid learning rate: -1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(a), 0.1, 1.0, 0.999, 1e-8, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(a), 0.1, 0, 0, 0, true));
        assertThrows(IllegalArgumentException.class, () -> new RMSprop(List.of(), 0.1));
    }
}
