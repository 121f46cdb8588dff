package org.optlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * Pins the run endpoint's success contract ({@code POST /api/v1/runs}): every response field,
 * the defaults echoed in {@code resolved}, the path's recording rule, CSV, stopping statuses,
 * non-finite numbers as null, and reproducibility.
 */
@WebMvcTest(RunController.class)
@Import(WebSliceConfiguration.class)
class RunControllerTest {

    /** A parser that, like any strict client, rejects NaN and Infinity tokens. */
    private static final JsonMapper STRICT = JsonMapper.builder().build();

    private static final String MINIMAL = """
            {"objective": {"name": "rosenbrock"}, "optimizer": {"name": "adam"}}""";

    private static final String DIVERGING = """
            {"objective": {"name": "rosenbrock"}, "optimizer": {"name": "sgd", "learningRate": 1},
             "iterations": 50}""";

    private static final Pattern SERVER_TIMING = Pattern.compile("compute;dur=(\\d+(?:\\.\\d+)?)(;.*)?");

    @Autowired
    private MockMvcTester mvc;

    @Test
    void minimalRequestAnswersEveryContractField() {
        MvcTestResult result = post(MINIMAL);
        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        JsonNode run = json(result);

        assertThat(run.get("id").isString()).isTrue();
        assertThat(run.get("id").stringValue()).isNotBlank();
        assertThat(run.get("status").stringValue()).isEqualTo("max_iterations");
        assertThat(run.get("iterations").intValue()).isEqualTo(1000);

        double[] finalPoint = doubles(run.get("finalPoint"));
        assertThat(finalPoint).hasSize(2);
        assertThat(run.get("finalLoss").isNumber()).isTrue();
        assertThat(run.get("finalGradientNorm").isNumber()).isTrue();

        JsonNode optimum = run.get("optimum");
        assertThat(optimum.get("points")).hasSize(1);
        assertThat(doubles(optimum.get("points").get(0))).containsExactly(1.0, 1.0);
        assertThat(optimum.get("loss").doubleValue()).isEqualTo(0.0);
        double distance = Math.hypot(finalPoint[0] - 1, finalPoint[1] - 1);
        assertThat(run.get("distanceToOptimum").doubleValue()).isCloseTo(distance, within(1e-12));

        JsonNode path = run.get("path");
        assertThat(path.propertyNames())
                .containsExactlyInAnyOrder("iterations", "points", "losses", "gradientNorms", "learningRates");
        int size = path.get("iterations").size();
        assertThat(size).isEqualTo(1001);
        for (String series : List.of("points", "losses", "gradientNorms", "learningRates")) {
            assertThat(path.get(series)).as("path.%s", series).hasSize(size);
        }
        assertThat(path.get("iterations").get(0).intValue()).isZero();
        assertThat(path.get("iterations").get(size - 1).intValue()).isEqualTo(1000);
        assertThat(doubles(path.get("points").get(0))).containsExactly(-1.2, 1.0);
        assertThat(path.get("losses").get(0).doubleValue()).isCloseTo(24.2, within(1e-9));
        assertThat(doubles(path.get("points").get(size - 1))).containsExactly(finalPoint);
        assertThat(path.get("losses").get(size - 1).doubleValue())
                .isEqualTo(run.get("finalLoss").doubleValue());
        assertThat(path.get("gradientNorms").get(size - 1).doubleValue())
                .isEqualTo(run.get("finalGradientNorm").doubleValue());
        assertThat(doubles(path.get("learningRates"))).containsOnly(0.001);

        JsonNode timing = run.get("timing");
        long computeNanos = timing.get("computeNanos").longValue();
        assertThat(computeNanos).isPositive();
        assertThat(timing.get("nanosPerIteration").doubleValue()).isCloseTo(computeNanos / 1000.0, within(1e-6));
        assertThat(timing.get("gradientEvaluations").longValue()).isBetween(1000L, 1001L);

        JsonNode resolved = run.get("resolved");
        assertThat(resolved.get("objective").get("name").stringValue()).isEqualTo("rosenbrock");
        assertThat(resolved.get("objective").get("a").doubleValue()).isEqualTo(1.0);
        assertThat(resolved.get("objective").get("b").doubleValue()).isEqualTo(100.0);
        assertThat(resolved.get("objective").get("dimension").intValue()).isEqualTo(2);
        JsonNode optimizer = resolved.get("optimizer");
        assertThat(optimizer.get("name").stringValue()).isEqualTo("adam");
        assertThat(optimizer.get("learningRate").doubleValue()).isEqualTo(0.001);
        assertThat(optimizer.get("beta1").doubleValue()).isEqualTo(0.9);
        assertThat(optimizer.get("beta2").doubleValue()).isEqualTo(0.999);
        assertThat(optimizer.get("epsilon").doubleValue()).isEqualTo(1e-8);
        assertThat(optimizer.get("weightDecay").doubleValue()).isEqualTo(0.0);
        assertThat(optimizer.get("amsgrad").booleanValue()).isFalse();
        assertThat(resolved.get("schedule").get("name").stringValue()).isEqualTo("constant");
        assertThat(doubles(resolved.get("initialPoint"))).containsExactly(-1.2, 1.0);
        assertThat(resolved.get("iterations").intValue()).isEqualTo(1000);
        assertThat(resolved.get("record").get("every").intValue()).isEqualTo(1);
        assertThat(resolved.get("seed").longValue()).isZero();
        assertThat(resolved.get("stopping").get("timeLimitMillis").longValue()).isEqualTo(30_000L);
        assertThat(resolved.get("gradientNoise").get("stddev").doubleValue()).isEqualTo(0.0);
        assertThat(resolved.get("gradientNoise").get("decay").doubleValue()).isEqualTo(0.55);
    }

