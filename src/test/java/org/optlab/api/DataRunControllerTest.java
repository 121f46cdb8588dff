package org.optlab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
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
 * Runs over data through {@code POST /api/v1/runs} and {@code /comparisons}: the README's requests
 * (one per model, every data source) as pasted, the fields a run over data adds, and a 400 naming
 * the field for every kind of bad data.
 */
@WebMvcTest(controllers = {RunController.class, StudyController.class})
@Import(WebSliceConfiguration.class)
class DataRunControllerTest {

    private static final JsonMapper STRICT = JsonMapper.builder().build();

    /** The README's requests, character for character. */
    static final String LINEAR_GENERATED = """
            {
              "objective": {"name": "linear_regression",
                            "dataset": {"generated": {"kind": "linear", "samples": 500, "features": 10, "noise": 0.5}},
                            "batchSize": 32},
              "optimizer": {"name": "sgd", "learningRate": 0.05, "momentum": 0.9},
              "iterations": 2000
            }""";

    static final String LOGISTIC_INLINE = """
            {
              "objective": {"name": "logistic_regression", "validationFraction": 0,
                            "dataset": {"inline": {"features": [[0.5, 1.2], [1.5, 0.3], [-0.7, -1.1], [-1.2, 0.2], [2.0, 1.0], [-0.3, -2.0]],
                                                   "targets": [1, 1, 0, 0, 1, 0]}}},
              "optimizer": {"name": "adam", "learningRate": 0.1},
              "iterations": 200
            }""";

    static final String SOFTMAX_IRIS = """
            {
              "objective": {"name": "softmax_regression", "dataset": {"builtin": "iris"}, "batchSize": 16, "l2": 0.001},
              "optimizer": {"name": "adamw", "learningRate": 0.01},
              "iterations": 1000,
              "seed": 1
            }""";

    static final String MLP_DIGITS = """
            {
              "objective": {"name": "mlp_classifier", "dataset": {"builtin": "digits"},
                            "width": 32, "activation": "relu", "batchSize": 32},
              "optimizer": {"name": "adam", "learningRate": 0.003},
              "iterations": 3000,
              "record": {"every": 100}
            }""";

    static final String MOONS_COMPARISON = """
            {
              "objective": {"name": "mlp_classifier", "dataset": {"generated": {"kind": "moons", "samples": 500, "noise": 0.3}},
                            "width": 16, "batchSize": 32},
              "optimizers": [
                {"name": "adam", "learningRate": 0.01, "label": "Adam"},
                {"name": "sgd", "learningRate": 0.1, "momentum": 0.9, "label": "SGD+momentum"},
                {"name": "switch", "first": {"name": "adam", "learningRate": 0.01},
                 "then": {"name": "sgd", "learningRate": 0.1, "momentum": 0.9}, "atIteration": 500, "label": "Adam→SGD"}
              ],
              "iterations": 2000,
              "record": {"every": 100}
            }""";

    @Autowired
    private MockMvcTester mvc;

    @Test
    void linearRegressionOnGeneratedData() {
        JsonNode run = ok(post("/api/v1/runs", LINEAR_GENERATED));
        assertThat(run.get("status").stringValue()).isEqualTo("max_iterations");
        assertThat(run.get("finalPoint")).hasSize(11);
        JsonNode training = run.get("training");
        assertThat(training.get("trainingSamples").intValue()).isEqualTo(400);
        assertThat(training.get("validationSamples").intValue()).isEqualTo(100);
        assertThat(training.get("batchSize").intValue()).isEqualTo(32);
        assertThat(training.get("epochs").doubleValue()).isEqualTo(2000 / 13.0);
        assertThat(training.get("finalTrainAccuracy").isNull()).isTrue();
        assertThat(training.get("finalValidationLoss").doubleValue()).isLessThan(0.5);
        JsonNode path = run.get("path");
        assertThat(path.has("validationLosses")).isTrue();
        assertThat(path.has("trainAccuracies"))
                .as("regression has no accuracies")
                .isFalse();
        assertThat(run.get("optimum").get("points").get(0)).hasSize(11);
        assertThat(run.get("distanceToOptimum").doubleValue()).isLessThan(0.5); // constant-rate SGD hovers around it
        JsonNode resolved = run.get("resolved").get("objective");
        assertThat(resolved.get("dataset").get("generated").get("seed").longValue())
                .isZero();
        assertThat(resolved.get("standardize").booleanValue()).isTrue();
        assertThat(resolved.get("validationFraction").doubleValue()).isEqualTo(0.2);
        assertThat(run.get("resolved").get("record").get("every").intValue()).isEqualTo(20);
    }

