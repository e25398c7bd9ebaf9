package deepq4j.examples;

import deepq4j.dqn.DqnConfig;
import deepq4j.dqn.DqnTrainer;
import deepq4j.dqn.TrainingLog;
import java.io.IOException;

/** Chapter 13: a CleanRL CartPole run's wall time split by the phases of the loop. */
public final class WhereTheTimeGoes {
    private WhereTheTimeGoes() {
    }

    public static void main(String[] args) throws IOException {
        DqnConfig c = DqnConfig.forEnv("CartPole-v1");
        c.totalTimesteps = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        c.evalEpisodes = 0;
        c.progress = false;
        DqnTrainer.Result r = new DqnTrainer(c).train(TrainingLog.NONE, null);
        System.out.printf("%,d steps in %.2f s: %,.0f steps/s%n", c.totalTimesteps, r.wallSeconds(), r.sps());
        DqnTrainer.Phase[] phases = DqnTrainer.Phase.values();
        for (DqnTrainer.Phase p : phases) {
            double s = r.phaseSeconds()[p.ordinal()];
            System.out.printf("  %-7s %7.3f s  %5.1f%%%n", p, s, 100 * s / r.wallSeconds());
        }
    }
}
