package org.optlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
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
 * Every unit of work stops within 100 ms of its time limit — the request's
 * {@code stopping.timeLimitMillis}, or the server's {@code optlab.limits.max-run-millis} when it
 * gives none — and within 100 ms of a job's cancellation; the whole synchronous request included.
 * These bound the stopping latency (how late the work ends after it was told to), which is
 * behaviour, not speed: the runs are built to take half a minute, so a run that ignored its limit
 * would blow the bound by far.
 */
@SpringBootTest(properties = {TimeLimitTest.SERVER_LIMIT, "logging.level.org.optlab.access=warn"})
@AutoConfigureMockMvc
class TimeLimitTest {

    static final String SERVER_LIMIT = "optlab.limits.max-run-millis=1500";

    /** How late work may end after its limit or its cancellation. */
    static final long LATENESS_MILLIS = 100;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Fields of a run that would take half a minute or more: 10^6 steps on 200-D Rosenbrock, each
     * drawing 200 Gaussian numbers for a negligible gradient noise (with optimizers that do not
     * diverge there at their default learning rates).
     */
    private static final String HEAVY = """
            "objective": {"name": "rosenbrock", "dimension": 200},
            "iterations": 1000000,
            "record": {"every": 1000000},
            "gradientNoise": {"stddev": 1e-9}""";

    @Autowired
    private MockMvc mvc;

    @Test
    void runStopsAtItsTimeLimit() throws Exception {
        long limit = 250;
        assertStopsPromptly("run", () -> {
            long start = System.nanoTime();
            JsonNode run = postOk(
                    "/api/v1/runs",
                    "{" + HEAVY + ", \"optimizer\": {\"name\": \"adam\"}, \"stopping\": {\"timeLimitMillis\": " + limit
                            + "}}");
            long elapsed = millisSince(start);

            assertThat(run.get("status").stringValue()).isEqualTo("time_limit");
            assertThat(run.get("iterations").intValue()).isBetween(1, 999_999);
            long loop = run.get("timing").get("computeNanos").longValue() / 1_000_000;
            assertThat(loop).isGreaterThanOrEqualTo(limit);
            assertThat(elapsed).isGreaterThanOrEqualTo(limit);
            return elapsed - limit;
        });
    }

    @Test
    void runWithoutALimitStopsAtTheServerLimit() throws Exception {
        long limit = 1500; // SERVER_LIMIT
        assertStopsPromptly("run (server limit)", () -> {
            long start = System.nanoTime();
            JsonNode run = postOk("/api/v1/runs", "{" + HEAVY + ", \"optimizer\": {\"name\": \"adagrad\"}}");
            long elapsed = millisSince(start);

            assertThat(run.get("status").stringValue()).isEqualTo("time_limit");
            assertThat(run.get("resolved")
                            .get("stopping")
                            .get("timeLimitMillis")
                            .longValue())
                    .isEqualTo(limit);
            assertThat(elapsed).isGreaterThanOrEqualTo(limit);
            return elapsed - limit;
        });
    }

    @Test
    void comparisonStopsAtItsTimeLimit() throws Exception {
        long limit = 300;
        assertStopsPromptly("comparison", () -> {
            long start = System.nanoTime();
            JsonNode comparison = postOk(
                    "/api/v1/comparisons",
                    "{" + HEAVY + ", \"optimizers\": [{\"name\": \"adam\"}, {\"name\": \"adamw\"}, "
                            + "{\"name\": \"adagrad\"}], \"stopping\": {\"timeLimitMillis\": " + limit + "}}");
            long elapsed = millisSince(start);

            assertThat(comparison.get("results")).hasSize(3);
            for (JsonNode result : comparison.get("results")) {
                // A contender that could not start before the study's deadline stops at once.
                assertThat(result.get("status").stringValue()).isIn("time_limit", "cancelled");
            }
            assertThat(elapsed).isGreaterThanOrEqualTo(limit);
            return elapsed - limit;
        });
    }

