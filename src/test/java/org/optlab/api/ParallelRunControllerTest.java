package org.optlab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
 * Data-parallel runs through {@code POST /api/v1/runs} and {@code /comparisons}: the README's
 * requests as pasted, the {@code parallel} summary and echo, and a 400 naming every bad field.
 */
@WebMvcTest(controllers = {RunController.class, StudyController.class})
@Import(WebSliceConfiguration.class)
class ParallelRunControllerTest {

    private static final JsonMapper STRICT = JsonMapper.builder().build();

    /** The README's requests, character for character. */
    static final String SYNCHRONOUS = """
            {
              "objective": {"name": "mlp_classifier", "dataset": {"generated": {"kind": "moons", "samples": 500, "noise": 0.3}},
                            "width": 16, "batchSize": 16},
              "optimizer": {"name": "sgd", "learningRate": 0.1, "momentum": 0.9},
              "iterations": 1000,
              "parallel": {"workers": 4, "mode": "synchronous"}
            }""";

    static final String ASYNCHRONOUS = """
            {
              "objective": {"name": "mlp_classifier", "dataset": {"generated": {"kind": "moons", "samples": 500, "noise": 0.3}},
                            "width": 16, "batchSize": 16},
              "optimizer": {"name": "sgd", "learningRate": 0.1, "momentum": 0.9},
              "iterations": 4000,
              "parallel": {"workers": 8, "mode": "asynchronous", "staleness": {"max": 7, "distribution": "uniform"}}
            }""";

    static final String MOMENTS = """
            {
              "objective": {"name": "softmax_regression", "dataset": {"builtin": "digits"}, "batchSize": 16},
              "optimizers": [
                {"name": "adam", "learningRate": 0.01, "label": "global Adam",
                 "parallel": {"workers": 8, "optimizerState": "global"}},
                {"name": "adam", "learningRate": 0.01, "label": "local Adam, sync every step",
                 "parallel": {"workers": 8, "optimizerState": "local", "syncEvery": 1}},
                {"name": "adam", "learningRate": 0.01, "label": "local Adam, sync every 32",
                 "parallel": {"workers": 8, "optimizerState": "local", "syncEvery": 32}},
                {"name": "sgd", "learningRate": 0.1, "label": "global SGD",
                 "parallel": {"workers": 8, "optimizerState": "global"}},
                {"name": "sgd", "learningRate": 0.1, "label": "local SGD, sync every step",
                 "parallel": {"workers": 8, "optimizerState": "local", "syncEvery": 1}}
              ],
              "iterations": 500,
              "seed": 1
            }""";

    @Autowired
    private MockMvcTester mvc;

    @Test
    void aSynchronousRunReportsItsWorkers() {
        JsonNode run = ok(post("/api/v1/runs", SYNCHRONOUS));
        JsonNode parallel = run.get("parallel");
        assertThat(parallel.get("workers").intValue()).isEqualTo(4);
        assertThat(parallel.get("mode").stringValue()).isEqualTo("synchronous");
        assertThat(parallel.get("optimizerState").stringValue()).isEqualTo("global");
        assertThat(parallel.get("effectiveBatchSize").intValue()).isEqualTo(64);
        assertThat(parallel.get("perWorker")).hasSize(4);
        int samples = 0;
        for (JsonNode worker : parallel.get("perWorker")) {
            samples += worker.get("shardSize").intValue();
            assertThat(worker.get("updatesApplied").longValue()).isEqualTo(1000);
        }
        assertThat(samples).isEqualTo(run.get("training").get("trainingSamples").intValue());
        assertThat(parallel.get("deterministic").booleanValue()).isTrue();
        assertThat(parallel.get("execution").stringValue()).isEqualTo("simulated-sequential");
        assertThat(run.get("resolved").get("parallel").get("optimizerState").stringValue())
                .isEqualTo("global");
        assertThat(run.get("training").get("finalValidationAccuracy").doubleValue())
                .isGreaterThan(0.8);
    }

