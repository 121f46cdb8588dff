package org.optlab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service on a real port: the run endpoint end to end, the OpenAPI document, the Swagger
 * UI, health, strict JSON for non-finite numbers, and the request-size limit on a chunked body.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ServiceIT {

    /** Rejects NaN and Infinity tokens, as any standard JSON parser does. */
    private static final JsonMapper STRICT = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Autowired
    private RestTestClient client;

    @LocalServerPort
    private int port;

    @Test
    void runAnswersASaneResult() {
        EntityExchangeResult<String> result = client.post()
                .uri("/api/v1/runs")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"objective": {"name": "rosenbrock"}, "optimizer": {"name": "adam", "learningRate": 0.01},
                         "iterations": 2000, "record": {"every": 100}}""")
                .exchange()
                .returnResult(String.class);

        assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(result.getResponseHeaders().getContentType()).isNotNull();
        assertThat(result.getResponseHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON))
                .isTrue();
        assertThat(result.getResponseHeaders().getFirst("Server-Timing")).startsWith("compute;dur=");
        JsonNode run = STRICT.readTree(result.getResponseBody());
        assertThat(run.get("status").stringValue()).isIn("max_iterations", "converged");
        double initialLoss = run.get("path").get("losses").get(0).doubleValue();
        assertThat(run.get("finalLoss").doubleValue()).isLessThan(initialLoss / 10);
        assertThat(run.get("distanceToOptimum").doubleValue()).isLessThan(1.0);
        assertThat(run.get("path").get("iterations")).hasSize(2000 / 100 + 1);
    }

    @Test
    void catalogDefaultsAreWhatARunUses() {
        JsonNode optimizers = STRICT.readTree(getString("/api/v1/optimizers"));
        assertThat(optimizers).isNotEmpty();
        int checked = 0;
        for (JsonNode optimizer : optimizers) {
            String name = optimizer.get("name").stringValue();
            boolean standalone = false;
            for (JsonNode parameter : optimizer.get("parameters")) {
                standalone |= "learningRate".equals(parameter.get("name").stringValue());
            }
            if (!standalone) {
                continue; // a composite (switch, lookahead) needs the optimizers it wraps
            }
            checked++;
            JsonNode run = STRICT.readTree(client.post()
                    .uri("/api/v1/runs")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"objective\": {\"name\": \"sphere\"}, \"optimizer\": {\"name\": \"" + name
                            + "\"}, \"iterations\": 1}")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .returnResult(String.class)
                    .getResponseBody());
            JsonNode resolved = run.get("resolved").get("optimizer");
            assertThat(resolved.get("name").stringValue()).isEqualTo(name);
            for (JsonNode parameter : optimizer.get("parameters")) {
                JsonNode expected = parameter.get("default");
                if (expected != null && !expected.isNull()) {
                    JsonNode actual = resolved.get(parameter.get("name").stringValue());
                    assertThat(actual)
                            .as("%s.%s", name, parameter.get("name").stringValue())
                            .isNotNull();
                    if (expected.isNumber()) {
                        assertThat(actual.doubleValue())
                                .as("%s.%s", name, parameter.get("name").stringValue())
                                .isEqualTo(expected.doubleValue());
                    } else {
                        assertThat(actual)
                                .as("%s.%s", name, parameter.get("name").stringValue())
                                .isEqualTo(expected);
                    }
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(7);
    }

    @Test
    void divergedRunIsStrictJsonWithNulls() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(uri("/api/v1/runs"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"objective": {"name": "rosenbrock"}, "optimizer": {"name": "sgd", "learningRate": 1},
                                 "iterations": 100}"""))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("NaN").doesNotContain("Infinity");
        JsonNode run = STRICT.readTree(response.body());
        assertThat(run.get("status").stringValue()).isEqualTo("diverged");
        assertThat(run.get("finalLoss").isNull()).isTrue();
    }

    @Test
    void openApiDocumentDescribesTheRunEndpoint() {
        JsonNode api = STRICT.readTree(getString("/v3/api-docs"));

        assertThat(api.get("openapi").stringValue()).startsWith("3.");
        assertThat(api.get("paths").has("/api/v1/runs")).isTrue();
        assertThat(api.get("paths").get("/api/v1/runs").has("post")).isTrue();
        assertThat(api.get("paths").has("/api/v1/optimizers")).isTrue();
    }

    @Test
    void swaggerUiIsReachable() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(uri("/swagger-ui.html")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).containsIgnoringCase("swagger");
    }

    @Test
    void healthIsUp() {
        JsonNode health = STRICT.readTree(getString("/actuator/health"));

        assertThat(health.get("status").stringValue()).isEqualTo("UP");
    }

    @Test
    void unknownPathIsAProblemOnTheRealServer() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(uri("/api/v1/nothing-here")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(STRICT.readTree(response.body()).get("status").intValue()).isEqualTo(404);
    }

    @Test
    void chunkedBodyOverTheSizeLimitIsTooLarge() throws Exception {
        // No Content-Length: the filter cannot refuse up front and must cut the stream off (limit 1 MiB).
        byte[] body = ("{\"objective\": {\"name\": \"rosenbrock\"}, \"optimizer\": {\"name\": \"adam\"}, \"seed\": 1"
                        + " ".repeat(1_200_000) + "}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(uri("/api/v1/runs"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(STRICT.readTree(response.body()).get("detail").stringValue())
                .contains("optlab.limits.max-request-bytes");
    }

    private String getString(String path) {
        return client.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
