package org.optlab.compute.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optlab.compute.ComputePool;
import org.optlab.compute.LimitExceededException;
import org.optlab.compute.Limits;
import org.optlab.compute.run.RunOutcome;
import org.optlab.compute.run.RunPlan;
import org.optlab.compute.run.RunRequestData;
import org.optlab.compute.run.RunStatus;

/**
 * Sweeps on a real pool: grid order and ranking, equality with the same runs done alone, seeded
 * random search, successive halving's rungs and promotions, the trial limit, the study deadline and
 * cancellation.
 */
class SweepTest {

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

    private static RunRequestData request(
            Map<String, Object> objective, Map<String, Object> optimizer, int iterations, Long seed) {
        return new RunRequestData(
                objective, optimizer, null, null, iterations, null, null, null, null, null, null, null, seed);
    }

    /** Progress arrives from several pool threads: collected under a lock. */
    private static StudyContext context(List<Double> progress) {
        return StudyContext.of(
                LIMITS,
                pool,
                () -> false,
                fraction -> {
                    synchronized (progress) {
                        progress.add(fraction);
                    }
                },
                30_000);
    }

    /** The final outcome of one assignment run alone, with the budget the sweep gave it. */
    private static RunOutcome alone(RunRequestData base, Map<String, Object> assignment, int budget) {
        return RunPlan.prepare(SearchSpace.withBudget(SearchSpace.apply(base, assignment), budget, null), LIMITS)
                .execute(() -> false)
                .outcome();
    }

    private static void assertBestFirst(List<TrialResult> trials) {
        for (int i = 1; i < trials.size(); i++) {
            assertThat(TrialResult.BEST_FIRST.compare(trials.get(i - 1), trials.get(i)))
                    .as("trial %d is not worse than trial %d", i - 1, i)
                    .isLessThanOrEqualTo(0);
        }
    }

