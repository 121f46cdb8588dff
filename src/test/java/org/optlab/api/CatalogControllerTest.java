package org.optlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog endpoints: every name with its title, description, rule, reference and parameters
 * ({@code name, type, default, minimum, maximum, description}); objectives with their dimension,
 * start, plotting domain and known optimum. The playground builds its forms from these.
 */
@WebMvcTest(CatalogController.class)
@Import(WebSliceConfiguration.class)
class CatalogControllerTest {

    private static final JsonMapper STRICT = JsonMapper.builder().build();

    @Autowired
    private MockMvcTester mvc;

    @Test
    void optimizersListsEveryOptimizerWithItsDescription() {
        JsonNode optimizers = get("/api/v1/optimizers");

        assertThat(names(optimizers)).contains("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw");
        assertThat(names(optimizers)).doesNotHaveDuplicates();
        for (JsonNode optimizer : optimizers) {
            assertDescribed(optimizer);
        }
        for (String name : List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw")) {
            JsonNode learningRate = parameter(entry(optimizers, name), "learningRate");
            assertThat(learningRate.get("type").stringValue()).as(name).isEqualTo("number");
            assertThat(learningRate.get("default").doubleValue()).as(name).isPositive();
            assertThat(learningRate.get("minimum").doubleValue()).as(name).isEqualTo(0.0);
        }
    }

    @Test
    void adamParametersCarryTypeDefaultAndBounds() {
        JsonNode adam = entry(get("/api/v1/optimizers"), "adam");

        JsonNode beta1 = parameter(adam, "beta1");
        assertThat(beta1.get("type").stringValue()).isEqualTo("number");
        assertThat(beta1.get("default").doubleValue()).isEqualTo(0.9);
        assertThat(beta1.get("minimum").doubleValue()).isEqualTo(0.0);
        assertThat(beta1.get("maximum").doubleValue()).isEqualTo(1.0);
        assertThat(beta1.get("exclusiveMaximum").booleanValue()).isTrue();
        assertThat(beta1.get("exclusiveMinimum").booleanValue()).isFalse();
        assertThat(parameter(adam, "beta2").get("default").doubleValue()).isEqualTo(0.999);
        assertThat(parameter(adam, "learningRate").get("default").doubleValue()).isEqualTo(0.001);
        assertThat(parameter(adam, "epsilon").get("default").doubleValue()).isEqualTo(1e-8);
        assertThat(parameter(adam, "weightDecay").get("default").doubleValue()).isEqualTo(0.0);
        JsonNode amsgrad = parameter(adam, "amsgrad");
        assertThat(amsgrad.get("type").stringValue()).isEqualTo("boolean");
        assertThat(amsgrad.get("default").isBoolean()).isTrue();
        assertThat(amsgrad.get("default").booleanValue()).isFalse();
    }

