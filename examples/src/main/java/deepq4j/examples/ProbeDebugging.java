package deepq4j.examples;

import deepq4j.autograd.NoGrad;
import deepq4j.dqn.DqnConfig;
import deepq4j.dqn.DqnTrainer;
import deepq4j.dqn.TrainingLog;
import deepq4j.nn.Module;
import deepq4j.tensor.Tensor;
import java.io.IOException;

/**
 * Chapter 7: the probe environments, each with Q-values known in closed form, and what a bug
 * looks like through them (here: bootstrapping with gamma 0 on Probe3, which needs gamma).
 */
public final class ProbeDebugging {
    private ProbeDebugging() {
    }

    public static void main(String[] args) throws IOException {
        long steps = args.length > 0 ? Long.parseLong(args[0]) : 5_000;
        System.out.println("probe  observations learned Q                  expected");
        show(1, new float[][] {{0}}, "[1]", steps, 0.99);
        show(2, new float[][] {{-1}, {1}}, "[-1] / [1]", steps, 0.99);
        show(3, new float[][] {{0}, {1}}, "[0.99] / [1]", steps, 0.99);
        show(4, new float[][] {{0}}, "[-1, 1]", steps, 0.99);
        show(5, new float[][] {{0}, {1}}, "[1, -1] / [-1, 1]", steps, 0.99);
        System.out.println("\nThe same Probe3 with a bug: gamma = 0 (the TD target forgets the future)");
        show(3, new float[][] {{0}, {1}}, "[0.99] / [1]", steps, 0.0);
    }

    private static void show(int probe, float[][] observations, String expected, long steps, double gamma) throws IOException {
        DqnConfig c = DqnConfig.forProbe("Probe" + probe + "-v0", steps);
        c.gamma = gamma;
        Module q = new DqnTrainer(c).train(TrainingLog.NONE, null).q();
        StringBuilder learned = new StringBuilder();
        try (NoGrad ignored = NoGrad.enter()) {
            for (float[] o : observations) {
                float[] v = q.forward(Tensor.of(o, 1, 1)).data().toArray();
                learned.append(learned.length() > 0 ? " / " : "").append(java.util.Arrays.toString(round(v)));
            }
        }
        System.out.printf("%5d  %-11s  %-26s %s%n", probe, observations.length == 1 ? "one" : "two", learned, expected);
    }

    private static double[] round(float[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.round(v[i] * 100) / 100.0;
        }
        return r;
    }
}
