package org.optlab.compute.run;

import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.param.ParameterSpec;

/**
 * When a run stops before its budget: ‖∇f(w_t)‖₂ ≤ gradientNormBelow or f(w_t) ≤ lossBelow
 * (converged), or after timeLimitMillis of wall-clock time (time_limit). A NaN threshold is off.
 */
public record StoppingRule(double gradientNormBelow, double lossBelow, long timeLimitMillis) {

    static final ParameterSpec GRADIENT_NORM_BELOW = ParameterSpec.optionalNumber(
                    "gradientNormBelow", "off", "Stop (converged) when ‖∇f(w)‖₂ ≤ this.")
            .atLeast(0);
    static final ParameterSpec TIME_LIMIT = ParameterSpec.optionalInteger(
                    "timeLimitMillis", "the server's limit", "Stop (time_limit) after this many milliseconds.")
            .atLeast(1);

    public StoppingRule {
        if (!Double.isNaN(gradientNormBelow)) {
            GRADIENT_NORM_BELOW.check(gradientNormBelow);
        }
        if (Double.isInfinite(lossBelow)) {
            throw new InvalidSpecException("lossBelow", "must be a finite number");
        }
        TIME_LIMIT.check((double) timeLimitMillis);
    }
}
