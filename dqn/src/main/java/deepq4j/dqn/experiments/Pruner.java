package deepq4j.dqn.experiments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Decides whether a running trial is stopped early, from the values trials have reported at the
 * same point (higher is better). The two of Optuna that the course uses:
 * <ul>
 *   <li>median: stop a trial whose value is below the median of what the other trials reported
 *   at the same report, once {@code startupTrials} trials have finished (Optuna's MedianPruner);</li>
 *   <li>halving: asynchronous successive halving (Optuna's SuccessiveHalvingPruner): rungs at
 *   reports 1, eta, eta^2, ...; at a rung a trial goes on only if it is in the best 1/eta of
 *   the trials that reached that rung so far.</li>
 * </ul>
 */
public interface Pruner {
    /**
     * Whether to stop the trial that has just reported {@code value} at report {@code report}
     * (counting from 1); {@code others} are the values other trials reported at that report, and
     * {@code finished} counts the trials that have finished.
     */
    boolean prune(int report, double value, List<Double> others, int finished);

    /** Never stops a trial. */
    Pruner NONE = (report, value, others, finished) -> false;

    /** Optuna's MedianPruner with {@code startupTrials} trials before any pruning. */
    static Pruner median(int startupTrials) {
        return (report, value, others, finished) -> {
            if (finished < startupTrials || others.isEmpty()) {
                return false;
            }
            List<Double> sorted = new ArrayList<>(others);
            Collections.sort(sorted);
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            return value < median;
        };
    }

    /** Asynchronous successive halving with reduction factor {@code eta}. */
    static Pruner successiveHalving(int eta) {
        return (report, value, others, finished) -> {
            // only the rungs (reports 1, eta, eta^2, ...) decide
            int r = report;
            while (r % eta == 0) {
                r /= eta;
            }
            if (r != 1) {
                return false;
            }
            List<Double> competing = new ArrayList<>(others);
            competing.add(value);
            Collections.sort(competing);
            int promotable = Math.max(0, competing.size() / eta - 1);
            return value < competing.get(competing.size() - 1 - promotable);
        };
    }
}
