package org.optlab.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/** Many runs in one request: comparisons, sweeps and landscapes. */
@RestController
@RequestMapping(
        path = "/api/v1",
        consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Studies", description = "Compare optimizers, sweep hyperparameters, evaluate landscapes.")
public class StudyController {

    static final String COMPARISON_EXAMPLE = """
            {
              "objective": {"name": "rosenbrock"},
              "optimizers": [
                {"name": "adam", "learningRate": 0.02, "label": "Adam"},
                {"name": "sgd", "learningRate": 0.001, "momentum": 0.9, "label": "SGD+momentum"},
                {"name": "switch", "first": {"name": "adam", "learningRate": 0.02},
                 "then": {"name": "sgd", "learningRate": 0.001, "momentum": 0.9}, "atIteration": 500, "label": "Adam→SGD"}
              ],
              "iterations": 2000,
              "record": {"every": 20}
            }""";

    static final String SWEEP_EXAMPLE = """
            {
              "objective": {"name": "rosenbrock"},
              "optimizer": {"name": "momentum"},
              "iterations": 500,
              "search": {"grid": {"learningRate": [0.0001, 0.0003, 0.001, 0.003], "beta": [0.5, 0.8, 0.9, 0.95, 0.99]}}
            }""";

    static final String LANDSCAPE_EXAMPLE = """
            {"objective": {"name": "himmelblau"}, "resolution": 50}""";

    private final StudyService studies;

    public StudyController(StudyService studies) {
        this.studies = studies;
    }

    @PostMapping("/comparisons")
    @Operation(
            summary = "Compare optimizers",
            description = "Runs 1–16 optimizers on the same objective, start, budget, schedule and seed, in parallel, "
                    + "and ranks them: lower final loss first, ties by fewer iterations, diverged last. With tune, "
                    + "every optimizer first gets the same random-search budget over the same ranges and its final "
                    + "run uses its best trial's values.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "adam-vs-sgd", value = COMPARISON_EXAMPLE)))
    public DeferredResult<ResponseEntity<StudyResponses.ComparisonResponse>> compare(
            @Valid @org.springframework.web.bind.annotation.RequestBody StudyRequests.ComparisonRequest request) {
        return studies.respond(
                studies.prepareComparison(request), studies.timeLimitMillis(request), ResponseEntity::ok);
    }

    @PostMapping("/sweeps")
    @Operation(
            summary = "Sweep hyperparameters",
            description = "Grid (cartesian product), random (seeded; linear or log ranges; integer parameters) or "
                    + "halving (successive halving) search over any optimizer parameter (learningRate, beta1, "
                    + "optimizer.first.learningRate) or schedule parameter (schedule.warmupSteps). Returns every "
                    + "trial best first, the best trial's full run, and for grids the losses in grid shape.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "momentum-phase-diagram", value = SWEEP_EXAMPLE)))
    public DeferredResult<ResponseEntity<StudyResponses.SweepResponse>> sweep(
            @Valid @org.springframework.web.bind.annotation.RequestBody StudyRequests.SweepRequest request) {
        // The trials get the time limit, then the best trial runs again (with its path) under its own.
        return studies.respond(studies.prepareSweep(request), 2 * studies.timeLimitMillis(request), ResponseEntity::ok);
    }

    @PostMapping("/landscapes")
    @Operation(
            summary = "Evaluate a loss landscape",
            description = "Values of a 2-D objective on a grid (bounds default to the catalog's domain; rows follow "
                    + "y: values[j][i] = f(x[i], y[j])); for other dimensions a 2-D slice through a point along two "
                    + "coordinate axes.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "himmelblau", value = LANDSCAPE_EXAMPLE)))
    public DeferredResult<ResponseEntity<StudyResponses.LandscapeResponse>> landscape(
            @Valid @org.springframework.web.bind.annotation.RequestBody StudyRequests.LandscapeRequest request) {
        return studies.respond(studies.prepareLandscape(request), 30_000, ResponseEntity::ok);
    }
}
