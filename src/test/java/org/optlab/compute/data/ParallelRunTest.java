package org.optlab.compute.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.optlab.compute.data.Data.generated;
import static org.optlab.compute.data.Data.map;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.Limits;
import org.optlab.compute.objective.StochasticObjective;
import org.optlab.compute.run.ParallelRequest;
import org.optlab.compute.run.ParallelSummary;
import org.optlab.compute.run.RunPlan;
import org.optlab.compute.run.RunReport;
import org.optlab.compute.run.RunRequestData;

/**
 * Data-parallel runs: the equivalences that pin down what each mode means (one worker is the plain
 * run; whole-shard all-reduce is full-batch descent; τ = 0 is the sequential round robin; local SGD
 * synced every step is global SGD), reproducibility, the staleness drawn, and a 400 naming every
 * bad field.
 */
class ParallelRunTest {

    private static final Map<String, Object> MOONS_MLP = map(
            "name",
            "mlp_classifier",
            "dataset",
            generated("moons", "samples", 250, "noise", 0.25),
            "width",
            16,
            "batchSize",
            25);

    /** 240 training samples after the default validation split: shards of 60 for 4 workers. */
    private static Map<String, Object> linear(Integer batchSize) {
        Map<String, Object> spec = map(
                "name",
                "linear_regression",
                "dataset",
                generated("linear", "samples", 300, "features", 5, "noise", 0.3),
                "validationFraction",
                0.2);
        if (batchSize != null) {
            spec.put("batchSize", batchSize);
        }
        return spec;
    }

    private static final Map<String, Object> SGD = map("name", "sgd", "learningRate", 0.05);
    private static final Map<String, Object> ADAM = map("name", "adam", "learningRate", 0.01);

    static ParallelRequest synchronous(int workers) {
        return new ParallelRequest(workers, "synchronous", null, null, null, null, false);
    }

    static ParallelRequest local(int workers, int syncEvery) {
        return new ParallelRequest(workers, "synchronous", "local", syncEvery, null, null, false);
    }

    static ParallelRequest asynchronous(int workers, int tau, String distribution) {
        return new ParallelRequest(workers, "asynchronous", null, null, tau, distribution, true);
    }

    private static RunRequestData request(
            Map<String, Object> objective,
            Map<String, Object> optimizer,
            int iterations,
            Integer every,
            Double noise,
            ParallelRequest parallel) {
        return new RunRequestData(
                objective, optimizer, null, null, iterations, null, null, null, null, noise, null, every, 3L, parallel);
    }

    private static RunReport run(RunRequestData request) {
        return Data.run(request);
    }

    private static void assertSameRun(RunReport actual, RunReport expected) {
        assertThat(actual.outcome().finalPoint())
                .containsExactly(expected.outcome().finalPoint());
        assertThat(actual.outcome().finalLoss()).isEqualTo(expected.outcome().finalLoss());
        assertThat(actual.outcome().iterations()).isEqualTo(expected.outcome().iterations());
        assertThat(actual.outcome().gradientEvaluations())
                .isEqualTo(expected.outcome().gradientEvaluations());
        assertThat(actual.trajectory().iterations())
                .containsExactly(expected.trajectory().iterations());
        assertThat(actual.trajectory().losses())
                .containsExactly(expected.trajectory().losses());
        assertThat(actual.data().validationLosses())
                .containsExactly(expected.data().validationLosses());
    }

    @Test
    void oneSynchronousWorkerIsThePlainMinibatchRunBitForBit() {
        // Adam, noise and recording every 10th iterate: every stream of the plain run is exercised.
        RunReport plain = run(request(MOONS_MLP, ADAM, 130, 10, 0.01, null));
        RunReport parallel = run(request(MOONS_MLP, ADAM, 130, 10, 0.01, synchronous(1)));
        assertSameRun(parallel, plain);
        assertThat(parallel.parallel().perWorker().get(0).shardSize()).isEqualTo(200);
        assertThat(plain.parallel()).isNull();
    }

    @Test
    void oneSynchronousWorkerIsThePlainFullBatchRunBitForBit() {
        RunReport plain = run(request(linear(null), SGD, 60, 7, null, null));
        RunReport parallel = run(request(linear(null), SGD, 60, 7, null, synchronous(1)));
        assertSameRun(parallel, plain);
    }

