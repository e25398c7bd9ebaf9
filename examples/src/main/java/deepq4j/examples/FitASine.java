package deepq4j.examples;

import deepq4j.autograd.Variable;
import deepq4j.nn.Adam;
import deepq4j.nn.Linear;
import deepq4j.nn.Losses;
import deepq4j.nn.Module;
import deepq4j.nn.ReLU;
import deepq4j.nn.Sequential;
import deepq4j.tensor.Generator;
import deepq4j.tensor.Tensor;

/** Chapter 3: a small network fits sin(x) with Adam: the training loop every PyTorch tutorial starts with. */
public final class FitASine {
    private FitASine() {
    }

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Generator g = new Generator(0);
        Module net = new Sequential(new Linear(1, 32, true, g), new ReLU(), new Linear(32, 32, true, g), new ReLU(),
                new Linear(32, 1, true, g));
        Adam optimizer = new Adam(net.parameters(), 1e-2);
        int n = 256;
        float[] xs = new float[n];
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = (float) (-Math.PI + 2 * Math.PI * i / (n - 1));
            ys[i] = (float) Math.sin(xs[i]);
        }
        Tensor x = Tensor.of(xs, n, 1);
        Variable y = Variable.of(Tensor.of(ys, n, 1));
        System.out.println(net);
        System.out.println(net.parameterCount() + " parameters");
        for (int step = 0; step <= steps; step++) {
            Variable loss = Losses.mse(net.forward(x), y);
            optimizer.zeroGrad();
            loss.backward();
            optimizer.step();
            if (step % (steps / 10) == 0) {
                System.out.printf("step %5d  mse %.5f%n", step, loss.data().item());
            }
        }
    }
}
