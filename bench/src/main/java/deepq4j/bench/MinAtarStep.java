package deepq4j.bench;

import deepq4j.nn.Conv2d;
import deepq4j.nn.Flatten;
import deepq4j.nn.Linear;
import deepq4j.nn.Module;
import deepq4j.nn.RMSprop;
import deepq4j.nn.ReLU;
import deepq4j.nn.Sequential;
import deepq4j.tensor.Generator;

/**
 * One DQN update of MinAtar's baseline on a batch of 32 Breakout observations [4, 10, 10]: its
 * network (conv 3x3 16, linear 128, 6 actions), the Huber loss (smooth L1) and centered RMSprop
 * (lr 2.5e-4, alpha 0.95, eps 0.01), as its DQN trains on every frame.
 */
final class MinAtarStep {
    static final int BATCH = 32;
    static final int ACTIONS = 6;

    final DqnWorkload work;

    MinAtarStep(long seed) {
        work = new DqnWorkload(MinAtarStep::network, params -> new RMSprop(params, 2.5e-4, 0.95, 0.01, 0, 0, true), true, BATCH, ACTIONS,
                new int[] {4, 10, 10}, seed);
    }

    static Module network(Generator g) {
        // The same layers as deepq4j.dqn.QNetworks.minAtar (bench does not depend on dqn).
        return new Sequential(new Conv2d(4, 16, 3, 1, 0, true, g), new ReLU(true), new Flatten(), new Linear(16 * 8 * 8, 128, true, g),
                new ReLU(true), new Linear(128, ACTIONS, true, g));
    }

    float trainStep() {
        return work.trainStep(0.99f);
    }

    /** A quick timing without JMH. */
    public static void main(String[] args) {
        deepq4j.tensor.cpu.Parallelism.setThreads(args.length > 0 ? Integer.parseInt(args[0]) : 1);
        MinAtarStep s = new MinAtarStep(1);
        for (int round = 0; round < 10; round++) {
            long t0 = System.nanoTime();
            int n = 2000;
            for (int i = 0; i < n; i++) {
                s.trainStep();
            }
            System.out.printf("minatar step %.1f us%n", (System.nanoTime() - t0) / 1e3 / n);
        }
    }
}
