package deepq4j.bench;

import deepq4j.nn.Conv2d;
import deepq4j.nn.Flatten;
import deepq4j.nn.Linear;
import deepq4j.nn.Module;
import deepq4j.nn.ReLU;
import deepq4j.nn.Sequential;
import deepq4j.tensor.Generator;

/**
 * One DQN update of the Nature CNN (Mnih et al. 2015: conv 8x8/4 32, conv 4x4/2 64, conv 3x3/1 64,
 * linear 512, 4 actions) on a batch of 32 stacks of four 84x84 frames, as CleanRL's dqn_atari.py
 * does it: the target network's max, the TD target, Q(s, a), MSE, backward, Adam.
 */
final class NatureCnnStep {
    static final int BATCH = 32;
    static final int ACTIONS = 4;

    final DqnWorkload work;

    NatureCnnStep(long seed) {
        work = new DqnWorkload(NatureCnnStep::network, 1e-4, BATCH, ACTIONS, new int[] {4, 84, 84}, seed);
    }

    static Module network(Generator g) {
        return new Sequential(new Conv2d(4, 32, 8, 4, 0, true, g), new ReLU(true), new Conv2d(32, 64, 4, 2, 0, true, g), new ReLU(true),
                new Conv2d(64, 64, 3, 1, 0, true, g), new ReLU(true), new Flatten(), new Linear(3136, 512, true, g), new ReLU(true),
                new Linear(512, ACTIONS, true, g));
    }

    float trainStep() {
        return work.trainStep(0.99f);
    }

    /** A quick timing without JMH. */
    public static void main(String[] args) {
        deepq4j.tensor.cpu.Parallelism.setThreads(args.length > 0 ? Integer.parseInt(args[0]) : 1);
        NatureCnnStep s = new NatureCnnStep(1);
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            int n = 10;
            for (int i = 0; i < n; i++) {
                s.trainStep();
            }
            System.out.printf("nature cnn step %.1f ms%n", (System.nanoTime() - t0) / 1e6 / n);
        }
    }
}
