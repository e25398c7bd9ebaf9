package deepq4j.tensor;

import static deepq4j.tensor.TestTensors.Layout;
import static deepq4j.tensor.TestTensors.assertBitEqual;
import static deepq4j.tensor.TestTensors.bothPaths;
import static deepq4j.tensor.TestTensors.randomValues;
import static deepq4j.tensor.TestTensors.withLayout;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Elementwise ops against their scalar definitions. IEEE 754 rounds +, -, *, / and sqrt exactly,
 * so a float op equals the double-precision reference rounded to float: the tolerance is zero,
 * for the SIMD and the scalar paths alike.
 */
class ElementwiseTest {

    /** Two shapes that broadcast: each drops leading dimensions and turns some dimensions into 1. */
    @Provide
    Arbitrary<int[][]> broadcastPairs() {
        Arbitrary<int[]> base = TestTensors.shapes(0, 4);
        return Combinators.combine(base, Arbitraries.longs()).as((shape, seed) -> {
            Random rng = new Random(seed);
            return new int[][] {thin(shape, rng), thin(shape, rng)};
        });
    }

    private static int[] thin(int[] shape, Random rng) {
        int drop = rng.nextInt(shape.length + 1) / 2;
        int[] s = Arrays.copyOfRange(shape, drop, shape.length);
        for (int i = 0; i < s.length; i++) {
            if (rng.nextInt(3) == 0) {
                s[i] = 1;
            }
        }
        return s;
    }

    @Property(tries = 200)
    void binaryOpsFollowNumPyBroadcasting(@ForAll("broadcastPairs") int[][] shapes, @ForAll BinaryOp op,
                                          @ForAll Layout layoutA, @ForAll Layout layoutB, @ForAll long seed) {
        Random rng = new Random(seed);
        float[] av = randomValues(rng, Shape.size(shapes[0]));
        float[] bv = randomValues(rng, Shape.size(shapes[1]));
        if (op == BinaryOp.EQ && bv.length > 0) {
            bv[0] = av.length > 0 ? av[0] : 0f; // make equality happen at least sometimes
        }
        Tensor a = withLayout(av, shapes[0], layoutA);
        Tensor b = withLayout(bv, shapes[1], layoutB);
        int[] outShape = Shape.broadcast("test", shapes[0], shapes[1]);
        double[] expected = Reference.binary(Reference.toDouble(av), shapes[0], Reference.toDouble(bv), shapes[1], outShape,
                (x, y) -> op.apply((float) x, (float) y));
        float[][] results = bothPaths(() -> a.binary(op, b));
        assertArrayEquals(outShape, a.binary(op, b).shape());
        float[] exp = new float[expected.length];
        for (int i = 0; i < exp.length; i++) {
            exp[i] = (float) expected[i];
        }
        assertBitEqual(exp, results[0], op + " simd");
        assertBitEqual(exp, results[1], op + " scalar");
    }

    @Property(tries = 200)
    void arithmeticEqualsDoubleRoundedToFloat(@ForAll("broadcastPairs") int[][] shapes, @ForAll long seed) {
        Random rng = new Random(seed);
        float[] av = randomValues(rng, Shape.size(shapes[0]));
        float[] bv = randomValues(rng, Shape.size(shapes[1]));
        Tensor a = Tensor.of(av, shapes[0]);
        Tensor b = Tensor.of(bv, shapes[1]);
        int[] outShape = Shape.broadcast("test", shapes[0], shapes[1]);
        double[] da = Reference.toDouble(av);
        double[] db = Reference.toDouble(bv);
        check(Reference.binary(da, shapes[0], db, shapes[1], outShape, Double::sum), a.add(b), "add");
        check(Reference.binary(da, shapes[0], db, shapes[1], outShape, (x, y) -> x - y), a.sub(b), "sub");
        check(Reference.binary(da, shapes[0], db, shapes[1], outShape, (x, y) -> x * y), a.mul(b), "mul");
        check(Reference.binary(da, shapes[0], db, shapes[1], outShape, (x, y) -> x / y), a.div(b), "div");
        check(Reference.binary(da, shapes[0], db, shapes[1], outShape, Math::max), a.maximum(b), "maximum");
    }