    @Test
    void sweepStopsAtItsTimeLimit() throws Exception {
        long limit = 300;
        assertStopsPromptly("sweep (trials, then the best run)", () -> {
            long start = System.nanoTime();
            JsonNode sweep = postOk(
                    "/api/v1/sweeps",
                    "{" + HEAVY + ", \"optimizer\": {\"name\": \"adam\"}, "
                            + "\"search\": {\"grid\": {\"learningRate\": [0.0001, 0.001, 0.01, 0.1]}}, "
                            + "\"stopping\": {\"timeLimitMillis\": " + limit + "}}");
            long elapsed = millisSince(start);

            // Two units of work, each under the limit: the trials (cut short by the study's
            // deadline), then the best trial run again with its path recorded, under its own limit.
            assertThat(sweep.get("trials")).hasSize(4);
            long lateness = 0;
            for (JsonNode trial : sweep.get("trials")) {
                assertThat(trial.get("status").stringValue()).isEqualTo("time_limit");
                lateness = Math.max(lateness, trial.get("computeNanos").longValue() / 1_000_000 - limit);
            }
            JsonNode best = sweep.get("best").get("run");
            assertThat(best.get("status").stringValue()).isEqualTo("time_limit");
            lateness = Math.max(lateness, best.get("timing").get("computeNanos").longValue() / 1_000_000 - limit);
            assertThat(elapsed).isGreaterThanOrEqualTo(2 * limit);
            return Math.max(lateness, elapsed - 2 * limit);
        });
    }

    @Test
    void jobStopsAtItsTimeLimit() throws Exception {
        long limit = 300;
        assertStopsPromptly("job", () -> {
            String id = submit("{\"type\": \"run\", \"request\": {" + HEAVY
                    + ", \"optimizer\": {\"name\": \"adam\"}, \"stopping\": {\"timeLimitMillis\": " + limit + "}}}");
            JsonNode job = awaitTerminal(id, 10_000);

            assertThat(job.get("status").stringValue()).isEqualTo("succeeded");
            assertThat(job.get("result").get("status").stringValue()).isEqualTo("time_limit");
            long ran = Duration.between(
                            Instant.parse(job.get("startedAt").stringValue()),
                            Instant.parse(job.get("finishedAt").stringValue()))
                    .toMillis();
            assertThat(ran).isGreaterThanOrEqualTo(limit);
            return ran - limit;
        });
    }

    @Test
    void cancelledSweepJobStopsPromptly() throws Exception {
        assertStopsPromptly("cancelled sweep job", () -> {
            String id = submit("{\"type\": \"sweep\", \"request\": {" + HEAVY
                    + ", \"optimizer\": {\"name\": \"adam\"}, \"search\": {\"random\": {\"trials\": 40, "
                    + "\"ranges\": {\"learningRate\": {\"min\": 0.0001, \"max\": 0.1, \"scale\": \"log\"}}}}}}");
            awaitStatus(id, "running", 5_000);
            Thread.sleep(150); // well inside its first trials
            long start = System.nanoTime();
            cancel(id);
            JsonNode job = awaitTerminal(id, 5_000);
            long latency = millisSince(start);

            assertThat(job.get("status").stringValue()).isEqualTo("cancelled");
            return latency;
        });
    }

    @Test
    void cancelledRunJobStopsPromptly() throws Exception {
        assertStopsPromptly("cancelled run job", () -> {
            String id =
                    submit("{\"type\": \"run\", \"request\": {" + HEAVY + ", \"optimizer\": {\"name\": \"adam\"}}}");
            awaitStatus(id, "running", 5_000);
            Thread.sleep(150);
            long start = System.nanoTime();
            cancel(id);
            JsonNode job = awaitTerminal(id, 5_000);
            long latency = millisSince(start);

            assertThat(job.get("status").stringValue()).isEqualTo("cancelled");
            // The partial result of a cancelled run stays readable.
            assertThat(job.get("result").get("status").stringValue()).isEqualTo("cancelled");
            assertThat(job.get("result").get("iterations").intValue()).isPositive();
            return latency;
        });
    }

