package org.optlab.compute.run;

import org.optlab.compute.objective.Curvature;
import org.optlab.compute.objective.Optimum;

/**
 * A finished run: how it ended, its recorded path, the objective's known optimum (or null), the
 * curvature at the final point (null above {@link Curvature#MAX_DIMENSION} or where not finite) and,
 * for objectives over data, the validation metrics of the recorded iterates (null otherwise) and, for
 * a data-parallel run, what its workers did (null otherwise).
 */
public record RunReport(
        RunOutcome outcome,
        Trajectory trajectory,
        Optimum optimum,
        Curvature finalCurvature,
        DataMetrics data,
        ParallelSummary parallel) {

    /** A run that is not data-parallel. */
    public RunReport(
            RunOutcome outcome, Trajectory trajectory, Optimum optimum, Curvature finalCurvature, DataMetrics data) {
        this(outcome, trajectory, optimum, finalCurvature, data, null);
    }

    /** A run on an objective that is not over data. */
    public RunReport(RunOutcome outcome, Trajectory trajectory, Optimum optimum, Curvature finalCurvature) {
        this(outcome, trajectory, optimum, finalCurvature, null);
    }

    /** The distance from the final point to the nearest known minimiser, or NaN when none is known. */
    public double distanceToOptimum() {
        return optimum == null ? Double.NaN : optimum.distanceFrom(outcome.finalPoint());
    }
}
