package org.optlab.compute.run;

import org.optlab.compute.objective.Optimum;

/** A finished run: how it ended, its recorded path, and the objective's known optimum (or null). */
public record RunReport(RunOutcome outcome, Trajectory trajectory, Optimum optimum) {

    /** The distance from the final point to the nearest known minimiser, or NaN when none is known. */
    public double distanceToOptimum() {
        return optimum == null ? Double.NaN : optimum.distanceFrom(outcome.finalPoint());
    }
}
