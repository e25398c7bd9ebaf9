package deepq4j.opencl;

import static deepq4j.opencl.TestDevice.assertSameBits;
import static deepq4j.opencl.TestDevice.cpu;
import static deepq4j.opencl.TestDevice.device;
import static deepq4j.opencl.TestDevice.random;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.tensor.Tensor;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * gather and scatter-add against the CPU backend: both move values without arithmetic (scatter-add
 * adds in the CPU's order), so they agree bit for bit, including repeated indices.
 */
@RequiresOpenCl
class IndexKernelTest {
    @Property(tries = 60)
    void gatherAndScatterAddAlongEitherDimension(@ForAll @IntRange(min = 1, max = 40) int rows,
                                                 @ForAll @IntRange(min = 1, max = 9) int cols,
                                                 @ForAll @IntRange(min = 1, max = 6) int picks,
                                                 @ForAll @IntRange(min = 0, max = 1) int dim, @ForAll long seed) {
        Random rng = new Random(seed);
        float[] x = random(rng, rows * cols);
        int[] indexShape = dim == 1 ? new int[] {rows, picks} : new int[] {picks, cols};
        int bound = dim == 1 ? cols : rows;
        float[] index = new float[indexShape[0] * indexShape[1]];
        for (int i = 0; i < index.length; i++) {
            index[i] = rng.nextInt(bound); // repeats are likely: scatter-add must add them all
        }
        Tensor xc = cpu(x, rows, cols);
        Tensor xd = device(x, rows, cols);
        Tensor ic = cpu(index, indexShape);
        Tensor id = device(index, indexShape);
        assertSameBits(xc.gather(dim, ic), xd.gather(dim, id), "gather");
        float[] src = random(rng, index.length);
        assertSameBits(xc.scatterAdd(dim, ic, cpu(src, indexShape)), xd.scatterAdd(dim, id, device(src, indexShape)), "scatterAdd");
        // a transposed data operand
        assertSameBits(xc.t().contiguous().t().gather(dim, ic), xd.t().contiguous().t().gather(dim, id), "gather from a transpose");
    }

    @Test
    void anIndexOutOfRangeIsReportedAtTheNextRead() {
        Tensor x = device(new float[] {1, 2, 3, 4}, 2, 2);
        Tensor bad = device(new float[] {0, 2}, 2, 1);
        Tensor picked = x.gather(1, bad); // queued: the kernel cannot throw
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, picked::toArray);
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
        // the flag is cleared: the device goes on working
        assertSameBits(cpu(new float[] {1, 2, 3, 4}, 2, 2).sum(1), x.sum(1), "after the error");
        Tensor fractional = device(new float[] {0.5f, 1}, 2, 1);
        assertThrows(IllegalArgumentException.class, () -> x.scatterAdd(1, fractional, device(new float[] {1, 1}, 2, 1)).toArray());
    }
}
