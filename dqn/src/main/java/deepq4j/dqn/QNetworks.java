package deepq4j.dqn;

import deepq4j.nn.Conv2d;
import deepq4j.nn.Flatten;
import deepq4j.nn.LayerNorm;
import deepq4j.nn.Linear;
import deepq4j.nn.Module;
import deepq4j.nn.NoisyLinear;
import deepq4j.nn.ReLU;
import deepq4j.nn.Sequential;
import deepq4j.tensor.Generator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Q-networks of the course: CleanRL's MLP (hidden 120 and 84), MinAtar's small conv network,
 * the Nature CNN of Atari DQN, and the dueling form of each. ReLUs run in place: the numbers are the
 * same, with one memory pass fewer.
 */
public final class QNetworks {
    private QNetworks() {
    }

    /**
     * What the last layer gives per action: one Q-value (with {@code atoms} = 1), or C51's
     * distribution over {@code atoms} values evenly spaced on [vMin, vMax]; either one plain
     * linear layer or dueling streams. With {@code noisy} every fully connected layer of the
     * network, the head's and the hidden ones, is a {@link NoisyLinear} (NoisyNets; the conv
     * layers stay as they are, as in Fortunato et al.). With {@code layerNorm} every hidden layer,
     * conv or linear, is followed by a {@link LayerNorm} over its output before the ReLU (PQN).
     */
    public record Head(boolean dueling, int atoms, double vMin, double vMax, boolean noisy, boolean layerNorm) {
        /** One Q-value per action, plain layers. */
        public static Head scalar(boolean dueling) {
            return new Head(dueling, 1, 0, 0, false, false);
        }

        /** Whether the head gives return distributions (C51). */
        public boolean categorical() {
            return atoms > 1;
        }

        /** A fully connected layer of this network: {@link NoisyLinear} or {@link Linear}, initialised from {@code g}. */
        public Module linear(int in, int out, Generator g) {
            return noisy ? new NoisyLinear(in, out, g) : new Linear(in, out, true, g);
        }
    }

    /** The architectures. */
    public enum Kind {
        /** Linear layers with ReLU between them, for flat observations (CleanRL's QNetwork). */
        mlp,
        /** MinAtar's baseline: conv 3x3 stride 1 with 16 channels, linear 128, on [C, 10, 10]. */
        minatar,
        /** The Nature CNN (Mnih et al. 2015): conv 8x8/4 32, 4x4/2 64, 3x3/1 64, linear 512, on [C, 84, 84]. */
        nature
    }

    /** The architecture that fits observations of this shape: mlp for vectors, minatar for 10x10 grids, nature for 84x84 frames. */
    public static Kind defaultFor(int[] observationShape) {
        if (observationShape.length == 1) {
            return Kind.mlp;
        }
        if (observationShape.length == 3 && observationShape[1] == 10 && observationShape[2] == 10) {
            return Kind.minatar;
        }
        if (observationShape.length == 3 && observationShape[1] == 84 && observationShape[2] == 84) {
            return Kind.nature;
        }
        throw new IllegalArgumentException("no Q-network fits observations of shape " + Arrays.toString(observationShape)
                + " (vectors take the mlp, [C, 10, 10] the minatar network, [C, 84, 84] the nature CNN)");
    }

    /**
     * A network of the given kind for these observations and actions; {@code hidden} sizes the
     * MLP's layers (the conv networks have the published sizes).
     */
    public static Module build(Kind kind, int[] observationShape, int[] hidden, int actions, boolean dueling, Generator g) {
        return build(kind, observationShape, hidden, actions, Head.scalar(dueling), g);
    }

    /** As {@link #build(Kind, int[], int[], int, boolean, Generator)}, with the given head (C51's categorical one, say). */
    public static Module build(Kind kind, int[] observationShape, int[] hidden, int actions, Head head, Generator g) {
        requireFits(kind, observationShape);
        switch (kind) {
            case mlp:
                return mlp(observationShape[0], hidden, actions, head, g);
            case minatar:
                return minAtar(observationShape[0], actions, head, g);
            case nature:
                return natureCnn(observationShape[0], actions, head, g);
            default:
                throw new IllegalArgumentException("unknown network " + kind);
        }
    }

    /** Throws {@link IllegalArgumentException}, saying what the network needs, unless it takes observations of this shape. */
    public static void requireFits(Kind kind, int[] observationShape) {
        switch (kind) {
            case mlp:
                if (observationShape.length != 1) {
                    throw new IllegalArgumentException("the mlp Q-network needs flat observations, got shape " + Arrays.toString(observationShape)
                            + "; use --network minatar or nature for images");
                }
                break;
            case minatar:
                requireImage(kind, observationShape, 10);
                break;
            case nature:
                requireImage(kind, observationShape, 84);
                break;
            default:
                throw new IllegalArgumentException("unknown network " + kind);
        }
    }

    private static void requireImage(Kind kind, int[] shape, int side) {
        if (shape.length != 3 || shape[1] != side || shape[2] != side) {
            throw new IllegalArgumentException("the " + kind + " Q-network needs observations of shape [C, " + side + ", " + side
                    + "], got " + Arrays.toString(shape));
        }
    }

    /**
     * Linear layers of sizes {@code inputs -> hidden... -> actions} with ReLU between them, as
     * CleanRL's QNetwork; with {@code dueling} the last layer is replaced by value and advantage
     * streams.
     */
    public static Module mlp(int inputs, int[] hidden, int actions, boolean dueling, Generator g) {
        return mlp(inputs, hidden, actions, Head.scalar(dueling), g);
    }

