package deepq4j.bench;


/**
 * One DQN update of MinAtar's baseline on a batch of 32 Breakout observations [4, 10, 10], as
 * {@code deepq4j train --env-id MinAtar/Breakout-v1} runs it: the minatar network (conv 3x3 16,
 * linear 128), the Huber loss and centered RMSprop (lr 2.5e-4, alpha 0.95, eps 0.01), on every frame.
 */
final class MinAtarStep {
    static final int BATCH = 32;

    final DqnWorkload work;

    MinAtarStep(long seed) {
        // MinAtar ids take MinAtar's DQN defaults for every flag not given (batch 32, RMSprop, Huber).
        work = new DqnWorkload(seed, "--env-id", "MinAtar/Breakout-v1", "--seed", Long.toString(seed), "--buffer-size", "1000");
    }

    float trainStep() {
        return work.trainStep();
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
