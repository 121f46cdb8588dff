package org.optlab.compute.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.optlab.compute.data.Data.generated;
import static org.optlab.compute.data.Data.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optlab.compute.ComputePool;
import org.optlab.compute.LimitExceededException;
import org.optlab.compute.Limits;
import org.optlab.compute.optimizer.OptimizerKind;
import org.optlab.compute.optimizer.Optimizers;
import org.optlab.compute.run.DataMetrics;
import org.optlab.compute.run.RunPlan;
import org.optlab.compute.run.RunReport;
import org.optlab.compute.run.RunRequestData;
import org.optlab.compute.run.RunStatus;
import org.optlab.compute.run.Trajectory;
import org.optlab.compute.study.Comparison;
import org.optlab.compute.study.StudyContext;
import org.optlab.compute.study.Sweep;

/**
 * Runs over data through the same plan, loop, comparison and sweep as every other objective: the
 * minibatch loop's evaluation and stopping rules, recording of validation metrics, reproducibility,
 * and every optimizer, a schedule, a comparison and a sweep on a data objective.
 */
class DataRunTest {

    private static final Map<String, Object> MOONS_MLP = map(
            "name",
            "mlp_classifier",
            "dataset",
            generated("moons", "samples", 250, "noise", 0.25),
            "width",
            16,
            "batchSize",
            25);

    private static ComputePool pool;

    @BeforeAll
    static void startPool() {
        pool = new ComputePool(2, 64);
    }

    @AfterAll
    static void stopPool() {
        pool.close();
    }

    private static StudyContext context() {
        return StudyContext.of(Limits.defaults(), pool, () -> false, progress -> {}, 60_000);
    }

    @Test
    void aMinibatchRunEvaluatesTheFullSetOnlyAtRecordedIterates() {
        RunReport report = Data.run(
                Data.request(MOONS_MLP, map("name", "adam", "learningRate", 0.01), null, 205, 20, null, null, null));
        Trajectory path = report.trajectory();
        assertThat(path.iterations()).containsExactly(0, 20, 40, 60, 80, 100, 120, 140, 160, 180, 200, 205);
        // 205 minibatch gradients and 12 full-set evaluations.
        assertThat(report.outcome().gradientEvaluations()).isEqualTo(205 + 12);
        DataObjective objective = Data.objective(MOONS_MLP);
        double[] gradient = new double[objective.dimension()];
        for (int i = 0; i < path.size(); i++) {
            double full = objective.evaluate(path.point(i), gradient);
            assertThat(path.losses()[i])
                    .as("full training loss at %d", path.iteration(i))
                    .isEqualTo(full);
            assertThat(path.gradientNorms()[i]).isCloseTo(norm(gradient), Offset.offset(1e-15));
        }
        // 200 training samples in batches of 25: 8 steps an epoch.
        assertThat(report.data().epochs()).isEqualTo(205 / 8.0);
        assertThat(report.data().trainingSamples()).isEqualTo(200);
        assertThat(report.data().validationSamples()).isEqualTo(50);
        assertThat(report.data().batchSize()).isEqualTo(25);
    }

    @Test
    void validationMetricsAreRecordedWithEveryPoint() {
        RunReport report = Data.run(
                Data.request(MOONS_MLP, map("name", "adam", "learningRate", 0.02), null, 400, 50, null, null, null));
        DataMetrics metrics = report.data();
        int size = report.trajectory().size();
        assertThat(metrics.validationLosses()).hasSize(size);
        assertThat(metrics.trainAccuracies()).hasSize(size);
        assertThat(metrics.validationAccuracies()).hasSize(size);
        StochasticMetrics expected = StochasticMetrics.at(Data.objective(MOONS_MLP), report.trajectory(), size - 1);
        assertThat(metrics.finalValidationLoss()).isEqualTo(expected.validationLoss());
        assertThat(metrics.finalTrainAccuracy()).isEqualTo(expected.trainAccuracy());
        assertThat(metrics.finalValidationAccuracy()).isEqualTo(expected.validationAccuracy());
        // Moons with an MLP: learnt well past chance.
        assertThat(metrics.finalTrainAccuracy()).isGreaterThan(0.9);
        assertThat(metrics.finalValidationAccuracy()).isGreaterThan(0.85);
        assertThat(metrics.validationLosses()[size - 1]).isLessThan(metrics.validationLosses()[0]);
    }