    @Test
    void contractExampleRequestIsAcceptedAndEchoed() {
        JsonNode run = json(post("""
                {
                  "objective":   {"name": "rosenbrock", "a": 1, "b": 100, "dimension": 2},
                  "optimizer":   {"name": "adam", "learningRate": 0.001, "beta1": 0.9, "beta2": 0.999},
                  "schedule":    {"name": "warmup_cosine", "warmupSteps": 100, "minLearningRate": 0.0},
                  "initialPoint": [-1.0, 1.0],
                  "iterations":  1000,
                  "stopping":    {"gradientNormBelow": 1e-8, "lossBelow": null, "timeLimitMillis": 10000},
                  "gradientClipNorm": null,
                  "gradientNoise": {"stddev": 0.0, "decay": 0.55},
                  "record":      {"every": 1},
                  "seed":        0
                }"""));

        assertThat(run.get("status").stringValue()).isEqualTo("max_iterations");
        assertThat(doubles(run.get("path").get("points").get(0))).containsExactly(-1.0, 1.0);
        assertThat(run.get("path").get("learningRates").get(0).doubleValue()).isCloseTo(1e-5, within(1e-20));
        JsonNode resolved = run.get("resolved");
        assertThat(resolved.get("schedule").get("warmupSteps").intValue()).isEqualTo(100);
        assertThat(resolved.get("stopping").get("timeLimitMillis").longValue()).isEqualTo(10_000L);
        assertThat(resolved.get("stopping").get("gradientNormBelow").doubleValue())
                .isEqualTo(1e-8);
        assertThat(resolved.get("stopping").get("lossBelow").isNull()).isTrue();
        assertThat(resolved.get("gradientClipNorm").isNull()).isTrue();
    }

    @Test
    void openApiExampleRequestIsAccepted() {
        JsonNode run = json(post(RunController.EXAMPLE));

        assertThat(run.get("status").stringValue()).isIn("max_iterations", "converged");
        assertThat(run.get("resolved").get("record").get("every").intValue()).isEqualTo(10);
    }

    @Test
    void serverTimingHeaderReportsTheComputeTime() {
        MvcTestResult result = post(MINIMAL);
        assertThat(result).hasStatusOk().headers().containsHeader("Server-Timing");
        String header = result.getResponse().getHeader("Server-Timing");
        Matcher matcher = SERVER_TIMING.matcher(header);
        assertThat(matcher.matches()).as("Server-Timing %s", header).isTrue();
        double millis = Double.parseDouble(matcher.group(1));
        long computeNanos = json(result).get("timing").get("computeNanos").longValue();
        assertThat(millis).isCloseTo(computeNanos / 1e6, within(0.001));
    }