    @Test
    void gridTrialsAreBestFirstAndItsLossesInGridOrderMatchRunsDoneAlone() {
        RunRequestData base = request(Map.of("name", "rosenbrock"), Map.of("name", "sgd"), 300, null);
        LinkedHashMap<String, List<Object>> axes = new LinkedHashMap<>();
        axes.put("learningRate", List.of(1e-4, 1e-3, 1.0)); // 1.0 diverges on Rosenbrock
        axes.put("momentum", List.of(0.0, 0.5, 0.9));
        List<Double> progress = new ArrayList<>();

        Sweep.Prepared prepared = Sweep.prepare(base, new Sweep.Grid(axes), 100, LIMITS);
        Sweep.Result result = prepared.run(context(progress));

        assertThat(prepared.trials()).isEqualTo(9);
        assertThat(result.rungs()).isEqualTo(1);
        assertThat(result.trials()).hasSize(9);
        assertBestFirst(result.trials());
        assertThat(result.trials().subList(6, 9))
                .as("the three lr = 1 trials diverge and rank last")
                .allSatisfy(t -> {
                    assertThat(t.status()).isEqualTo(RunStatus.DIVERGED);
                    assertThat(t.parameters()).containsEntry("learningRate", 1.0);
                });
        assertThat(result.axes())
                .containsExactly(
                        new Sweep.Axis("learningRate", List.of(1e-4, 1e-3, 1.0)),
                        new Sweep.Axis("momentum", List.of(0.0, 0.5, 0.9)));

        List<Map<String, Object>> grid = SearchSpace.grid(axes);
        assertThat(result.gridLosses()).hasSize(9);
        for (int k = 0; k < grid.size(); k++) {
            RunOutcome outcome = alone(base, grid.get(k), 300);
            assertThat(result.gridLosses()[k])
                    .as("grid point %d %s", k, grid.get(k))
                    .isEqualTo(outcome.finalLoss());
            TrialResult trial = find(result.trials(), grid.get(k));
            assertThat(trial.finalLoss()).isEqualTo(outcome.finalLoss());
            assertThat(trial.iterations()).isEqualTo(outcome.iterations());
            assertThat(trial.status()).isEqualTo(outcome.status());
            assertThat(trial.budget()).isEqualTo(300);
        }

        TrialResult best = result.trials().get(0);
        assertThat(result.best()).isEqualTo(best);
        assertThat(result.bestRun().outcome().finalLoss()).isEqualTo(best.finalLoss());
        assertThat(result.bestRun().outcome().iterations()).isEqualTo(best.iterations());
        assertThat(result.bestRun().trajectory().size())
                .as("the best run is recorded in full")
                .isEqualTo(301);
        assertThat(result.bestPlan().resolved().get("optimizer"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("learningRate", best.parameters().get("learningRate"))
                .containsEntry("momentum", best.parameters().get("momentum"));
        assertThat(progress).isNotEmpty().allSatisfy(p -> assertThat(p).isBetween(0.0, 1.0));
        assertThat(progress.stream().mapToDouble(Double::doubleValue).max().orElseThrow())
                .isEqualTo(1.0);
    }

    @Test
    void randomSearchIsReproducibleFromTheSeed() {
        Map<String, SearchSpace.Range> ranges = Map.of("learningRate", new SearchSpace.Range(1e-4, 0.1, true, false));
        RunRequestData base = request(Map.of("name", "rosenbrock"), Map.of("name", "adam"), 200, 11L);

        Sweep.Result first = Sweep.prepare(base, new Sweep.RandomSearch(ranges, 12), 100, LIMITS)
                .run(context(new ArrayList<>()));
        Sweep.Result second = Sweep.prepare(base, new Sweep.RandomSearch(ranges, 12), 100, LIMITS)
                .run(context(new ArrayList<>()));
        Sweep.Result otherSeed = Sweep.prepare(
                        request(Map.of("name", "rosenbrock"), Map.of("name", "adam"), 200, 12L),
                        new Sweep.RandomSearch(ranges, 12),
                        100,
                        LIMITS)
                .run(context(new ArrayList<>()));

        assertThat(first.trials()).hasSize(12);
        assertBestFirst(first.trials());
        assertThat(first.gridLosses()).isNull();
        assertThat(summary(second.trials())).isEqualTo(summary(first.trials()));
        assertThat(new HashSet<>(
                        first.trials().stream().map(TrialResult::parameters).toList()))
                .isEqualTo(new HashSet<>(SearchSpace.random(ranges, 12, 11)));
        assertThat(otherSeed.trials().stream().map(TrialResult::parameters).toList())
                .doesNotContainAnyElementsOf(
                        first.trials().stream().map(TrialResult::parameters).toList());
        for (TrialResult trial : first.trials()) {
            assertThat(trial.finalLoss())
                    .as("%s", trial.parameters())
                    .isEqualTo(alone(base, trial.parameters(), 200).finalLoss());
        }
        assertThat(second.bestRun().outcome().finalLoss())
                .isEqualTo(first.bestRun().outcome().finalLoss());
    }

    @Test
    void halvingRunsRungsOfGrowingBudgetAndPromotesTheBestOfEachRung() {
        Map<String, SearchSpace.Range> ranges = Map.of("learningRate", new SearchSpace.Range(1e-4, 1, true, false));
        RunRequestData base = request(Map.of("name", "rosenbrock"), Map.of("name", "adam"), 270, 5L);
        Sweep.Halving halving = new Sweep.Halving(ranges, 27, 10, 3);

        Sweep.Result result = Sweep.prepare(base, halving, 100, LIMITS).run(context(new ArrayList<>()));

        assertThat(result.rungs()).isEqualTo(4);
        assertThat(result.trials()).hasSize(27);
        Map<Integer, Long> perBudget =
                result.trials().stream().collect(Collectors.groupingBy(TrialResult::budget, Collectors.counting()));
        // 27 start at 10; 9 go on to 30, 3 to 90, 1 to 270; each trial is listed at its last rung.
        assertThat(perBudget).containsExactlyInAnyOrderEntriesOf(Map.of(10, 18L, 30, 6L, 90, 2L, 270, 1L));
        List<Integer> budgets =
                result.trials().stream().map(TrialResult::budget).toList();
        assertThat(budgets).as("later rungs first").isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        assertThat(result.best().budget()).isEqualTo(270);
        assertThat(result.bestRun().outcome().finalLoss())
                .isEqualTo(result.best().finalLoss());

        // Replay the rungs by hand: the promoted trials are the best of the previous rung.
        List<Map<String, Object>> current = SearchSpace.random(ranges, 27, 5);
        int[] rungBudgets = {10, 30, 90, 270};
        int[] survivors = {27, 9, 3, 1};
        for (int rung = 0; rung < rungBudgets.length; rung++) {
            int budget = rungBudgets[rung];
            List<TrialResult> byHand = new ArrayList<>();
            for (Map<String, Object> assignment : current) {
                byHand.add(TrialResult.of(assignment, alone(base, assignment, budget), budget));
            }
            assertThat(byHand).hasSize(survivors[rung]);
            byHand.sort(TrialResult.BEST_FIRST);
            Set<Map<String, Object>> reached = result.trials().stream()
                    .filter(t -> t.budget() >= budget)
                    .map(TrialResult::parameters)
                    .collect(Collectors.toSet());
            assertThat(reached).as("rung %d", rung).isEqualTo(new HashSet<>(current));
            for (TrialResult trial : byHand) {
                TrialResult listed = find(result.trials(), trial.parameters());
                if (listed.budget() == budget) {
                    assertThat(listed.finalLoss()).isEqualTo(trial.finalLoss());
                }
            }
            if (rung + 1 < rungBudgets.length) {
                current = byHand.subList(0, survivors[rung + 1]).stream()
                        .map(TrialResult::parameters)
                        .toList();
            }
        }
    }

    @Test
    void halvingBudgetsAreCappedAtTheRunsBudget() {
        Map<String, SearchSpace.Range> ranges = Map.of("learningRate", new SearchSpace.Range(1e-3, 0.1, true, false));
        RunRequestData base = request(Map.of("name", "sphere"), Map.of("name", "sgd"), 50, null);

        Sweep.Result result = Sweep.prepare(base, new Sweep.Halving(ranges, 8, 20, 2), 100, LIMITS)
                .run(context(new ArrayList<>()));

        // Budgets 20, 40, then 80 capped to 50: three rungs of 8, 4 and 2 trials.
        assertThat(result.rungs()).isEqualTo(3);
        assertThat(result.trials().stream().map(TrialResult::budget).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(20, 40, 50);
        assertThat(result.trials().stream().filter(t -> t.budget() == 50)).hasSize(2);
    }

    @Test
    void moreTrialsThanTheLimitAreRefusedBeforeAnyRun() {
        RunRequestData base = request(Map.of("name", "rosenbrock"), Map.of("name", "adam"), 100, null);
        LinkedHashMap<String, List<Object>> axes = new LinkedHashMap<>();
        axes.put("learningRate", List.of(0.1, 0.2, 0.3, 0.4));
        axes.put("beta1", List.of(0.5, 0.6, 0.7));

        assertThatThrownBy(() -> Sweep.prepare(base, new Sweep.Grid(axes), 11, LIMITS))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.field()).isEqualTo("search.grid");
                    assertThat(e.limit()).isEqualTo("optlab.limits.max-trials");
                    assertThat(e.value()).isEqualTo(11);
                    assertThat(e.getMessage()).contains("12");
                });
        assertThat(Sweep.prepare(base, new Sweep.Grid(axes), 12, LIMITS).trials())
                .isEqualTo(12);
        Map<String, SearchSpace.Range> ranges = Map.of("learningRate", new SearchSpace.Range(0.1, 1, false, false));
        assertThatThrownBy(() -> Sweep.prepare(base, new Sweep.RandomSearch(ranges, 11), 10, LIMITS))
                .isInstanceOfSatisfying(
                        LimitExceededException.class, e -> assertThat(e.field()).isEqualTo("search.random.trials"));
        assertThatThrownBy(() -> Sweep.prepare(base, new Sweep.Halving(ranges, 11, 10, 3), 10, LIMITS))
                .isInstanceOfSatisfying(
                        LimitExceededException.class, e -> assertThat(e.field()).isEqualTo("search.halving.trials"));
    }

