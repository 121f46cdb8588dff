package org.optlab.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/plots}: a comparison body (for {@code paths} and {@code losses}) or a sweep
 * body (for {@code sweep}), flat, plus what the picture needs: its kind, size, window, contour
 * levels and scale.
 */
@Schema(
        description = "A comparison body (kinds paths and losses: objective, optimizers, …) or a grid-sweep body "
                + "(kind sweep: objective, optimizer, search.grid over two parameters), plus the picture's kind, "
                + "size, window, number of contour levels and scale.")
public record PlotRequest(
        @Schema(
                description = "paths: contours of a 2-D objective with each optimizer's path; losses: loss against "
                        + "iteration; sweep: heatmap of a two-parameter grid sweep. Default: sweep when search is "
                        + "given, else paths for a 2-D objective and losses otherwise.",
                allowableValues = {"paths", "losses", "sweep"})
        String kind,

        @Schema(description = "Width in pixels.", defaultValue = "800", minimum = "200", maximum = "4000")
        Integer width,

        @Schema(description = "Height in pixels.", defaultValue = "600", minimum = "150", maximum = "4000")
        Integer height,

        @NotNull Map<String, Object> objective,

        @Schema(description = "paths and losses: 1 to 16 optimizer specs, each with an optional label.")
        List<Map<String, Object>> optimizers,

        @Schema(description = "sweep: the base optimizer spec.")
        Map<String, Object> optimizer,

        Map<String, Object> schedule,
        double[] initialPoint,
        Integer iterations,
        @Valid RunRequest.Stopping stopping,
        Double gradientClipNorm,
        @Valid RunRequest.GradientNoise gradientNoise,
        @Valid RunRequest.Recording record,
        Long seed,

        @Valid @Schema(description = "paths and losses: tune every optimizer on an equal budget first.")
        StudyRequests.Tune tune,

        @Valid @Schema(description = "sweep: a grid over exactly two parameters.")
        StudyRequests.Search search,

        @Valid
        @Schema(
                description = "paths: the plotted window. Default: the catalog's domain, widened to hold the "
                        + "start point.")
        StudyRequests.Bounds bounds,

        @Schema(
                description = "paths: about how many contour levels.",
                defaultValue = "14",
                minimum = "2",
                maximum = "60")
        Integer levels,

        @Schema(
                description = "Contour spacing (paths), loss axis (losses) or colour scale (sweep): auto chooses log "
                        + "when the values span several decades.",
                allowableValues = {"auto", "log", "linear"},
                defaultValue = "auto")
        String scale,

        @Schema(description = "The plot's title. Default: says what was run.")
        String title) {}
