package org.optlab.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/plots}: pictures of comparisons and sweeps as SVG. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Plots", description = "SVG pictures: paths over contours, loss curves, sweep heatmaps.")
public class PlotController {

    public static final String IMAGE_SVG_VALUE = "image/svg+xml";

    static final String PATHS_EXAMPLE = """
            {
              "kind": "paths",
              "width": 800, "height": 600,
              "objective": {"name": "rosenbrock"},
              "optimizers": [
                {"name": "adam", "learningRate": 0.02, "label": "Adam"},
                {"name": "sgd", "learningRate": 0.001, "momentum": 0.9, "label": "SGD+momentum"}
              ],
              "iterations": 1000
            }""";

    static final String LOSSES_EXAMPLE = """
            {
              "kind": "losses",
              "objective": {"name": "rosenbrock"},
              "optimizers": [
                {"name": "adam", "learningRate": 0.02, "label": "Adam"},
                {"name": "sgd", "learningRate": 0.001, "momentum": 0.9, "label": "SGD+momentum"}
              ],
              "iterations": 1000
            }""";

    static final String SWEEP_EXAMPLE = """
            {
              "kind": "sweep",
              "objective": {"name": "rosenbrock"},
              "optimizer": {"name": "momentum"},
              "iterations": 500,
              "search": {"grid": {"learningRate": [0.0001, 0.0003, 0.001, 0.003], "beta": [0.5, 0.8, 0.9, 0.95, 0.99]}}
            }""";

    private final PlotService plots;

    public PlotController(PlotService plots) {
        this.plots = plots;
    }

    @PostMapping(path = "/plots", consumes = MediaType.APPLICATION_JSON_VALUE, produces = IMAGE_SVG_VALUE)
    @Operation(
            summary = "Plot a comparison or a sweep as SVG",
            description = "kind paths (a comparison body plus width and height): contour lines of a 2-D objective "
                    + "(log-spaced levels when its values span decades), each optimizer's path in its own colour "
                    + "with start and end markers, the known minima, a legend with labels and final losses, and "
                    + "axes. kind losses: loss against iteration, one line per optimizer, log scale where the "
                    + "losses span decades (the gap to the known minimum when losses are not positive). kind "
                    + "sweep (a sweep body with a grid over two parameters): a heatmap of final losses with a "
                    + "colour bar; each cell carries its parameters in data-parameters. Without kind: sweep when "
                    + "search is given, else paths for 2-D objectives and losses otherwise. The same request "
                    + "gives the same bytes.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            examples = {
                                @ExampleObject(name = "paths", value = PATHS_EXAMPLE),
                                @ExampleObject(name = "losses", value = LOSSES_EXAMPLE),
                                @ExampleObject(name = "sweep-heatmap", value = SWEEP_EXAMPLE)
                            }))
    @ApiResponse(
            responseCode = "200",
            description = "The picture.",
            content = @Content(mediaType = IMAGE_SVG_VALUE, schema = @Schema(type = "string")))
    @ApiResponse(
            responseCode = "400",
            description = "An invalid request: an RFC 9457 problem naming the fields at fault.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    public ResponseEntity<byte[]> plot(
            @Valid @org.springframework.web.bind.annotation.RequestBody PlotRequest request) {
        PlotService.Rendered rendered = plots.render(request);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(IMAGE_SVG_VALUE))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("optlab-" + rendered.kind().wireName() + ".svg")
                                .build()
                                .toString())
                .body(rendered.svg());
    }
}