    @Test
    void logisticRegressionOnInlineData() {
        JsonNode run = ok(post("/api/v1/runs", LOGISTIC_INLINE));
        JsonNode training = run.get("training");
        assertThat(training.get("trainingSamples").intValue()).isEqualTo(6);
        assertThat(training.get("validationSamples").intValue()).isZero();
        assertThat(training.get("finalTrainAccuracy").doubleValue()).isEqualTo(1.0);
        assertThat(training.get("finalValidationAccuracy").isNull()).isTrue();
        assertThat(run.get("path").get("validationLosses").get(0).isNull()).isTrue();
        assertThat(run.get("finalLoss").doubleValue()).isLessThan(0.1);
        assertThat(run.get("finalCurvature").get("eigenvalues")).hasSize(3);
    }

    @Test
    void softmaxRegressionOnIris() {
        JsonNode run = ok(post("/api/v1/runs", SOFTMAX_IRIS));
        assertThat(run.get("finalPoint")).hasSize(15);
        assertThat(run.get("training").get("finalValidationAccuracy").doubleValue())
                .isGreaterThan(0.85);
        assertThat(run.get("resolved").get("objective").get("seed").longValue()).isEqualTo(1);
        JsonNode path = run.get("path");
        int size = path.get("iterations").size();
        for (String series : List.of("validationLosses", "trainAccuracies", "validationAccuracies")) {
            assertThat(path.get(series)).as(series).hasSize(size);
        }
    }

    @Test
    void mlpOnDigitsAndTheSameNumbersTwice() {
        JsonNode run = ok(post("/api/v1/runs", MLP_DIGITS));
        assertThat(run.get("finalPoint")).hasSize(2410);
        assertThat(run.get("path").get("iterations")).hasSize(31);
        assertThat(run.get("training").get("finalValidationAccuracy").doubleValue())
                .isGreaterThan(0.9);
        assertThat(run.get("resolved").get("objective").get("initialization").stringValue())
                .isEqualTo("he");
        JsonNode again = ok(post("/api/v1/runs", MLP_DIGITS));
        assertThat(again.get("path")).isEqualTo(run.get("path"));
        assertThat(again.get("training")).isEqualTo(run.get("training"));
    }

    @Test
    void aComparisonOfOptimizersOnMoons() {
        JsonNode comparison = ok(post("/api/v1/comparisons", MOONS_COMPARISON));
        assertThat(comparison.get("results")).hasSize(3);
        for (JsonNode rank : comparison.get("ranking")) {
            assertThat(rank.get("finalValidationAccuracy").doubleValue()).isBetween(0.8, 1.0);
            assertThat(rank.get("finalValidationLoss").isNumber()).isTrue();
        }
        JsonNode switched = comparison.get("results").get(2);
        assertThat(switched.get("phases")).hasSize(2);
        assertThat(switched.get("training").get("epochs").doubleValue()).isEqualTo(2000 / 13.0);
    }