    /** 1000 trials of a few milliseconds each: seconds of work on two workers. */
    private static Sweep.Prepared longSweep() {
        RunRequestData base =
                request(Map.of("name", "rosenbrock", "dimension", 50), Map.of("name", "adam"), 10_000, null);
        Map<String, SearchSpace.Range> ranges = Map.of("learningRate", new SearchSpace.Range(1e-5, 1e-4, true, false));
        return Sweep.prepare(base, new Sweep.RandomSearch(ranges, 1000), 1000, LIMITS);
    }

    @Test
    void studyPastItsDeadlineStopsAndMarksTrialsNotStartedAsTimeLimit() {
        Sweep.Prepared prepared = longSweep();
        long start = System.nanoTime();

        Sweep.Result result = prepared.run(StudyContext.of(LIMITS, pool, () -> false, p -> {}, 300));

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("returns soon after its 300 ms deadline").isLessThan(3_000);
        assertThat(result.trials()).hasSize(1000).doesNotContainNull();
        List<TrialResult> notStarted =
                // Never started: no time spent (a trial started on the deadline stops at t = 0 with f(w₀)).
                result.trials().stream()
                        .filter(t -> t.iterations() == 0 && t.computeNanos() == 0)
                        .toList();
        assertThat(notStarted).hasSizeGreaterThan(500);
        assertThat(notStarted).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(RunStatus.TIME_LIMIT);
            assertThat(t.finalLoss()).isNaN();
        });
        assertThat(result.trials().stream().filter(t -> t.status() == RunStatus.MAX_ITERATIONS))
                .as("some trials finished before the deadline")
                .isNotEmpty();
        assertBestFirst(result.trials());
        assertThat(result.best().status()).isEqualTo(RunStatus.MAX_ITERATIONS);
    }

    @Test
    void studyPastItsDeadlineReportsTheTrialsItCutShortAsTimeLimit() {
        Sweep.Result result = longSweep().run(StudyContext.of(LIMITS, pool, () -> false, p -> {}, 300));

        assertThat(result.trials())
                .as("nobody cancelled this study")
                .noneSatisfy(t -> assertThat(t.status()).isEqualTo(RunStatus.CANCELLED));
    }

    @Test
    void studyPastItsDeadlineStillReportsTheBestTrialsRun() {
        Sweep.Result result = longSweep().run(StudyContext.of(LIMITS, pool, () -> false, p -> {}, 300));

        assertThat(result.best().status()).isEqualTo(RunStatus.MAX_ITERATIONS);
        assertThat(result.bestRun().outcome().finalLoss())
                .isEqualTo(result.best().finalLoss());
    }

    @Test
    void cancellationStopsTheSweep() {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicInteger reports = new AtomicInteger();
        Sweep.Prepared prepared = longSweep();
        long start = System.nanoTime();

        Sweep.Result result = prepared.run(StudyContext.of(
                LIMITS,
                pool,
                cancelled::get,
                p -> {
                    if (reports.incrementAndGet() == 4) {
                        cancelled.set(true);
                    }
                },
                30_000));

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("stops long before its seconds of work").isLessThan(3_000);
        assertThat(result.trials()).hasSize(1000).doesNotContainNull();
        assertThat(result.trials().stream().filter(t -> t.status() == RunStatus.MAX_ITERATIONS))
                .hasSizeBetween(4, 10);
        assertThat(result.trials().stream().filter(t -> t.status() == RunStatus.CANCELLED))
                .hasSizeGreaterThan(980);
    }

    private static TrialResult find(List<TrialResult> trials, Map<String, Object> parameters) {
        return trials.stream()
                .filter(t -> t.parameters().equals(parameters))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no trial " + parameters));
    }

    private static List<String> summary(List<TrialResult> trials) {
        return trials.stream()
                .map(t -> t.parameters() + " " + Double.doubleToRawLongBits(t.finalLoss()) + " " + t.status() + " "
                        + t.iterations())
                .toList();
    }
}
