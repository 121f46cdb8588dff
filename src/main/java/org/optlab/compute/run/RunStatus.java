package org.optlab.compute.run;

import java.util.Locale;

/** How a run ended, as the contract names it. */
public enum RunStatus {
    /** A stopping threshold (gradient norm or loss) was reached. */
    CONVERGED,
    /** The iteration budget was spent. */
    MAX_ITERATIONS,
    /** The loss or the gradient became non-finite. */
    DIVERGED,
    /** The time limit ran out first; the result is partial. */
    TIME_LIMIT,
    /** The caller cancelled the run; the result is partial. */
    CANCELLED;

    /** The lower_snake_case name used in responses. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
