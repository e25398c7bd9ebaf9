package deepq4j.dqn;

import deepq4j.envs.Envs;
import deepq4j.envs.SyncVectorEnv;
import deepq4j.envs.VectorStep;
import java.io.IOException;

/**
 * The --num-envs copies of an environment that a trainer steps together, and each copy's running
 * episode: both trainers count episodes, returns and the running mean return this one way.
 */
final class EnvCopies {
    /** The copies, stepped together. */
    final SyncVectorEnv envs;
    /** Episodes finished, over all copies. */
    int episodes;
    /** Each copy's running return. */
    double[] episodeReturn;
    /** Each copy's running length. */
    private int[] episodeLength;
    /** An exponential mean (weight 0.05) of the returns of finished episodes, for the progress bar. */
    double recentReturn = Double.NaN;

    /** What a trainer does when one copy's episode ends (logs it, steps a schedule). */
    interface EpisodeEnd {
        void ended(int copy, double episodeReturn, int length) throws IOException;
    }

    EnvCopies(DqnConfig config) {
        this.envs = new SyncVectorEnv(config.numEnvs, () -> Envs.make(config.envId));
    }

    /** The number of copies. */
    int size() {
        return envs.size();
    }

    /** Seeds copy i's action space and resets it with seed + i, as Gymnasium seeds a vector env; the counters start at zero. */
    float[][] reset(long seed) {
        for (int i = 0; i < envs.size(); i++) {
            envs.actionSpace(i).seed(seed + i);
        }
        episodes = 0;
        episodeReturn = new double[envs.size()];
        episodeLength = new int[envs.size()];
        recentReturn = Double.NaN;
        return envs.reset(seed);
    }

    /** One random action per copy, each from the copy's own action space. */
    int[] randomActions() {
        int[] a = new int[envs.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = envs.actionSpace(i).sample();
        }
        return a;
    }

    /**
     * Adds step {@code s} to every copy's running episode; for each copy whose episode it ended,
     * tells {@code onEnd} (null in a replay, which reports nothing) and starts the count again.
     */
    void record(VectorStep s, EpisodeEnd onEnd) throws IOException {
        for (int i = 0; i < episodeReturn.length; i++) {
            episodeReturn[i] += s.rewards()[i];
            episodeLength[i]++;
            if (s.terminated()[i] || s.truncated()[i]) {
                if (onEnd != null) {
                    onEnd.ended(i, episodeReturn[i], episodeLength[i]);
                }
                recentReturn = Double.isNaN(recentReturn) ? episodeReturn[i] : 0.95 * recentReturn + 0.05 * episodeReturn[i];
                episodes++;
                episodeReturn[i] = 0;
                episodeLength[i] = 0;
            }
        }
    }
}