    @Test
    void defaultsFollowPyTorch() {
        JsonNode optimizers = get("/api/v1/optimizers");

        assertThat(parameter(entry(optimizers, "sgd"), "learningRate")
                        .get("default")
                        .doubleValue())
                .isEqualTo(0.01);
        assertThat(parameter(entry(optimizers, "sgd"), "nesterov")
                        .get("default")
                        .booleanValue())
                .isFalse();
        assertThat(parameter(entry(optimizers, "adamw"), "weightDecay")
                        .get("default")
                        .doubleValue())
                .isEqualTo(0.01);
        assertThat(parameter(entry(optimizers, "adagrad"), "epsilon")
                        .get("default")
                        .doubleValue())
                .isEqualTo(1e-10);
        assertThat(parameter(entry(optimizers, "rmsprop"), "alpha")
                        .get("default")
                        .doubleValue())
                .isEqualTo(0.99);
        assertThat(parameter(entry(optimizers, "momentum"), "beta")
                        .get("default")
                        .doubleValue())
                .isEqualTo(0.9);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/optimizers", "/api/v1/objectives", "/api/v1/schedules"})
    void everyParameterHasNameTypeDefaultAndDescription(String uri) {
        for (JsonNode entry : get(uri)) {
            for (JsonNode parameter : entry.get("parameters")) {
                String where = entry.get("name").stringValue() + "."
                        + parameter.get("name").stringValue();
                assertThat(parameter.get("name").stringValue()).as(where).isNotBlank();
                assertThat(parameter.get("type").stringValue()).as(where).isNotBlank();
                assertThat(parameter.has("default"))
                        .as("%s has the key 'default'", where)
                        .isTrue();
                assertThat(parameter.has("defaultValue")).as(where).isFalse();
                assertThat(parameter.get("description").stringValue()).as(where).isNotBlank();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/optimizers", "/api/v1/objectives", "/api/v1/schedules"})
    void everyParameterHasTheMinimumAndMaximumKeys(String uri) {
        for (JsonNode entry : get(uri)) {
            for (JsonNode parameter : entry.get("parameters")) {
                String where = entry.get("name").stringValue() + "."
                        + parameter.get("name").stringValue();
                assertThat(parameter.has("minimum")).as(where).isTrue();
                assertThat(parameter.has("maximum")).as(where).isTrue();
            }
        }
    }

    @Test
    void unboundedParameterHasNullBounds() {
        JsonNode amsgrad = parameter(entry(get("/api/v1/optimizers"), "adam"), "amsgrad");

        assertThat(amsgrad.get("minimum").isNull()).isTrue();
        assertThat(amsgrad.get("maximum").isNull()).isTrue();
    }

    @Test
    void objectivesListEveryObjectiveWithWhatAPlotNeeds() {
        JsonNode objectives = get("/api/v1/objectives");

        assertThat(names(objectives))
                .contains("rosenbrock", "quadratic", "sphere", "rastrigin", "beale", "booth", "himmelblau");
        for (JsonNode objective : objectives) {
            String name = objective.get("name").stringValue();
            assertDescribed(objective);
            int dimension = objective.get("dimension").intValue();
            assertThat(dimension).as(name).isPositive();
            assertThat(objective.get("variable").isBoolean()).as(name).isTrue();
            assertThat(objective.get("defaultInitialPoint")).as(name).hasSize(dimension);
            if (dimension == 2) {
                JsonNode domain = objective.get("domain");
                assertThat(domain.get("xMin").doubleValue())
                        .as(name)
                        .isLessThan(domain.get("xMax").doubleValue());
                assertThat(domain.get("yMin").doubleValue())
                        .as(name)
                        .isLessThan(domain.get("yMax").doubleValue());
            }
            assertThat(objective.has("optimum")).as(name).isTrue();
            JsonNode optimum = objective.get("optimum");
            if (!optimum.isNull()) { // the contract allows null for an unknown optimum
                assertThat(optimum.get("loss").isNumber()).as(name).isTrue();
                assertThat(optimum.get("points")).as(name).isNotEmpty();
                for (JsonNode point : optimum.get("points")) {
                    assertThat(point).as(name).hasSize(dimension);
                }
            }
        }
    }

    @Test
    void objectivesGiveTheirKnownOptima() {
        JsonNode objectives = get("/api/v1/objectives");

        JsonNode rosenbrock = entry(objectives, "rosenbrock");
        assertThat(rosenbrock.get("dimension").intValue()).isEqualTo(2);
        assertThat(rosenbrock.get("variable").booleanValue()).isTrue();
        assertThat(doubles(rosenbrock.get("defaultInitialPoint"))).containsExactly(-1.2, 1.0);
        assertThat(doubles(rosenbrock.get("optimum").get("points").get(0))).containsExactly(1.0, 1.0);
        assertThat(rosenbrock.get("optimum").get("loss").doubleValue()).isEqualTo(0.0);

        JsonNode beale = entry(objectives, "beale");
        assertThat(beale.get("variable").booleanValue()).isFalse();
        assertThat(doubles(beale.get("optimum").get("points").get(0))).containsExactly(3.0, 0.5);

        assertThat(doubles(
                        entry(objectives, "booth").get("optimum").get("points").get(0)))
                .containsExactly(1.0, 3.0);
        for (String bowl : List.of("quadratic", "sphere", "rastrigin")) {
            assertThat(doubles(
                            entry(objectives, bowl).get("optimum").get("points").get(0)))
                    .as(bowl)
                    .containsExactly(0.0, 0.0);
        }
    }

    @Test
    void himmelblauHasFourMinimaOfValueZero() {
        JsonNode himmelblau = entry(get("/api/v1/objectives"), "himmelblau");

        JsonNode points = himmelblau.get("optimum").get("points");
        assertThat(points).hasSize(4);
        assertThat(himmelblau.get("optimum").get("loss").doubleValue()).isEqualTo(0.0);
        for (JsonNode point : points) {
            double x = point.get(0).doubleValue();
            double y = point.get(1).doubleValue();
            double f = Math.pow(x * x + y - 11, 2) + Math.pow(x + y * y - 7, 2);
            assertThat(f).as("f at %s", point).isCloseTo(0.0, within(1e-12));
        }
        assertThat(doubles(points.get(0))).containsExactly(3.0, 2.0);
    }

    @Test
    void schedulesListEveryScheduleWithItsParameters() {
        JsonNode schedules = get("/api/v1/schedules");

        assertThat(names(schedules)).contains("constant", "step", "exponential", "cosine", "warmup_cosine");
        for (JsonNode schedule : schedules) {
            assertDescribed(schedule);
        }
        assertThat(entry(schedules, "constant").get("parameters")).isEmpty();
        JsonNode step = entry(schedules, "step");
        assertThat(parameter(step, "stepSize").get("required").booleanValue()).isTrue();
        assertThat(parameter(step, "stepSize").get("type").stringValue()).isEqualTo("integer");
        assertThat(parameter(step, "gamma").get("default").doubleValue()).isEqualTo(0.1);
        assertThat(parameter(entry(schedules, "exponential"), "gamma")
                        .get("required")
                        .booleanValue())
                .isTrue();
        assertThat(parameter(entry(schedules, "warmup_cosine"), "warmupSteps")
                        .get("required")
                        .booleanValue())
                .isTrue();
        assertThat(parameter(entry(schedules, "cosine"), "minLearningRate")
                        .get("default")
                        .doubleValue())
                .isEqualTo(0.0);
    }

    private JsonNode get(String uri) {
        MvcTestResult result = mvc.get().uri(uri).exchange();
        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        JsonNode body =
                STRICT.readTree(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
        assertThat(body.isArray()).isTrue();
        return body;
    }

    private static void assertDescribed(JsonNode entry) {
        String name = entry.get("name").stringValue();
        assertThat(name).matches("[a-z][a-z0-9_]*");
        for (String text : List.of("title", "description", "rule", "reference")) {
            assertThat(entry.get(text)).as("%s.%s", name, text).isNotNull();
            assertThat(entry.get(text).stringValue()).as("%s.%s", name, text).isNotBlank();
        }
        assertThat(entry.get("parameters").isArray()).as(name).isTrue();
    }

    private static JsonNode entry(JsonNode entries, String name) {
        for (JsonNode entry : entries) {
            if (name.equals(entry.get("name").stringValue())) {
                return entry;
            }
        }
        throw new AssertionError("no entry " + name + " in " + names(entries));
    }

    private static JsonNode parameter(JsonNode entry, String name) {
        return entry(entry.get("parameters"), name);
    }

    private static List<String> names(JsonNode entries) {
        List<String> names = new ArrayList<>();
        entries.forEach(entry -> names.add(entry.get("name").stringValue()));
        return names;
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).doubleValue();
        }
        return values;
    }
}
