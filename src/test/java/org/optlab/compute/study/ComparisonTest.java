package org.optlab.compute.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optlab.compute.ComputePool;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.LimitExceededException;
import org.optlab.compute.Limits;
import org.optlab.compute.run.RunOutcome;
import org.optlab.compute.run.RunPlan;
import org.optlab.compute.run.RunReport;
import org.optlab.compute.run.RunRequestData;
import org.optlab.compute.run.RunStatus;

/**
 * Comparisons on a real pool: the ranking order, equality of every result with the same run done
 * alone, tuning on equal budgets from the same draws, and error paths prefixed with the optimizer's
 * position.
 */
class ComparisonTest {

    private static final Limits LIMITS = Limits.defaults();
    private static ComputePool pool;

    @BeforeAll
    static void startPool() {
        pool = new ComputePool(2, 16);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    private static RunRequestData request(Map<String, Object> optimizer, int iterations, Long timeLimitMillis) {
        return new RunRequestData(
                Map.of("name", "rosenbrock"),
                optimizer,
                null,
                null,
                iterations,
                null,
                null,
                timeLimitMillis,
                null,
                null,
                null,
                null,
                3L);
    }

    private static Comparison.Contender contender(String label, Map<String, Object> optimizer, int iterations) {
        return new Comparison.Contender(label, request(optimizer, iterations, null));
    }

    private static StudyContext context() {
        return StudyContext.of(LIMITS, pool, () -> false, p -> {}, 30_000);
    }

    private static final List<Comparison.Contender> FOUR = List.of(
            contender("sgd lr 1", Map.of("name", "sgd", "learningRate", 1.0), 400),
            contender("adam", Map.of("name", "adam", "learningRate", 0.02), 400),
            contender("sgd momentum", Map.of("name", "sgd", "learningRate", 1e-3, "momentum", 0.9), 400),
            contender("rmsprop", Map.of("name", "rmsprop", "learningRate", 1e-3), 400));

    @Test
    void rankingIsLowerLossFirstAndDivergedLast() {
        Comparison.Result result = Comparison.prepare(FOUR, null, 100, LIMITS).run(context());

        List<Comparison.Rank> ranking = result.ranking();
        assertThat(ranking).hasSize(4);
        assertThat(ranking.get(3).label()).isEqualTo("sgd lr 1");
        assertThat(ranking.get(3).status()).isEqualTo(RunStatus.DIVERGED);
        for (int i = 1; i < 3; i++) {
            assertThat(ranking.get(i - 1).finalLoss())
                    .as("rank %d before rank %d", i, i + 1)
                    .isLessThanOrEqualTo(ranking.get(i).finalLoss());
        }
        for (int i = 1; i < ranking.size(); i++) {
            assertThat(Comparison.BEST_FIRST.compare(ranking.get(i - 1), ranking.get(i)))
                    .isLessThanOrEqualTo(0);
        }
        assertThat(result.entries())
                .extracting(Comparison.Entry::label)
                .as("entries keep the request's order")
                .containsExactly("sgd lr 1", "adam", "sgd momentum", "rmsprop");
        for (Comparison.Rank rank : ranking) {
            Comparison.Entry entry = result.entries().stream()
                    .filter(e -> e.label().equals(rank.label()))
                    .findFirst()
                    .orElseThrow();
            assertThat(rank.finalLoss()).isEqualTo(entry.report().outcome().finalLoss());
            assertThat(rank.iterations()).isEqualTo(entry.report().outcome().iterations());
            assertThat(rank.status()).isEqualTo(entry.report().outcome().status());
            assertThat(entry.tuning()).isNull();
        }
    }

    @Test
    void equalLossesRankByFewerIterations() {
        List<Comparison.Rank> ranks = new ArrayList<>(List.of(
                new Comparison.Rank("diverged", Double.NaN, 3, RunStatus.DIVERGED),
                new Comparison.Rank("slow", 0.5, 100, RunStatus.MAX_ITERATIONS),
                new Comparison.Rank("fast", 0.5, 10, RunStatus.CONVERGED),
                new Comparison.Rank("worse", 0.7, 1, RunStatus.MAX_ITERATIONS),
                new Comparison.Rank("infinite", Double.POSITIVE_INFINITY, 1, RunStatus.MAX_ITERATIONS)));

        ranks.sort(Comparison.BEST_FIRST);

        assertThat(ranks)
                .extracting(Comparison.Rank::label)
                .containsExactly("fast", "slow", "worse", "infinite", "diverged");
    }

    @Test
    void everyResultEqualsTheSameRunDoneAlone() {
        Comparison.Result result = Comparison.prepare(FOUR, null, 100, LIMITS).run(context());

        for (int i = 0; i < FOUR.size(); i++) {
            RunReport alone = RunPlan.prepare(FOUR.get(i).request(), LIMITS).execute(() -> false);
            RunReport within = result.entries().get(i).report();
            RunOutcome a = alone.outcome();
            RunOutcome w = within.outcome();
            assertThat(w.status()).as(FOUR.get(i).label()).isEqualTo(a.status());
            assertThat(w.iterations()).isEqualTo(a.iterations());
            assertThat(w.finalLoss()).isEqualTo(a.finalLoss());
            assertThat(w.finalPoint()).containsExactly(a.finalPoint());
            assertThat(w.finalGradientNorm()).isEqualTo(a.finalGradientNorm());
            assertThat(within.trajectory().iterations())
                    .containsExactly(alone.trajectory().iterations());
            assertThat(within.trajectory().points())
                    .containsExactly(alone.trajectory().points());
            assertThat(within.trajectory().losses())
                    .containsExactly(alone.trajectory().losses());
            assertThat(result.entries().get(i).plan().resolved())
                    .usingRecursiveComparison()
                    .isEqualTo(RunPlan.prepare(FOUR.get(i).request(), LIMITS).resolved());
        }
    }

    @Test
    void tuningPicksForEachOptimizerTheBestOfTheSameDraws() {
        Map<String, SearchSpace.Range> ranges = Map.of("learningRate", new SearchSpace.Range(1e-4, 0.3, true, false));
        List<Comparison.Contender> contenders = List.of(
                contender("adam", Map.of("name", "adam"), 300),
                contender("momentum", Map.of("name", "momentum", "beta", 0.8), 300));
        List<Double> progress = new ArrayList<>();

        Comparison.Result result = Comparison.prepare(contenders, new Comparison.Tuning(ranges, 10), 100, LIMITS)
                .run(StudyContext.of(LIMITS, pool, () -> false, progress::add, 30_000));

        List<Map<String, Object>> draws = SearchSpace.random(ranges, 10, 3);
        for (int i = 0; i < contenders.size(); i++) {
            RunRequestData request = contenders.get(i).request();
            List<TrialResult> byHand = new ArrayList<>();
            for (Map<String, Object> draw : draws) {
                RunOutcome outcome = RunPlan.prepare(SearchSpace.apply(request, draw), LIMITS)
                        .execute(() -> false)
                        .outcome();
                byHand.add(TrialResult.of(draw, outcome, 300));
            }
            byHand.sort(TrialResult.BEST_FIRST);
            TrialResult best = byHand.get(0);

            Comparison.Entry entry = result.entries().get(i);
            Comparison.Tuned tuned = entry.tuning();
            assertThat(tuned).isNotNull();
            assertThat(tuned.trials()).isEqualTo(10);
            assertThat(tuned.chosen()).as(entry.label()).isEqualTo(best.parameters());
            assertThat(tuned.bestTrialLoss()).isEqualTo(best.finalLoss());
            assertThat(tuned.bestTrialStatus()).isEqualTo(best.status());
            for (TrialResult other : byHand) {
                assertThat(TrialResult.BEST_FIRST.compare(best, other)).isLessThanOrEqualTo(0);
            }

            // The final run is the chosen values' run.
            Map<?, ?> resolved = (Map<?, ?>) entry.plan().resolved().get("optimizer");
            assertThat(resolved.get("learningRate")).isEqualTo(best.parameters().get("learningRate"));
            assertThat(entry.report().outcome().finalLoss()).isEqualTo(best.finalLoss());
            assertThat(entry.report().outcome().iterations()).isEqualTo(best.iterations());
        }
        assertThat(result.entries().get(1).plan().resolved().get("optimizer"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .as("the parameters not tuned keep the request's values")
                .containsEntry("beta", 0.8);
        assertThat(progress.stream().mapToDouble(Double::doubleValue).max().orElseThrow())
                .isEqualTo(1.0);
    }

    @Test
    void tuningOverMoreTrialsThanTheLimitIsRefused() {
        Map<String, SearchSpace.Range> ranges = Map.of("learningRate", new SearchSpace.Range(1e-4, 0.3, true, false));

        assertThatThrownBy(() -> Comparison.prepare(FOUR, new Comparison.Tuning(ranges, 26), 100, LIMITS))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.field()).isEqualTo("tune.trials");
                    assertThat(e.limit()).isEqualTo("optlab.limits.max-trials");
                    assertThat(e.getMessage()).contains("104");
                });
        assertThat(Comparison.prepare(FOUR, new Comparison.Tuning(ranges, 25), 100, LIMITS))
                .isNotNull();
    }

