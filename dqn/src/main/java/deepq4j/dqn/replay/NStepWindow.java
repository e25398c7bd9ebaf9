package deepq4j.dqn.replay;

/**
 * Multi-step returns (Sutton 1988; Rainbow's n = 3): the last n steps of the running episode,
 * folded into one transition once the observation n steps later is known,
 * <pre>
 *   (s_t, a_t, r_t + gamma r_t+1 + ... + gamma^(n-1) r_t+n-1, s_t+n, terminated, gamma^n)
 * </pre>
 * so that the TD target r + discount * V(s') * (1 - terminated) looks n steps ahead instead of one.
 *
 * <p>When the episode ends inside the window, every step still in it becomes a transition with
 * what there is: the rewards up to the end and, as s', the episode's real final observation. If
 * the episode terminated, the flag stops bootstrapping (nothing follows a terminal state); if it
 * was truncated (a time limit), the transition bootstraps from the final observation with
 * gamma^k, k the steps that were left. With n = 1 each step is stored as it comes, with discount
 * gamma: one-step DQN.
 *
 * <p>The window holds only the running episode, and only what the environment's steps determine,
 * so a resumed run rebuilds it by replaying the actions (with no buffer to write to).
 */
public final class NStepWindow {
    private final int n;
    private final double gamma;
    // A ring of the last n steps' observations, actions and rewards: the oldest at head.
    private final float[][] observations;
    private final int[] actions;
    private final double[] rewards;
    private int head;
    private int count;

    /** A window of {@code n} steps (at least 1) discounting by {@code gamma}. */
    public NStepWindow(int n, double gamma) {
        if (n < 1) {
            throw new IllegalArgumentException("NStepWindow: n must be at least 1, got " + n);
        }
        this.n = n;
        this.gamma = gamma;
        this.observations = new float[n][];
        this.actions = new int[n];
        this.rewards = new double[n];
    }

    /**
     * One step of the environment: from {@code observation}, {@code action} gave {@code reward}
     * and {@code nextObservation} (the real final one when the episode ended). Writes every
     * transition this completes to {@code buffer}; a null buffer only updates the window (replay
     * on resume).
     */
    public void add(float[] observation, int action, double reward, float[] nextObservation, boolean terminated, boolean truncated,
                    ReplayBuffer buffer) {
        int slot = (head + count) % n;
        if (observations[slot] == null || observations[slot].length != observation.length) {
            observations[slot] = new float[observation.length];
        }
        System.arraycopy(observation, 0, observations[slot], 0, observation.length);
        actions[slot] = action;
        rewards[slot] = reward;
        count++;
        if (terminated || truncated) {
            while (count > 0) {
                emitOldest(nextObservation, terminated, buffer); // the episode is over: flush the window
            }
        } else if (count == n) {
            emitOldest(nextObservation, false, buffer);
        }
    }

    /** Writes the transition of the oldest step in the window, whose s' is {@code next}, and drops the step. */
    private void emitOldest(float[] next, boolean terminated, ReplayBuffer buffer) {
        // The discounted sum of the window's rewards, from the newest back: r_t + gamma (r_t+1 + gamma (...)).
        double ret = rewards[(head + count - 1) % n];
        for (int i = count - 2; i >= 0; i--) {
            ret = rewards[(head + i) % n] + gamma * ret;
        }
        if (buffer != null) {
            buffer.add(observations[head], next, actions[head], ret, terminated, discount(count));
        }
        head = (head + 1) % n;
        count--;
    }

    /** gamma^k, the factor on V(s') of a transition that summed k rewards (Math.pow(gamma, 1) is gamma exactly). */
    private float discount(int k) {
        return (float) Math.pow(gamma, k);
    }

    /** The steps in the window, not yet written (at most n - 1 between steps). */
    public int pending() {
        return count;
    }
}
