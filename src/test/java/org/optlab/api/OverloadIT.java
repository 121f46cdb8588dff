package org.optlab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.optlab.compute.ComputePool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Overload on loopback: 200 concurrent clients post heavy runs at a service whose compute pool has
 * 1 worker and 2 queue places (one core stays for the web threads, the clients and the JVM) (all clients in within 0.4 s, each coming back 0.1–0.4 s after an
 * answer). Bounded to 8 seconds and 4,000 requests. Every answer must be a 200
 * or a 503 problem with {@code Retry-After} (no hung connection, no other status);
 * {@code /actuator/health}, polled throughout, must always answer UP (its latencies are printed,
 * p99 included); the heap must not keep what the overload made; and right after, the service
 * serves normally.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "optlab.compute.workers=1",
            "optlab.compute.queue-capacity=2",
            "optlab.compute.retry-after-seconds=1",
            "logging.level.org.optlab.access=warn"
        })
class OverloadIT {

    static final int CLIENTS = 200;
    static final long LOAD_MILLIS = 8_000;
    static final int MAX_REQUESTS = 4_000;

    /** How long a health check may take under this load before it counts as slow. */
    static final long HEALTH_BOUND_MILLIS = 1_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A run that would take seconds; its time limit keeps each accepted one at 400 ms of a worker. */
    private static final String HEAVY = """
            {"objective": {"name": "rosenbrock", "dimension": 2000}, "optimizer": {"name": "adam"},
             "iterations": 1000000, "record": {"every": 1000000}, "gradientNoise": {"stddev": 1e-9},
             "stopping": {"timeLimitMillis": 400}}""";

    @LocalServerPort
    private int port;

    @Autowired
    private ComputePool pool;

    @Test
    void overloadIsAnsweredAndHealthStaysFast() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = settledHeap(memory);
        int processors = Runtime.getRuntime().availableProcessors();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        HttpClient clients = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicLong peakHeap = new AtomicLong();
        List<Long> healthMillis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger healthFailures = new AtomicInteger();

        // Warm-up, not measured: the first requests of a fresh JVM load and compile their code paths.
        for (int i = 0; i < 3; i++) {
            clients.send(
                    HttpRequest.newBuilder(uri("/api/v1/runs"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(HEAVY))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LOAD_MILLIS);
        ExecutorService load = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        for (int c = 0; c < CLIENTS; c++) {
            long rampMillis = c * 2L; // all 200 clients are in within 0.4 s
            load.submit(() -> {
                start.await();
                Thread.sleep(rampMillis);
                while (System.nanoTime() < end && sent.incrementAndGet() <= MAX_REQUESTS) {
                    try {
                        HttpResponse<String> response = clients.send(
                                HttpRequest.newBuilder(uri("/api/v1/runs"))
                                        .timeout(Duration.ofSeconds(20))
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(HEAVY))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                        statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger())
                                .incrementAndGet();
                        check(response, wrong);
                    } catch (Exception e) {
                        wrong.add("no answer: " + e);
                    }
                    // Impatient clients: they come back well before the Retry-After (1 s) asks.
                    Thread.sleep(ThreadLocalRandom.current().nextInt(100, 400));
                }
                return null;
            });
        }
        Thread health = new Thread(() -> pollHealth(end, healthMillis, healthFailures, memory, peakHeap));
        health.start();
        start.countDown();
        load.shutdown();
        assertThat(load.awaitTermination(LOAD_MILLIS + 30_000, TimeUnit.MILLISECONDS))
                .as("every client finished")
                .isTrue();
        health.join();

        List<Long> sorted = new ArrayList<>(healthMillis);
        Collections.sort(sorted);
        long p50 = percentile(sorted, 0.50);
        long p99 = percentile(sorted, 0.99);
        long max = sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1);
        System.out.printf(
                "OverloadIT: %d clients, %d requests, statuses %s, pool rejections %d; /actuator/health under load: "
                        + "n=%d p50=%d ms p99=%d ms max=%d ms; heap before %d MiB, peak %d MiB; "
                        + "system load average before %.1f on %d processors%n",
                CLIENTS,
                Math.min(sent.get(), MAX_REQUESTS),
                statuses,
                pool.rejectedCount(),
                sorted.size(),
                p50,
                p99,
                max,
                heapBefore >> 20,
                peakHeap.get() >> 20,
                loadBefore,
                processors);

