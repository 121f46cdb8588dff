package org.optlab.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
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
        Long seed)
        implements RunFields {

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
