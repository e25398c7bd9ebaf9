package deepq4j.bench;

import deepq4j.autograd.NoGrad;
import deepq4j.tensor.Generator;
import deepq4j.tensor.Init;
import deepq4j.tensor.Tensor;

/**
 * One DQN update of the CleanRL Q-network (4-120-84-2) on a batch of 128, exactly as CleanRL's
 * dqn.py writes it: the target network's max over next states under no_grad, the TD target,
 * Q(s, a) through gather, the MSE loss, backward and an Adam step.
 */
final class QNetworkStep {
    static final int BATCH = 128;
    static final float GAMMA = 0.99f;

    final DqnWorkload work;
    final Tensor single;

    QNetworkStep(long seed) {
        // CleanRL's defaults are train's defaults: the 120-84 MLP, Adam 2.5e-4, MSE, batch 128.
        work = new DqnWorkload(seed, "--env-id", "CartPole-v1", "--seed", Long.toString(seed), "--buffer-size", "1000");
        single = Init.normal(new Generator(seed + 1), 0f, 1f, 1, 4);
    }

    /** One training step; returns the loss. */
    float trainStep() {
        return work.trainStep();
    }

    /** The Q-values of one observation, as acting computes them. */
    Tensor act() {
        try (NoGrad ignored = NoGrad.enter()) {
            return work.q().forward(single).data();
        }
    }

    /** A quick timing without JMH, for profiling by hand; the argument is the number of rounds (default 5). */
    public static void main(String[] args) {
        deepq4j.tensor.cpu.Parallelism.setThreads(1);
        QNetworkStep s = new QNetworkStep(1);
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            int n = 20_000;
            for (int i = 0; i < n; i++) {
                s.trainStep();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                s.act();
            }
            long t2 = System.nanoTime();
            System.out.printf("train step %.1f us, act %.2f us%n", (t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / n);
        }
    }
}
