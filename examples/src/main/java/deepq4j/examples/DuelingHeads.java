package deepq4j.examples;

import deepq4j.autograd.NoGrad;
import deepq4j.dqn.QNetworks;
import deepq4j.nn.Module;
import deepq4j.tensor.Generator;
import deepq4j.tensor.Tensor;
import java.util.Arrays;

/** Chapter 11: the dueling network beside the plain one, and the identity Q = V + A - mean(A). */
public final class DuelingHeads {
    private DuelingHeads() {
    }

    public static void main(String[] args) {
        Module plain = QNetworks.build(QNetworks.Kind.mlp, new int[] {4}, new int[] {120, 84}, 2, false, new Generator(1));
        Module dueling = QNetworks.build(QNetworks.Kind.mlp, new int[] {4}, new int[] {120, 84}, 2, true, new Generator(1));
        System.out.println("plain:   " + plain + "\n         " + plain.parameterCount() + " parameters");
        System.out.println("dueling: " + dueling + "\n         " + dueling.parameterCount() + " parameters");
        try (NoGrad ignored = NoGrad.enter()) {
            float[] q = dueling.forward(Tensor.of(new float[] {0.01f, 0.02f, 0.03f, 0.04f}, 1, 4)).data().toArray();
            System.out.println("Q(s, .) = " + Arrays.toString(q) + "; the mean over actions is V(s): "
                    + (q[0] + q[1]) / 2 + ", since the advantages are centred to mean 0");
        }
    }
}
