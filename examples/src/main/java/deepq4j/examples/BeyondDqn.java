package deepq4j.examples;

import deepq4j.autograd.NoGrad;
import deepq4j.autograd.Variable;
import deepq4j.dqn.CategoricalQNetwork;
import deepq4j.dqn.DqnConfig;
import deepq4j.dqn.Trainer;
import deepq4j.dqn.TrainingLog;
import deepq4j.nn.Module;
import deepq4j.tensor.Tensor;
import java.io.IOException;

/**
 * Chapter 14: the DQN family past the course on a probe whose values are known. C51's learned
 * return distribution at Probe3's first state (return 0.99, which falls between two atoms), then
 * Rainbow and PQN on Probe5 (two observations, two actions, values +-1).
 */
public final class BeyondDqn {
    private BeyondDqn() {
    }

    public static void main(String[] args) throws IOException {
        // C51 with 21 atoms on [-1, 1], 0.1 apart: Probe3's return from its first state is gamma * 1 = 0.99.
        DqnConfig c51 = DqnConfig.forProbe("Probe3-v0", 5_000);
        c51.algorithm = DqnConfig.Algorithm.c51;
        c51.nAtoms = 21;
        c51.vMin = -1;
        c51.vMax = 1;
        CategoricalQNetwork q = (CategoricalQNetwork) Trainer.of(c51).train(TrainingLog.NONE, null).q();
        float[] p;
        float[] z;
        try (NoGrad ignored = NoGrad.enter()) {
            p = q.logits(Variable.of(Tensor.of(new float[] {0}, 1, 1))).softmax(2).data().toArray();
            z = q.support().toArray();
        }
        System.out.println("C51 on Probe3, the return distribution at the first state (atoms with p > 0.005):");
        double mean = 0;
        for (int i = 0; i < z.length; i++) {
            mean += p[i] * z[i];
            if (p[i] > 0.005) {
                System.out.printf("  z = %5.2f  p = %.2f  %s%n", z[i], p[i], "#".repeat(Math.round(p[i] * 40)));
            }
        }
        System.out.printf("  its mean, Q(s, a) = %.3f; the true return is 0.990%n%n", mean);

        System.out.println("Probe5, Q(s, .) for observations 0 and 1; expected [1, -1] and [-1, 1]:");
        for (DqnConfig.Algorithm algorithm : new DqnConfig.Algorithm[] {DqnConfig.Algorithm.rainbow, DqnConfig.Algorithm.pqn}) {
            DqnConfig c = DqnConfig.forProbe("Probe5-v0", algorithm == DqnConfig.Algorithm.pqn ? 20_000 : 5_000);
            c.algorithm = algorithm;
            if (algorithm == DqnConfig.Algorithm.rainbow) {
                c.nAtoms = 51;
                c.vMin = -10;
                c.vMax = 10;
            }
            c.applyAlgorithmDefaults(flag -> false);
            c.startE = 1; // the probe's epsilon: every action's value is asked for, the bad ones too
            c.endE = 0.1;
            if (algorithm == DqnConfig.Algorithm.pqn) {
                c.numSteps = 8;
                c.learningRate = 3e-3;
            }
            Module net = Trainer.of(c).train(TrainingLog.NONE, null).q().eval();
            try (NoGrad ignored = NoGrad.enter()) {
                float[] a = net.forward(Tensor.of(new float[] {0}, 1, 1)).data().toArray();
                float[] b = net.forward(Tensor.of(new float[] {1}, 1, 1)).data().toArray();
                System.out.printf("  %-8s [%5.2f, %5.2f]  [%5.2f, %5.2f]   (%s)%n", algorithm, a[0], a[1], b[0], b[1], c.algorithmName());
            }
        }
    }
}
