package org.optlab.compute.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.optlab.compute.Limits;

/**
 * The loop allocates nothing per step: a run of 200,000 steps allocates about as much as one of
 * 1,000 (the difference is far below one byte per step), for every optimizer.
 */
class AllocationTest {

    private static long allocatedBy(Runnable work) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        work.run();
        return threads.getThreadAllocatedBytes(id) - before;
    }

    private static Runnable run(String optimizer, int iterations) {
        RunPlan plan = RunPlan.prepare(
                new RunRequestData(
                        Map.of("name", "rosenbrock"),
                        Map.of("name", optimizer, "learningRate", 1e-4),
                        Map.of("name", "warmup_cosine", "warmupSteps", 10),
                        null,
                        iterations,
                        null,
                        null,
                        null,
                        10.0,
                        0.01,
                        null,
                        iterations,
                        null),
                Limits.defaults());
        return () -> plan.execute(() -> false);
    }

    @Test
    void stepsAllocateNothing() {
        Assumptions.assumeTrue(
                ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean, "needs HotSpot");
        for (String optimizer : new String[] {
            "sgd",
            "momentum",
            "nesterov",
            "adagrad",
            "rmsprop",
            "adam",
            "adamw",
            "adadelta",
            "adamax",
            "nadam",
            "radam",
            "lion"
        }) {
            for (int warm = 0; warm < 3; warm++) {
                run(optimizer, 20_000).run();
            }
            long small = allocatedBy(run(optimizer, 1_000));
            long large = allocatedBy(run(optimizer, 200_000));
            assertThat(large - small)
                    .as("%s: extra bytes allocated by 199,000 more steps", optimizer)
                    .isLessThan(16_384);
        }
    }

    private static Runnable overData(Map<String, Object> objective, int iterations) {
        RunPlan plan = RunPlan.prepare(
                new RunRequestData(
                        objective,
                        Map.of("name", "nesterov", "learningRate", 0.01),
                        null,
                        null,
                        iterations,
                        null,
                        null,
                        null,
                        10.0,
                        0.01,
                        null,
                        iterations,
                        null),
                Limits.defaults());
        return () -> plan.execute(() -> false);
    }

    /** Minibatch and full-batch runs over data too: their samplers and evaluators work in place. */
    @Test
    void stepsOverDataAllocateNothing() {
        Assumptions.assumeTrue(
                ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean, "needs HotSpot");
        Map<String, Object> moons = Map.of("generated", Map.of("kind", "moons", "samples", 120));
        for (Map<String, Object> objective : java.util.List.of(
                Map.<String, Object>of(
                        "name", "mlp_classifier", "dataset", moons, "hiddenLayers", 2, "width", 8, "batchSize", 10),
                Map.<String, Object>of("name", "softmax_regression", "batchSize", 7),
                Map.<String, Object>of("name", "logistic_regression", "dataset", moons))) {
            for (int warm = 0; warm < 3; warm++) {
                overData(objective, 5_000).run();
            }
            long small = allocatedBy(overData(objective, 1_000));
            long large = allocatedBy(overData(objective, 30_000));
            assertThat(large - small)
                    .as("%s: extra bytes allocated by 29,000 more steps", objective.get("name"))
                    .isLessThan(16_384);
        }
    }
}
