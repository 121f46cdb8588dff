package org.optlab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.optlab.compute.ComputePool;
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
 * A saturated compute pool answers at once with 503, {@code Retry-After} and a problem body, never a
 * hung connection: one worker and no queue, so one busy task fills it.
 */
@WebMvcTest(
        controllers = StudyController.class,
        properties = {"optlab.compute.workers=1", "optlab.compute.queue-capacity=0"})
@Import(WebSliceConfiguration.class)
class StudyOverloadTest {

    private static final JsonMapper STRICT = JsonMapper.builder().build();

    private static final String COMPARISON = """
            {"objective": {"name": "sphere"}, "optimizers": [{"name": "adam"}, {"name": "sgd"}], "iterations": 10}""";
    private static final String SWEEP = """
            {"objective": {"name": "sphere"}, "optimizer": {"name": "sgd"}, "iterations": 10,
             "search": {"grid": {"learningRate": [0.01, 0.1]}}}""";
    private static final String LANDSCAPE = """
            {"objective": {"name": "himmelblau"}, "resolution": 10}""";

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private ComputePool pool;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"comparisons", "sweeps", "landscapes"})
    void busyPoolAnswers503WithRetryAfter(String endpoint) throws Exception {
        String body = switch (endpoint) {
            case "comparisons" -> COMPARISON;
            case "sweeps" -> SWEEP;
            default -> LANDSCAPE;
        };
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> occupant = occupyTheWorker(release);
        try {
            long start = System.nanoTime();
            MvcTestResult result = post("/api/v1/" + endpoint, body);
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertOverloaded(result);
            assertThat(millis).as("refused at once, not queued").isLessThan(2_000);
        } finally {
            release.countDown();
            occupant.get(5, TimeUnit.SECONDS);
        }
        assertThat(acceptedOnceFree("/api/v1/" + endpoint, body)).isTrue();
    }

    @Test
    void longComparisonOnAnotherThreadMakesOtherRequestsWait503() throws Exception {
        // One optimizer on a 1000-D Rosenbrock for up to a million steps, stopped after 1.5 s.
        String longComparison = """
                {"objective": {"name": "rosenbrock", "dimension": 1000},
                 "optimizers": [{"name": "adam"}], "iterations": 1000000, "record": {"every": 100000},
                 "stopping": {"timeLimitMillis": 1500}}""";
        CompletableFuture<MvcTestResult> running =
                CompletableFuture.supplyAsync(() -> post("/api/v1/comparisons", longComparison));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (pool.active() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(pool.active()).as("the comparison holds the only worker").isEqualTo(1);

            assertOverloaded(post("/api/v1/landscapes", LANDSCAPE));
        } finally {
            MvcTestResult finished = running.get(10, TimeUnit.SECONDS);
            assertThat(finished).hasStatusOk();
        }
    }

    private Future<Object> occupyTheWorker(CountDownLatch release) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Future<Object> occupant = pool.submit(() -> {
            started.countDown();
            return release.await(10, TimeUnit.SECONDS);
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        return occupant;
    }

    /** The worker goes back to waiting for work a moment after its task ends: retry briefly. */
    private boolean acceptedOnceFree(String uri, String body) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (post(uri, body).getResponse().getStatus() == 200) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    private static void assertOverloaded(MvcTestResult result) {
        assertThat(result)
                .hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).headers().hasValue("Retry-After", "1");
        JsonNode problem =
                STRICT.readTree(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
        assertThat(problem.get("type").stringValue())
                .isEqualTo(Problems.type(Problems.OVERLOADED).toString());
        assertThat(problem.get("status").intValue()).isEqualTo(503);
        assertThat(problem.get("title").stringValue()).isNotBlank();
        assertThat(problem.get("detail").stringValue()).contains("Retry after 1 s");
    }

    private MvcTestResult post(String uri, String body) {
        return mvc.post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }
}