    private static void check(double[] expected, Tensor actual, String what) {
        float[] exp = new float[expected.length];
        for (int i = 0; i < exp.length; i++) {
            exp[i] = (float) expected[i];
        }
        assertBitEqual(exp, actual.toArray(), what);
    }

    @Property(tries = 150)
    void unaryOpsMatchTheirDefinition(@ForAll("shapes") int[] shape, @ForAll UnaryOp op, @ForAll Layout layout, @ForAll long seed) {
        float[] v = randomValues(new Random(seed), Shape.size(shape));
        Tensor x = withLayout(v, shape, layout);
        float[] expected = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            double d = v[i];
            switch (op) {
                case NEG: expected[i] = (float) -d; break;
                case EXP: expected[i] = deepq4j.tensor.cpu.FloatExp.exp(v[i]); break; // ExpTest holds it within 2 ulp of e^x
                case LOG: expected[i] = (float) Math.log(d); break;
                case SQRT: expected[i] = (float) Math.sqrt(d); break;
                case ABS: expected[i] = (float) Math.abs(d); break;
                case RELU: expected[i] = (float) Math.max(d, 0.0); break;
                default: throw new AssertionError(op);
            }
        }
        float[][] results = bothPaths(() -> x.unary(op));
        assertBitEqual(expected, results[0], op + " simd");
        assertBitEqual(expected, results[1], op + " scalar");
    }

    @Provide
    Arbitrary<int[]> shapes() {
        return TestTensors.shapes(0, 4);
    }

    @Property(tries = 100)
    void clampAndWhere(@ForAll("shapes") int[] shape, @ForAll Layout layout, @ForAll long seed) {
        Random rng = new Random(seed);
        float[] v = randomValues(rng, Shape.size(shape));
        Tensor x = withLayout(v, shape, layout);
        float[][] clamped = bothPaths(() -> x.clamp(-0.5f, 0.25f));
        float[][] masked = bothPaths(() -> Tensor.where(x.gt(0f), x, Tensor.scalar(-7f)));
        for (int i = 0; i < v.length; i++) {
            float c = Math.min(Math.max(v[i], -0.5f), 0.25f);
            assertEquals(c, clamped[0][i]);
            assertEquals(c, clamped[1][i]);
            float w = v[i] > 0 ? v[i] : -7f;
            assertEquals(w, masked[0][i]);
            assertEquals(w, masked[1][i]);
        }
    }

    @Test
    void nanPropagatesThroughReluAndMaximum() {
        Tensor x = Tensor.of(new float[] {Float.NaN, -1f, 2f}, 3);
        float[] r = x.relu().toArray();
        assertTrue(Float.isNaN(r[0]));
        assertEquals(0f, r[1]);
        assertTrue(Float.isNaN(x.maximum(Tensor.scalar(0f)).toArray()[0]));
    }

    @Test
    void scalarOverloadsAndInPlaceOps() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
        assertArrayEquals(new float[] {3, 4, 5, 6}, x.add(2f).toArray());
        assertArrayEquals(new float[] {1, 4, 9, 16}, x.pow(2f).toArray());
        assertArrayEquals(new float[] {0.5f, 1, 1.5f, 2}, x.div(2f).toArray());
        Tensor y = x.copy().addInPlace(Tensor.of(new float[] {10, 20}, 2));
        assertArrayEquals(new float[] {11, 22, 13, 24}, y.toArray());
        assertArrayEquals(new float[] {22, 44, 26, 48}, y.mulInPlace(2f).toArray());
        assertArrayEquals(new float[] {1, 2, 3, 4}, x.toArray(), "the source is untouched");
        Tensor col = x.slice(1, 1, 2); // a non-contiguous view into x
        col.fill(0f);
        assertArrayEquals(new float[] {1, 0, 3, 0}, x.toArray(), "fill writes through the view");
    }

    @Test
    void broadcastErrorsNameTheOpAndBothShapes() {
        Tensor a = Tensor.zeros(2, 3);
        Tensor b = Tensor.zeros(4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.add(b));
        assertTrue(e.getMessage().contains("add") && e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4]"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(3).mul(Tensor.zeros(2, 2)));
        assertTrue(e.getMessage().startsWith("mul:") && e.getMessage().contains("[3]") && e.getMessage().contains("[2, 2]"),
                e.getMessage());
    }
}
