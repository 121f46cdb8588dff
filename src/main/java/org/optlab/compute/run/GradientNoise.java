package org.optlab.compute.run;

import org.optlab.compute.param.ParameterSpec;

/**
 * Gaussian noise added to every gradient component: N(0, σ_t²) with σ_t = stddev / (1 + t)^decay
 * (Neelakantan et al., Adding gradient noise improves learning for very deep networks, 2015, use
 * decay 0.55). Drawn from the run's seed.
 */
public record GradientNoise(double stddev, double decay) {

    static final ParameterSpec STDDEV = ParameterSpec.number(
                    "stddev", 0, "σ, the noise's standard deviation at step 0.")
            .atLeast(0);
    static final ParameterSpec DECAY =
            ParameterSpec.number("decay", 0.55, "γ in σ_t = σ / (1 + t)^γ.").atLeast(0);

    public static final GradientNoise NONE = new GradientNoise(0, 0.55);

    public GradientNoise {
        STDDEV.check(stddev);
        DECAY.check(decay);
    }

    public boolean active() {
        return stddev > 0;
    }

    /** σ_t. */
    public double stddevAt(int step) {
        return stddev / Math.pow(1 + step, decay);
    }
}