    @Test
    void oneAsynchronousWorkerWithoutStalenessIsThePlainRunBitForBit() {
        RunReport plain = run(request(MOONS_MLP, ADAM, 90, 10, null, null));
        RunReport parallel = run(request(MOONS_MLP, ADAM, 90, 10, null, asynchronous(1, 0, "fixed")));
        assertSameRun(parallel, plain);
    }

    @Test
    void wholeShardAllReduceIsFullBatchGradientDescentUpToRounding() {
        // 4 equal shards of 60: the mean of the shard means is the mean over the 240 samples.
        RunReport plain = run(request(linear(null), SGD, 80, 1, null, null));
        RunReport parallel = run(request(linear(60), SGD, 80, 1, null, synchronous(4)));
        assertThat(parallel.parallel().perWorker())
                .extracting(ParallelSummary.Worker::shardSize)
                .containsExactly(60, 60, 60, 60);
        double[] expected = plain.outcome().finalPoint();
        double[] actual = parallel.outcome().finalPoint();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("coordinate %d", i).isCloseTo(expected[i], within(1e-12));
        }
        double[] plainLosses = plain.trajectory().losses();
        double[] losses = parallel.trajectory().losses();
        assertThat(losses).hasSameSizeAs(plainLosses);
        for (int i = 0; i < losses.length; i++) {
            assertThat(losses[i]).isCloseTo(plainLosses[i], within(1e-12 * Math.max(1, plainLosses[i])));
        }
        assertThat(parallel.parallel().effectiveBatchSize()).isEqualTo(240);
    }

    @Test
    void asynchronousWithoutStalenessIsTheSequentialRoundRobin() {
        int workers = 3;
        int iterations = 50;
        RunReport parallel = run(request(linear(16), SGD, iterations, 10, null, asynchronous(workers, 0, "fixed")));
        assertThat(parallel.parallel().staleness().histogram()).containsExactly(iterations);

        // By hand: update t is worker t mod W's minibatch number t / W, at the current parameters.
        DataObjective objective = Data.objective(withSeed(linear(16)));
        StochasticObjective.Shard[] shards = objective.shards(3L, workers);
        double[] w = objective.defaultInitialPoint();
        double[] g = new double[w.length];
        for (int t = 0; t < iterations; t++) {
            shards[t % workers].gradient(w, g, t / workers);
            for (int i = 0; i < w.length; i++) {
                w[i] = w[i] + -0.05 * g[i];
            }
        }
        assertThat(parallel.outcome().finalPoint()).containsExactly(w);
    }

    @Test
    void localSgdSyncedEveryStepIsGlobalSgd() {
        RunReport global =
                run(request(MOONS_MLP, map("name", "sgd", "learningRate", 0.2), 60, 10, null, synchronous(4)));
        RunReport local = run(request(MOONS_MLP, map("name", "sgd", "learningRate", 0.2), 60, 10, null, local(4, 1)));
        double[] expected = global.outcome().finalPoint();
        double[] actual = local.outcome().finalPoint();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("coordinate %d", i).isCloseTo(expected[i], within(1e-12));
        }
        assertThat(local.parallel().syncs()).isEqualTo(60);
        assertThat(global.parallel().syncs()).isZero();
    }

    @Test
    void localAdamIsNotGlobalAdam() {
        // The moments are not averaged: each worker's Adam sees its own shard only.
        RunReport global = run(request(MOONS_MLP, ADAM, 60, 10, null, synchronous(4)));
        RunReport local = run(request(MOONS_MLP, ADAM, 60, 10, null, local(4, 1)));
        assertThat(local.outcome().finalPoint()).isNotEqualTo(global.outcome().finalPoint());
        double gap = 0;
        for (int i = 0; i < global.outcome().finalPoint().length; i++) {
            gap = Math.max(
                    gap,
                    Math.abs(local.outcome().finalPoint()[i] - global.outcome().finalPoint()[i]));
        }
        assertThat(gap).isGreaterThan(1e-6);
    }

    @Test
    void localStateSyncsEveryKSteps() {
        RunReport report = run(request(MOONS_MLP, ADAM, 100, 10, null, local(2, 8)));
        assertThat(report.parallel().syncs()).isEqualTo(100 / 8);
        assertThat(report.parallel().perWorker())
                .extracting(ParallelSummary.Worker::updatesApplied)
                .containsExactly(100L, 100L);
    }

    @ParameterizedTest
    @CsvSource({"synchronous,global", "synchronous,local", "asynchronous,fixed", "asynchronous,uniform"})
    void theSameRequestTwiceGivesTheSameNumbers(String mode, String variant) {
        ParallelRequest parallel = switch (variant) {
            case "global" -> synchronous(4);
            case "local" -> local(4, 3);
            default -> asynchronous(4, 5, variant);
        };
        RunRequestData request = request(MOONS_MLP, ADAM, 80, 10, 0.01, parallel);
        RunReport first = run(request);
        RunReport second = run(request);
        assertSameRun(second, first);
        assertThat(second.parallel()).usingRecursiveComparison().isEqualTo(first.parallel());
        assertThat(first.parallel().mode()).isEqualTo(mode);
        assertThat(first.parallel().deterministic()).isTrue();
    }

    @Test
    void fixedStalenessIsTauOnceEnoughUpdatesHaveHappened() {
        RunReport report = run(request(MOONS_MLP, SGD, 200, 50, null, asynchronous(4, 3, "fixed")));
        ParallelSummary.StalenessStats stats = report.parallel().staleness();
        assertThat(stats.histogram()).containsExactly(1, 1, 1, 197);
        assertThat(stats.max()).isEqualTo(3);
        assertThat(stats.mean()).isCloseTo((0 + 1 + 2 + 3 * 197) / 200.0, within(1e-12));
        assertThat(report.parallel().perWorker())
                .extracting(ParallelSummary.Worker::updatesApplied)
                .containsExactly(50L, 50L, 50L, 50L);
        assertThat(report.parallel().effectiveBatchSize()).isEqualTo(25);
    }

    @Test
    void uniformStalenessIsUniformOnZeroToTau() {
        int iterations = 6000;
        int tau = 4;
        RunReport report = run(request(linear(8), SGD, iterations, 1000, null, asynchronous(2, tau, "uniform")));
        ParallelSummary.StalenessStats stats = report.parallel().staleness();
        long[] histogram = stats.histogram();
        assertThat(histogram).hasSize(tau + 1);
        // Updates 0 … τ − 1 can reach back only to update 0; the rest are uniform on 0 … τ.
        for (int s = 0; s <= tau; s++) {
            assertThat(histogram[s] / (double) iterations).as("share of %d", s).isCloseTo(0.2, within(0.02));
        }
        assertThat(stats.mean()).isCloseTo(2.0, within(0.08));
        assertThat(stats.max()).isEqualTo(tau);
    }

    @Test
    void shardsSplitTheTrainingSetIntoNearlyEqualParts() {
        RunReport report = run(request(MOONS_MLP, SGD, 30, 10, null, synchronous(3)));
        // 200 training samples: 67, 67, 66; batches of 25 each; 30 steps of 25 samples per worker.
        assertThat(report.parallel().perWorker())
                .extracting(ParallelSummary.Worker::shardSize)
                .containsExactly(67, 67, 66);
        assertThat(report.parallel().effectiveBatchSize()).isEqualTo(75);
        // A shard of 67 in batches of 25: 25, 25, 17 per epoch; 30 steps = 10 epochs.
        assertThat(report.parallel().perWorker())
                .extracting(ParallelSummary.Worker::samplesSeen)
                .containsExactly(670L, 670L, 660L);
        assertThat(report.data().epochs()).isCloseTo(2000 / 200.0, within(1e-12));
    }

    @Test
    void resolvedEchoesTheDefaults() {
        RunPlan sync = RunPlan.prepare(
                request(MOONS_MLP, SGD, 10, null, null, new ParallelRequest(null, null, null, null, null, null, false)),
                Limits.defaults());
        assertThat(sync.resolved().get("parallel"))
                .isEqualTo(map("workers", 2, "mode", "synchronous", "optimizerState", "global"));
        RunPlan async = RunPlan.prepare(
                request(
                        MOONS_MLP,
                        SGD,
                        10,
                        null,
                        null,
                        new ParallelRequest(8, "asynchronous", null, null, null, null, false)),
                Limits.defaults());
        assertThat(async.resolved().get("parallel"))
                .isEqualTo(
                        map("workers", 8, "mode", "asynchronous", "staleness", map("max", 7, "distribution", "fixed")));
        RunPlan local = RunPlan.prepare(
                request(MOONS_MLP, SGD, 10, null, null, new ParallelRequest(4, null, "local", null, null, null, false)),
                Limits.defaults());
        assertThat(local.resolved().get("parallel"))
                .isEqualTo(map("workers", 4, "mode", "synchronous", "optimizerState", "local", "syncEvery", 1));
        assertThat(RunPlan.prepare(request(MOONS_MLP, SGD, 10, null, null, null), Limits.defaults())
                        .resolved())
                .doesNotContainKey("parallel");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0|synchronous|||||parallel.workers",
                "65|synchronous|||||parallel.workers",
                "201|synchronous|||||parallel.workers",
                "2|sideways|||||parallel.mode",
                "2|synchronous|shared||||parallel.optimizerState",
                "2|asynchronous|global||||parallel.optimizerState",
                "2|synchronous|global|2|||parallel.syncEvery",
                "2|synchronous|local|0|||parallel.syncEvery",
                "2|synchronous||||fixed|parallel.staleness",
                "2|asynchronous|||-1||parallel.staleness.max",
                "2|asynchronous|||1025||parallel.staleness.max",
                "2|asynchronous||||gaussian|parallel.staleness.distribution",
            })
    void everyBadFieldIsNamed(
            Integer workers,
            String mode,
            String state,
            Integer syncEvery,
            Integer max,
            String distribution,
            String field) {
        ParallelRequest parallel = new ParallelRequest(
                workers, mode, state, syncEvery, max, distribution, max != null || distribution != null);
        assertThatThrownBy(() -> RunPlan.prepare(request(MOONS_MLP, SGD, 10, null, null, parallel), Limits.defaults()))
                .isInstanceOfSatisfying(
                        InvalidSpecException.class,
                        e -> assertThat(e.violations())
                                .extracting(InvalidSpecException.Violation::field)
                                .containsExactly(field));
    }

    @Test
    void objectivesNotOverDataRefuseTheBlock() {
        assertThatThrownBy(() -> RunPlan.prepare(
                        request(map("name", "rosenbrock"), SGD, 10, null, null, synchronous(2)), Limits.defaults()))
                .isInstanceOfSatisfying(
                        InvalidSpecException.class,
                        e -> assertThat(e.violations())
                                .extracting(InvalidSpecException.Violation::field)
                                .containsExactly("parallel"));
    }

    private static long allocatedBy(Runnable work) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        work.run();
        return threads.getThreadAllocatedBytes(id) - before;
    }

    private static Runnable planned(ParallelRequest parallel, int iterations) {
        // Nesterov looks ahead (a second gradient per step); noise and clipping transform every gradient.
        RunPlan plan = RunPlan.prepare(
                new RunRequestData(
                        MOONS_MLP,
                        map("name", "nesterov", "learningRate", 0.01),
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
                        3L,
                        parallel),
                Limits.defaults());
        return () -> plan.execute(() -> false);
    }

    @Test
    void stepsAllocateNothingInAnyMode() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.lang.management.ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs HotSpot");
        for (ParallelRequest parallel : java.util.List.of(synchronous(4), local(4, 3), asynchronous(4, 6, "uniform"))) {
            for (int warm = 0; warm < 3; warm++) {
                planned(parallel, 3_000).run();
            }
            long small = allocatedBy(planned(parallel, 1_000));
            long large = allocatedBy(planned(parallel, 20_000));
            assertThat(large - small)
                    .as("%s: extra bytes allocated by 19,000 more steps", parallel)
                    .isLessThan(16_384);
        }
    }

    /** The spec as the plan binds it for a run with seed 3 (objectives over data take the run's seed). */
    private static Map<String, Object> withSeed(Map<String, Object> spec) {
        Map<String, Object> seeded = new java.util.LinkedHashMap<>(spec);
        seeded.put("seed", 3L);
        return seeded;
    }
}