    /** Metrics recomputed from a recorded point with a fresh evaluator. */
    record StochasticMetrics(double validationLoss, double trainAccuracy, double validationAccuracy) {
        static StochasticMetrics at(DataObjective objective, Trajectory path, int index) {
            double[] out = new double[3];
            objective.evaluator().metrics(path.point(index), out);
            return new StochasticMetrics(out[0], out[1], out[2]);
        }
    }

    @Test
    void regressionHasNoAccuracies() {
        RunReport report = Data.run(Data.request(
                map("name", "linear_regression", "batchSize", 16), map("name", "sgd", "learningRate", 0.05), 100));
        assertThat(report.data().classifier()).isFalse();
        assertThat(report.data().finalTrainAccuracy()).isNaN();
        assertThat(report.data().finalValidationLoss()).isFinite();
    }

    @Test
    void theSameRequestGivesTheSameNumbers() {
        RunRequestData request = Data.request(
                MOONS_MLP, map("name", "sgd", "learningRate", 0.1, "momentum", 0.9), null, 300, 10, 0.05, null, 7L);
        RunPlan plan = RunPlan.prepare(request, Limits.defaults());
        RunReport first = plan.execute(() -> false);
        RunReport again = plan.execute(() -> false);
        RunReport fresh = RunPlan.prepare(request, Limits.defaults()).execute(() -> false);
        for (RunReport other : List.of(again, fresh)) {
            assertThat(other.trajectory().points())
                    .containsExactly(first.trajectory().points());
            assertThat(other.trajectory().losses())
                    .containsExactly(first.trajectory().losses());
            assertThat(other.data().validationLosses())
                    .containsExactly(first.data().validationLosses());
            assertThat(other.data().validationAccuracies())
                    .containsExactly(first.data().validationAccuracies());
        }
        RunRequestData otherSeed = Data.request(
                MOONS_MLP, map("name", "sgd", "learningRate", 0.1, "momentum", 0.9), null, 300, 10, 0.05, null, 8L);
        assertThat(Data.run(otherSeed).outcome().finalPoint())
                .isNotEqualTo(first.outcome().finalPoint());
    }

    @Test
    void theSeedDrawsTheInitialisationUnlessTheObjectiveFixesIt() {
        RunPlan seven = RunPlan.prepare(
                Data.request(MOONS_MLP, map("name", "adam"), null, 1, null, null, null, 7L), Limits.defaults());
        RunPlan eight = RunPlan.prepare(
                Data.request(MOONS_MLP, map("name", "adam"), null, 1, null, null, null, 8L), Limits.defaults());
        assertThat(seven.settings().initialPoint())
                .isNotEqualTo(eight.settings().initialPoint());
        assertThat(((Map<?, ?>) seven.resolved().get("objective")).get("seed")).isEqualTo(7L);
        Map<String, Object> pinned = new LinkedHashMap<>(MOONS_MLP);
        pinned.put("seed", 3);
        RunPlan a = RunPlan.prepare(
                Data.request(pinned, map("name", "adam"), null, 1, null, null, null, 7L), Limits.defaults());
        RunPlan b = RunPlan.prepare(
                Data.request(pinned, map("name", "adam"), null, 1, null, null, null, 8L), Limits.defaults());
        assertThat(a.settings().initialPoint()).containsExactly(b.settings().initialPoint());
    }

    @Test
    void thresholdsAreCheckedAtRecordedIterates() {
        Map<String, Object> regression = map(
                "name",
                "linear_regression",
                "dataset",
                generated("linear", "samples", 200, "noise", 0.0),
                "batchSize",
                20);
        RunReport report = Data.run(
                Data.request(regression, map("name", "sgd", "learningRate", 0.05), null, 5000, 25, null, 1e-3, null));
        assertThat(report.outcome().status()).isEqualTo(RunStatus.CONVERGED);
        assertThat(report.outcome().iterations() % 25).isZero();
        assertThat(report.outcome().finalGradientNorm()).isLessThanOrEqualTo(1e-3);
    }

    @Test
    void aDivergingMinibatchRunStopsAtTheFirstNonFiniteBatch() {
        RunReport report = Data.run(Data.request(
                map("name", "linear_regression", "batchSize", 10),
                map("name", "sgd", "learningRate", 10.0),
                null,
                1000,
                500,
                null,
                null,
                null));
        assertThat(report.outcome().status()).isEqualTo(RunStatus.DIVERGED);
        assertThat(report.outcome().iterations()).isBetween(1, 499);
        Trajectory path = report.trajectory();
        assertThat(path.iteration(path.size() - 1)).isEqualTo(report.outcome().iterations());
    }

