package org.optlab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.optlab.OptlabApplication;
import org.optlab.compute.ComputePool;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Graceful shutdown ({@code server.shutdown=graceful}) with a run in flight: the server stops taking
 * new connections at once, and the run either finishes inside the grace period
 * ({@code spring.lifecycle.timeout-per-shutdown-phase}) or, when it would not, is stopped before the
 * grace period ends and answered with what it has (status {@code cancelled}), never left without an
 * answer. Each case starts and closes an application of its own.
 */
class GracefulShutdownIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    @Test
    void aRunInFlightFinishesWithinTheGracePeriod() throws Exception {
        ConfigurableApplicationContext app = start("10s");
        int port = port(app);
        CompletableFuture<HttpResponse<String>> inFlight = heavyRun(port, 1_500);
        awaitComputing(app);

        long start = System.nanoTime();
        Thread closer = new Thread(app::close, "closer");
        closer.start();
        Thread.sleep(300);
        assertRefused(port);

        HttpResponse<String> response = inFlight.get(15, TimeUnit.SECONDS);
        closer.join(15_000);
        long closeMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(closer.isAlive()).isFalse();
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode run = JSON.readTree(response.body());
        assertThat(run.get("status").stringValue()).isEqualTo("time_limit");
        assertThat(closeMillis).as("shutdown, ms").isLessThan(10_000);
        System.out.printf("GracefulShutdownIT: run finished (time_limit); shutdown took %d ms%n", closeMillis);
    }

    @Test
    void aRunLongerThanTheGracePeriodIsStoppedAndAnswered() throws Exception {
        ConfigurableApplicationContext app = start("1500ms");
        int port = port(app);
        CompletableFuture<HttpResponse<String>> inFlight = heavyRun(port, 20_000);
        awaitComputing(app);

        long start = System.nanoTime();
        Thread closer = new Thread(app::close, "closer");
        closer.start();
        HttpResponse<String> response = inFlight.get(15, TimeUnit.SECONDS);
        long answeredMillis = (System.nanoTime() - start) / 1_000_000;
        closer.join(15_000);

        assertThat(closer.isAlive()).isFalse();
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode run = JSON.readTree(response.body());
        assertThat(run.get("status").stringValue()).isEqualTo("cancelled");
        assertThat(run.get("iterations").intValue()).isPositive();
        // Stopped 750 ms into the 1.5 s grace period (half of it, as it is shorter than 4 s).
        assertThat(answeredMillis).as("answered after, ms").isBetween(700L, 1_500L);
        System.out.printf(
                "GracefulShutdownIT: run stopped (cancelled), answered %d ms into shutdown%n", answeredMillis);
    }

    /** Starts the application; command-line arguments, so that they win over application.properties. */
    private static ConfigurableApplicationContext start(String grace) {
        return new SpringApplicationBuilder(OptlabApplication.class)
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--spring.lifecycle.timeout-per-shutdown-phase=" + grace,
                        "--spring.jmx.enabled=false",
                        "--logging.level.org.optlab.access=warn");
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private static CompletableFuture<HttpResponse<String>> heavyRun(int port, long timeLimitMillis) {
        String body = "{\"objective\": {\"name\": \"rosenbrock\", \"dimension\": 2000}, \"optimizer\": {\"name\": "
                + "\"adam\"}, \"iterations\": 1000000, \"record\": {\"every\": 1000000}, "
                + "\"gradientNoise\": {\"stddev\": 1e-9}, \"stopping\": "
                + "{\"timeLimitMillis\": " + timeLimitMillis + "}}";
        return HTTP.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/runs"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void awaitComputing(ConfigurableApplicationContext app) throws InterruptedException {
        ComputePool pool = app.getBean(ComputePool.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pool.active() == 0) {
            assertThat(System.nanoTime()).as("the run starts").isLessThan(deadline);
            Thread.sleep(5);
        }
        Thread.sleep(100);
    }

    /** During shutdown the server takes no new connections: a client learns it at once. */
    private static void assertRefused(int port) throws Exception {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("a request during shutdown").isEqualTo(503);
        } catch (IOException refused) {
            assertThat(refused).isInstanceOf(java.net.ConnectException.class);
        }
    }
}