    @Test
    void otherObjectivesAnswerWithoutTheDataFields() {
        JsonNode run = ok(post(
                "/api/v1/runs", "{\"objective\": {\"name\": \"rosenbrock\"}, \"optimizer\": {\"name\": \"adam\"}}"));
        assertThat(run.has("training")).isFalse();
        assertThat(run.get("path").has("validationLosses")).isFalse();
        JsonNode comparison = ok(post(
                "/api/v1/comparisons",
                "{\"objective\": {\"name\": \"rosenbrock\"}, \"optimizers\": [{\"name\": \"adam\"}]}"));
        assertThat(comparison.get("ranking").get(0).has("finalValidationAccuracy"))
                .isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ragged rows          | {"inline": {"features": [[1, 2], [3], [4, 5]], "targets": [0, 1, 0]}}             | objective.dataset.inline.features[1]    | ragged
            non-finite value     | {"inline": {"features": [[1, 2], [3, 1e400], [4, 5]], "targets": [0, 1, 0]}}      | objective.dataset.inline.features[1][1] | finite
            a string for a value | {"inline": {"features": [[1, 2], [3, "4"], [4, 5]], "targets": [0, 1, 0]}}        | objective.dataset.inline.features[1][1] | number
            label out of range   | {"inline": {"features": [[1], [2], [3]], "targets": [0, 1, 2]}}                   | objective.dataset.inline.targets        | labels 0 and 1
            fractional label     | {"inline": {"features": [[1], [2], [3]], "targets": [0, 1, 0.5]}}                 | objective.dataset.inline.targets[2]     | class label
            empty set            | {"inline": {"features": [], "targets": []}}                                        | objective.dataset.inline.features       | empty
            mismatched lengths   | {"inline": {"features": [[1], [2], [3]], "targets": [0, 1]}}                      | objective.dataset.inline.targets        | one value per row
            missing targets      | {"inline": {"features": [[1], [2], [3]]}}                                         | objective.dataset.inline.targets        | required
            no source            | {}                                                                               | objective.dataset                       | exactly one
            unknown builtin      | {"builtin": "mnist"}                                                             | objective.dataset.builtin               | digits
            multiclass builtin   | {"builtin": "iris"}                                                              | objective.dataset.builtin               | binary
            unknown generator    | {"generated": {"kind": "moon"}}                                                   | objective.dataset.generated.kind        | moons
            misspelt field       | {"generated": {"kind": "moons", "sample": 50}}                                    | objective.dataset.generated.sample      | samples
            too many samples     | {"generated": {"kind": "moons", "samples": 1000000}}                              | objective.dataset.generated.samples     | 100000
            not an object        | [1, 2]                                                                           | objective.dataset                       | object
            """)
    void badDataIsA400NamingTheField(String description, String dataset, String field, String fragment) {
        String body = "{\"objective\": {\"name\": \"logistic_regression\", \"dataset\": " + dataset
                + "}, \"optimizer\": {\"name\": \"adam\"}, \"iterations\": 10}";
        JsonNode problem = problem(post("/api/v1/runs", body));
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").stringValue()));
        assertThat(fields).as(description).containsExactly(field);
        assertThat(problem.get("errors").get(0).get("message").stringValue())
                .as(description)
                .contains(fragment);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"batchSize\": 0",
                "\"batchSize\": 100000",
                "\"validationFraction\": 1",
                "\"l2\": -1",
                "\"width\": 0",
                "\"hiddenLayers\": 3",
                "\"activation\": \"sigmoid\""
            })
    void badModelSettingsAreA400NamingTheField(String setting) {
        String name = setting.substring(1, setting.indexOf('"', 1));
        String body = "{\"objective\": {\"name\": \"mlp_classifier\", " + setting
                + "}, \"optimizer\": {\"name\": \"adam\"}, \"iterations\": 10}";
        JsonNode problem = problem(post("/api/v1/runs", body));
        assertThat(problem.get("errors").get(0).get("field").stringValue()).isEqualTo("objective." + name);
    }

    private MvcTestResult post(String uri, String body) {
        return mvc.post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private static JsonNode ok(MvcTestResult result) {
        assertThat(result).hasStatus(HttpStatus.OK);
        return STRICT.readTree(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
    }

    private static JsonNode problem(MvcTestResult result) {
        assertThat(result)
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem =
                STRICT.readTree(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
        assertThat(problem.get("errors")).as("errors[] of %s", problem).isNotEmpty();
        return problem;
    }
}