    @Test
    void aFullBatchRunOverDataIsPlainGradientDescent() {
        Map<String, Object> regression = map("name", "logistic_regression");
        RunReport report = Data.run(
                Data.request(regression, map("name", "sgd", "learningRate", 0.5), null, 50, 1, null, null, null));
        assertThat(report.outcome().gradientEvaluations()).isEqualTo(51);
        assertThat(report.trajectory().size()).isEqualTo(51);
        // Step by step: w ← w − η∇f(w) with the exact full gradient.
        DataObjective objective = Data.objective(regression);
        double[] w = objective.defaultInitialPoint();
        double[] g = new double[w.length];
        for (int t = 0; t < 50; t++) {
            objective.evaluate(w, g);
            for (int i = 0; i < w.length; i++) {
                w[i] -= 0.5 * g[i];
            }
        }
        assertThat(report.outcome().finalPoint()).containsExactly(w);
    }

    @Test
    void noiseAndClippingApplyToTheMinibatchGradient() {
        RunRequestData plain =
                Data.request(MOONS_MLP, map("name", "sgd", "learningRate", 0.1), null, 50, 50, null, null, null);
        RunRequestData noisy =
                Data.request(MOONS_MLP, map("name", "sgd", "learningRate", 0.1), null, 50, 50, 0.5, null, null);
        RunRequestData clipped = new RunRequestData(
                MOONS_MLP,
                map("name", "sgd", "learningRate", 0.1),
                null,
                null,
                1,
                null,
                null,
                null,
                1e-3,
                null,
                null,
                1,
                null);
        double[] start = RunPlan.prepare(plain, Limits.defaults()).settings().initialPoint();
        assertThat(Data.run(noisy).outcome().finalPoint())
                .isNotEqualTo(Data.run(plain).outcome().finalPoint());
        double[] moved = Data.run(clipped).outcome().finalPoint();
        double step = 0;
        for (int i = 0; i < start.length; i++) {
            step += (moved[i] - start[i]) * (moved[i] - start[i]);
        }
        assertThat(Math.sqrt(step)).isCloseTo(0.1 * 1e-3, Offset.offset(1e-12));
    }

    @Test
    void everyOptimizerTrainsOnMinibatches() {
        List<Map<String, Object>> optimizers = new ArrayList<>();
        for (OptimizerKind kind : Optimizers.all()) {
            if (kind.nestedOptimizers().isEmpty()) {
                optimizers.add(map("name", kind.name()));
            }
        }
        optimizers.add(
                map("name", "switch", "first", map("name", "adam"), "then", map("name", "sgd"), "atIteration", 100));
        optimizers.add(map("name", "lookahead", "inner", map("name", "adam")));
        assertThat(optimizers).hasSizeGreaterThanOrEqualTo(14);
        Map<String, Object> logistic =
                map("name", "logistic_regression", "dataset", generated("moons", "samples", 200), "batchSize", 16);
        for (Map<String, Object> optimizer : optimizers) {
            RunReport report = Data.run(Data.request(logistic, optimizer, null, 300, 100, null, null, null));
            Trajectory path = report.trajectory();
            assertThat(report.outcome().status()).as("%s", optimizer).isEqualTo(RunStatus.MAX_ITERATIONS);
            assertThat(path.losses()[path.size() - 1])
                    .as("%s: final training loss below the start's log 2", optimizer)
                    .isLessThan(path.losses()[0]);
        }
    }

    @Test
    void aScheduleShapesMinibatchSteps() {
        RunReport report = Data.run(Data.request(
                MOONS_MLP,
                map("name", "sgd", "learningRate", 0.2),
                map("name", "warmup_cosine", "warmupSteps", 40),
                400,
                20,
                null,
                null,
                null));
        double[] rates = report.trajectory().learningRates();
        assertThat(rates[0]).isCloseTo(0.2 / 40, Offset.offset(1e-15));
        assertThat(rates[2]).isCloseTo(0.2, Offset.offset(1e-15)); // iteration 40: warm-up done
        assertThat(rates[rates.length - 1]).isCloseTo(0, Offset.offset(1e-12));
        RunReport plateau = Data.run(Data.request(
                MOONS_MLP,
                map("name", "sgd", "learningRate", 0.2),
                map("name", "reduce_on_plateau", "patience", 5),
                400,
                20,
                null,
                null,
                null));
        double[] reduced = plateau.trajectory().learningRates();
        assertThat(reduced[reduced.length - 1]).isLessThan(0.2);
    }

