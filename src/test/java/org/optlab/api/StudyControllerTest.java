package org.optlab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.optlab.compute.Limits;
import org.optlab.compute.objective.Domain;
import org.optlab.compute.objective.Objective;
import org.optlab.compute.run.RunPlan;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pins the contract of the many-runs endpoints: {@code POST /api/v1/comparisons},
 * {@code /sweeps} and {@code /landscapes} — response shapes, defaults, labels, and the problems
 * for bad or oversized requests.
 */
@WebMvcTest(StudyController.class)
@Import(WebSliceConfiguration.class)
class StudyControllerTest {

    /** A parser that, like any strict client, rejects NaN and Infinity tokens. */
    private static final JsonMapper STRICT = JsonMapper.builder().build();

    private static final String VALIDATION = Problems.type(Problems.VALIDATION).toString();
    private static final String LIMIT_EXCEEDED =
            Problems.type(Problems.LIMIT_EXCEEDED).toString();

    @Autowired
    private MockMvcTester mvc;

    // ---- comparisons ---------------------------------------------------------------------------

    @Test
    void comparisonAnswersLabelledRunsAndARankingBestFirst() {
        JsonNode body = json(post("/api/v1/comparisons", """
                {"objective": {"name": "rosenbrock"},
                 "optimizers": [
                   {"name": "adam", "learningRate": 0.02},
                   {"name": "sgd", "learningRate": 1, "label": "SGD lr=1"},
                   {"name": "sgd", "learningRate": 0.001, "momentum": 0.9}
                 ],
                 "iterations": 200, "record": {"every": 10}, "seed": 4}"""));

        assertThat(body.propertyNames()).containsExactlyInAnyOrder("results", "ranking");
        JsonNode results = body.get("results");
        assertThat(results).hasSize(3);
        assertThat(labels(results)).as("results keep the request's order").containsExactly("adam", "SGD lr=1", "sgd");
        for (JsonNode result : results) {
            assertThat(result.propertyNames())
                    .as("a run result plus its label")
                    .contains(
                            "label",
                            "id",
                            "status",
                            "iterations",
                            "finalPoint",
                            "finalLoss",
                            "finalGradientNorm",
                            "optimum",
                            "distanceToOptimum",
                            "path",
                            "timing",
                            "resolved");
            assertThat(result.get("resolved").get("seed").longValue()).isEqualTo(4);
            assertThat(result.get("resolved").get("record").get("every").intValue())
                    .isEqualTo(10);
        }
        JsonNode diverged = results.get(1);
        assertThat(diverged.get("status").stringValue()).isEqualTo("diverged");
        assertThat(diverged.get("finalLoss").isNull()).isTrue();
        assertThat(results.get(0).get("path").get("iterations")).hasSize(21);

        JsonNode ranking = body.get("ranking");
        assertThat(ranking).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonNode rank = ranking.get(i);
            assertThat(rank.propertyNames())
                    .containsExactlyInAnyOrder("rank", "label", "finalLoss", "iterations", "status");
            assertThat(rank.get("rank").intValue()).isEqualTo(i + 1);
            JsonNode result = byLabel(results, rank.get("label").stringValue());
            assertThat(rank.get("finalLoss")).isEqualTo(result.get("finalLoss"));
            assertThat(rank.get("iterations")).isEqualTo(result.get("iterations"));
            assertThat(rank.get("status")).isEqualTo(result.get("status"));
        }
        assertThat(ranking.get(0).get("finalLoss").doubleValue())
                .isLessThanOrEqualTo(ranking.get(1).get("finalLoss").doubleValue());
        assertThat(ranking.get(2).get("label").stringValue())
                .as("diverged last")
                .isEqualTo("SGD lr=1");
        assertThat(ranking.get(2).get("finalLoss").isNull()).isTrue();
    }

    @Test
    void defaultLabelsAreTheNamesAndRepeatsAreNumbered() {
        JsonNode body = json(post("/api/v1/comparisons", """
                {"objective": {"name": "sphere"},
                 "optimizers": [{"name": "adam"}, {"name": "adam", "learningRate": 0.1}, {"name": "sgd"},
                                {"name": "adam", "beta1": 0.5}, {"name": "sgd", "label": "sgd"}],
                 "iterations": 10}"""));

        assertThat(labels(body.get("results"))).containsExactly("adam", "adam #2", "sgd", "adam #3", "sgd #2");
        assertThat(labels(body.get("ranking")))
                .containsExactlyInAnyOrder("adam", "adam #2", "sgd", "adam #3", "sgd #2");
        assertThat(body.get("results").get(1).get("resolved").get("optimizer").has("label"))
                .as("the label is not an optimizer parameter")
                .isFalse();
    }

    @Test
    void sixteenOptimizersAreAllowedAndSeventeenAreNot() {
        assertThat(post("/api/v1/comparisons", comparisonOf(16))).hasStatusOk();

        JsonNode problem = problem(post("/api/v1/comparisons", comparisonOf(17)), HttpStatus.BAD_REQUEST);

        assertThat(problem.get("type").stringValue()).isEqualTo(VALIDATION);
        assertThat(fields(problem)).containsExactly("optimizers");
    }

    @Test
    void emptyOptimizerListIsRejected() {
        JsonNode problem = problem(
                post("/api/v1/comparisons", "{\"objective\": {\"name\": \"sphere\"}, \"optimizers\": []}"),
                HttpStatus.BAD_REQUEST);

        assertThat(fields(problem)).containsExactly("optimizers");
    }

    @Test
    void unknownPropertyInsideAnOptimizerSpecNamesItsPosition() {
        JsonNode problem = problem(post("/api/v1/comparisons", """
                        {"objective": {"name": "rosenbrock"},
                         "optimizers": [{"name": "adam"}, {"name": "sgd", "momentun": 0.9}]}"""), HttpStatus.BAD_REQUEST);

        assertThat(fields(problem)).containsExactly("optimizers[1].momentun");
        assertThat(message(problem, "optimizers[1].momentun")).contains("momentum");
    }

    @Test
    void unknownTopLevelPropertyOfAComparisonIsRejected() {
        JsonNode problem = problem(post("/api/v1/comparisons", """
                        {"objective": {"name": "rosenbrock"}, "optimizers": [{"name": "adam"}], "optimiser": 1}"""), HttpStatus.BAD_REQUEST);

        assertThat(fields(problem)).containsExactly("optimiser");
    }

    @Test
    void tuningReportsWhatItChoseForEachOptimizer() {
        JsonNode body = json(post("/api/v1/comparisons", """
                {"objective": {"name": "rosenbrock"},
                 "optimizers": [{"name": "adam"}, {"name": "sgd"}],
                 "iterations": 100,
                 "tune": {"parameters": {"learningRate": {"min": 1e-4, "max": 0.1, "scale": "log"}}, "trials": 5}}"""));

        for (JsonNode result : body.get("results")) {
            JsonNode tuning = result.get("tuning");
            assertThat(tuning.get("trials").intValue()).isEqualTo(5);
            double chosen = tuning.get("chosen").get("learningRate").doubleValue();
            assertThat(chosen).isBetween(1e-4, 0.1);
            assertThat(result.get("resolved")
                            .get("optimizer")
                            .get("learningRate")
                            .doubleValue())
                    .isEqualTo(chosen);
            assertThat(tuning.get("bestTrialLoss")).isEqualTo(result.get("finalLoss"));
            assertThat(tuning.get("bestTrialStatus")).isEqualTo(result.get("status"));
        }
    }

    @Test
    void tuningWithAnUnknownMetricIsRejected() {
        JsonNode problem = problem(post("/api/v1/comparisons", """
                        {"objective": {"name": "rosenbrock"}, "optimizers": [{"name": "adam"}],
                         "tune": {"parameters": {"learningRate": {"min": 1e-4, "max": 0.1}},
                                  "metric": "validationAccuracy"}}"""), HttpStatus.BAD_REQUEST);

        assertThat(fields(problem)).containsExactly("tune.metric");
        assertThat(message(problem, "tune.metric")).contains("finalLoss");
    }

    // ---- sweeps --------------------------------------------------------------------------------

    @Test
    void gridSweepAnswersTrialsBestFirstTheGridAndTheBestFullRun() {
        JsonNode body = json(post("/api/v1/sweeps", """
                {"objective": {"name": "rosenbrock"}, "optimizer": {"name": "sgd"}, "iterations": 100,
                 "search": {"grid": {"learningRate": [0.0001, 0.001, 1], "momentum": [0, 0.9]}}}"""));

        JsonNode trials = body.get("trials");
        assertThat(trials).hasSize(6);
        for (JsonNode trial : trials) {
            assertThat(trial.propertyNames())
                    .contains("parameters", "finalLoss", "status", "iterations", "computeNanos");
            assertThat(trial.get("parameters").propertyNames()).containsExactlyInAnyOrder("learningRate", "momentum");
        }
        List<Double> finite = new ArrayList<>();
        trials.forEach(t -> {
            if (!t.get("finalLoss").isNull()) {
                finite.add(t.get("finalLoss").doubleValue());
            }
        });
        assertThat(finite).isSorted().hasSizeBetween(1, 5);
        assertThat(trials.get(5).get("status").stringValue()).isEqualTo("diverged");
        assertThat(trials.get(5).get("finalLoss").isNull()).isTrue();

        JsonNode grid = body.get("grid");
        assertThat(grid.get("axes").get(0).get("parameter").stringValue()).isEqualTo("learningRate");
        assertThat(grid.get("axes").get(1).get("parameter").stringValue()).isEqualTo("momentum");
        assertThat(grid.get("axes").get(0).get("values")).hasSize(3);
        assertThat(ints(grid.get("shape"))).containsExactly(3, 2);
        JsonNode losses = grid.get("finalLosses");
        assertThat(losses).hasSize(6);
        JsonNode matrix = grid.get("matrix");
        assertThat(matrix).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(matrix.get(i)).hasSize(2);
            for (int j = 0; j < 2; j++) {
                assertThat(matrix.get(i).get(j)).as("matrix[%d][%d]", i, j).isEqualTo(losses.get(i * 2 + j));
                // The grid is row-major, first axis slowest: entry (i, j) is that combination's trial.
                JsonNode trial = trialWith(
                        trials,
                        grid.get("axes").get(0).get("values").get(i),
                        grid.get("axes").get(1).get("values").get(j));
                assertThat(trial.get("finalLoss")).isEqualTo(losses.get(i * 2 + j));
            }
        }
        assertThat(losses.get(4).isNull()).as("lr = 1 diverges").isTrue();

        JsonNode best = body.get("best");
        assertThat(best.get("parameters")).isEqualTo(trials.get(0).get("parameters"));
        assertThat(best.get("finalLoss")).isEqualTo(trials.get(0).get("finalLoss"));
        JsonNode run = best.get("run");
        assertThat(run.propertyNames()).contains("id", "status", "finalPoint", "path", "timing", "resolved");
        assertThat(run.get("path").get("iterations")).as("recorded in full").hasSize(101);
        assertThat(run.get("finalLoss")).isEqualTo(best.get("finalLoss"));
        assertThat(run.get("resolved").get("optimizer").get("learningRate"))
                .isEqualTo(best.get("parameters").get("learningRate"));
        assertThat(body.get("rungs").intValue()).isEqualTo(1);
    }

    @Test
    void oneAxisGridHasNoMatrix() {
        JsonNode body = json(post("/api/v1/sweeps", """
                {"objective": {"name": "sphere"}, "optimizer": {"name": "sgd"}, "iterations": 20,
                 "search": {"grid": {"learningRate": [0.01, 0.1, 0.3]}}}"""));

        assertThat(ints(body.get("grid").get("shape"))).containsExactly(3);
        assertThat(body.get("grid").get("finalLosses")).hasSize(3);
        assertThat(isAbsentOrNull(body.get("grid"), "matrix")).isTrue();
    }

    @Test
    void randomSweepIsReproducibleAndHasNoGrid() {
        String request = """
                {"objective": {"name": "rosenbrock"}, "optimizer": {"name": "adam"}, "iterations": 100, "seed": 9,
                 "search": {"random": {"trials": 8,
                            "ranges": {"learningRate": {"min": 1e-4, "max": 1, "scale": "log"},
                                       "beta1": {"min": 0.5, "max": 0.99}}}}}""";

        JsonNode first = json(post("/api/v1/sweeps", request));
        JsonNode second = json(post("/api/v1/sweeps", request));

        assertThat(first.get("trials")).hasSize(8);
        assertThat(isAbsentOrNull(first, "grid")).isTrue();
        assertThat(withoutTiming(second.get("trials"))).isEqualTo(withoutTiming(first.get("trials")));
        for (JsonNode trial : first.get("trials")) {
            assertThat(trial.get("parameters").get("learningRate").doubleValue())
                    .isBetween(1e-4, 1.0);
            assertThat(trial.get("parameters").get("beta1").doubleValue()).isBetween(0.5, 0.99);
        }
    }

    @Test
    void halvingSweepReportsItsRungsAndBudgets() {
        JsonNode body = json(post("/api/v1/sweeps", """
                {"objective": {"name": "rosenbrock"}, "optimizer": {"name": "adam"}, "iterations": 90,
                 "search": {"halving": {"trials": 9, "minIterations": 10, "reduction": 3,
                            "ranges": {"learningRate": {"min": 1e-4, "max": 1, "scale": "log"}}}}}"""));

        assertThat(body.get("rungs").intValue()).isEqualTo(3);
        Map<Integer, Long> perBudget = new java.util.TreeMap<>();
        body.get("trials").forEach(t -> perBudget.merge(t.get("budget").intValue(), 1L, Long::sum));
        assertThat(perBudget).containsExactly(Map.entry(10, 6L), Map.entry(30, 2L), Map.entry(90, 1L));
        assertThat(body.get("trials").get(0).get("budget").intValue()).isEqualTo(90);
        assertThat(body.get("best").get("run").get("iterations").intValue()).isLessThanOrEqualTo(90);
    }

    @Test
    void scheduleParameterCanBeSwept() {
        JsonNode body = json(post("/api/v1/sweeps", """
                {"objective": {"name": "rosenbrock"}, "optimizer": {"name": "adam", "learningRate": 0.05},
                 "schedule": {"name": "warmup_cosine", "warmupSteps": 10}, "iterations": 100,
                 "search": {"grid": {"schedule.warmupSteps": [5, 50]}}}"""));

        JsonNode best = body.get("best");
        assertThat(best.get("run").get("resolved").get("schedule").get("warmupSteps"))
                .isEqualTo(best.get("parameters").get("schedule.warmupSteps"));
        assertThat(body.get("trials")).hasSize(2);
    }

    @Test
    void searchMustGiveExactlyOneMethod() {
        String both = """
                {"objective": {"name": "rosenbrock"}, "optimizer": {"name": "adam"},
                 "search": {"grid": {"learningRate": [0.1]},
                            "random": {"trials": 2, "ranges": {"learningRate": {"min": 0.1, "max": 1}}}}}""";
        String none = """
                {"objective": {"name": "rosenbrock"}, "optimizer": {"name": "adam"}, "search": {}}""";

        for (String body : List.of(both, none)) {
            JsonNode problem = problem(post("/api/v1/sweeps", body), HttpStatus.BAD_REQUEST);
            assertThat(fields(problem)).containsExactly("search");
            assertThat(message(problem, "search")).contains("grid", "random", "halving");
        }
    }

    @Test
    void missingSearchIsRequired() {
        JsonNode problem = problem(
                post(
                        "/api/v1/sweeps",
                        "{\"objective\": {\"name\": \"rosenbrock\"}, \"optimizer\": {\"name\": \"adam\"}}"),
                HttpStatus.BAD_REQUEST);

        assertThat(fields(problem)).containsExactly("search");
    }

    @Test
    void nonExistentGridParameterNamesTheFieldAndTheTrial() {
        JsonNode problem = problem(post("/api/v1/sweeps", """
                        {"objective": {"name": "rosenbrock"}, "optimizer": {"name": "adam"},
                         "search": {"grid": {"beta9": [0.5, 0.6]}}}"""), HttpStatus.BAD_REQUEST);

        assertThat(problem.get("type").stringValue()).isEqualTo(VALIDATION);
        List<String> fields = fields(problem);
        assertThat(fields).isNotEmpty().allSatisfy(field -> assertThat(field).contains("beta9"));
        assertThat(message(problem, fields.get(0))).contains("trial").contains("beta1");
    }

    @Test
    void gridOverTheTrialLimitNamesTheLimit() {
        String values = IntStream.range(0, 101)
                .mapToObj(i -> Double.toString(0.001 * (i + 1)))
                .collect(Collectors.joining(", "));
        String betas = IntStream.range(0, 100)
                .mapToObj(i -> Double.toString(0.005 * i))
                .collect(Collectors.joining(", "));
        JsonNode problem = problem(post("/api/v1/sweeps", """
                        {"objective": {"name": "rosenbrock"}, "optimizer": {"name": "adam"},
                         "search": {"grid": {"learningRate": [%s], "beta1": [%s]}}}""".formatted(values, betas)), HttpStatus.BAD_REQUEST);

        assertThat(problem.get("type").stringValue()).isEqualTo(LIMIT_EXCEEDED);
        assertThat(fields(problem)).containsExactly("search.grid");
        assertThat(problem.get("limit").stringValue()).isEqualTo("optlab.limits.max-trials");
        assertThat(problem.get("limitValue").intValue()).isEqualTo(10_000);
    }

    // ---- landscapes ----------------------------------------------------------------------------

    @Test
    void landscapeDefaultsToTheCatalogDomainAndResolution100() {
        JsonNode body = json(post("/api/v1/landscapes", "{\"objective\": {\"name\": \"rosenbrock\"}}"));
        Domain domain = objective(Map.of("name", "rosenbrock")).domain();

        double[] x = doubles(body.get("x"));
        double[] y = doubles(body.get("y"));
        assertThat(x).hasSize(100);
        assertThat(y).hasSize(100);
        assertThat(x[0]).isEqualTo(domain.xMin());
        assertThat(x[99]).isEqualTo(domain.xMax());
        assertThat(y[0]).isEqualTo(domain.yMin());
        assertThat(y[99]).isEqualTo(domain.yMax());
        assertThat(body.get("values")).hasSize(100);
        body.get("values").forEach(row -> assertThat(row).hasSize(100));
        assertThat(body.get("objective").get("b").doubleValue()).isEqualTo(100.0);
        assertThat(body.get("min").doubleValue())
                .isLessThanOrEqualTo(body.get("max").doubleValue());
    }

    @Test
    void landscapeValuesFollowYInRowsAndXInColumns() {
        JsonNode body = json(post("/api/v1/landscapes", """
                {"objective": {"name": "himmelblau"}, "bounds": {"xMin": -4, "xMax": 2, "yMin": -1, "yMax": 5},
                 "resolution": 4}"""));
        Objective himmelblau = objective(Map.of("name", "himmelblau"));

        double[] x = doubles(body.get("x"));
        double[] y = doubles(body.get("y"));
        assertThat(x).containsExactly(-4, -2, 0, 2);
        assertThat(y).containsExactly(-1, 1, 3, 5);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < 4; j++) {
            for (int i = 0; i < 4; i++) {
                double expected = himmelblau.value(new double[] {x[i], y[j]});
                assertThat(body.get("values").get(j).get(i).doubleValue())
                        .as("values[%d][%d]", j, i)
                        .isEqualTo(expected);
                min = Math.min(min, expected);
                max = Math.max(max, expected);
            }
        }
        assertThat(body.get("min").doubleValue()).isEqualTo(min);
        assertThat(body.get("max").doubleValue()).isEqualTo(max);
    }

    @Test
    void sliceOfAHigherDimensionalObjective() {
        JsonNode body = json(post("/api/v1/landscapes", """
                {"objective": {"name": "rosenbrock", "dimension": 4}, "resolution": 3,
                 "bounds": {"xMin": -1, "xMax": 1, "yMin": 0, "yMax": 2},
                 "slice": {"point": [0.5, -0.3, 0.7, 1.1], "axes": [1, 3]}}"""));
        Objective rosenbrock = objective(Map.of("name", "rosenbrock", "dimension", 4));

        assertThat(body.get("values").get(2).get(0).doubleValue())
                .isEqualTo(rosenbrock.value(new double[] {0.5, -1, 0.7, 2}));
    }

    @Test
    void resolutionAboveTheLimitNamesTheFieldAndTheProperty() {
        JsonNode problem = problem(
                post("/api/v1/landscapes", "{\"objective\": {\"name\": \"booth\"}, \"resolution\": 501}"),
                HttpStatus.BAD_REQUEST);

        assertThat(problem.get("type").stringValue()).isEqualTo(LIMIT_EXCEEDED);
        assertThat(fields(problem)).containsExactly("resolution");
        assertThat(problem.get("detail").stringValue()).contains("optlab.limits.max-landscape-resolution", "500");
        assertThat(problem.get("limit").stringValue()).isEqualTo("optlab.limits.max-landscape-resolution");
        assertThat(problem.get("limitValue").intValue()).isEqualTo(500);
    }

    @Test
    void resolutionBelowTwoIsRejected() {
        JsonNode problem = problem(
                post("/api/v1/landscapes", "{\"objective\": {\"name\": \"booth\"}, \"resolution\": 1}"),
                HttpStatus.BAD_REQUEST);

        assertThat(fields(problem)).containsExactly("resolution");
    }

    @Test
    void oneDimensionalObjectiveHasNoLandscape() {
        JsonNode problem = problem(
                post("/api/v1/landscapes", "{\"objective\": {\"name\": \"sphere\", \"dimension\": 1}}"),
                HttpStatus.BAD_REQUEST);

        assertThat(problem.get("type").stringValue()).isEqualTo(VALIDATION);
        assertThat(fields(problem)).hasSize(1);
    }

    @Test
    void badSliceAxesAreRejected() {
        JsonNode problem = problem(post("/api/v1/landscapes", """
                        {"objective": {"name": "rosenbrock", "dimension": 3}, "slice": {"axes": [0, 3]}}"""), HttpStatus.BAD_REQUEST);

        assertThat(fields(problem)).containsExactly("slice.axes");
    }

    @Test
    void emptyBoundsAreRejected() {
        JsonNode problem = problem(post("/api/v1/landscapes", """
                        {"objective": {"name": "booth"}, "bounds": {"xMin": 1, "xMax": 1, "yMin": 0, "yMax": 2}}"""), HttpStatus.BAD_REQUEST);

        assertThat(fields(problem)).containsExactly("bounds");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static String comparisonOf(int optimizers) {
        String specs = IntStream.range(0, optimizers)
                .mapToObj(i -> "{\"name\": \"sgd\", \"learningRate\": " + (0.001 * (i + 1)) + "}")
                .collect(Collectors.joining(", "));
        return "{\"objective\": {\"name\": \"sphere\"}, \"iterations\": 5, \"optimizers\": [" + specs + "]}";
    }

    private static Objective objective(Map<String, Object> spec) {
        return RunPlan.objective(spec, Limits.defaults()).objective();
    }

    private MvcTestResult post(String uri, String body) {
        return mvc.post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private static JsonNode json(MvcTestResult result) {
        assertThat(result).hasStatus(HttpStatus.OK).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        return STRICT.readTree(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
    }

    /** Asserts an RFC 9457 problem with the given status and returns its body. */
    private static JsonNode problem(MvcTestResult result, HttpStatus status) {
        assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem =
                STRICT.readTree(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
        assertThat(problem.get("type").stringValue()).isNotBlank().isNotEqualTo("about:blank");
        assertThat(problem.get("title").stringValue()).isNotBlank();
        assertThat(problem.get("status").intValue()).isEqualTo(status.value());
        assertThat(problem.get("detail").stringValue()).isNotBlank().doesNotContain("Exception");
        return problem;
    }

    private static List<String> fields(JsonNode problem) {
        assertThat(problem.get("errors")).as("errors[] of %s", problem).isNotNull();
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").stringValue()));
        return fields;
    }

    private static String message(JsonNode problem, String field) {
        for (JsonNode error : problem.get("errors")) {
            if (field.equals(error.get("field").stringValue())) {
                return error.get("message").stringValue();
            }
        }
        throw new AssertionError("no error for field " + field + " in " + problem);
    }

    private static List<String> labels(JsonNode array) {
        List<String> labels = new ArrayList<>();
        array.forEach(node -> labels.add(node.get("label").stringValue()));
        return labels;
    }

    private static JsonNode byLabel(JsonNode results, String label) {
        for (JsonNode result : results) {
            if (label.equals(result.get("label").stringValue())) {
                return result;
            }
        }
        throw new AssertionError("no result labelled " + label);
    }

    private static JsonNode trialWith(JsonNode trials, JsonNode learningRate, JsonNode momentum) {
        for (JsonNode trial : trials) {
            JsonNode parameters = trial.get("parameters");
            if (parameters.get("learningRate").equals(learningRate)
                    && parameters.get("momentum").equals(momentum)) {
                return trial;
            }
        }
        throw new AssertionError("no trial with learningRate " + learningRate + " and momentum " + momentum);
    }

    private static boolean isAbsentOrNull(JsonNode node, String property) {
        return !node.has(property) || node.get(property).isNull();
    }

    private static JsonNode withoutTiming(JsonNode trials) {
        tools.jackson.databind.node.ArrayNode copy = (tools.jackson.databind.node.ArrayNode) trials.deepCopy();
        copy.forEach(trial -> ((tools.jackson.databind.node.ObjectNode) trial).remove("computeNanos"));
        return copy;
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).doubleValue();
        }
        return values;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(node -> values.add(node.intValue()));
        return values;
    }
}
