package org.optlab.api;

import java.util.Map;
import org.optlab.compute.run.RunRequestData;

/**
 * The run fields that runs, comparisons and sweeps share: one conversion to the compute core's
 * plain request, whichever endpoint they came through.
 */
public interface RunFields {

    Map<String, Object> objective();

    Map<String, Object> schedule();

    double[] initialPoint();

    Integer iterations();

    RunRequest.Stopping stopping();

    Double gradientClipNorm();

    RunRequest.GradientNoise gradientNoise();

    RunRequest.Recording record();

    Long seed();

    /** The data-parallel block, or null for a plain run. */
    RunRequest.Parallel parallel();

    /** These fields with the given optimizer spec, as plain values for the compute core. */
    default RunRequestData toData(Map<String, Object> optimizer) {
        return toData(optimizer, parallel());
    }

    /** These fields with the given optimizer spec and data-parallel block (null: none). */
    default RunRequestData toData(Map<String, Object> optimizer, RunRequest.Parallel parallel) {
        RunRequest.Stopping stopping = stopping();
        RunRequest.GradientNoise noise = gradientNoise();
        return new RunRequestData(
                objective(),
                optimizer,
                schedule(),
                initialPoint(),
                iterations(),
                stopping == null ? null : stopping.gradientNormBelow(),
                stopping == null ? null : stopping.lossBelow(),
                stopping == null ? null : stopping.timeLimitMillis(),
                gradientClipNorm(),
                noise == null ? null : noise.stddev(),
                noise == null ? null : noise.decay(),
                record() == null ? null : record().every(),
                seed(),
                parallel == null ? null : parallel.toData());
    }

    /** The time the whole request may take: its stopping.timeLimitMillis, or the server's limit. */
    default long timeLimitMillis(long serverLimit) {
        Long requested = stopping() == null ? null : stopping().timeLimitMillis();
        return requested == null ? serverLimit : Math.min(requested, serverLimit);
    }
}
