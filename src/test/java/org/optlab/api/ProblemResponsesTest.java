package org.optlab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
 * Every way a run request can be wrong answers an RFC 9457 problem ({@code application/problem+json}
 * with type, title, status and detail) with the right 4xx status, and field errors name the field
 * by its path in the request. Never a 500.
 */
@WebMvcTest(
        controllers = RunController.class,
        properties = {
            "optlab.limits.max-iterations=5000",
            "optlab.limits.max-path-points=1100",
            "optlab.limits.max-request-bytes=2048"
        })
@Import(WebSliceConfiguration.class)
class ProblemResponsesTest {

    private static final JsonMapper STRICT = JsonMapper.builder().build();
    private static final String VALIDATION = Problems.type(Problems.VALIDATION).toString();
    private static final String LIMIT_EXCEEDED =
            Problems.type(Problems.LIMIT_EXCEEDED).toString();
    private static final String MALFORMED_JSON =
            Problems.type(Problems.MALFORMED_JSON).toString();

    private static final String ROSENBROCK = "{\"name\": \"rosenbrock\"}";
    private static final String ADAM = "{\"name\": \"adam\"}";

    @Autowired
    private MockMvcTester mvc;

    /** A valid request's parts, for building invalid ones: {"objective": …, "optimizer": …}. */
    private static String run(String objective, String optimizer, String rest) {
        return "{\"objective\": " + objective + ", \"optimizer\": " + optimizer + (rest.isEmpty() ? "" : ", " + rest)
                + "}";
    }

