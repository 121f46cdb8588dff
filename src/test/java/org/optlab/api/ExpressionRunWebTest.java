package org.optlab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code expression} objective over HTTP: a run, the catalog, and a malformed formula's problem. */
@WebMvcTest({RunController.class, CatalogController.class})
@Import(WebSliceConfiguration.class)
class ExpressionRunWebTest {

    private static final JsonMapper STRICT = JsonMapper.builder().build();

    @Autowired
    private MockMvcTester mvc;

    private MvcTestResult post(String body) {
        return mvc.post()
                .uri("/api/v1/runs")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private static JsonNode json(MvcTestResult result) {
        return STRICT.readTree(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
    }

    @Test
    void runsAFormula() {
        MvcTestResult result = post("""
                {"objective": {"name": "expression", "expression": "(1-x)^2 + 100*(y-x^2)^2", "variables": ["x","y"]},
                 "optimizer": {"name": "adam", "learningRate": 0.02}, "initialPoint": [-1.2, 1], "iterations": 3000}""");
        assertThat(result).hasStatusOk();
        JsonNode run = json(result);
        assertThat(run.get("status").stringValue()).isEqualTo("max_iterations");
        assertThat(run.get("optimum").isNull()).isTrue();
        assertThat(run.get("distanceToOptimum").isNull()).isTrue();
        assertThat(run.get("finalLoss").doubleValue()).isLessThan(0.01);
        JsonNode objective = run.get("resolved").get("objective");
        assertThat(objective.get("expression").stringValue()).isEqualTo("(1-x)^2 + 100*(y-x^2)^2");
        assertThat(objective.get("variables").size()).isEqualTo(2);
        assertThat(objective.get("start").size()).isEqualTo(2);
    }

    @Test
    void aMalformedFormulaIsAProblemNamingTheField() {
        MvcTestResult result = post("""
                {"objective": {"name": "expression", "expression": "sin(x"}, "optimizer": {"name": "adam"}}""");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        JsonNode problem = json(result);
        assertThat(problem.get("errors").get(0).get("field").stringValue()).isEqualTo("objective.expression");
        assertThat(problem.get("errors").get(0).get("message").stringValue())
                .isEqualTo("at position 6: expected ')' but found end of input");
    }

    @Test
    void theCatalogDescribesIt() {
        MvcTestResult result = mvc.get().uri("/api/v1/objectives").exchange();
        assertThat(result).hasStatusOk();
        JsonNode expression = null;
        for (JsonNode entry : json(result)) {
            if (entry.get("name").stringValue().equals("expression")) {
                expression = entry;
            }
        }
        assertThat(expression).isNotNull();
        assertThat(expression.get("dimension").intValue()).isEqualTo(2);
        assertThat(expression.get("optimum").isNull()).isTrue();
        assertThat(expression.get("parameters").get(0).get("type").stringValue())
                .isEqualTo("string");
        assertThat(expression.get("parameters").get(1).get("type").stringValue())
                .isEqualTo("array of strings");
        assertThat(expression.get("parameters").get(1).get("default").get(0).stringValue())
                .isEqualTo("x");
    }
}