    @Test
    void aComparisonRanksOptimizersOnData() {
        List<Comparison.Contender> contenders = new ArrayList<>();
        for (Map<String, Object> optimizer : List.of(
                map("name", "adam", "learningRate", 0.01),
                map("name", "sgd", "learningRate", 0.1, "momentum", 0.9),
                map(
                        "name",
                        "switch",
                        "first",
                        map("name", "adam", "learningRate", 0.01),
                        "then",
                        map("name", "sgd", "learningRate", 0.1, "momentum", 0.9),
                        "atIteration",
                        100))) {
            contenders.add(new Comparison.Contender(
                    (String) optimizer.get("name"),
                    Data.request(MOONS_MLP, optimizer, null, 300, 30, null, null, null)));
        }
        Comparison.Result result =
                Comparison.prepare(contenders, null, 100, Limits.defaults()).run(context());
        assertThat(result.entries()).hasSize(3);
        for (Comparison.Entry entry : result.entries()) {
            assertThat(entry.report().data().finalValidationAccuracy())
                    .as(entry.label())
                    .isGreaterThan(0.8);
            RunReport alone = Data.run(contenderRequest(contenders, entry));
            assertThat(alone.outcome().finalPoint())
                    .as("%s: the same numbers as a run of its own", entry.label())
                    .containsExactly(entry.report().outcome().finalPoint());
        }
        assertThat(result.ranking()).extracting(Comparison.Rank::finalLoss).isSorted();
    }

    private static RunRequestData contenderRequest(List<Comparison.Contender> contenders, Comparison.Entry entry) {
        return contenders.stream()
                .filter(c -> c.label().equals(entry.label()))
                .findFirst()
                .orElseThrow()
                .request();
    }

    @Test
    void aSweepSearchesTheBatchSizeAndTheRate() {
        LinkedHashMap<String, List<Object>> axes = new LinkedHashMap<>();
        axes.put("objective.batchSize", List.of(10, 50, 200));
        axes.put("learningRate", List.of(0.01, 0.1));
        Map<String, Object> logistic =
                map("name", "logistic_regression", "dataset", generated("moons", "samples", 250), "batchSize", 10);
        Sweep.Result result = Sweep.prepare(
                        Data.request(logistic, map("name", "sgd"), 200), new Sweep.Grid(axes), 100, Limits.defaults())
                .run(context());
        assertThat(result.trials()).hasSize(6);
        assertThat(result.trials())
                .allSatisfy(trial -> assertThat(trial.finalLoss()).isFinite());
        assertThat(result.bestRun().data()).isNotNull();
        assertThat(result.gridLosses()).hasSize(6);
    }

    @Test
    void aModelLargerThanTheDimensionLimitIsRefused() {
        Map<String, Object> wide =
                map("name", "mlp_classifier", "dataset", Map.of("builtin", "digits"), "width", 200, "hiddenLayers", 2);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> RunPlan.prepare(Data.request(wide, map("name", "adam"), 10), Limits.defaults()))
                .isInstanceOf(LimitExceededException.class)
                .satisfies(e -> {
                    LimitExceededException limit = (LimitExceededException) e;
                    assertThat(limit.field()).isEqualTo("objective");
                    assertThat(limit.limit()).isEqualTo("optlab.limits.max-dimension");
                    assertThat(limit.getMessage()).contains("55210 parameters");
                });
    }

    @Test
    void theDigitsMlpTrainsAndStaysWithinTheDefaultLimits() {
        Map<String, Object> digits =
                map("name", "mlp_classifier", "dataset", Map.of("builtin", "digits"), "width", 32, "batchSize", 32);
        RunReport report = Data.run(Data.request(digits, map("name", "adam", "learningRate", 0.003), 450));
        assertThat(Data.objective(digits).dimension()).isEqualTo(64 * 32 + 32 + 32 * 10 + 10);
        // Default recording over data: about 100 points.
        assertThat(report.trajectory().iterations()[1]).isEqualTo(5);
        assertThat(report.data().finalValidationAccuracy()).isGreaterThan(0.9);
        assertThat(report.finalCurvature()).isNull(); // 2410 parameters: beyond the Hessian's limit
    }

    private static double norm(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
