package org.optlab.compute.run;

import org.optlab.compute.param.ParameterSpec;

/**
 * Everything about a run that is not the objective, the optimizer or the schedule.
 *
 * @param initialPoint w₀ (copied)
 * @param iterations T, the most update steps
 * @param gradientClipNorm rescale g_t to this L2 norm when it is larger; NaN for no clipping
 * @param seed drives every random draw of the run
 */
public record RunSettings(
        double[] initialPoint,
        int iterations,
        StoppingRule stopping,
        double gradientClipNorm,
        GradientNoise noise,
        long seed) {

    static final ParameterSpec ITERATIONS = ParameterSpec.integer("iterations", 1000, "T, the most update steps.")
            .atLeast(0);
    static final ParameterSpec CLIP = ParameterSpec.optionalNumber(
                    "gradientClipNorm", "off", "Rescale each gradient to this L2 norm when it is larger.")
            .above(0);

    public RunSettings {
        initialPoint = initialPoint.clone();
        ITERATIONS.check(iterations);
        if (!Double.isNaN(gradientClipNorm)) {
            CLIP.check(gradientClipNorm);
        }
    }

    @Override
    public double[] initialPoint() {
        return initialPoint.clone();
    }
}