        assertThat(wrong).as("answers other than 200 or 503 with Retry-After").isEmpty();
        assertThat(statuses.keySet()).isSubsetOf(Set.of(200, 503));
        assertThat(statuses.get(200)).as("runs served").isNotNull();
        assertThat(statuses.get(503)).as("runs refused: the overload happened").isNotNull();
        // Always: every health check answered UP, none hung past its 5 s timeout.
        assertThat(healthFailures.get()).as("health checks that failed").isZero();
        assertThat(sorted).as("health checks made during the overload").hasSizeGreaterThanOrEqualTo(5);
        // The latency bound only means something when other processes leave this one its cores.
        if (loadBefore <= 2.0 * processors) {
            assertThat(p99).as("health p99, ms").isLessThan(HEALTH_BOUND_MILLIS);
        } else {
            System.out.printf(
                    "OverloadIT: health p99 not held to %d ms: the machine was already loaded (%.1f)%n",
                    HEALTH_BOUND_MILLIS, loadBefore);
        }

        // Right after: the pool drains, the service serves normally, the heap lets go.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pool.active() > 0 || pool.queued() > 0) {
            assertThat(System.nanoTime()).as("pool drains").isLessThan(deadline);
            Thread.sleep(20);
        }
        HttpResponse<String> after = clients.send(
                HttpRequest.newBuilder(uri("/api/v1/runs"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(HEAVY))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(after.body()).get("status").stringValue()).isEqualTo("time_limit");
        String scrape = clients.send(
                        HttpRequest.newBuilder(uri("/actuator/prometheus")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(scrape).containsPattern("(?m)^optlab_pool_rejections_total [1-9]");

        long heapAfter = settledHeap(memory);
        System.out.printf("OverloadIT: heap after %d MiB%n", heapAfter >> 20);
        assertThat(heapAfter - heapBefore)
                .as("heap kept after the overload, bytes")
                .isLessThan(64L << 20);
        assertThat(peakHeap.get() - heapBefore)
                .as("heap growth during the overload, bytes")
                .isLessThan(1L << 30);
    }

    private void check(HttpResponse<String> response, ConcurrentLinkedQueue<String> wrong) {
        int status = response.statusCode();
        if (status == 200) {
            JsonNode run = JSON.readTree(response.body());
            if (!"time_limit".equals(run.get("status").stringValue())
                    && !"max_iterations".equals(run.get("status").stringValue())) {
                wrong.add("200 with status " + run.get("status"));
            }
        } else if (status == 503) {
            String retryAfter = response.headers().firstValue("Retry-After").orElse("");
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!retryAfter.equals("1") || !type.startsWith("application/problem+json")) {
                wrong.add("503 with Retry-After '" + retryAfter + "' and Content-Type '" + type + "'");
            } else if (!JSON.readTree(response.body())
                    .get("type")
                    .stringValue()
                    .equals("urn:optlab:problem:overloaded")) {
                wrong.add("503 of type " + JSON.readTree(response.body()).get("type"));
            }
        } else {
            wrong.add(status + ": " + response.body());
        }
    }

    private void pollHealth(
            long end, List<Long> millis, AtomicInteger failures, MemoryMXBean memory, AtomicLong peakHeap) {
        HttpClient probe = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> response = probe.send(
                        HttpRequest.newBuilder(uri("/actuator/health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                millis.add((System.nanoTime() - t0) / 1_000_000);
                if (response.statusCode() != 200 || !response.body().contains("\"UP\"")) {
                    failures.incrementAndGet();
                }
            } catch (Exception e) {
                failures.incrementAndGet();
            }
            peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Heap in use once garbage is collected (a few GCs: the JVM may defer a requested one). */
    private static long settledHeap(MemoryMXBean memory) throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    private static long percentile(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
