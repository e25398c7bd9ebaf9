package deepq4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The CPU backend's fused layer norm (cpu.LayerNormKernels) against Backend's default, the same
 * formulas in tensor ops, run in float64: forward, mean, rstd and the three gradients, with and
 * without the affine, on odd and size-1 shapes. Both get the same float32 inputs. Tolerance:
 * 2e-5 of the values' scale times the rows' condition, kappa = max(1, rstd max|x|): in a row of
 * close values (a large rstd) the float32 deviations x - mean carry an error of an ulp of x, which
 * normalisation multiplies by rstd, in the output, in rstd itself and in every gradient.
 */
class LayerNormKernelTest {
    @Property(tries = 200)
    void fusedForwardAndBackwardMatchTheTensorOpsInFloat64(@ForAll @IntRange(min = 1, max = 6) int rows,
                                                           @ForAll @IntRange(min = 1, max = 37) int n, @ForAll boolean affine,
                                                           @ForAll long seed) {
        Random rng = new Random(seed);
        double[] x = values(rng, rows * n, 3);
        double[] w = values(rng, n, 1);
        double[] b = values(rng, n, 1);
        double[] g = values(rng, rows * n, 1);
        Backend[] backends = {Backend.cpu(), Backend.float64()};
        double[][][] results = new double[2][][];
        for (int k = 0; k < 2; k++) {
            Backend be = backends[k];
            Tensor tx = Tensor.of(be, x, rows, n);
            Tensor tw = affine ? Tensor.of(be, w, n) : null;
            Tensor tb = affine ? Tensor.of(be, b, n) : null;
            Tensor out = Tensor.zeros(be, rows, n);
            Tensor mean = Tensor.zeros(be, rows);
            Tensor rstd = Tensor.zeros(be, rows);
            be.layerNorm(tx, tw, tb, 1e-5f, out, mean, rstd);
            Tensor gx = Tensor.zeros(be, rows, n);
            Tensor gw = affine ? Tensor.zeros(be, n) : null;
            Tensor gb = affine ? Tensor.zeros(be, n) : null;
            be.layerNormBackward(Tensor.of(be, g, rows, n), tx, mean, rstd, tw, gx, gw, gb);
            results[k] = new double[][] {out.toDoubleArray(), mean.toDoubleArray(), rstd.toDoubleArray(), gx.toDoubleArray(),
                affine ? gw.toDoubleArray() : new double[0], affine ? gb.toDoubleArray() : new double[0]};
        }
        String[] names = {"out", "mean", "rstd", "gradX", "gradWeight", "gradBias"};
        double rstdMax = 0;
        for (double v : results[1][2]) {
            rstdMax = Math.max(rstdMax, v);
        }
        double xMax = 0;
        for (double v : x) {
            xMax = Math.max(xMax, Math.abs(v));
        }
        double kappa = Math.max(1, rstdMax * xMax);
        for (int r = 0; r < names.length; r++) {
            double scale = 1;
            for (double v : results[1][r]) {
                scale = Math.max(scale, Math.abs(v));
            }
            double tolerance = 2e-5 * scale * (names[r].equals("mean") ? 1 : kappa);
            for (int i = 0; i < results[1][r].length; i++) {
                assertEquals(results[1][r][i], results[0][r][i], tolerance, names[r] + "[" + i + "], " + rows + " x " + n);
            }
        }
    }

    private static double[] values(Random rng, int count, double scale) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = (float) ((rng.nextDouble() * 2 - 1) * scale); // float32 values: both backends read the same inputs
        }
        return v;
    }
}
