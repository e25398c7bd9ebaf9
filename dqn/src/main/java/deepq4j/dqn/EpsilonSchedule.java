package deepq4j.dqn;

/** The exploration rate of epsilon-greedy acting, as a function of progress. */
public interface EpsilonSchedule {
    /** Epsilon at {@code step} (environment steps so far) after {@code episodes} finished episodes. */
    double epsilon(long step, int episodes);

    /**
     * CleanRL's {@code linear_schedule}: from {@code start} down to {@code end} in a straight line
     * over {@code duration} steps, then {@code end}.
     */
    static EpsilonSchedule linear(double start, double end, long duration) {
        return (step, episodes) -> {
            if (duration <= 0) {
                return end;
            }
            double slope = (end - start) / duration;
            return Math.max(slope * step + start, end);
        };
    }

    /** The course's EpsilonGreedy: {@code start * decay^episodes}, never below {@code end}. */
    static EpsilonSchedule exponential(double start, double end, double decay) {
        return (step, episodes) -> Math.max(end, start * Math.pow(decay, episodes));
    }
}
