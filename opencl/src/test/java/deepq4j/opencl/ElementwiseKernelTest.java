package deepq4j.opencl;

import static deepq4j.opencl.TestDevice.assertClose;
import static deepq4j.opencl.TestDevice.assertSameBits;
import static deepq4j.opencl.TestDevice.cpu;
import static deepq4j.opencl.TestDevice.device;
import static deepq4j.opencl.TestDevice.random;

import deepq4j.tensor.BinaryOp;
import deepq4j.tensor.Tensor;
import deepq4j.tensor.UnaryOp;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Elementwise kernels against the CPU backend on generated shapes (sizes 1 to 9, so size-1 and odd
 * dimensions come up), contiguous, transposed and broadcast. Tolerances: add, sub, mul, div, sqrt,
 * neg, abs, relu, comparisons, copy, fill, clamp and where agree bit for bit (both backends round
 * each operation once; division and sqrt are built correctly rounded); exp, log and pow are
 * allowed 4 ulp, OpenCL's accuracy bound for them.
 */
@RequiresOpenCl
class ElementwiseKernelTest {
    private static final double ULP4 = 4 * 0x1p-23;

    @Provide
    Arbitrary<int[]> shapes() {
        return Arbitraries.integers().between(1, 9).array(int[].class).ofMinSize(1).ofMaxSize(4);
    }

    private static int size(int[] shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    @Property(tries = 60)
    void unaryOpsOnContiguousAndTransposedViews(@ForAll("shapes") int[] shape, @ForAll long seed) {
        Random rng = new Random(seed);
        float[] v = random(rng, size(shape));
        for (UnaryOp op : UnaryOp.values()) {
            Tensor c = cpu(v, shape);
            Tensor d = device(v, shape);
            if (op == UnaryOp.LOG || op == UnaryOp.SQRT) {
                c = c.abs().add(0.5f);
                d = d.abs().add(0.5f);
            }
            if (shape.length >= 2) {
                c = c.transpose(0, shape.length - 1);
                d = d.transpose(0, shape.length - 1);
            }
            Tensor expected = c.unary(op);
            Tensor actual = d.unary(op);
            if (op == UnaryOp.EXP || op == UnaryOp.LOG) {
                assertClose(expected, actual, 1e-30, ULP4, op.opName());
            } else {
                assertSameBits(expected, actual, op.opName());
            }
        }
    }

    @Property(tries = 60)
    void binaryOpsWithBroadcasting(@ForAll("shapes") int[] shape, @ForAll long seed, @ForAll @IntRange(min = 0, max = 3) int dropAxis) {
        Random rng = new Random(seed);
        // b has size 1 along one axis: broadcast against a.
        int[] bShape = shape.clone();
        bShape[dropAxis % shape.length] = 1;
        float[] av = random(rng, size(shape));
        float[] bv = random(rng, size(bShape));
        for (BinaryOp op : BinaryOp.values()) {
            Tensor ac = cpu(av, shape);
            Tensor ad = device(av, shape);
            Tensor bc = cpu(bv, bShape);
            Tensor bd = device(bv, bShape);
            if (op == BinaryOp.POW) {
                ac = ac.abs().add(0.5f);
                ad = ad.abs().add(0.5f);
            }
            Tensor expected = ac.binary(op, bc);
            Tensor actual = ad.binary(op, bd);
            if (op == BinaryOp.POW) {
                assertClose(expected, actual, 1e-30, ULP4, op.opName());
            } else {
                assertSameBits(expected, actual, op.opName());
            }
            // and the other way round, b broadcast on the left
            assertSameBits(bc.binary(BinaryOp.SUB, ac), bd.binary(BinaryOp.SUB, ad), "sub, broadcast left");
        }
    }

    @Property(tries = 40)
    void copyFillClampAndWhereOnStridedViews(@ForAll @From("shapes") int[] shape, @ForAll long seed) {
        Random rng = new Random(seed);
        float[] v = random(rng, size(shape));
        float[] m = random(rng, size(shape));
        Tensor c = cpu(v, shape);
        Tensor d = device(v, shape);
        int last = shape.length - 1;
        assertSameBits(c.transpose(0, last).contiguous(), d.transpose(0, last).contiguous(), "contiguous copy of a transpose");
        assertSameBits(c.clamp(-0.5f, 0.25f), d.clamp(-0.5f, 0.25f), "clamp");
        Tensor mc = cpu(m, shape).gt(Tensor.scalar(0f));
        Tensor md = device(m, shape).gt(Tensor.scalar(0f).to(TestDevice.backend()));
        assertSameBits(Tensor.where(mc, c, c.neg()), Tensor.where(md, d, d.neg()), "where");
        if (shape[last] > 1) {
            Tensor sc = c.copy();
            Tensor sd = d.copy();
            sc.slice(last, 0, shape[last], 2).fill(7f);
            sd.slice(last, 0, shape[last], 2).fill(7f);
            assertSameBits(sc, sd, "fill of a strided slice");
            sc.slice(last, 1, shape[last], 2).copyFrom(c.slice(last, 0, shape[last] - 1, 2).neg());
            sd.slice(last, 1, shape[last], 2).copyFrom(d.slice(last, 0, shape[last] - 1, 2).neg());
            assertSameBits(sc, sd, "copy into a strided slice");
        }
        Tensor fc = cpu(v, shape).fill(3f);
        Tensor fd = device(v, shape).fill(3f);
        assertSameBits(fc, fd, "fill");
    }

    @Test
    void nanPropagatesLikeTheCpu() {
        float[] v = {Float.NaN, 1f, -2f, 0f};
        float[] w = {0f, Float.NaN, 3f, -0f};
        for (BinaryOp op : new BinaryOp[] {BinaryOp.MAXIMUM, BinaryOp.MINIMUM, BinaryOp.ADD, BinaryOp.GT, BinaryOp.EQ}) {
            assertSameBits(cpu(v, 4).binary(op, cpu(w, 4)), device(v, 4).binary(op, device(w, 4)), op.opName());
        }
        assertSameBits(cpu(v, 4).relu(), device(v, 4).relu(), "relu");
        assertSameBits(cpu(v, 4).clamp(-1f, 0.5f), device(v, 4).clamp(-1f, 0.5f), "clamp");
    }
}
