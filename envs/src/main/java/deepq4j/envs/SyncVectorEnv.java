package deepq4j.envs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * N copies of an environment stepped one after another in this thread, as Gymnasium's
 * {@code SyncVectorEnv}. A copy whose episode ends is reset in the same step (Gymnasium's
 * same-step autoreset, the mode CleanRL's dqn.py is written for), and its final observation and
 * info are handed back beside the new episode's first observation.
 */
public final class SyncVectorEnv {
    private final Env[] envs;

    /** n copies, each made by {@code factory} (for example {@code () -> Envs.make("CartPole-v1")}). */
    public SyncVectorEnv(int n, Supplier<Env> factory) {
        if (n < 1) {
            throw new IllegalArgumentException("SyncVectorEnv: needs at least one copy, got " + n);
        }
        envs = new Env[n];
        for (int i = 0; i < n; i++) {
            envs[i] = factory.get();
        }
    }

    /** The number of copies. */
    public int size() {
        return envs.length;
    }

    /** The action space of one copy. */
    public Discrete singleActionSpace() {
        return envs[0].actionSpace();
    }

    /** The action space of copy i: each copy samples random actions from a stream of its own. */
    public Discrete actionSpace(int i) {
        return envs[i].actionSpace();
    }

    /** The observation space of one copy. */
    public Box singleObservationSpace() {
        return envs[0].observationSpace();
    }

    /** Resets every copy, copy i with seed + i, as Gymnasium seeds a vector env. */
    public float[][] reset(long seed) {
        float[][] obs = new float[envs.length][];
        for (int i = 0; i < envs.length; i++) {
            obs[i] = envs[i].reset(seed + i);
        }
        return obs;
    }

    /** Resets every copy, continuing their random streams. */
    public float[][] reset() {
        float[][] obs = new float[envs.length][];
        for (int i = 0; i < envs.length; i++) {
            obs[i] = envs[i].reset();
        }
        return obs;
    }

    /** Steps copy i with actions[i]; copies whose episode ends start a new one. */
    public VectorStep step(int[] actions) {
        if (actions.length != envs.length) {
            throw new IllegalArgumentException("SyncVectorEnv: " + actions.length + " actions for " + envs.length + " copies");
        }
        int n = envs.length;
        float[][] obs = new float[n][];
        double[] rewards = new double[n];
        boolean[] terminated = new boolean[n];
        boolean[] truncated = new boolean[n];
        List<Map<String, Object>> infos = new ArrayList<>(n);
        float[][] finalObs = new float[n][];
        List<Map<String, Object>> finalInfos = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Step s = envs[i].step(actions[i]);
            rewards[i] = s.reward();
            terminated[i] = s.terminated();
            truncated[i] = s.truncated();
            if (s.done()) {
                finalObs[i] = s.observation();
                finalInfos.add(s.info());
                obs[i] = envs[i].reset();
                infos.add(Map.of());
            } else {
                obs[i] = s.observation();
                finalInfos.add(null);
                infos.add(s.info());
            }
        }
        return new VectorStep(obs, rewards, terminated, truncated, infos, finalObs, finalInfos);
    }
}