    @Test
    void errorFieldsArePrefixedWithTheOptimizersPosition() {
        List<Comparison.Contender> contenders = List.of(
                contender("fine", Map.of("name", "adam"), 10),
                contender("bad beta", Map.of("name", "adam", "beta1", 1.5), 10),
                contender("typo", Map.of("name", "sgd", "momentun", 0.9), 10));

        assertThatThrownBy(() -> Comparison.prepare(contenders, null, 100, LIMITS))
                .isInstanceOfSatisfying(
                        InvalidSpecException.class,
                        e -> assertThat(e.violations())
                                .extracting(InvalidSpecException.Violation::field)
                                .containsExactlyInAnyOrder("optimizers[1].beta1", "optimizers[2].momentun"));
    }

    @Test
    void tuningErrorsArePrefixedWithTheOptimizersPosition() {
        Map<String, SearchSpace.Range> ranges =
                Map.of("schedule.warmupSteps", new SearchSpace.Range(1, 5, false, true));
        List<Comparison.Contender> contenders = List.of(contender("adam", Map.of("name", "adam"), 10));

        assertThatThrownBy(() -> Comparison.prepare(contenders, new Comparison.Tuning(ranges, 2), 100, LIMITS))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
                    assertThat(e.violations().get(0).field()).isEqualTo("optimizers[0].schedule.warmupSteps");
                    assertThat(e.violations().get(0).message()).contains("trial 0", "no schedule");
                });
    }

    @Test
    void cancellationStopsTheRuns() {
        AtomicBoolean cancelled = new AtomicBoolean();
        // Steps on 2000 coordinates: 10^6 of them take far longer than the 100 ms before the cancel.
        Map<String, Object> big = Map.of("name", "rosenbrock", "dimension", 2000);
        List<Comparison.Contender> contenders = List.of(
                new Comparison.Contender(
                        "adam",
                        new RunRequestData(
                                big,
                                Map.of("name", "adam"),
                                null,
                                null,
                                1_000_000,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                1_000_000,
                                null)),
                new Comparison.Contender(
                        "sgd",
                        new RunRequestData(
                                big,
                                Map.of("name", "sgd", "learningRate", 1e-4),
                                null,
                                null,
                                1_000_000,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                1_000_000,
                                null)));
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cancelled.set(true);
        });
        Comparison.Prepared prepared = Comparison.prepare(contenders, null, 100, LIMITS);
        canceller.start();
        long start = System.nanoTime();

        Comparison.Result result = prepared.run(StudyContext.of(LIMITS, pool, cancelled::get, p -> {}, 30_000));

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(4_000);
        assertThat(result.ranking())
                .allSatisfy(rank -> assertThat(rank.status()).isEqualTo(RunStatus.CANCELLED))
                .allSatisfy(rank -> assertThat(rank.iterations()).isLessThan(1_000_000));
    }

    @Test
    void runsStoppedByTheTimeLimitReportTimeLimit() {
        RunRequestData slow = new RunRequestData(
                Map.of("name", "rosenbrock", "dimension", 1000),
                Map.of("name", "adam"),
                null,
                null,
                1_000_000,
                null,
                null,
                200L,
                null,
                null,
                null,
                1000,
                null);
        List<Comparison.Contender> contenders = List.of(new Comparison.Contender("adam", slow));

        Comparison.Result result = Comparison.prepare(contenders, null, 100, LIMITS)
                .run(StudyContext.of(LIMITS, pool, () -> false, p -> {}, 200));

        assertThat(RunPlan.prepare(slow, LIMITS).execute(() -> false).outcome().status())
                .isEqualTo(RunStatus.TIME_LIMIT);
        assertThat(result.ranking().get(0).status()).isEqualTo(RunStatus.TIME_LIMIT);
    }
}
