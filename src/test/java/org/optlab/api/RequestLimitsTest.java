package org.optlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The limits that hold before any work starts, on the whole application: the JSON parser's
 * ({@code optlab.json.*}: nesting depth, number, string and property-name lengths) and the request
 * size ({@code optlab.limits.max-request-bytes}), each answered with its own problem that names the
 * property and its value; and CORS, closed when no origin is configured.
 */
@SpringBootTest(properties = {TimeLimitTest.SERVER_LIMIT, "logging.level.org.optlab.access=warn"})
@AutoConfigureMockMvc
class RequestLimitsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private MockMvc mvc;

    @Test
    void nestingDeeperThanTheLimitIsRefusedByName() throws Exception {
        // objective.x sits at depth 2; 63 more arrays reach 65, one past the limit of 64.
        JsonNode problem = limitProblem(withObjectiveValue("[".repeat(63) + "]".repeat(63)));

        assertThat(problem.get("limit").stringValue()).isEqualTo("optlab.json.max-nesting-depth");
        assertThat(problem.get("limitValue").intValue()).isEqualTo(64);
        assertThat(problem.get("detail").stringValue())
                .isEqualTo("The request body nests objects and arrays deeper than 64 levels "
                        + "(optlab.json.max-nesting-depth).");
    }

    @Test
    void nestingAtTheLimitIsParsedAndThenJudgedOnItsMerits() throws Exception {
        MockHttpServletResponse response = postRun(withObjectiveValue("[".repeat(62) + "]".repeat(62)));

        assertThat(response.getStatus()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.getContentAsString());
        assertThat(problem.get("type").stringValue()).isEqualTo("urn:optlab:problem:validation");
        assertThat(problem.get("detail").stringValue()).contains("objective.x");
    }

    @Test
    void aNumberLongerThanTheLimitIsRefusedByName() throws Exception {
        JsonNode problem = limitProblem(withObjectiveValue("0." + "0".repeat(100) + "1"));

        assertThat(problem.get("limit").stringValue()).isEqualTo("optlab.json.max-number-length");
        assertThat(problem.get("limitValue").intValue()).isEqualTo(100);
    }

    @Test
    void aStringLongerThanTheLimitIsRefusedByName() throws Exception {
        JsonNode problem = limitProblem(withObjectiveValue("\"" + "x".repeat(100_001) + "\""));

        assertThat(problem.get("limit").stringValue()).isEqualTo("optlab.json.max-string-length");
        assertThat(problem.get("limitValue").intValue()).isEqualTo(100_000);
    }

    @Test
    void aPropertyNameLongerThanTheLimitIsRefusedByName() throws Exception {
        JsonNode problem = limitProblem("{\"" + "k".repeat(1_001) + "\": 1}");

        assertThat(problem.get("limit").stringValue()).isEqualTo("optlab.json.max-name-length");
        assertThat(problem.get("limitValue").intValue()).isEqualTo(1_000);
    }

    @Test
    void aBodyOverTheSizeLimitIsRefusedBeforeItIsRead() throws Exception {
        byte[] body = ("{\"objective\": {\"name\": \"rosenbrock\"}, \"optimizer\": {\"name\": \"adam\"}"
                        + " ".repeat(1_048_576) + "}")
                .getBytes(StandardCharsets.UTF_8);
        MockHttpServletResponse response = complete(mvc.perform(post("/api/v1/runs")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn());

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = JSON.readTree(response.getContentAsString());
        assertThat(problem.get("type").stringValue()).isEqualTo("urn:optlab:problem:payload-too-large");
        assertThat(problem.get("detail").stringValue())
                .contains(Integer.toString(body.length))
                .contains("1048576 (optlab.limits.max-request-bytes)");
    }

    @Test
    void corsIsClosedWhenNoOriginIsConfigured() throws Exception {
        MockHttpServletResponse preflight = complete(mvc.perform(options("/api/v1/runs")
                        .header("Origin", "https://elsewhere.example")
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "content-type"))
                .andReturn());
        assertThat(preflight.getHeader("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.getHeader("Access-Control-Allow-Methods")).isNull();

        MockHttpServletResponse simple =
                complete(mvc.perform(get("/api/v1/optimizers").header("Origin", "https://elsewhere.example"))
                        .andReturn());
        assertThat(simple.getHeader("Access-Control-Allow-Origin")).isNull();
    }

    private JsonNode limitProblem(String body) throws Exception {
        MockHttpServletResponse response = postRun(body);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = JSON.readTree(response.getContentAsString());
        assertThat(problem.get("type").stringValue()).isEqualTo("urn:optlab:problem:limit-exceeded");
        assertThat(problem.get("status").intValue()).isEqualTo(400);
        assertThat(problem.get("detail").stringValue())
                .contains(problem.get("limit").stringValue());
        return problem;
    }

    private MockHttpServletResponse postRun(String body) throws Exception {
        return complete(mvc.perform(post("/api/v1/runs")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn());
    }

    private static String withObjectiveValue(String json) {
        return "{\"objective\": {\"name\": \"rosenbrock\", \"x\": " + json + "}, \"optimizer\": {\"name\": \"adam\"}}";
    }

    /** The answer, once an asynchronous one (the study endpoints answer through a DeferredResult) is done. */
    private MockHttpServletResponse complete(MvcResult result) throws Exception {
        if (result.getRequest().isAsyncStarted()) {
            result = mvc.perform(asyncDispatch(result)).andReturn();
        }
        return result.getResponse();
    }
}
