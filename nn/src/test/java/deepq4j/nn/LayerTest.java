package deepq4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.autograd.GradCheck;
import deepq4j.autograd.Variable;
import deepq4j.tensor.Backend;
import deepq4j.tensor.Generator;
import deepq4j.tensor.Init;
import deepq4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Layers: shapes, PyTorch's names and initialisation, and gradients of every layer in float64. */
class LayerTest {

    /** The course's Q-network: 4 inputs, hidden 120 and 84, 2 actions (CleanRL's dqn.py). */
    static Sequential qNetwork(Generator g) {
        return new Sequential(new Linear(4, 120, true, g), new ReLU(), new Linear(120, 84, true, g), new ReLU(),
                new Linear(84, 2, true, g));
    }

    @Test
    void theCourseQNetworkHas10934ParametersNamedAsInPyTorch() {
        Sequential q = qNetwork(new Generator(1));
        assertEquals(10_934, q.parameterCount());
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias"),
                new ArrayList<>(q.namedParameters().keySet()));
        assertArrayEquals(new int[] {120, 4}, q.namedParameters().get("0.weight").data().shape());
        assertArrayEquals(new int[] {2}, q.namedParameters().get("4.bias").data().shape());
        assertEquals(6, q.parameters().size());
        Variable out = q.forward(Tensor.zeros(128, 4));
        assertArrayEquals(new int[] {128, 2}, out.shape());
        assertEquals("Sequential(\n"
                + "  (0): Linear(in_features=4, out_features=120, bias=True)\n"
                + "  (1): ReLU()\n"
                + "  (2): Linear(in_features=120, out_features=84, bias=True)\n"
                + "  (3): ReLU()\n"
                + "  (4): Linear(in_features=84, out_features=2, bias=True)\n"
                + ")", q.toString());
    }

    @Test
    void linearAndConvUseTorchsDefaultBounds() {
        Linear l = new Linear(120, 84, true, new Generator(2));
        float bound = (float) (1 / Math.sqrt(120));
        for (float v : l.weight().data().toArray()) {
            assertTrue(Math.abs(v) <= bound);
        }
        for (float v : l.bias().data().toArray()) {
            assertTrue(Math.abs(v) <= bound);
        }
        Conv2d c = new Conv2d(4, 32, 8, 4, 0, true, new Generator(3));
        assertArrayEquals(new int[] {32, 4, 8, 8}, c.weight().data().shape());
        for (float v : c.bias().data().toArray()) {
            assertTrue(Math.abs(v) <= 1 / 16f); // fan_in = 4 * 8 * 8 = 256
        }
        assertEquals("Conv2d(4, 32, kernel_size=(8, 8), stride=(4, 4), padding=(0, 0))", c.toString());
    }

    @Test
    void manualSeedMakesDefaultInitialisationReproducible() {
        Generator.manualSeed(42);
        float[] first = new Linear(3, 5).weight().data().toArray();
        Generator.manualSeed(42);
        assertArrayEquals(first, new Linear(3, 5).weight().data().toArray());
    }

    @Test
    void theNatureCnnShapes() {
        Generator g = new Generator(4);
        Sequential nature = new Sequential(new Conv2d(4, 32, 8, 4, 0, true, g), new ReLU(), new Conv2d(32, 64, 4, 2, 0, true, g),
                new ReLU(), new Conv2d(64, 64, 3, 1, 0, true, g), new ReLU(), new Flatten(), new Linear(3136, 512, true, g), new ReLU(),
                new Linear(512, 4, true, g));
        assertArrayEquals(new int[] {2, 4}, nature.forward(Tensor.zeros(2, 4, 84, 84)).shape());
        assertEquals(1_686_180, nature.parameterCount());
    }

    @Test
    void wrongInputShapesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Linear(4, 2, true, new Generator(1)).forward(Tensor.zeros(8, 3)));
        assertTrue(e.getMessage().contains("[8, 3]") && e.getMessage().contains("in_features=4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Conv2d(3, 8, 3, 1, 0, true, new Generator(1)).forward(Tensor.zeros(1, 4, 9, 9)));
        assertTrue(e.getMessage().contains("[1, 4, 9, 9]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Flatten().forward(Tensor.zeros(5)));
    }

    /** Gradient check of a module on float64, with respect to its input and all its parameters. */
    static void gradCheckModule(Module m, Tensor input) {
        m.to(Backend.float64());
        Variable x = Variable.leaf(input.to(Backend.float64()));
        List<Variable> leaves = new ArrayList<>(m.parameters());
        leaves.add(0, x);
        GradCheck.check(() -> m.forward(x), leaves, GradCheck.EPS, GradCheck.ATOL, GradCheck.RTOL);
    }

    @Property(tries = 15)
    void everyLayerPassesTheGradientCheck(@ForAll @IntRange(min = 1, max = 4) int batch, @ForAll @IntRange(min = 1, max = 5) int in,
                                          @ForAll @IntRange(min = 1, max = 5) int out, @ForAll long seed) {
        Generator g = new Generator(seed);
        gradCheckModule(new Linear(in, out, true, g), Init.normal(g, 0f, 1f, batch, in));
        gradCheckModule(new Linear(in, out, false, g), Init.normal(g, 0f, 1f, 2, batch, in));
        gradCheckModule(new Conv2d(in, out, 2, 1, 1, true, g), Init.normal(g, 0f, 1f, batch, in, 4, 3));
        gradCheckModule(new Sequential(new Conv2d(in, 2, 3, 2, 0, true, g), new Flatten(), new Linear(2 * 2 * 2, out, true, g)),
                Init.normal(g, 0f, 1f, batch, in, 5, 5));
    }

    @Test
    void reluAndTheQNetworkPassTheGradientCheck() {
        Generator g = new Generator(9);
        Tensor x = Init.normal(g, 0f, 1f, 3, 4);
        float[] v = x.toArray();
        for (int i = 0; i < v.length; i++) {
            v[i] += v[i] >= 0 ? 0.1f : -0.1f; // away from ReLU's kink
        }
        gradCheckModule(new ReLU(), Tensor.of(v, 3, 4));
        Sequential small = new Sequential(new Linear(4, 6, true, g), new ReLU(), new Linear(6, 2, true, g));
        gradCheckModule(small, x);
    }

    @Test
    void inPlaceReluTrainsLikeThePlainOne() {
        Sequential plain = qNetwork(new Generator(3));
        Sequential inPlace = new Sequential(new Linear(4, 120, true, new Generator(0)), new ReLU(true),
                new Linear(120, 84, true, new Generator(0)), new ReLU(true), new Linear(84, 2, true, new Generator(0)));
        inPlace.copyFrom(plain);
        assertTrue(inPlace.toString().contains("(1): ReLU(inplace=True)"), inPlace.toString());
        Tensor x = Init.normal(new Generator(4), 0f, 1f, 16, 4);
        Variable a = plain.forward(x);
        Variable b = inPlace.forward(x);
        assertArrayEquals(a.data().toArray(), b.data().toArray());
        a.mul(a).mean().backward();
        b.mul(b).mean().backward();
        List<Parameter> pa = plain.parameters();
        List<Parameter> pb = inPlace.parameters();
        for (int i = 0; i < pa.size(); i++) {
            assertArrayEquals(pa.get(i).grad().toArray(), pb.get(i).grad().toArray(), "parameter " + i);
        }
    }

    @Test
    void anOptimizerStepBetweenForwardAndBackwardIsCaught() {
        Sequential q = qNetwork(new Generator(5));
        Adam adam = new Adam(q.parameters(), 1e-3);
        Variable first = q.forward(Init.normal(new Generator(6), 0f, 1f, 8, 4)).sum();
        Variable second = q.forward(Init.normal(new Generator(7), 0f, 1f, 8, 4)).sum();
        first.backward();
        adam.step(); // changes the weights that second's graph saved
        IllegalStateException e = assertThrows(IllegalStateException.class, second::backward);
        assertTrue(e.getMessage().contains("modified by an in-place operation"), e.getMessage());
    }
}
