package org.optlab.compute.study;

import java.util.Comparator;
import java.util.Map;
import org.optlab.compute.run.RunOutcome;
import org.optlab.compute.run.RunStatus;

/**
 * One run of a sweep or tuning: the parameters it set and how it ended.
 *
 * @param parameters the swept parameters' values, by their sweep names
 * @param budget the iterations it was given (less than the run's for early rungs of halving)
 */
public record TrialResult(
        Map<String, Object> parameters,
        double finalLoss,
        RunStatus status,
        int iterations,
        long computeNanos,
        int budget) {

    static TrialResult of(Map<String, Object> parameters, RunOutcome outcome, int budget) {
        return new TrialResult(
                parameters,
                outcome.finalLoss(),
                outcome.status(),
                outcome.iterations(),
                outcome.computeNanos(),
                budget);
    }

    /**
     * Best first: finished runs before diverged ones, then lower final loss, then fewer iterations.
     * Non-finite losses count as worst.
     */
    public static final Comparator<TrialResult> BEST_FIRST = Comparator.comparing(
                    (TrialResult r) -> r.status() == RunStatus.DIVERGED || !Double.isFinite(r.finalLoss()))
            .thenComparingDouble(TrialResult::finalLoss)
            .thenComparingInt(TrialResult::iterations);
}
