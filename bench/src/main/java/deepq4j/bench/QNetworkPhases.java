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
import deepq4j.tensor.TensorArena;
import deepq4j.tensor.cpu.Parallelism;
import java.util.Arrays;

/**
 * Where one Q-network step's time goes, phase by phase (a diagnostic, not a benchmark: the step's
 * speed is checked by {@link TrainingStepBenchmark}): the target network's forward, the online
 * forward with the loss, backward and Adam, for CleanRL's 4-120-84-2 network at batch 128.
 * Run: {@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar deepq4j.bench.QNetworkPhases}.
 */
public final class QNetworkPhases {
    private QNetworkPhases() {
    }

    /**
     * Rounds of 500 steps, alternately inside a {@link TensorArena} per step (as DqnTrainer.learn
     * runs) and without one; prints the median over rounds of each phase's mean, for both. Short
     * alternating rounds let both see the same machine: a shared VM's speed drifts by 1.5x in minutes.
     */
    public static void main(String[] args) {
        Parallelism.setThreads(1);
        Generator g = new Generator(1);
        Sequential online = network(g);
        Sequential target = network(g);
        Adam optimizer = new Adam(online.parameters(), 2.5e-4);
        Tensor x = Tensor.randn(g, QNetworkStep.BATCH, 4);
        Tensor y = Tensor.randn(g, QNetworkStep.BATCH, 2);
        int rounds = 80;
        int steps = 500;
        double[][][] us = new double[2][PHASES.length][rounds / 2]; // [arena?][phase][round]
        for (int round = -20; round < rounds; round++) { // the first 20 warm the JIT up
            int arena = Math.floorMod(round, 2);
            long[] ns = new long[PHASES.length];
            for (int i = 0; i < steps; i++) {
                TensorArena scope = arena == 1 ? TensorArena.open() : null;
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
                if (scope != null) {
                    scope.close();
                }
                ns[0] += t1 - t0;
                ns[1] += t2 - t1;
                ns[2] += t3 - t2;
                ns[3] += t4 - t3;
                ns[4] += t4 - t0;
            }
            if (round >= 0) {
                for (int p = 0; p < PHASES.length; p++) {
                    us[arena][p][round / 2] = ns[p] / 1e3 / steps;
                }
            }
        }
        for (int arena = 0; arena < 2; arena++) {
            StringBuilder line = new StringBuilder(arena == 1 ? "in a TensorArena:" : "without an arena:");
            for (int p = 0; p < PHASES.length; p++) {
                double[] sorted = us[arena][p].clone();
                Arrays.sort(sorted);
                line.append(String.format(" %s %.1f us%s", PHASES[p], sorted[sorted.length / 2], p + 1 < PHASES.length ? "," : ""));
            }
            System.out.println(line + " (medians of " + rounds / 2 + " rounds of " + steps + " steps)");
        }
    }

    private static final String[] PHASES = {"target forward", "online forward + loss", "backward", "adam", "total"};

    private static Sequential network(Generator g) {
        return new Sequential(new Linear(4, 120, true, g), new ReLU(true), new Linear(120, 84, true, g), new ReLU(true),
                new Linear(84, 2, true, g));
    }
}
