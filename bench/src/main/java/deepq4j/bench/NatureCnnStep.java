package deepq4j.bench;


/**
 * One DQN update of the Nature CNN (Mnih et al. 2015: conv 8x8/4 32, conv 4x4/2 64, conv 3x3/1 64,
 * linear 512) on a batch of 32 stacks of four 84x84 frames, as {@code deepq4j train --env-id
 * PixelCartPole-v1 --learning-rate 1e-4 --batch-size 32} runs it (2 actions; Atari's 4 to 18 change
 * only the last layer): the target network's max, the TD target, Q(s, a), MSE, backward, Adam.
 */
final class NatureCnnStep {
    static final int BATCH = 32;

    final DqnWorkload work;

    NatureCnnStep(long seed) {
        work = new DqnWorkload(seed, flags(seed, "cpu"));
    }

    /** The train flags of the workload on {@code device}. */
    static String[] flags(long seed, String device) {
        return new String[] {"--env-id", "PixelCartPole-v1", "--seed", Long.toString(seed), "--learning-rate", "1e-4", "--batch-size",
            Integer.toString(BATCH), "--buffer-size", "10", "--device", device};
    }

    float trainStep() {
        return work.trainStep();
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
