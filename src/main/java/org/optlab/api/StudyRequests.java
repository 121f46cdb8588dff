package org.optlab.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies of the endpoints that start many runs: comparisons, sweeps and landscapes. */
public final class StudyRequests {

    private StudyRequests() {}

    /** A numeric range for random search, halving and tuning. */
    public record Range(
            @NotNull Double min,
            @NotNull Double max,

            @Schema(
                    allowableValues = {"linear", "log"},
                    defaultValue = "linear")
            String scale,

            @Schema(description = "Draw integers (rounded), e.g. for schedule.warmupSteps.", defaultValue = "false")
            Boolean integer) {}

    /** Fair tuning: the same random-search budget over the same ranges for every optimizer. */
    public record Tune(
            @NotEmpty @Schema(description = "Parameter name → range, addressed as in sweeps.")
            Map<String, @Valid Range> parameters,

            @Schema(defaultValue = "30", minimum = "1") Integer trials,

            @Schema(
                    allowableValues = {"finalLoss"},
                    defaultValue = "finalLoss")
            String metric) {}

    /** {@code POST /api/v1/comparisons}. */
    @Schema(description = "Several optimizers on one objective, start, budget, schedule and seed.")
    public record ComparisonRequest(
            @NotNull Map<String, Object> objective,

            @NotEmpty
            @Size(max = 16)
            @Schema(description = "1 to 16 optimizer specs, each with an optional label (default: its name).")
            List<Map<String, Object>> optimizers,

            Map<String, Object> schedule,
            double[] initialPoint,
            Integer iterations,
            @Valid RunRequest.Stopping stopping,
            Double gradientClipNorm,
            @Valid RunRequest.GradientNoise gradientNoise,
            @Valid RunRequest.Recording record,
            Long seed,

            @Valid @Schema(description = "Tune every optimizer on an equal budget before the final runs.")
            Tune tune,

            @Schema(description = "Plot width in pixels (POST /api/v1/plots only).")
            Integer width,

            @Schema(description = "Plot height in pixels (POST /api/v1/plots only).")
            Integer height,

            @Valid @Schema(description = "Objectives over data only: data-parallel training, as on a run.")
            RunRequest.Parallel parallel)
            implements RunFields {

        /** A comparison without a {@code parallel} block. */
        public ComparisonRequest(
                Map<String, Object> objective,
                List<Map<String, Object>> optimizers,
                Map<String, Object> schedule,
                double[] initialPoint,
                Integer iterations,
                RunRequest.Stopping stopping,
                Double gradientClipNorm,
                RunRequest.GradientNoise gradientNoise,
                RunRequest.Recording record,
                Long seed,
                Tune tune,
                Integer width,
                Integer height) {
            this(
                    objective,
                    optimizers,
                    schedule,
                    initialPoint,
                    iterations,
                    stopping,
                    gradientClipNorm,
                    gradientNoise,
                    record,
                    seed,
                    tune,
                    width,
                    height,
                    null);
        }
    }

    /** Random search: {@code trials} draws from the ranges, from the request's seed. */
    public record RandomSearch(
            @NotNull Integer trials, @NotEmpty Map<String, @Valid Range> ranges) {}

    /** Successive halving over random draws. */
    public record HalvingSearch(
            @NotNull Integer trials,
            @NotEmpty Map<String, @Valid Range> ranges,

            @Schema(description = "The first rung's budget.", defaultValue = "ceil(iterations / 27)")
            Integer minIterations,

            @Schema(description = "η: each rung keeps 1/η of the trials with η times the budget.", defaultValue = "3")
            Integer reduction) {}

    /** Exactly one of grid, random and halving. */
    public record Search(
            @Schema(description = "Parameter → list of values; every combination runs.")
            LinkedHashMap<String, List<Object>> grid,

            @Valid RandomSearch random,
            @Valid HalvingSearch halving) {}

    /** {@code POST /api/v1/sweeps}. */
    @Schema(description = "One optimizer over many hyperparameter values.")
    public record SweepRequest(
            @NotNull Map<String, Object> objective,
            @NotNull Map<String, Object> optimizer,
            Map<String, Object> schedule,
            double[] initialPoint,
            Integer iterations,
            @Valid RunRequest.Stopping stopping,
            Double gradientClipNorm,
            @Valid RunRequest.GradientNoise gradientNoise,
            @Valid RunRequest.Recording record,
            Long seed,
            @NotNull @Valid Search search,

            @Valid @Schema(description = "Objectives over data only: data-parallel training, as on a run.")
            RunRequest.Parallel parallel)
            implements RunFields {

        /** A sweep without a {@code parallel} block. */
        public SweepRequest(
                Map<String, Object> objective,
                Map<String, Object> optimizer,
                Map<String, Object> schedule,
                double[] initialPoint,
                Integer iterations,
                RunRequest.Stopping stopping,
                Double gradientClipNorm,
                RunRequest.GradientNoise gradientNoise,
                RunRequest.Recording record,
                Long seed,
                Search search) {
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
                    search,
                    null);
        }
    }

    /** The rectangle of a landscape. */
    public record Bounds(
            @NotNull Double xMin,
            @NotNull Double xMax,
            @NotNull Double yMin,
            @NotNull Double yMax) {}

    /** A 2-D slice of a higher-dimensional objective. */
    public record Slice(
            @Schema(description = "The point the slice passes through (default: the objective's default start).")
            double[] point,

            @Schema(description = "The two coordinates that vary, e.g. [0, 1].")
            int[] axes) {}

    /** {@code POST /api/v1/landscapes}. */
    @Schema(description = "An objective's values on a grid.")
    public record LandscapeRequest(
            @NotNull Map<String, Object> objective,

            @Valid @Schema(description = "Default: the catalog's plotting domain.")
            Bounds bounds,

            @Schema(description = "Grid points along each axis.", defaultValue = "100")
            Integer resolution,

            @Valid Slice slice) {}
}
