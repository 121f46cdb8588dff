package org.optlab.compute.run;

import java.util.Map;

/**
 * A run as the client asked for it, in plain Java values: the three specs as maps (their
 * {@code name} plus flat parameters), and null for every field left out ({@code parallel} too).
 */
public record RunRequestData(
        Map<String, Object> objective,
        Map<String, Object> optimizer,
        Map<String, Object> schedule,
        double[] initialPoint,
        Integer iterations,
        Double gradientNormBelow,
        Double lossBelow,
        Long timeLimitMillis,
        Double gradientClipNorm,
        Double noiseStddev,
        Double noiseDecay,
        Integer recordEvery,
        Long seed,
        ParallelRequest parallel) {

    /** A request without a {@code parallel} block. */
    public RunRequestData(
            Map<String, Object> objective,
            Map<String, Object> optimizer,
            Map<String, Object> schedule,
            double[] initialPoint,
            Integer iterations,
            Double gradientNormBelow,
            Double lossBelow,
            Long timeLimitMillis,
            Double gradientClipNorm,
            Double noiseStddev,
            Double noiseDecay,
            Integer recordEvery,
            Long seed) {
        this(
                objective,
                optimizer,
                schedule,
                initialPoint,
                iterations,
                gradientNormBelow,
                lossBelow,
                timeLimitMillis,
                gradientClipNorm,
                noiseStddev,
                noiseDecay,
                recordEvery,
                seed,
                null);
    }
}
