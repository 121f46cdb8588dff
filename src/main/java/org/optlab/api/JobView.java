package org.optlab.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** What {@code GET /api/v1/jobs/{id}} tells. */
public record JobView(
        String id,
        String type,

        @Schema(allowableValues = {"queued", "running", "succeeded", "failed", "cancelled"})
        String status,

        @Schema(description = "Fraction done, in [0, 1].") double progress,
        Instant submittedAt,
        Instant startedAt,
        Instant finishedAt,

        @Schema(
                description = "The endpoint's response once the job has succeeded (or the partial result of a "
                        + "cancelled run), else null.")
        Object result,

        @Schema(description = "An RFC 9457 problem when the job failed, else null.")
        Object error) {

    static JobView of(Job job, boolean withResult) {
        return new JobView(
                job.id,
                job.type,
                job.status().wireName(),
                job.progress(),
                job.submittedAt,
                job.startedAt(),
                job.finishedAt(),
                withResult ? job.result() : null,
                job.error());
    }
}
