package deepq4j.bench;

import deepq4j.autograd.NoGrad;
import deepq4j.autograd.Variable;
import deepq4j.nn.Adam;
import deepq4j.nn.Linear;
import deepq4j.nn.Losses;
import deepq4j.nn.ReLU;
import deepq4j.nn.Sequential;
import deepq4j.tensor.Generator;
import deepq4j.tensor.Tensor;
import deepq4j.tensor.cpu.Parallelism;

/**
 * Where one Q-network step's time goes, phase by phase (a diagnostic, not a benchmark: the step's
 * speed is checked by {@link TrainingStepBenchmark}): the target network's forward, the online
 * forward with the loss, backward and Adam, for CleanRL's 4-120-84-2 network at batch 128.
 * Run: {@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar deepq4j.bench.QNetworkPhases}.
 */
public final class QNetworkPhases {
    private QNetworkPhases() {
    }

    /** Eight rounds of 5,000 steps; each prints the mean time of every phase. */
    public static void main(String[] args) {
        Parallelism.setThreads(1);
        Generator g = new Generator(1);
        Sequential online = network(g);
        Sequential target = network(g);
        Adam optimizer = new Adam(online.parameters(), 2.5e-4);
        Tensor x = Tensor.randn(g, QNetworkStep.BATCH, 4);
        Tensor y = Tensor.randn(g, QNetworkStep.BATCH, 2);
        for (int round = 0; round < 8; round++) {
            int steps = 5_000;
            long targetNs = 0, forwardNs = 0, backwardNs = 0, adamNs = 0;
            for (int i = 0; i < steps; i++) {
                long t0 = System.nanoTime();
                try (NoGrad ignored = NoGrad.enter()) {
                    target.forward(x);
                }
                long t1 = System.nanoTime();
                Variable loss = Losses.mse(online.forward(x), Variable.of(y));
                long t2 = System.nanoTime();
                optimizer.zeroGrad();
                loss.backward();
                long t3 = System.nanoTime();
                optimizer.step();
                long t4 = System.nanoTime();
                targetNs += t1 - t0;
                forwardNs += t2 - t1;
                backwardNs += t3 - t2;
                adamNs += t4 - t3;
            }
            System.out.printf("target forward %.1f us, online forward + loss %.1f, backward %.1f, adam %.1f, total %.1f%n",
                    targetNs / 1e3 / steps, forwardNs / 1e3 / steps, backwardNs / 1e3 / steps, adamNs / 1e3 / steps,
                    (targetNs + forwardNs + backwardNs + adamNs) / 1e3 / steps);
        }
    }

    private static Sequential network(Generator g) {
        return new Sequential(new Linear(4, 120, true, g), new ReLU(true), new Linear(120, 84, true, g), new ReLU(true),
                new Linear(84, 2, true, g));
    }
}
