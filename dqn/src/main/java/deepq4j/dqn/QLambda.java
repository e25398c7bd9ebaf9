package deepq4j.dqn;

/**
 * PQN's targets: Q(lambda) returns over a rollout of T steps of N environments (Watkins-style
 * lambda returns with the greedy value as the bootstrap, as in Gallici et al. 2024 and CleanRL's
 * pqn.py), computed backwards from the last step:
 *
 * <pre>
 *   G_t = r_t + gamma * ( lambda * G_{t+1} + (1 - lambda) * max_a Q(s_{t+1}, a) )
 * </pre>
 *
 * At the last step of the rollout G_{t+1} is not known, so the target bootstraps fully:
 * G_{T-1} = r + gamma max_a Q(s_T, a). Where an episode ends at step t the chain is cut: a
 * termination gives G_t = r_t (no future), a truncation G_t = r_t + gamma max_a Q(s'_final, a),
 * the value of the real last observation, since the episode could have gone on. (CleanRL's
 * pqn.py treats truncation as termination and does not cut the lambda term at episode ends;
 * the paper's code cuts both.)
 */
final class QLambda {
    private QLambda() {
    }

    /**
     * The targets, [T][N]. {@code rewards}, {@code terminated}, {@code truncated}: what step t of
     * copy i gave; {@code nextValues[t][i]}: max_a Q of the observation that followed step t
     * (for a truncated step, its final observation; ignored for a terminated one).
     */
    static float[][] returns(float[][] rewards, boolean[][] terminated, boolean[][] truncated, float[][] nextValues, double gamma,
                             double lambda) {
        int steps = rewards.length;
        int n = steps == 0 ? 0 : rewards[0].length;
        float[][] g = new float[steps][n];
        for (int i = 0; i < n; i++) {
            double next = 0; // G_{t+1}
            for (int t = steps - 1; t >= 0; t--) {
                double future;
                if (terminated[t][i]) {
                    future = 0;
                } else if (truncated[t][i] || t == steps - 1) {
                    future = nextValues[t][i];
                } else {
                    future = lambda * next + (1 - lambda) * nextValues[t][i];
                }
                g[t][i] = (float) (rewards[t][i] + gamma * future);
                next = g[t][i];
            }
        }
        return g;
    }
}