    @Test
    void anAsynchronousRunReportsTheStalenessSeen() {
        JsonNode run = ok(post("/api/v1/runs", ASYNCHRONOUS));
        JsonNode staleness = run.get("parallel").get("staleness");
        assertThat(staleness.get("histogram")).hasSize(8);
        assertThat(staleness.get("max").intValue()).isEqualTo(7);
        assertThat(staleness.get("mean").doubleValue()).isBetween(3.2, 3.8);
        assertThat(run.get("parallel").get("effectiveBatchSize").intValue()).isEqualTo(16);
        assertThat(run.get("resolved")
                        .get("parallel")
                        .get("staleness")
                        .get("distribution")
                        .stringValue())
                .isEqualTo("uniform");
    }

    @Test
    void localAdamIsNotGlobalAdamWhileLocalSgdIsGlobalSgd() {
        JsonNode comparison = ok(post("/api/v1/comparisons", MOMENTS));
        Map<String, Double> losses = new HashMap<>();
        comparison
                .get("ranking")
                .forEach(row -> losses.put(
                        row.get("label").stringValue(), row.get("finalLoss").doubleValue()));
        assertThat(losses.get("local SGD, sync every step"))
                .isCloseTo(losses.get("global SGD"), org.assertj.core.data.Offset.offset(1e-9));
        // Averaging the parameters every step does not average Adam's moments: a different run.
        assertThat(losses.get("local Adam, sync every step")).isGreaterThan(1.5 * losses.get("global Adam"));
        assertThat(comparison.get("results").get(2).get("parallel").get("syncs").intValue())
                .isEqualTo(500 / 32);
    }

    @Test
    void aPlainRunHasNoParallelField() {
        JsonNode run = ok(post(
                "/api/v1/runs",
                SYNCHRONOUS.replace(",\n  \"parallel\": {\"workers\": 4, \"mode\": \"synchronous\"}", "")));
        assertThat(run.has("parallel")).isFalse();
        assertThat(run.get("resolved").has("parallel")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"workers\": 0}|parallel.workers",
                "{\"workers\": 65}|parallel.workers",
                "{\"workers\": \"many\"}|parallel.workers",
                "{\"mode\": \"hogwild\"}|parallel.mode",
                "{\"optimizerState\": \"local\", \"syncEvery\": 0}|parallel.syncEvery",
                "{\"syncEvery\": 4}|parallel.syncEvery",
                "{\"staleness\": {\"max\": 2}}|parallel.staleness",
                "{\"mode\": \"asynchronous\", \"staleness\": {\"max\": -1}}|parallel.staleness.max",
                "{\"mode\": \"asynchronous\", \"staleness\": {\"distribution\": \"normal\"}}"
                        + "|parallel.staleness.distribution",
                "{\"threads\": true}|parallel.threads",
            })
    void badFieldsAreA400NamingThem(String block, String field) {
        String body = SYNCHRONOUS.replace("{\"workers\": 4, \"mode\": \"synchronous\"}", block);
        assertThat(firstField(post("/api/v1/runs", body))).isEqualTo(field);
    }

    @Test
    void objectivesNotOverDataRefuseTheBlock() {
        String body = """
                {"objective": {"name": "rosenbrock"}, "optimizer": {"name": "sgd", "learningRate": 0.001},
                 "parallel": {"workers": 2}}""";
        assertThat(firstField(post("/api/v1/runs", body))).isEqualTo("parallel");
    }

    @Test
    void aContendersOwnBlockIsCheckedToo() {
        String body = MOMENTS.replace("\"syncEvery\": 32}", "\"syncEvery\": 32, \"every\": 3}");
        assertThat(firstField(post("/api/v1/comparisons", body))).isEqualTo("optimizers[2].parallel.every");
    }

    private String firstField(MvcTestResult result) {
        assertThat(result)
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem =
                STRICT.readTree(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
        return problem.get("errors").get(0).get("field").stringValue();
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
}
