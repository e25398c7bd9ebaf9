package deepq4j.dqn;

import deepq4j.envs.Env;
import deepq4j.envs.Envs;

/**
 * Returns and lengths of episodes played with uniformly random actions: the floor every agent
 * should beat, and a check that an environment plays like the original (MinAtar's authors report
 * the random policy's mean return).
 */
public final class RandomPolicyStats {
    private RandomPolicyStats() {
    }

    /** Mean, population standard deviation and standard error of the mean of some numbers. */
    public record Summary(double mean, double std, double standardError, double min, double max) {
        static Summary of(double[] x) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : x) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double std = Statistics.std(x);
            return new Summary(Statistics.mean(x), std, std / Math.sqrt(x.length), min, max);
        }
    }

    /** What {@link #run} measured. */
    public record Result(String envId, int episodes, Summary returns, Summary lengths) {
    }

    /**
     * Plays {@code episodes} episodes of {@code envId}; episode i resets with seed + i and its
     * action space is seeded with seed + i, so every episode can be replayed alone.
     */
    public static Result run(String envId, int episodes, long seed) {
        if (episodes < 1) {
            throw new IllegalArgumentException("--episodes must be at least 1, got " + episodes);
        }
        double[] returns = new double[episodes];
        double[] lengths = new double[episodes];
        Env env = Envs.make(envId);
        for (int i = 0; i < episodes; i++) {
            env.actionSpace().seed(seed + i);
            Episode.Outcome o = Episode.play(env, env.reset(seed + i), obs -> env.actionSpace().sample(), null);
            returns[i] = o.totalReturn();
            lengths[i] = o.length();
        }
        return new Result(envId, episodes, Summary.of(returns), Summary.of(lengths));
    }
}
