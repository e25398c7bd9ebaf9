package deepq4j.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.tensor.Generator;
import deepq4j.tensor.Init;
import deepq4j.tensor.Tensor;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** log_softmax and softmax against a double-precision reference, at extreme logits, and in the float64 gradient check. */
class SoftmaxTest {
    /** log_softmax of each row of a [rows, cols] array, in double, shifted by the row's max. */
    private static double[] reference(float[] x, int rows, int cols) {
        double[] out = new double[x.length];
        for (int r = 0; r < rows; r++) {
            double m = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) {
                m = Math.max(m, x[r * cols + c]);
            }
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                sum += Math.exp(x[r * cols + c] - m);
            }
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = x[r * cols + c] - m - Math.log(sum);
            }
        }
        return out;
    }

    @Property(tries = 30)
    void logSoftmaxMatchesTheReferenceAlongEitherAxis(@ForAll @IntRange(min = 1, max = 6) int rows,
                                                      @ForAll @IntRange(min = 1, max = 7) int cols, @ForAll long seed) {
        Tensor x = Init.normal(new Generator(seed), 0f, 3f, rows, cols);
        float[] got = Variable.of(x).logSoftmax(1).data().toArray();
        double[] expected = reference(x.toArray(), rows, cols);
        for (int i = 0; i < got.length; i++) {
            assertEquals(expected[i], got[i], 1e-5 * (1 + Math.abs(expected[i])), "element " + i);
        }
        // along axis 0: the transposed problem
        float[] alongColumns = Variable.of(x).logSoftmax(0).data().transpose(0, 1).contiguous().toArray();
        double[] expectedColumns = reference(x.transpose(0, 1).contiguous().toArray(), cols, rows);
        for (int i = 0; i < alongColumns.length; i++) {
            assertEquals(expectedColumns[i], alongColumns[i], 1e-5 * (1 + Math.abs(expectedColumns[i])), "axis 0, element " + i);
        }
    }

    @Test
    void extremeLogitsNeitherOverflowNorUnderflowToNaN() {
        Tensor x = Tensor.of(new float[] {1000f, 0f, -1000f, 88.8f, 89f, 1e4f}, 2, 3);
        float[] log = Variable.of(x).logSoftmax(1).data().toArray();
        float[] p = Variable.of(x).softmax(1).data().toArray();
        for (float v : log) {
            assertTrue(Float.isFinite(v), "finite log-probabilities: " + java.util.Arrays.toString(log));
        }
        assertEquals(0f, log[0], 0f);
        assertEquals(-1000f, log[1], 1e-3f);
        assertEquals(1f, p[0] + p[1] + p[2], 1e-6f);
        assertEquals(1f, p[3] + p[4] + p[5], 1e-6f);
        assertEquals(1f, p[5], 0f);
    }

    @Property(tries = 15)
    void passTheGradientCheck(@ForAll @IntRange(min = 1, max = 4) int rows, @ForAll @IntRange(min = 1, max = 5) int cols,
                              @ForAll long seed) {
        Tensor x = Init.normal(new Generator(seed), 0f, 2f, rows, cols);
        GradCheck.check(v -> v[0].logSoftmax(1), x);
        GradCheck.check(v -> v[0].softmax(1), x);
        GradCheck.check(v -> v[0].logSoftmax(0), x);
    }
}