    private static Module mlp(int inputs, int[] hidden, int actions, Head head, Generator g) {
        List<Module> layers = new ArrayList<>();
        int width = inputs;
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("QNetworks.mlp: hidden sizes must be positive, got " + h);
            }
            layers.add(head.linear(width, h, g));
            normalise(layers, head, h);
            layers.add(new ReLU(true));
            width = h;
        }
        if (head.dueling() && hidden.length == 0) {
            throw new IllegalArgumentException("QNetworks.mlp: a dueling network needs at least one hidden layer");
        }
        return head(layers, width, actions, head, g);
    }

    /** MinAtar's DQN network: conv 3x3 stride 1 (16 channels, no padding: 10x10 to 8x8), linear 128, linear actions. */
    public static Module minAtar(int channels, int actions, Head head, Generator g) {
        List<Module> layers = new ArrayList<>();
        layers.add(new Conv2d(channels, 16, 3, 1, 0, true, g));
        normalise(layers, head, 16, 8, 8);
        layers.add(new ReLU(true));
        layers.add(new Flatten());
        layers.add(head.linear(16 * 8 * 8, 128, g));
        normalise(layers, head, 128);
        layers.add(new ReLU(true));
        return head(layers, 128, actions, head, g);
    }

    /** The Nature CNN on 84x84 frames: conv 8x8/4 32, conv 4x4/2 64, conv 3x3/1 64, linear 512, linear actions. */
    public static Module natureCnn(int channels, int actions, Head head, Generator g) {
        List<Module> layers = new ArrayList<>();
        layers.add(new Conv2d(channels, 32, 8, 4, 0, true, g));
        normalise(layers, head, 32, 20, 20);
        layers.add(new ReLU(true));
        layers.add(new Conv2d(32, 64, 4, 2, 0, true, g));
        normalise(layers, head, 64, 9, 9);
        layers.add(new ReLU(true));
        layers.add(new Conv2d(64, 64, 3, 1, 0, true, g));
        normalise(layers, head, 64, 7, 7);
        layers.add(new ReLU(true));
        layers.add(new Flatten());
        layers.add(head.linear(64 * 7 * 7, 512, g));
        normalise(layers, head, 512);
        layers.add(new ReLU(true));
        return head(layers, 512, actions, head, g);
    }

    /** Adds a LayerNorm over a hidden layer's output of this shape, where the head asks for one. */
    private static void normalise(List<Module> layers, Head head, int... shape) {
        if (head.layerNorm()) {
            layers.add(new LayerNorm(shape));
        }
    }

    /**
     * How many numbers the network {@link #build} makes holds, computed without building it (so
     * a model file's metadata can be checked against its tensors before anything is allocated);
     * {@code Long.MAX_VALUE} when that overflows a long. Tests hold it to the built networks'.
     */
    public static long parameterCount(Kind kind, int[] observationShape, int[] hidden, int actions, boolean dueling) {
        return parameterCount(kind, observationShape, hidden, actions, Head.scalar(dueling));
    }

    /** As {@link #parameterCount(Kind, int[], int[], int, boolean)}, with the given head. */
    public static long parameterCount(Kind kind, int[] observationShape, int[] hidden, int actions, Head head) {
        requireFits(kind, observationShape);
        try {
            long count = 0;
            long width;
            switch (kind) {
                case mlp:
                    width = observationShape[0];
                    for (int h : hidden) {
                        count = Math.addExact(count, Math.addExact(linear(width, h, head), norm(head, h)));
                        width = h;
                    }
                    break;
                case minatar:
                    count = conv(observationShape[0], 16, 3) + norm(head, 16 * 8 * 8) + linear(16 * 8 * 8, 128, head) + norm(head, 128);
                    width = 128;
                    break;
                case nature:
                    count = conv(observationShape[0], 32, 8) + norm(head, 32 * 20 * 20) + conv(32, 64, 4) + norm(head, 64 * 9 * 9)
                            + conv(64, 64, 3) + norm(head, 64 * 7 * 7) + linear(64 * 7 * 7, 512, head) + norm(head, 512);
                    width = 512;
                    break;
                default:
                    throw new IllegalArgumentException("unknown network " + kind);
            }
            long outputs = Math.multiplyExact((long) actions, head.atoms());
            long last = head.dueling() ? Math.addExact(linear(width, head.atoms(), head), linear(width, outputs, head))
                    : linear(width, outputs, head);
            return Math.addExact(count, last);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** A fully connected layer's parameters: weights and biases, twice over (mean and sigma) for a noisy one. */
    private static long linear(long in, long out, Head head) {
        return Math.multiplyExact(Math.addExact(Math.multiplyExact(in, out), out), head.noisy() ? 2 : 1);
    }

    /** A LayerNorm's weight and bias over a layer of {@code size} outputs, where the head has them. */
    private static long norm(Head head, long size) {
        return head.layerNorm() ? 2 * size : 0;
    }

    private static long conv(long in, long out, long kernel) {
        return Math.addExact(Math.multiplyExact(Math.multiplyExact(in, out), kernel * kernel), out);
    }

    /** The last layer: one linear layer to the actions, the dueling streams, or C51's distributions, on top of the body. */
    private static Module head(List<Module> body, int features, int actions, Head head, Generator g) {
        if (head.categorical()) {
            return new CategoricalQNetwork(new Sequential(body.toArray(new Module[0])), features, actions, head, g);
        }
        if (head.dueling()) {
            return new DuelingQNetwork(new Sequential(body.toArray(new Module[0])), features, actions, head, g);
        }
        List<Module> layers = new ArrayList<>(body);
        layers.add(head.linear(features, actions, g));
        return new Sequential(layers.toArray(new Module[0]));
    }
}