    @ParameterizedTest(name = "iterations {0} → record.every {1}")
    @CsvSource({"10, 1", "1000, 1", "1001, 2", "2500, 3"})
    void defaultRecordEveryIsCeilOfIterationsOverOneThousand(int iterations, int every) {
        JsonNode run = json(post("""
                {"objective": {"name": "rosenbrock"}, "optimizer": {"name": "adam"}, "iterations": %d}""".formatted(iterations)));

        assertThat(run.get("status").stringValue()).isEqualTo("max_iterations");
        assertThat(run.get("resolved").get("record").get("every").intValue()).isEqualTo(every);
        assertThat(ints(run.get("path").get("iterations"))).containsExactlyElementsOf(expectedPath(iterations, every));
    }

    @Test
    void explicitRecordEveryKeepsEveryKthIterateAndTheLast() {
        JsonNode run = json(post("""
                {"objective": {"name": "sphere"}, "optimizer": {"name": "sgd"}, "iterations": 20,
                 "record": {"every": 7}}"""));

        assertThat(ints(run.get("path").get("iterations"))).containsExactly(0, 7, 14, 20);
        assertThat(run.get("path").get("points")).hasSize(4);
        assertThat(run.get("resolved").get("record").get("every").intValue()).isEqualTo(7);
    }

    @Test
    void csvHasOneRowPerRecordedPointWithTheJsonNumbers() {
        String body = """
                {"objective": {"name": "rosenbrock"}, "optimizer": {"name": "adam"}, "iterations": 25,
                 "record": {"every": 10}}""";
        MvcTestResult csvResult = mvc.post()
                .uri("/api/v1/runs")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.parseMediaType("text/csv"))
                .content(body)
                .exchange();
        assertThat(csvResult).hasStatusOk().hasContentTypeCompatibleWith("text/csv");
        assertThat(csvResult).headers().containsHeader("Server-Timing");

        List<String> lines = new String(csvResult.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(lines.get(0)).isEqualTo("iteration,x0,x1,loss,gradient_norm,learning_rate");
        JsonNode path = json(post(body)).get("path");
        assertThat(lines).hasSize(1 + path.get("iterations").size()).hasSize(5);
        for (int i = 0; i < lines.size() - 1; i++) {
            String[] cells = lines.get(i + 1).split(",", -1);
            assertThat(cells).hasSize(6);
            assertThat(Integer.parseInt(cells[0]))
                    .isEqualTo(path.get("iterations").get(i).intValue());
            assertThat(Double.parseDouble(cells[1]))
                    .isEqualTo(path.get("points").get(i).get(0).doubleValue());
            assertThat(Double.parseDouble(cells[2]))
                    .isEqualTo(path.get("points").get(i).get(1).doubleValue());
            assertThat(Double.parseDouble(cells[3]))
                    .isEqualTo(path.get("losses").get(i).doubleValue());
            assertThat(Double.parseDouble(cells[4]))
                    .isEqualTo(path.get("gradientNorms").get(i).doubleValue());
            assertThat(Double.parseDouble(cells[5]))
                    .isEqualTo(path.get("learningRates").get(i).doubleValue());
        }
        assertThat(lines.subList(1, lines.size()))
                .extracting(line -> line.substring(0, line.indexOf(',')))
                .containsExactly("0", "10", "20", "25");
    }

    @Test
    void csvHeaderHasOneColumnPerCoordinate() {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/runs")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.parseMediaType("text/csv"))
                .content("""
                        {"objective": {"name": "sphere", "dimension": 3}, "optimizer": {"name": "sgd"},
                         "iterations": 2}""")
                .exchange();
        assertThat(result).hasStatusOk();
        List<String> lines = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("iteration,x0,x1,x2,loss,gradient_norm,learning_rate");
    }

    @Test
    void withoutAcceptHeaderTheRunIsJson() {
        assertThat(post(MINIMAL)).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
    }

