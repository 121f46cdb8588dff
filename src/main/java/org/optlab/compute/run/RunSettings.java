package org.optlab.compute.run;

import org.optlab.compute.param.ParameterSpec;

/**
 * Everything about a run that is not the objective, the optimizer or the schedule.
 *
 * @param initialPoint w₀ (copied)
 * @param iterations T, the most update steps
 * @param gradientClipNorm rescale g_t to this L2 norm when it is larger; NaN for no clipping
 * @param seed drives every random draw of the run
 * @param fullEvaluationEvery for minibatch runs over data, compute the full training loss and
 *     gradient at every k-th iterate (and the first and last) only; the plan sets it to
 *     {@code record.every}. Other runs evaluate every iterate and ignore it.
 */
public record RunSettings(
        double[] initialPoint,
        int iterations,
        StoppingRule stopping,
        double gradientClipNorm,
        GradientNoise noise,
        long seed,
        int fullEvaluationEvery) {

    static final ParameterSpec ITERATIONS = ParameterSpec.integer("iterations", 1000, "T, the most update steps.")
            .atLeast(0);
    static final ParameterSpec CLIP = ParameterSpec.optionalNumber(
                    "gradientClipNorm", "off", "Rescale each gradient to this L2 norm when it is larger.")
            .above(0);

    /** Settings of a run that evaluates every iterate in full. */
    public RunSettings(
            double[] initialPoint,
            int iterations,
            StoppingRule stopping,
            double gradientClipNorm,
            GradientNoise noise,
            long seed) {
        this(initialPoint, iterations, stopping, gradientClipNorm, noise, seed, 1);
    }

    public RunSettings {
        if (fullEvaluationEvery < 1) {
            throw new IllegalArgumentException("fullEvaluationEvery must be ≥ 1");
        }
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
