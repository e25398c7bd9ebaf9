package deepq4j.envs.minatar;

/**
 * How a MinAtar game is set up: the action set, the probability of sticky actions, and whether
 * the difficulty ramps up. {@link #DEFAULT} is MinAtar's published setting.
 *
 * @param minimalActionSet only the actions that do something in the game (MinAtar's
 *        {@code use_minimal_action_set}); otherwise all six, as in the published results
 * @param stickyActionProbability the chance that a step repeats the previous action instead
 * @param ramping whether the game speeds up as it goes on
 */
public record MinAtarOptions(boolean minimalActionSet, double stickyActionProbability, boolean ramping) {
    /** Six actions, sticky actions with probability 0.1, difficulty ramping: MinAtar's defaults. */
    public static final MinAtarOptions DEFAULT = new MinAtarOptions(false, 0.1, true);

    public MinAtarOptions {
        if (!(stickyActionProbability >= 0 && stickyActionProbability <= 1)) {
            throw new IllegalArgumentException("sticky_action_prob must be in [0, 1], got " + stickyActionProbability);
        }
    }
}