    /** One measurement: checks the outcome and returns how late (ms) the work ended. */
    @FunctionalInterface
    private interface Measurement {
        long lateness() throws Exception;
    }

    /**
     * The work must end within {@link #LATENESS_MILLIS} of its limit or its cancellation. On a
     * machine shared with other busy processes a thread can lose the CPU for a while at the wrong
     * moment, so a late measurement is repeated (up to 3 in all) and the best one counts: an
     * implementation that stops late does so every time. Every attempt checks the outcome.
     */
    private static void assertStopsPromptly(String what, Measurement measurement) throws Exception {
        List<Long> attempts = new ArrayList<>();
        long best = Long.MAX_VALUE;
        while (attempts.size() < 3 && best > LATENESS_MILLIS) {
            long lateness = measurement.lateness();
            attempts.add(lateness);
            best = Math.min(best, lateness);
        }
        System.out.printf("%s: ended %s ms after its limit or cancellation%n", what, attempts);
        assertThat(best).as("%s: lateness, ms (attempts %s)", what, attempts).isLessThanOrEqualTo(LATENESS_MILLIS);
    }

    private void cancel(String id) throws Exception {
        assertThat(complete(mvc.perform(delete("/api/v1/jobs/" + id)).andReturn())
                        .getStatus())
                .isEqualTo(200);
    }

    private static boolean warm;

    /**
     * One small request of each kind first: the first request of a kind in a fresh JVM loads and
     * compiles its classes (hundreds of milliseconds on a busy machine), which is start-up cost, not
     * stopping latency.
     */
    @BeforeEach
    void warmUp() throws Exception {
        if (warm) {
            return;
        }
        String small = "\"objective\": {\"name\": \"rosenbrock\", \"dimension\": 20}, \"iterations\": 2000";
        postOk("/api/v1/runs", "{" + small + ", \"optimizer\": {\"name\": \"adam\"}}");
        postOk(
                "/api/v1/comparisons",
                "{" + small + ", \"optimizers\": [{\"name\": \"adam\"}, {\"name\": \"adagrad\"}]}");
        postOk(
                "/api/v1/sweeps",
                "{" + small + ", \"optimizer\": {\"name\": \"adam\"}, "
                        + "\"search\": {\"grid\": {\"learningRate\": [0.01, 0.1]}}}");
        awaitTerminal(
                submit("{\"type\": \"run\", \"request\": {" + small + ", \"optimizer\": {\"name\": \"adam\"}}}"),
                10_000);
        warm = true;
    }

    private JsonNode postOk(String path, String body) throws Exception {
        MockHttpServletResponse response = complete(
                mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body))
                        .andReturn());
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return JSON.readTree(response.getContentAsString());
    }

    private String submit(String body) throws Exception {
        MockHttpServletResponse response = complete(mvc.perform(post("/api/v1/jobs")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn());
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(202);
        return JSON.readTree(response.getContentAsString()).get("id").stringValue();
    }

    private JsonNode job(String id) throws Exception {
        return JSON.readTree(
                mvc.perform(get("/api/v1/jobs/" + id)).andReturn().getResponse().getContentAsString());
    }

    private void awaitStatus(String id, String status, long timeoutMillis) throws Exception {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!job(id).get("status").stringValue().equals(status)) {
            assertThat(System.nanoTime()).as("job %s reaches %s", id, status).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private JsonNode awaitTerminal(String id, long timeoutMillis) throws Exception {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (true) {
            JsonNode job = job(id);
            if (Set.of("succeeded", "failed", "cancelled")
                    .contains(job.get("status").stringValue())) {
                return job;
            }
            assertThat(System.nanoTime()).as("job %s finishes", id).isLessThan(deadline);
            Thread.sleep(2);
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** The answer, once an asynchronous one (the study endpoints answer through a DeferredResult) is done. */
    private MockHttpServletResponse complete(MvcResult result) throws Exception {
        if (result.getRequest().isAsyncStarted()) {
            result = mvc.perform(asyncDispatch(result)).andReturn();
        }
        return result.getResponse();
    }
}
