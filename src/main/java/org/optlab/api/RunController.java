package org.optlab.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/** {@code POST /api/v1/runs}: one optimizer on one objective. */
@RestController
@RequestMapping("/api/v1/runs")
@Tag(name = "Runs", description = "Run one optimizer on one objective and get its path.")
public class RunController {

    static final String EXAMPLE = """
            {
              "objective": {"name": "rosenbrock", "a": 1, "b": 100, "dimension": 2},
              "optimizer": {"name": "adam", "learningRate": 0.01, "beta1": 0.9, "beta2": 0.999},
              "schedule": {"name": "warmup_cosine", "warmupSteps": 100, "minLearningRate": 0.0},
              "initialPoint": [-1.0, 1.0],
              "iterations": 1000,
              "stopping": {"gradientNormBelow": 1e-8, "timeLimitMillis": 10000},
              "record": {"every": 10},
              "seed": 0
            }""";

    private final StudyService studies;

    public RunController(StudyService studies) {
        this.studies = studies;
    }

    @PostMapping(
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, RunCsvConverter.TEXT_CSV_VALUE})
    @Operation(
            summary = "Run an optimizer",
            description = "Runs the optimizer on the objective and returns the recorded path, the final values and "
                    + "the timing. With Accept: text/csv the path comes as CSV: iteration,x0,…,loss,gradient_norm,"
                    + "learning_rate. The Server-Timing header gives the compute time.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            examples = @ExampleObject(name = "adam-on-rosenbrock", value = EXAMPLE)))
    public DeferredResult<ResponseEntity<RunResponse>> run(
            @Valid @org.springframework.web.bind.annotation.RequestBody RunRequest request) {
        return studies.respond(
                studies.prepareRun(request),
                studies.timeLimitMillis(request),
                response -> ResponseEntity.ok()
                        .header("Server-Timing", serverTiming(response.timing().computeNanos()))
                        .body(response));
    }

    static String serverTiming(long computeNanos) {
        return String.format(Locale.ROOT, "compute;dur=%.3f;desc=\"optimization loop\"", computeNanos / 1e6);
    }
}
