package deepq4j.examples;

import deepq4j.dqn.DqnConfig;
import deepq4j.dqn.DqnTrainer;
import deepq4j.dqn.Evaluation;
import deepq4j.dqn.TrainingLog;
import deepq4j.nn.Module;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chapters 5 and 8 to 11: the same CartPole budget for each step of the course's path, from naive
 * online Q-learning (no replay, no target network) through replay (DQN 2013) and a target network
 * (DQN 2015) to Double DQN, prioritized replay and dueling. Each row: the mean Q-value the network
 * believed in at the end, and what greedy play then scores. One seed each: a first look; the real
 * comparison over seeds is ./deepq4j compare. Arguments: the steps per run (100,000) and how many
 * of the rows to run, from the first (all six).
 */
public final class VariantRuns {
    private VariantRuns() {
    }

    public static void main(String[] args) throws IOException {
        long steps = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE; // only the first rows
        String[][] variants = {
            {"naive online Q-learning", "no-replay", "no-target"},
            {"+ replay (DQN 2013)", "no-target"},
            {"+ target network (DQN 2015)"},
            {"+ Double DQN", "double"},
            {"+ prioritized replay", "per"},
            {"+ dueling", "dueling"},
        };
        System.out.printf("CartPole-v1, %,d steps, seed 1%n", steps);
        System.out.printf("%-30s %14s %16s %8s%n", "variant", "final mean Q", "greedy return", "seconds");
        for (String[] v : Arrays.asList(variants).subList(0, Math.min(rows, variants.length))) {
            DqnConfig c = DqnConfig.forEnv("CartPole-v1");
            c.totalTimesteps = steps;
            c.learningStarts = Math.min(10_000, steps / 5);
            c.explorationFraction = 0.5;
            c.evalEpisodes = 0;
            c.progress = false;
            List<String> flags = List.of(v).subList(1, v.length);
            c.noReplay = flags.contains("no-replay");
            c.noTargetNetwork = flags.contains("no-target");
            c.doubleDqn = flags.contains("double");
            c.prioritizedReplay = flags.contains("per");
            c.dueling = flags.contains("dueling");
            List<Double> meanQ = new ArrayList<>();
            TrainingLog log = new TrainingLog() {
                @Override
                public void episode(long step, double episodicReturn, int length) {
                }

                @Override
                public void metrics(long step, double tdLoss, double q, double epsilon, double sps) {
                    meanQ.add(q);
                }
            };
            DqnTrainer.Result r = new DqnTrainer(c).train(log, null);
            Module q = r.q();
            double greedy = Evaluation.run(q, c.envId, 10, c.seed, 0.0).mean();
            double lastQ = meanQ.isEmpty() ? Double.NaN : meanQ.get(meanQ.size() - 1);
            System.out.printf("%-30s %14.1f %16.1f %8.1f%n", v[0], lastQ, greedy, r.wallSeconds());
        }
        System.out.println("(CartPole pays 1 per step: with gamma 0.99 a state that lasts forever is worth about 100.)");
    }
}
