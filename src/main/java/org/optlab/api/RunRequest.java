package org.optlab.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.run.RunRequestData;

/**
 * {@code POST /api/v1/runs}: one optimizer on one objective. Only {@code objective} and
 * {@code optimizer} are required; the catalog supplies every other default.
 */
@Schema(description = "One optimizer on one objective. Only objective and optimizer are required.")
public record RunRequest(
        @NotNull @Schema(description = "The objective: its name and flat parameters (see GET /api/v1/objectives).")
        Map<String, Object> objective,

        @NotNull @Schema(description = "The optimizer: its name and flat hyperparameters (see GET /api/v1/optimizers).")
        Map<String, Object> optimizer,

        @Schema(description = "The learning-rate schedule (default constant; see GET /api/v1/schedules).")
        Map<String, Object> schedule,

        @Schema(
                description =
                        "w₀; defaults to the objective's defaultInitialPoint. Length = the objective's dimension.")
        double[] initialPoint,

        @Schema(description = "T, the most update steps.", defaultValue = "1000", minimum = "0")
        Integer iterations,

        @Valid Stopping stopping,

        @Schema(
                description = "Rescale each gradient to this L2 norm when it is larger; null for none.",
                minimum = "0",
                exclusiveMinimum = true)
        Double gradientClipNorm,

        @Valid GradientNoise gradientNoise,
        @Valid Recording record,

        @Schema(description = "Drives every random draw of the run.", defaultValue = "0")
        Long seed,

        @Valid
        @Schema(
                description = "Objectives over data only: simulate data-parallel training over W workers, each "
                        + "owning a seeded shard of the training set (synchronous all-reduce, or asynchronous "
                        + "Hogwild-style updates with stale gradients). Absent: a plain run.")
        Parallel parallel)
        implements RunFields {

    /** A run without a {@code parallel} block. */
    public RunRequest(
            Map<String, Object> objective,
            Map<String, Object> optimizer,
            Map<String, Object> schedule,
            double[] initialPoint,
            Integer iterations,
            Stopping stopping,
            Double gradientClipNorm,
            GradientNoise gradientNoise,
            Recording record,
            Long seed) {
        this(
                objective,
                optimizer,
                schedule,
                initialPoint,
                iterations,
                stopping,
                gradientClipNorm,
                gradientNoise,
                record,
                seed,
                null);
    }

    /** Data-parallel training, simulated deterministically from the run's seed. */
    public record Parallel(
            @Schema(
                    description = "W, the workers, each with its own shard and minibatches of batchSize.",
                    defaultValue = "2",
                    minimum = "1",
                    maximum = "64")
            Integer workers,

            @Schema(
                    description = "synchronous: the workers' minibatch gradients are averaged before each step; "
                            + "asynchronous: each update is one worker's gradient, computed at parameters "
                            + "staleness.max updates old.",
                    allowableValues = {"synchronous", "asynchronous"},
                    defaultValue = "synchronous")
            String mode,

            @Schema(
                    description = "Synchronous only. global: one optimizer state sees the averaged gradient; "
                            + "local: each worker steps with its own parameters and optimizer state, and the "
                            + "parameters (not the states) are averaged every syncEvery steps.",
                    allowableValues = {"global", "local"},
                    defaultValue = "global")
            String optimizerState,

            @Schema(
                    description = "optimizerState local only: average the parameters every k steps.",
                    defaultValue = "1",
                    minimum = "1")
            Integer syncEvery,

            @Valid @Schema(description = "Asynchronous only: how old each applied gradient is.")
            Staleness staleness) {

        /**
         * A block given as a plain JSON object inside another spec (a comparison's contender), with
         * the checks Jackson does for a typed one; {@code field} is its path, for the problem response.
         */
        static Parallel fromMap(Object raw, String field) {
            if (!(raw instanceof Map<?, ?> map)) {
                throw new InvalidSpecException(field, "must be an object");
            }
            List<InvalidSpecException.Violation> violations = new ArrayList<>();
            Staleness staleness = null;
            for (Object key : map.keySet()) {
                if (!List.of("workers", "mode", "optimizerState", "syncEvery", "staleness")
                        .contains(key)) {
                    violations.add(new InvalidSpecException.Violation(field + "." + key, "unknown field"));
                }
            }
            Object stale = map.get("staleness");
            if (stale != null) {
                if (stale instanceof Map<?, ?> inner) {
                    for (Object key : inner.keySet()) {
                        if (!List.of("max", "distribution").contains(key)) {
                            violations.add(
                                    new InvalidSpecException.Violation(field + ".staleness." + key, "unknown field"));
                        }
                    }
                    staleness = new Staleness(
                            integer(inner.get("max"), field + ".staleness.max", violations),
                            text(inner.get("distribution"), field + ".staleness.distribution", violations));
                } else {
                    violations.add(new InvalidSpecException.Violation(field + ".staleness", "must be an object"));
                }
            }
            Parallel parallel = new Parallel(
                    integer(map.get("workers"), field + ".workers", violations),
                    text(map.get("mode"), field + ".mode", violations),
                    text(map.get("optimizerState"), field + ".optimizerState", violations),
                    integer(map.get("syncEvery"), field + ".syncEvery", violations),
                    staleness);
            if (!violations.isEmpty()) {
                throw new InvalidSpecException(violations);
            }
            return parallel;
        }

        private static Integer integer(Object value, String field, List<InvalidSpecException.Violation> violations) {
            if (value == null) {
                return null;
            }
            if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                long n = ((Number) value).longValue();
                if (n == (int) n) {
                    return (int) n;
                }
            }
            violations.add(new InvalidSpecException.Violation(field, "must be an integer"));
            return null;
        }

        private static String text(Object value, String field, List<InvalidSpecException.Violation> violations) {
            if (value == null || value instanceof String) {
                return (String) value;
            }
            violations.add(new InvalidSpecException.Violation(field, "must be a string"));
            return null;
        }

        /** Plain values for the compute core. */
        public org.optlab.compute.run.ParallelRequest toData() {
            return new org.optlab.compute.run.ParallelRequest(
                    workers,
                    mode,
                    optimizerState,
                    syncEvery,
                    staleness == null ? null : staleness.max(),
                    staleness == null ? null : staleness.distribution(),
                    staleness != null);
        }
    }

    /** τ_t, the updates between a gradient's read and its write. */
    public record Staleness(
            @Schema(description = "τ, at most 1024.", defaultValue = "workers − 1", minimum = "0", maximum = "1024")
            Integer max,

            @Schema(
                    description = "fixed: τ_t = min(τ, t); uniform: drawn from the seed on {0, …, min(τ, t)}.",
                    allowableValues = {"fixed", "uniform"},
                    defaultValue = "fixed")
            String distribution) {}

    /** When to stop before the budget is spent. */
    public record Stopping(
            @Schema(description = "Stop (converged) when ‖∇f(w_t)‖₂ ≤ this; null for never.")
            Double gradientNormBelow,

            @Schema(description = "Stop (converged) when f(w_t) ≤ this; null for never.")
            Double lossBelow,

            @Schema(
                    description = "Stop (time_limit) after this many milliseconds; default and maximum: "
                            + "optlab.limits.max-run-millis.")
            Long timeLimitMillis) {}

    /** Gaussian gradient noise N(0, σ_t²), σ_t = stddev / (1 + t)^decay. */
    public record GradientNoise(
            @Schema(description = "σ at step 0.", defaultValue = "0")
            Double stddev,

            @Schema(description = "The decay exponent γ.", defaultValue = "0.55")
            Double decay) {}

    /** Which iterates the path keeps. */
    public record Recording(
            @Schema(
                    description = "Keep every k-th iterate (plus the first and last). Default ceil(iterations/1000).",
                    minimum = "1")
            Integer every) {}

    /** The request as plain values for the compute core. */
    public RunRequestData toData() {
        return toData(optimizer);
    }
}
