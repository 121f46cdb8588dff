package org.optlab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jobs end to end on a real port: submit (202 + Location), poll to the same result as the
 * synchronous endpoint, validation at submission, 404 for unknown jobs, cancellation of running
 * work within a second, and progress as server-sent events.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class JobIT {

    private static final JsonMapper STRICT = JsonMapper.builder().build();

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final String RUN = """
            {"objective": {"name": "rosenbrock"}, "optimizer": {"name": "adam", "learningRate": 0.01},
             "iterations": 500, "record": {"every": 10}, "gradientNoise": {"stddev": 0.1}, "seed": 5}""";

    private static final String COMPARISON = """
            {"objective": {"name": "rosenbrock"},
             "optimizers": [{"name": "adam", "learningRate": 0.02}, {"name": "sgd", "learningRate": 1},
                            {"name": "rmsprop", "learningRate": 0.001, "label": "RMSprop"}],
             "iterations": 300, "record": {"every": 20}}""";

    private static final String SWEEP = """
            {"objective": {"name": "rosenbrock"}, "optimizer": {"name": "momentum"}, "iterations": 200,
             "search": {"grid": {"learningRate": [0.0001, 0.0003, 0.001], "beta": [0.5, 0.9]}}}""";

    /** About 5 µs a step for a million steps: far longer than any test waits. */
    private static final String LONG_RUN = """
            {"objective": {"name": "rosenbrock", "dimension": 1000}, "optimizer": {"name": "adam"},
             "iterations": 1000000, "record": {"every": 100000}}""";

    private static final String LONG_SWEEP = """
            {"objective": {"name": "rosenbrock", "dimension": 100}, "optimizer": {"name": "adam"},
             "iterations": 100000, "record": {"every": 1000},
             "search": {"random": {"trials": 10000,
                        "ranges": {"learningRate": {"min": 1e-5, "max": 1e-2, "scale": "log"}}}}}""";

    @LocalServerPort
    private int port;

    static Stream<Arguments> jobTypes() {
        return Stream.of(
                Arguments.of("run", "/api/v1/runs", RUN),
                Arguments.of("comparison", "/api/v1/comparisons", COMPARISON),
                Arguments.of("sweep", "/api/v1/sweeps", SWEEP));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jobTypes")
    void jobSucceedsWithTheSynchronousEndpointsResult(String type, String endpoint, String request) throws Exception {
        HttpResponse<String> submitted = send("POST", "/api/v1/jobs", job(type, request));

        assertThat(submitted.statusCode()).isEqualTo(202);
        JsonNode view = STRICT.readTree(submitted.body());
        String id = view.get("id").stringValue();
        assertThat(view.get("type").stringValue()).isEqualTo(type);
        assertThat(view.get("status").stringValue()).isIn("queued", "running", "succeeded");
        String location = submitted.headers().firstValue("Location").orElseThrow();
        assertThat(uri("/").resolve(location)).isEqualTo(uri("/api/v1/jobs/" + id));

        JsonNode done = awaitTerminal(location, 20_000);
        assertThat(done.get("status").stringValue()).isEqualTo("succeeded");
        assertThat(done.get("progress").doubleValue()).isEqualTo(1.0);
        assertThat(done.get("error").isNull()).isTrue();
        assertThat(done.get("submittedAt").isNull()).isFalse();
        assertThat(done.get("finishedAt").isNull()).isFalse();

        HttpResponse<String> direct = send("POST", endpoint, request);
        assertThat(direct.statusCode()).isEqualTo(200);
        assertThat(withoutIdsAndTiming(done.get("result")))
                .isEqualTo(withoutIdsAndTiming(STRICT.readTree(direct.body())));
    }

    @Test
    void badInnerRequestIsRejectedAtSubmissionWithTheFieldUnderRequest() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/jobs", job("run", """
                {"objective": {"name": "rosenbrock"}, "optimizer": {"name": "adam", "bogus": 1}}"""));

        JsonNode problem = problem(response, 400);
        assertThat(fields(problem)).containsExactly("request.optimizer.bogus");
    }

    @Test
    void badInnerRequestIsRejectedAtSubmission() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/jobs", job("sweep", """
                {"objective": {"name": "rosenbrock"}, "optimizer": {"name": "adam", "beta1": 2},
                 "search": {"grid": {"learningRate": [0.1]}}}"""));

        JsonNode problem = problem(response, 400);
        assertThat(fields(problem)).singleElement().asString().endsWith("optimizer.beta1");
    }

    @Test
    void unknownPropertyOfTheInnerRequestIsNamedUnderRequest() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/jobs", job("sweep", """
                {"objective": {"name": "rosenbrock"}, "optimizer": {"name": "adam"}, "serch": {}}"""));

        JsonNode problem = problem(response, 400);
        assertThat(fields(problem)).containsExactly("request.serch");
    }

    @Test
    void missingRequiredFieldOfTheInnerRequestIsNamedUnderRequest() throws Exception {
        HttpResponse<String> response =
                send("POST", "/api/v1/jobs", job("comparison", "{\"objective\": {\"name\": \"rosenbrock\"}}"));

        JsonNode problem = problem(response, 400);
        assertThat(fields(problem)).containsExactly("request.optimizers");
    }

    @Test
    void unknownTypeIsRejected() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/jobs", job("landscape", "{}"));

        JsonNode problem = problem(response, 400);
        assertThat(fields(problem)).containsExactly("type");
        assertThat(problem.get("detail").stringValue()).contains("run", "comparison", "sweep");
    }

    @Test
    void unknownJobIsNotFound() throws Exception {
        String missing = "/api/v1/jobs/00000000-0000-0000-0000-000000000000";

        for (HttpResponse<String> response : List.of(
                send("GET", missing, null), send("DELETE", missing, null), send("GET", missing + "/events", null))) {
            JsonNode problem = problem(response, 404);
            assertThat(problem.get("type").stringValue())
                    .isEqualTo(Problems.type(Problems.JOB_NOT_FOUND).toString());
        }
    }

    @Test
    void deletingARunningRunCancelsItWithinASecond() throws Exception {
        String location = submit("run", LONG_RUN);
        awaitStatus(location, "running", 10_000);

        long millis = cancelAndTimeUntilCancelled(location);

        // Typically tens of ms (the runner checks every 256 steps); the bound leaves room for a loaded
        // 2-core CI machine and the HTTP polling around it.
        assertThat(millis).as("cancelled within 3 s of the DELETE").isLessThan(3_000);
        JsonNode job = get(location);
        JsonNode result = job.get("result");
        assertThat(result.get("status").stringValue())
                .as("the partial result of the cancelled run")
                .isEqualTo("cancelled");
        assertThat(result.get("iterations").intValue()).isLessThan(1_000_000);
        assertThat(job.get("finishedAt").isNull()).isFalse();
    }

    @Test
    void deletingARunningSweepCancelsItWithinASecond() throws Exception {
        String location = submit("sweep", LONG_SWEEP);
        awaitStatus(location, "running", 10_000);

        long millis = cancelAndTimeUntilCancelled(location);

        // Typically tens of ms (the runner checks every 256 steps); the bound leaves room for a loaded
        // 2-core CI machine and the HTTP polling around it.
        assertThat(millis).as("cancelled within 3 s of the DELETE").isLessThan(3_000);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void cancellingASweepLogsNoInternalError(CapturedOutput output) throws Exception {
        String location = submit("sweep", LONG_SWEEP);
        awaitStatus(location, "running", 10_000);
        cancelAndTimeUntilCancelled(location);
        String id = location.substring(location.lastIndexOf('/') + 1);

        assertThat(output.getAll()).doesNotContain("Job " + id).doesNotContain("NullPointerException");
    }

    @Test
    void eventsStreamProgressThenDone() throws Exception {
        String location = submit("run", LONG_RUN);
        HttpResponse<InputStream> stream = HTTP.send(
                HttpRequest.newBuilder(uri(location + "/events")).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());

        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        CompletableFuture<List<String[]>> events = CompletableFuture.supplyAsync(() -> readEvents(stream.body(), () -> {
            try {
                send("DELETE", location, null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        List<String[]> received = events.get(15, TimeUnit.SECONDS);

        List<String[]> progress =
                received.stream().filter(e -> e[0].equals("progress")).toList();
        assertThat(progress).hasSizeGreaterThanOrEqualTo(2);
        double last = 0;
        for (String[] event : progress) {
            JsonNode data = STRICT.readTree(event[1]);
            assertThat(data.get("id").stringValue()).isEqualTo(location.substring(location.lastIndexOf('/') + 1));
            assertThat(data.get("status").stringValue()).isIn("queued", "running");
            double fraction = data.get("progress").doubleValue();
            assertThat(fraction).isBetween(last, 1.0);
            last = fraction;
        }
        String[] done = received.get(received.size() - 1);
        assertThat(done[0]).isEqualTo("done");
        assertThat(STRICT.readTree(done[1]).get("status").stringValue()).isEqualTo("cancelled");
        assertThat(received.stream().filter(e -> e[0].equals("done"))).hasSize(1);
    }

    @Test
    void eventsOfAFinishedJobAreOneDoneEvent() throws Exception {
        String location = submit("run", RUN);
        awaitTerminal(location, 10_000);
        HttpResponse<InputStream> stream = HTTP.send(
                HttpRequest.newBuilder(uri(location + "/events")).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());

        List<String[]> received = CompletableFuture.supplyAsync(() -> readEvents(stream.body(), () -> {}))
                .get(10, TimeUnit.SECONDS);

        assertThat(received).hasSize(1);
        assertThat(received.get(0)[0]).isEqualTo("done");
        JsonNode data = STRICT.readTree(received.get(0)[1]);
        assertThat(data.get("status").stringValue()).isEqualTo("succeeded");
        assertThat(data.get("progress").doubleValue()).isEqualTo(1.0);
    }

    // ---- helpers -------------------------------------------------------------------------------

    /**
     * Reads {@code [event, data]} pairs until the stream ends; after the second progress event runs
     * {@code afterTwoProgressEvents} once.
     */
    private static List<String[]> readEvents(InputStream body, Runnable afterTwoProgressEvents) {
        List<String[]> events = new ArrayList<>();
        int progress = 0;
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("event:")) {
                    name = line.substring("event:".length()).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring("data:".length()));
                } else if (line.isEmpty() && name != null) {
                    events.add(new String[] {name, data.toString()});
                    if (name.equals("progress") && ++progress == 2) {
                        afterTwoProgressEvents.run();
                    }
                    name = null;
                    data.setLength(0);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return events;
    }

    private long cancelAndTimeUntilCancelled(String location) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> deleted = send("DELETE", location, null);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(STRICT.readTree(deleted.body()).get("status").stringValue()).isIn("running", "cancelled");
        JsonNode job = awaitTerminal(location, 5_000);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(job.get("status").stringValue()).isEqualTo("cancelled");
        return millis;
    }

    private String submit(String type, String request) throws Exception {
        HttpResponse<String> submitted = send("POST", "/api/v1/jobs", job(type, request));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        return submitted.headers().firstValue("Location").orElseThrow();
    }

    private JsonNode awaitStatus(String location, String status, long timeoutMillis) throws Exception {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        JsonNode job = get(location);
        while (!job.get("status").stringValue().equals(status) && System.nanoTime() < deadline) {
            Thread.sleep(5);
            job = get(location);
        }
        assertThat(job.get("status").stringValue()).isEqualTo(status);
        return job;
    }

    private JsonNode awaitTerminal(String location, long timeoutMillis) throws Exception {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        JsonNode job = get(location);
        while (List.of("queued", "running").contains(job.get("status").stringValue()) && System.nanoTime() < deadline) {
            Thread.sleep(5);
            job = get(location);
        }
        return job;
    }

    private JsonNode get(String location) throws Exception {
        HttpResponse<String> response = send("GET", location, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return STRICT.readTree(response.body());
    }

    private static String job(String type, String request) {
        return "{\"type\": \"" + type + "\", \"request\": " + request + "}";
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port).resolve(path);
    }

    private static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = STRICT.readTree(response.body());
        assertThat(problem.get("status").intValue()).isEqualTo(status);
        assertThat(problem.get("type").stringValue()).startsWith("urn:optlab:problem:");
        assertThat(problem.get("detail").stringValue()).isNotBlank();
        return problem;
    }

    private static List<String> fields(JsonNode problem) {
        assertThat(problem.get("errors")).as("errors[] of %s", problem).isNotNull();
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").stringValue()));
        return fields;
    }

    /** A copy without what differs between two computations of the same request: ids and timings. */
    private static JsonNode withoutIdsAndTiming(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(List.of("id", "timing", "computeNanos"));
        }
        node.forEach(JobIT::strip);
    }
}