    @Test
    void divergingRunReportsDivergedWithNullForNonFiniteNumbers() {
        MvcTestResult result = post(DIVERGING);
        assertThat(result).hasStatusOk();
        String body = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        JsonNode run = json(result); // the strict parser fails on bare NaN / Infinity tokens

        assertThat(run.get("status").stringValue()).isEqualTo("diverged");
        assertThat(run.get("iterations").intValue()).isLessThan(50);
        assertThat(run.get("finalLoss").isNull()).as("finalLoss is JSON null").isTrue();
        assertThat(run.get("finalGradientNorm").isNull())
                .as("finalGradientNorm is JSON null")
                .isTrue();
        JsonNode losses = run.get("path").get("losses");
        assertThat(losses.get(losses.size() - 1).isNull()).isTrue();
        assertThat(losses.get(0).doubleValue()).isCloseTo(24.2, within(1e-9));
        assertThat(body).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void divergingRunAsCsvLeavesNonFiniteCellsEmpty() {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/runs")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.parseMediaType("text/csv"))
                .content(DIVERGING)
                .exchange();
        assertThat(result).hasStatusOk();
        String csv = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        String[] last = lines.get(lines.size() - 1).split(",", -1);
        assertThat(last).hasSize(6);
        assertThat(last[3]).as("loss cell").isEmpty();
        assertThat(csv).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void gradientNormBelowStopsAtTheFirstIterateUnderTheThreshold() {
        // SGD with η = 0.1 on Σxᵢ² maps w to 0.8w: ‖∇f(w_t)‖ = 2·0.8ᵗ·‖w₀‖ first drops below 1e-3 at t = 37.
        JsonNode run = json(post("""
                {"objective": {"name": "sphere"}, "optimizer": {"name": "sgd", "learningRate": 0.1},
                 "stopping": {"gradientNormBelow": 1e-3}}"""));

        assertThat(run.get("status").stringValue()).isEqualTo("converged");
        assertThat(run.get("iterations").intValue()).isEqualTo(37);
        assertThat(run.get("finalGradientNorm").doubleValue()).isLessThanOrEqualTo(1e-3);
        JsonNode norms = run.get("path").get("gradientNorms");
        assertThat(norms.get(norms.size() - 2).doubleValue()).isGreaterThan(1e-3);
        assertThat(run.get("resolved").get("stopping").get("gradientNormBelow").doubleValue())
                .isEqualTo(1e-3);
    }

    @Test
    void lossBelowStopsAtTheFirstIterateUnderTheThreshold() {
        // f(w_t) = 0.64ᵗ·f(w₀) with f(w₀) = 3.25 first drops below 1e-6 at t = 34.
        JsonNode run = json(post("""
                {"objective": {"name": "sphere"}, "optimizer": {"name": "sgd", "learningRate": 0.1},
                 "stopping": {"lossBelow": 1e-6}}"""));

        assertThat(run.get("status").stringValue()).isEqualTo("converged");
        assertThat(run.get("iterations").intValue()).isEqualTo(34);
        assertThat(run.get("finalLoss").doubleValue()).isLessThanOrEqualTo(1e-6);
        JsonNode losses = run.get("path").get("losses");
        assertThat(losses.get(losses.size() - 2).doubleValue()).isGreaterThan(1e-6);
    }

    @Test
    void timeLimitStopsTheRunWithThePartialResult() {
        JsonNode run = json(post("""
                {"objective": {"name": "rosenbrock", "dimension": 1000}, "optimizer": {"name": "adam"},
                 "iterations": 1000000, "stopping": {"timeLimitMillis": 1}}"""));

        assertThat(run.get("status").stringValue()).isEqualTo("time_limit");
        int iterations = run.get("iterations").intValue();
        assertThat(iterations).isLessThan(1_000_000);
        JsonNode recorded = run.get("path").get("iterations");
        assertThat(recorded.get(recorded.size() - 1).intValue()).isEqualTo(iterations);
        assertThat(run.get("finalPoint")).hasSize(1000);
    }

    @Test
    void sameRequestGivesTheSameNumbersBitForBit() {
        String body = """
                {"objective": {"name": "rosenbrock"}, "optimizer": {"name": "adam", "learningRate": 0.01},
                 "iterations": 300, "gradientNoise": {"stddev": 0.5}, "seed": 42}""";
        JsonNode first = withoutIdAndTiming(json(post(body)));
        JsonNode second = withoutIdAndTiming(json(post(body)));
        JsonNode otherSeed = withoutIdAndTiming(json(post(body.replace("\"seed\": 42", "\"seed\": 43"))));

        assertThat(second).isEqualTo(first);
        assertThat(otherSeed.get("path")).as("the noise is drawn from the seed").isNotEqualTo(first.get("path"));
    }

    @Test
    void scheduleIsResolvedAndItsRatesRecorded() {
        // warmup_cosine with W = 2, T = 4: η/2, η, then cosine over P = 2: η, η/2, 0.
        JsonNode run = json(post("""
                {"objective": {"name": "quadratic", "dimension": 3}, "optimizer": {"name": "momentum"},
                 "schedule": {"name": "warmup_cosine", "warmupSteps": 2}, "iterations": 4}"""));

        assertThat(doubles(run.get("path").get("learningRates")))
                .containsExactly(new double[] {0.0005, 0.001, 0.001, 0.0005, 0.0}, within(1e-15));
        JsonNode schedule = run.get("resolved").get("schedule");
        assertThat(schedule.get("name").stringValue()).isEqualTo("warmup_cosine");
        assertThat(schedule.get("warmupSteps").intValue()).isEqualTo(2);
        assertThat(schedule.get("minLearningRate").doubleValue()).isEqualTo(0.0);
        assertThat(run.get("resolved").get("optimizer").get("beta").doubleValue())
                .isEqualTo(0.9);
        assertThat(doubles(run.get("resolved").get("initialPoint"))).hasSize(3);
    }

    @Test
    void distanceToOptimumIsToTheNearestKnownMinimiser() {
        // Himmelblau from (0, 0) with no steps: the nearest of its four minimisers is (3, 2).
        JsonNode run = json(post("""
                {"objective": {"name": "himmelblau"}, "optimizer": {"name": "adam"}, "iterations": 0}"""));

        assertThat(run.get("optimum").get("points")).hasSize(4);
        assertThat(run.get("distanceToOptimum").doubleValue()).isCloseTo(Math.sqrt(13), within(1e-12));
        assertThat(ints(run.get("path").get("iterations"))).containsExactly(0);
        assertThat(run.get("finalLoss").doubleValue()).isCloseTo(170.0, within(1e-12));
    }

    @Test
    void objectiveWithoutKnownOptimumHasNullOptimumAndDistance() {
        JsonNode run = json(post("""
                {"objective": {"name": "quadratic", "matrix": [[1, 0], [0, -1]]}, "optimizer": {"name": "sgd"},
                 "iterations": 2}"""));

        assertThat(run.has("optimum")).isTrue();
        assertThat(run.get("optimum").isNull()).isTrue();
        assertThat(run.get("distanceToOptimum").isNull()).isTrue();
    }

    private MvcTestResult post(String body) {
        return mvc.post()
                .uri("/api/v1/runs")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private static JsonNode json(MvcTestResult result) {
        assertThat(result).hasStatus(HttpStatus.OK);
        return STRICT.readTree(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
    }

    private static JsonNode withoutIdAndTiming(JsonNode run) {
        ObjectNode copy = (ObjectNode) run.deepCopy();
        copy.remove("id");
        copy.remove("timing");
        return copy;
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            assertThat(array.get(i).isNumber()).as("element %d of %s", i, array).isTrue();
            values[i] = array.get(i).doubleValue();
        }
        return values;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(node -> values.add(node.intValue()));
        return values;
    }

    /** Multiples of {@code every} up to T, then T itself. */
    private static List<Integer> expectedPath(int iterations, int every) {
        List<Integer> expected = new ArrayList<>();
        for (int t = 0; t <= iterations; t += every) {
            expected.add(t);
        }
        if (expected.get(expected.size() - 1) != iterations) {
            expected.add(iterations);
        }
        return expected;
    }
}
