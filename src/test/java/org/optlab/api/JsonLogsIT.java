package org.optlab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.optlab.OptlabApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request log with the {@code json-logs} profile: one JSON (Elastic Common Schema) line per
 * request with method, path, status and duration, as message and as fields; request bodies never
 * logged. The application is started here rather than by the test framework: logging is set up
 * once per JVM, and the applications that other tests keep cached would otherwise decide its format.
 */
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private ConfigurableApplicationContext app;
    private int port;

    @BeforeEach
    void start() {
        LoggingSystem.get(getClass().getClassLoader()).cleanUp(); // so that this application sets it up
        app = new SpringApplicationBuilder(OptlabApplication.class)
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--spring.profiles.active=json-logs",
                        "--spring.jmx.enabled=false");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @AfterEach
    void stop() {
        app.close(); // cleans logging up again for whoever comes next
    }

    @Test
    void eachRequestIsOneJsonLogLineWithoutItsBody(CapturedOutput output) throws Exception {
        String marker = "body-marker-5d1e7a";
        assertThat(post(
                                "/api/v1/comparisons",
                                "{\"objective\": {\"name\": \"sphere\"}, \"iterations\": 5, "
                                        + "\"optimizers\": [{\"name\": \"adam\", \"label\": \"" + marker + "\"}]}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(post("/api/v1/runs", "{\"objective\": {\"name\": \"" + marker + "\"}}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(HTTP.send(
                                HttpRequest.newBuilder(uri("/api/v1/jobs/" + marker))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(404);

        // An asynchronous answer (the study endpoints') is logged when it is complete.
        JsonNode ok = awaitAccessLine(output, "POST", "/api/v1/comparisons", 200);
        assertThat(ok.get("message").stringValue()).matches("POST /api/v1/comparisons 200 \\d+\\.\\d ms");
        assertThat(ok.get("event").get("duration").longValue()).isPositive();
        assertThat(ok.get("log").get("level").stringValue()).isEqualTo("INFO");
        assertThat(ok.get("service").get("name").stringValue()).isEqualTo("optlab");
        awaitAccessLine(output, "POST", "/api/v1/runs", 400);
        // The path is logged (it is the request's address), never the body.
        awaitAccessLine(output, "GET", "/api/v1/jobs/" + marker, 404);
        assertThat(output.getAll().replace("/api/v1/jobs/" + marker, "")).doesNotContain(marker);
        assertThat(accessLines(output, "POST", "/api/v1/comparisons", 200)).hasSize(1);
        // Everything on the console is JSON, one object per line.
        for (String line : output.getAll().split("\\R")) {
            if (line.startsWith("{")) {
                assertThat(JSON.readTree(line).has("@timestamp")).as(line).isTrue();
            }
        }
    }

    private JsonNode awaitAccessLine(CapturedOutput output, String method, String path, int status)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            List<JsonNode> lines = accessLines(output, method, path, status);
            if (!lines.isEmpty()) {
                return lines.get(0);
            }
            assertThat(System.nanoTime())
                    .as("a JSON access log line for %s %s %d in:%n%s", method, path, status, output.getAll())
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static List<JsonNode> accessLines(CapturedOutput output, String method, String path, int status) {
        List<JsonNode> found = new ArrayList<>();
        for (String line : output.getAll().split("\\R")) {
            if (!line.startsWith("{") || !line.contains("org.optlab.access")) {
                continue;
            }
            JsonNode entry = JSON.readTree(line);
            if (entry.get("log").get("logger").stringValue().equals("org.optlab.access")
                    && entry.get("http")
                            .get("request")
                            .get("method")
                            .stringValue()
                            .equals(method)
                    && entry.get("url").get("path").stringValue().equals(path)
                    && entry.get("http").get("response").get("status_code").intValue() == status) {
                found.add(entry);
            }
        }
        return found;
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(uri(path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
