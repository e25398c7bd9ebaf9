package deepq4j.dqn;

import deepq4j.dqn.DqnTrainer.Phase;

/**
 * Where the wall time of a training run goes, phase by phase (docs/performance.md reads it):
 * {@link #lap} charges the time since the previous lap to a phase, so the loop marks the end of
 * each part with one call and no stopwatch arithmetic.
 */
final class PhaseTimer {
    private final long[] nanos = new long[Phase.values().length];
    private long last = System.nanoTime();

    /** Starts timing afresh: the time since the last lap belongs to no phase. */
    void restart() {
        last = System.nanoTime();
    }

    /** Charges the time since the last lap (or restart) to {@code phase}. */
    void lap(Phase phase) {
        long now = System.nanoTime();
        nanos[phase.ordinal()] += now - last;
        last = now;
    }

    /** Nanoseconds by phase so far (a copy, for a checkpoint). */
    long[] nanos() {
        return nanos.clone();
    }

    /** Restores the counts a checkpoint saved (as many as it has). */
    void setNanos(long[] saved) {
        System.arraycopy(saved, 0, nanos, 0, Math.min(saved.length, nanos.length));
    }

    /** Seconds by phase, indexed by {@link Phase#ordinal()}. */
    double[] seconds() {
        double[] seconds = new double[nanos.length];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = nanos[i] / 1e9;
        }
        return seconds;
    }
}