    static Stream<Arguments> singleFieldErrors() {
        return Stream.of(
                Arguments.of("unknown top-level property", run(ROSENBROCK, ADAM, "\"bogus\": 1"), "bogus", "bogus"),
                Arguments.of(
                        "unknown property of a nested request object",
                        run(ROSENBROCK, ADAM, "\"record\": {\"evry\": 2}"),
                        "record.evry",
                        "every"),
                Arguments.of(
                        "unknown stopping property",
                        run(ROSENBROCK, ADAM, "\"stopping\": {\"gradNorm\": 1e-6}"),
                        "stopping.gradNorm",
                        "gradientNormBelow"),
                Arguments.of(
                        "unknown objective parameter",
                        run("{\"name\": \"rosenbrock\", \"c\": 1}", ADAM, ""),
                        "objective.c",
                        "dimension"),
                Arguments.of(
                        "objective parameter below its minimum",
                        run("{\"name\": \"rosenbrock\", \"dimension\": 1}", ADAM, ""),
                        "objective.dimension",
                        "2"),
                Arguments.of(
                        "boolean parameter given as a string",
                        run(ROSENBROCK, "{\"name\": \"sgd\", \"nesterov\": \"true\"}", ""),
                        "optimizer.nesterov",
                        "true or false"),
                Arguments.of(
                        "integer schedule parameter given a fraction",
                        run(ROSENBROCK, ADAM, "\"schedule\": {\"name\": \"step\", \"stepSize\": 1.5}"),
                        "schedule.stepSize",
                        "integer"),
                Arguments.of(
                        "initialPoint as an object",
                        run(ROSENBROCK, ADAM, "\"initialPoint\": {\"x\": 1}"),
                        "initialPoint",
                        "array"),
                Arguments.of(
                        "time limit of zero",
                        run(ROSENBROCK, ADAM, "\"stopping\": {\"timeLimitMillis\": 0}"),
                        "stopping.timeLimitMillis",
                        "1"),
                Arguments.of("objective without a name", run("{\"a\": 1}", ADAM, ""), "objective.name", "rosenbrock"),
                Arguments.of(
                        "initialPoint of the wrong dimension",
                        run(ROSENBROCK, ADAM, "\"initialPoint\": [1, 2, 3]"),
                        "initialPoint",
                        "2"),
                Arguments.of(
                        "learningRate as a string",
                        run(ROSENBROCK, "{\"name\": \"adam\", \"learningRate\": \"abc\"}", ""),
                        "optimizer.learningRate",
                        "number"),
                Arguments.of(
                        "iterations as a quoted number",
                        run(ROSENBROCK, ADAM, "\"iterations\": \"100\""),
                        "iterations",
                        "integer"),
                Arguments.of(
                        "fractional iterations", run(ROSENBROCK, ADAM, "\"iterations\": 1.5"), "iterations", "integer"),
                Arguments.of("negative iterations", run(ROSENBROCK, ADAM, "\"iterations\": -1"), "iterations", "0"),
                Arguments.of("seed as a string", run(ROSENBROCK, ADAM, "\"seed\": \"1\""), "seed", "integer"),
                Arguments.of("optimizer as a string", run(ROSENBROCK, "\"adam\"", ""), "optimizer", "object"),
                Arguments.of(
                        "null element in initialPoint",
                        run(ROSENBROCK, ADAM, "\"initialPoint\": [1, null]"),
                        "initialPoint[1]",
                        ""),
                Arguments.of(
                        "record.every of zero",
                        run(ROSENBROCK, ADAM, "\"record\": {\"every\": 0}"),
                        "record.every",
                        "1"),
                Arguments.of(
                        "non-positive gradientClipNorm",
                        run(ROSENBROCK, ADAM, "\"gradientClipNorm\": -1"),
                        "gradientClipNorm",
                        "0"),
                Arguments.of(
                        "negative gradient noise",
                        run(ROSENBROCK, ADAM, "\"gradientNoise\": {\"stddev\": -1}"),
                        "gradientNoise.stddev",
                        "0"),
                Arguments.of(
                        "quadratic with a non-symmetric matrix",
                        run("{\"name\": \"quadratic\", \"matrix\": [[1, 2], [3, 4]]}", ADAM, ""),
                        "objective.matrix",
                        "symmetric"),
                Arguments.of(
                        "step schedule without stepSize",
                        run(ROSENBROCK, ADAM, "\"schedule\": {\"name\": \"step\"}"),
                        "schedule.stepSize",
                        "is required"),
                Arguments.of(
                        "sgd nesterov without momentum",
                        run(ROSENBROCK, "{\"name\": \"sgd\", \"nesterov\": true, \"momentum\": 0}", ""),
                        "optimizer.nesterov",
                        "momentum"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleFieldErrors")
    void invalidFieldIsNamedInTheProblem(String description, String body, String field, String messageFragment) {
        JsonNode problem = problem(post(body), HttpStatus.BAD_REQUEST);

        assertThat(problem.get("type").stringValue()).isEqualTo(VALIDATION);
        assertThat(fields(problem)).containsExactly(field);
        assertThat(message(problem, field)).contains(messageFragment);
        assertThat(problem.get("detail").stringValue()).contains(field);
    }

    @Test
    void unknownTopLevelPropertyListsTheValidOnes() {
        JsonNode problem = problem(post(run(ROSENBROCK, ADAM, "\"bogus\": 1")), HttpStatus.BAD_REQUEST);

        assertThat(message(problem, "bogus"))
                .contains("objective", "optimizer", "schedule", "initialPoint", "iterations", "record", "seed");
    }

    @Test
    void misspeltOptimizerParameterIsRejectedAndTheValidNamesListed() {
        JsonNode problem =
                problem(post(run(ROSENBROCK, "{\"name\": \"adam\", \"beta_1\": 0.9}", "")), HttpStatus.BAD_REQUEST);

        assertThat(problem.get("type").stringValue()).isEqualTo(VALIDATION);
        assertThat(fields(problem)).containsExactly("optimizer.beta_1");
        assertThat(message(problem, "optimizer.beta_1"))
                .contains("beta_1", "beta1", "beta2", "learningRate", "epsilon", "weightDecay");
    }

    static Stream<Arguments> unknownNames() {
        return Stream.of(
                Arguments.of(
                        run(ROSENBROCK, "{\"name\": \"adamm\"}", ""),
                        "optimizer.name",
                        List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw")),
                Arguments.of(
                        run("{\"name\": \"rosenbrok\"}", ADAM, ""),
                        "objective.name",
                        List.of("rosenbrock", "quadratic", "sphere", "rastrigin", "beale", "booth", "himmelblau")),
                Arguments.of(
                        run(ROSENBROCK, ADAM, "\"schedule\": {\"name\": \"lineer\"}"),
                        "schedule.name",
                        List.of("constant", "step", "exponential", "cosine", "warmup_cosine")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("unknownNames")
    void unknownNameListsTheValidNamesInTheDetail(String body, String field, List<String> validNames) {
        JsonNode problem = problem(post(body), HttpStatus.BAD_REQUEST);

        assertThat(fields(problem)).containsExactly(field);
        assertThat(problem.get("detail").stringValue()).contains(validNames);
    }

    @Test
    void missingObjectiveAndOptimizerAreBothRequired() {
        JsonNode problem = problem(post("{}"), HttpStatus.BAD_REQUEST);

        assertThat(problem.get("type").stringValue()).isEqualTo(VALIDATION);
        assertThat(fields(problem)).containsExactlyInAnyOrder("objective", "optimizer");
        assertThat(message(problem, "objective")).isEqualTo("is required");
        assertThat(message(problem, "optimizer")).isEqualTo("is required");
    }

    @Test
    void missingOptimizerAloneIsNamed() {
        JsonNode problem = problem(post("{\"objective\": " + ROSENBROCK + "}"), HttpStatus.BAD_REQUEST);

        assertThat(fields(problem)).containsExactly("optimizer");
        assertThat(message(problem, "optimizer")).isEqualTo("is required");
    }

    @Test
    void everyOutOfRangeParameterIsReportedAtOnce() {
        JsonNode problem = problem(
                post(run(ROSENBROCK, "{\"name\": \"adam\", \"beta1\": 1, \"learningRate\": -1}", "")),
                HttpStatus.BAD_REQUEST);

        assertThat(fields(problem)).containsExactlyInAnyOrder("optimizer.beta1", "optimizer.learningRate");
        assertThat(message(problem, "optimizer.beta1")).contains("[0, 1)");
        assertThat(message(problem, "optimizer.learningRate")).contains("0");
    }

    @Test
    void numbersOutsideTheFloat64RangeAreRejected() {
        JsonNode problem = problem(
                post(run(ROSENBROCK, "{\"name\": \"adam\", \"learningRate\": 1e400}", "\"initialPoint\": [1e400, 1]")),
                HttpStatus.BAD_REQUEST);

        assertThat(fields(problem)).containsExactlyInAnyOrder("optimizer.learningRate", "initialPoint[0]");
    }

    @Test
    void nullElementOfInitialPointSaysANumberIsExpected() {
        JsonNode problem = problem(post(run(ROSENBROCK, ADAM, "\"initialPoint\": [1, null]")), HttpStatus.BAD_REQUEST);

        assertThat(message(problem, "initialPoint[1]")).startsWith("must be a number");
    }

    @Test
    void integerOutOfRangeNamesTheField() {
        JsonNode problem = problem(post(run(ROSENBROCK, ADAM, "\"iterations\": 3000000000")), HttpStatus.BAD_REQUEST);

        assertThat(fields(problem)).containsExactly("iterations");
    }

    @Test
    void nanTokenProblemDoesNotNameJacksonSettings() {
        JsonNode problem = problem(post(run(ROSENBROCK, ADAM, "\"initialPoint\": [NaN, 1]")), HttpStatus.BAD_REQUEST);

        assertThat(problem.get("detail").stringValue()).doesNotContain("JsonReadFeature");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "{\"objective\": {\"name\": \"rosenbrock\"}, \"optimizer\": {\"name\": \"adam\"}, \"initialPoint\": [NaN, 1]}",
                "{\"objective\": {\"name\": \"rosenbrock\"}, \"optimizer\": {\"name\": \"adam\", \"learningRate\": Infinity}}",
                "{\"objective\": {\"name\": \"rosenbrock\"}, \"optimizer\": {\"name\": \"adam\"}, \"gradientClipNorm\": -Infinity}",
                "{\"objective\": {\"name\": \"rosenbrock\"}, \"optimizer\": {\"name\": ",
                "{\"objective\": {\"name\": \"rosenbrock\"}, \"optimizer\": {\"name\": \"adam\"}, \"seed\": 1, \"seed\": 2}",
                "{\"objective\": {\"name\": \"rosenbrock\"}, \"optimizer\": {\"name\": \"adam\"}} {}",
                "{objective: 1}",
                "[]",
                "\"run\"",
                ""
            })
    void malformedBodyIsAProblem(String body) {
        JsonNode problem = problem(post(body), HttpStatus.BAD_REQUEST);

        assertThat(problem.get("type").stringValue()).isEqualTo(MALFORMED_JSON);
    }

    @Test
    void nanTokenProblemSaysWhereTheJsonIsInvalid() {
        JsonNode problem = problem(post(run(ROSENBROCK, ADAM, "\"initialPoint\": [NaN, 1]")), HttpStatus.BAD_REQUEST);

        assertThat(problem.get("detail").stringValue()).contains("NaN").contains("line 1");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text/plain", "application/yaml", "application/x-www-form-urlencoded"})
    void bodyThatIsNotJsonIsUnsupported(String contentType) {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/runs")
                .contentType(MediaType.parseMediaType(contentType))
                .content("objective:\n  name: rosenbrock\noptimizer:\n  name: adam\n")
                .exchange();

        JsonNode problem = problem(result, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(problem.get("detail").stringValue()).contains(contentType).contains("application/json");
    }

    @Test
    void bodyWithoutContentTypeIsUnsupported() {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/runs")
                .content(run(ROSENBROCK, ADAM, ""))
                .exchange();

        problem(result, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void getOnRunsIsMethodNotAllowed() {
        MvcTestResult result = mvc.get().uri("/api/v1/runs").exchange();

        problem(result, HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(result).headers().hasValue("Allow", "POST");
    }

    @Test
    void unknownPathIsNotFound() {
        MvcTestResult result = mvc.get().uri("/api/v1/nothing-here").exchange();

        JsonNode problem = problem(result, HttpStatus.NOT_FOUND);
        assertThat(problem.get("detail").stringValue()).contains("/api/v1/nothing-here");
    }

    @Test
    void unproducibleAcceptIsNotAcceptable() {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/runs")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_XML)
                .content(run(ROSENBROCK, ADAM, "\"iterations\": 1"))
                .exchange();

        problem(result, HttpStatus.NOT_ACCEPTABLE);
    }

    @Test
    void invalidRequestAskingForCsvStillGetsAProblem() {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/runs")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.parseMediaType("text/csv"))
                .content("{\"objective\": " + ROSENBROCK + "}")
                .exchange();

        assertThat(fields(problem(result, HttpStatus.BAD_REQUEST))).containsExactly("optimizer");
    }

    @Test
    void iterationsAboveTheLimitNameTheFieldAndTheProperty() {
        JsonNode problem = problem(post(run(ROSENBROCK, ADAM, "\"iterations\": 5001")), HttpStatus.BAD_REQUEST);

        assertThat(problem.get("type").stringValue()).isEqualTo(LIMIT_EXCEEDED);
        assertThat(fields(problem)).containsExactly("iterations");
        assertThat(problem.get("detail").stringValue()).contains("optlab.limits.max-iterations", "5000");
        assertThat(problem.get("limit").stringValue()).isEqualTo("optlab.limits.max-iterations");
        assertThat(problem.get("limitValue").intValue()).isEqualTo(5000);
    }

    @Test
    void iterationsAtTheLimitAreAccepted() {
        MvcTestResult result = post(run(
                "{\"name\": \"sphere\"}",
                "{\"name\": \"sgd\", \"learningRate\": 0.001}",
                "\"iterations\": 5000, \"record\": {\"every\": 5}"));

        assertThat(result).hasStatusOk();
    }

    @Test
    void pathOverThePointLimitNamesRecordEvery() {
        JsonNode problem = problem(
                post(run(ROSENBROCK, ADAM, "\"iterations\": 5000, \"record\": {\"every\": 1}")),
                HttpStatus.BAD_REQUEST);

        assertThat(problem.get("type").stringValue()).isEqualTo(LIMIT_EXCEEDED);
        assertThat(fields(problem)).containsExactly("record.every");
        assertThat(problem.get("detail").stringValue()).contains("optlab.limits.max-path-points", "1100");
        assertThat(problem.get("limitValue").intValue()).isEqualTo(1100);
    }

    @Test
    void dimensionAboveTheLimitNamesTheField() {
        JsonNode problem =
                problem(post(run("{\"name\": \"sphere\", \"dimension\": 20000}", ADAM, "")), HttpStatus.BAD_REQUEST);

        assertThat(fields(problem)).containsExactly("objective.dimension");
        assertThat(problem.get("limit").stringValue()).isEqualTo("optlab.limits.max-dimension");
    }

    @Test
    void timeLimitAboveTheServerLimitNamesTheField() {
        JsonNode problem = problem(
                post(run(ROSENBROCK, ADAM, "\"stopping\": {\"timeLimitMillis\": 99999999}")), HttpStatus.BAD_REQUEST);

        assertThat(fields(problem)).containsExactly("stopping.timeLimitMillis");
        assertThat(problem.get("limit").stringValue()).isEqualTo("optlab.limits.max-run-millis");
    }

    @Test
    void bodyOverTheRequestSizeLimitIsTooLarge() {
        String padded = run(ROSENBROCK, ADAM, "\"initialPoint\": [1" + " ".repeat(3000) + ", 1]");

        JsonNode problem = problem(post(padded), HttpStatus.CONTENT_TOO_LARGE);
        assertThat(problem.get("detail").stringValue()).contains("optlab.limits.max-request-bytes", "2048");
    }

    private MvcTestResult post(String body) {
        return mvc.post()
                .uri("/api/v1/runs")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    /** Asserts an RFC 9457 problem with the given status and returns its body. */
    private static JsonNode problem(MvcTestResult result, HttpStatus status) {
        assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem =
                STRICT.readTree(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
        assertThat(problem.get("type").stringValue()).isNotBlank().isNotEqualTo("about:blank");
        assertThat(problem.get("title").stringValue()).isNotBlank();
        assertThat(problem.get("status").intValue()).isEqualTo(status.value());
        assertThat(problem.get("detail").stringValue())
                .isNotBlank()
                .doesNotContain("Exception")
                .doesNotContainPattern("\\b(java|jakarta|tools|org|com)\\.[a-z]+\\.");
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
                String message = error.get("message").stringValue();
                assertThat(message).isNotBlank();
                return message;
            }
        }
        throw new AssertionError("no error for field " + field + " in " + problem);
    }
}
