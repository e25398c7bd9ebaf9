package deepq4j.dqn;

import deepq4j.nn.Linear;
import deepq4j.nn.Module;
import deepq4j.nn.ReLU;
import deepq4j.nn.Sequential;
import deepq4j.tensor.Generator;
import java.util.ArrayList;
import java.util.List;

/** The Q-networks of the course: CleanRL's MLP (hidden 120 and 84) and its dueling form. */
public final class QNetworks {
    private QNetworks() {
    }

    /**
     * Linear layers of sizes {@code inputs -> hidden... -> actions} with ReLU between them, as
     * CleanRL's QNetwork; with {@code dueling} the last layer is replaced by value and advantage
     * streams. ReLUs run in place: the numbers are the same, with one memory pass fewer.
     */
    public static Module mlp(int inputs, int[] hidden, int actions, boolean dueling, Generator g) {
        List<Module> layers = new ArrayList<>();
        int width = inputs;
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("QNetworks.mlp: hidden sizes must be positive, got " + h);
            }
            layers.add(new Linear(width, h, true, g));
            layers.add(new ReLU(true));
            width = h;
        }
        if (dueling) {
            if (hidden.length == 0) {
                throw new IllegalArgumentException("QNetworks.mlp: a dueling network needs at least one hidden layer");
            }
            return new DuelingQNetwork(new Sequential(layers.toArray(new Module[0])), width, actions, g);
        }
        layers.add(new Linear(width, actions, true, g));
        return new Sequential(layers.toArray(new Module[0]));
    }
}
