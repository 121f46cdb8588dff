package org.optlab.compute.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.LimitExceededException;
import org.optlab.compute.Limits;
import org.optlab.compute.objective.Domain;
import org.optlab.compute.objective.Objective;
import org.optlab.compute.objective.Optimum;
import org.optlab.compute.objective.Sphere;
import org.optlab.compute.optimizer.Optimizer;
import org.optlab.compute.optimizer.StepContext;

/** The loop's contract: stopping, divergence, time, recording, noise, clipping and determinism. */
class RunnerTest {

    private static RunRequestData request(Map<String, Object> optimizer, Integer iterations) {
        return request(Map.of("name", "rosenbrock"), optimizer, iterations, null, null, null, null, null);
    }

    private static RunRequestData request(
            Map<String, Object> objective,
            Map<String, Object> optimizer,
            Integer iterations,
            Double gradientNormBelow,
            Double lossBelow,
            Double clip,
            Double noise,
            Integer every) {
        return new RunRequestData(
                objective,
                optimizer,
                null,
                null,
                iterations,
                gradientNormBelow,
                lossBelow,
                null,
                clip,
                noise,
                null,
                every,
                null);
    }

    private static final Map<String, Object> ADAM = Map.of("name", "adam", "learningRate", 0.01);

    @Test
    void spendsTheBudgetAndRecordsFirstAndLast() {
        RunReport report =
                RunPlan.prepare(request(ADAM, 2500), Limits.defaults()).execute(() -> false);
        assertThat(report.outcome().status()).isEqualTo(RunStatus.MAX_ITERATIONS);
        assertThat(report.outcome().iterations()).isEqualTo(2500);
        Trajectory path = report.trajectory();
        // Default record.every = ceil(2500 / 1000) = 3: 0, 3, …, 2499 and then the last, 2500.
        assertThat(path.iterations()[0]).isZero();
        assertThat(path.iterations()[1]).isEqualTo(3);
        assertThat(path.iterations()[path.size() - 2]).isEqualTo(2499);
        assertThat(path.iterations()[path.size() - 1]).isEqualTo(2500);
        assertThat(path.point(path.size() - 1)).containsExactly(report.outcome().finalPoint());
        assertThat(path.losses()[path.size() - 1]).isEqualTo(report.outcome().finalLoss());
        assertThat(report.outcome().gradientEvaluations()).isEqualTo(2501);
    }

    @Test
    void stopsWhenTheGradientIsSmall() {
        RunReport report = RunPlan.prepare(
                        request(
                                Map.of("name", "sphere"),
                                Map.of("name", "sgd", "learningRate", 0.1),
                                10_000,
                                1e-6,
                                null,
                                null,
                                null,
                                null),
                        Limits.defaults())
                .execute(() -> false);
        assertThat(report.outcome().status()).isEqualTo(RunStatus.CONVERGED);
        assertThat(report.outcome().finalGradientNorm()).isLessThanOrEqualTo(1e-6);
        // w_t = 0.8^t w_0 and ‖∇f(w_t)‖ = 2·0.8^t‖w_0‖: the first t with that ≤ 1e-6 is ⌈log(1e-6/(2‖w_0‖))/log 0.8⌉.
        double norm0 = 2 * Math.sqrt(1.5 * 1.5 + 1.0);
        int expected = (int) Math.ceil(Math.log(1e-6 / norm0) / Math.log(0.8));
        assertThat(report.outcome().iterations()).isEqualTo(expected);
    }

    @Test
    void stopsWhenTheLossIsSmall() {
        RunReport report = RunPlan.prepare(
                        request(
                                Map.of("name", "sphere"),
                                Map.of("name", "sgd", "learningRate", 0.1),
                                10_000,
                                null,
                                1e-4,
                                null,
                                null,
                                null),
                        Limits.defaults())
                .execute(() -> false);
        assertThat(report.outcome().status()).isEqualTo(RunStatus.CONVERGED);
        assertThat(report.outcome().finalLoss()).isLessThanOrEqualTo(1e-4);
        assertThat(report.trajectory().losses()[report.trajectory().size() - 2]).isGreaterThan(1e-4);
    }

    @Test
    void divergenceEndsTheRunWithANonFiniteLoss() {
        RunReport report = RunPlan.prepare(request(Map.of("name", "sgd", "learningRate", 1.0), 1000), Limits.defaults())
                .execute(() -> false);
        assertThat(report.outcome().status()).isEqualTo(RunStatus.DIVERGED);
        assertThat(report.outcome().iterations()).isLessThan(1000);
        assertThat(Double.isFinite(report.outcome().finalLoss())).isFalse();
    }

    @Test
    void timeLimitStopsALongRunPromptly() {
        long start = System.nanoTime();
        RunRequestData data = new RunRequestData(
                Map.of("name", "rosenbrock", "dimension", 5000),
                ADAM,
                null,
                null,
                1_000_000,
                null,
                null,
                100L,
                null,
                null,
                null,
                1_000_000,
                null);
        RunReport report = RunPlan.prepare(data, Limits.defaults()).execute(() -> false);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(report.outcome().status()).isEqualTo(RunStatus.TIME_LIMIT);
        assertThat(report.outcome().iterations()).isBetween(1, 999_999);
        assertThat(elapsedMillis).as("stopped soon after its 100 ms limit").isLessThan(1_500);
    }

    @Test
    void cancellationStopsTheRun() {
        int[] checks = {0};
        RunReport report =
                RunPlan.prepare(request(ADAM, 1_000_000), Limits.defaults()).execute(() -> ++checks[0] > 3);
        assertThat(report.outcome().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(report.outcome().iterations()).isLessThan(1_000_000);
    }

    @Test
    void sameRequestGivesTheSameNumbersBitForBit() {
        RunRequestData noisy = request(Map.of("name", "rastrigin"), ADAM, 500, null, null, 5.0, 0.5, 1);
        RunReport first = RunPlan.prepare(noisy, Limits.defaults()).execute(() -> false);
        RunReport second = RunPlan.prepare(noisy, Limits.defaults()).execute(() -> false);
        assertThat(second.trajectory().points())
                .containsExactly(first.trajectory().points());
        assertThat(second.trajectory().losses())
                .containsExactly(first.trajectory().losses());
    }

    @Test
    void theSeedDrivesTheNoise() {
        Map<String, Object> sgd = Map.of("name", "sgd", "learningRate", 0.01);
        RunReport quiet = RunPlan.prepare(
                        request(Map.of("name", "sphere"), sgd, 50, null, null, null, null, 1), Limits.defaults())
                .execute(() -> false);
        RunReport seed0 = RunPlan.prepare(
                        request(Map.of("name", "sphere"), sgd, 50, null, null, null, 0.3, 1), Limits.defaults())
                .execute(() -> false);
        RunRequestData otherSeed = new RunRequestData(
                Map.of("name", "sphere"), sgd, null, null, 50, null, null, null, null, 0.3, null, 1, 7L);
        RunReport seed7 = RunPlan.prepare(otherSeed, Limits.defaults()).execute(() -> false);
        assertThat(seed0.outcome().finalPoint()).isNotEqualTo(quiet.outcome().finalPoint());
        assertThat(seed7.outcome().finalPoint()).isNotEqualTo(seed0.outcome().finalPoint());
        // Noise never enters the recorded gradient norm, which is exact.
        double[] g = new double[2];
        double[] w = seed0.trajectory().point(10);
        double loss = new Sphere(2).evaluate(w, g);
        assertThat(seed0.trajectory().gradientNorms()[10]).isEqualTo(Math.hypot(g[0], g[1]));
        assertThat(seed0.trajectory().losses()[10]).isEqualTo(loss);
    }

    @Test
    void clippingBoundsTheGradientTheOptimizerSees() {
        List<Double> seen = new ArrayList<>();
        Optimizer<Void> spy = new Optimizer<>() {
            @Override
            public double learningRate() {
                return 1e-4;
            }

            @Override
            public Void init(int dimension) {
                return null;
            }

            @Override
            public void update(Void state, double[] w, double[] g, double lr, StepContext context) {
                seen.add(Math.hypot(g[0], g[1]));
                w[0] -= lr * g[0];
                w[1] -= lr * g[1];
            }
        };
        Objective steep = new Objective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double evaluate(double[] x, double[] gradient) {
                gradient[0] = 300 * x[0];
                gradient[1] = 0.001 * x[1];
                return 150 * x[0] * x[0] + 0.0005 * x[1] * x[1];
            }

            @Override
            public double[] defaultInitialPoint() {
                return new double[] {1, 1};
            }

            @Override
            public Optimum optimum() {
                return null;
            }

            @Override
            public Domain domain() {
                return null;
            }
        };
        RunSettings settings = new RunSettings(
                new double[] {1, 1}, 5, new StoppingRule(Double.NaN, Double.NaN, 1000), 2.0, GradientNoise.NONE, 0);
        new Runner().run(steep, spy, t -> 1e-4, settings, RunObserver.NONE, () -> false);
        assertThat(seen)
                .hasSize(5)
                .allSatisfy(norm -> assertThat(norm).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-12)));
    }

    @Test
    void limitsAreCheckedBeforeAnyWork() {
        Limits small = new Limits(100, 10, 50, 1000, 1000);
        assertThatThrownBy(() -> RunPlan.prepare(request(ADAM, 101), small))
                .isInstanceOf(LimitExceededException.class)
                .satisfies(e -> assertThat(((LimitExceededException) e).field()).isEqualTo("iterations"));
        Map<String, Object> big = Map.of("name", "sphere", "dimension", 11);
        assertThatThrownBy(() -> RunPlan.prepare(request(big, ADAM, 10, null, null, null, null, null), small))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("optlab.limits.max-dimension");
        assertThatThrownBy(() ->
                        RunPlan.prepare(request(Map.of("name", "sphere"), ADAM, 100, null, null, null, null, 1), small))
                .isInstanceOf(LimitExceededException.class)
                .satisfies(e -> assertThat(((LimitExceededException) e).field()).isEqualTo("record.every"));
        assertThat(RunPlan.prepare(request(Map.of("name", "sphere"), ADAM, 100, null, null, null, null, 3), small)
                        .recordEvery())
                .isEqualTo(3);
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        Map<String, Object> optimizer = new HashMap<>(Map.of("name", "adam", "beta1", 1.5, "epsilon", -1));
        RunRequestData data = new RunRequestData(
                Map.of("name", "rosenbrock"),
                optimizer,
                Map.of("name", "step"),
                new double[] {1, 2, 3},
                -1,
                -1.0,
                null,
                null,
                0.0,
                -1.0,
                null,
                0,
                null);
        assertThatThrownBy(() -> RunPlan.prepare(data, Limits.defaults()))
                .isInstanceOf(InvalidSpecException.class)
                .satisfies(e -> assertThat(((InvalidSpecException) e).violations())
                        .extracting(InvalidSpecException.Violation::field)
                        .contains(
                                "optimizer.beta1",
                                "optimizer.epsilon",
                                "schedule.stepSize",
                                "initialPoint",
                                "iterations",
                                "stopping.gradientNormBelow",
                                "gradientClipNorm",
                                "gradientNoise.stddev",
                                "record.every"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void resolvedEchoesEveryDefault() {
        RunPlan plan = RunPlan.prepare(
                new RunRequestData(
                        Map.of("name", "quadratic"),
                        Map.of("name", "rmsprop"),
                        Map.of("name", "cosine"),
                        null,
                        300,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                Limits.defaults());
        Map<String, Object> resolved = plan.resolved();
        assertThat(resolved.get("objective"))
                .isEqualTo(Map.of("name", "quadratic", "dimension", 2, "conditionNumber", 10.0));
        assertThat((Map<String, Object>) resolved.get("optimizer"))
                .containsEntry("alpha", 0.99)
                .containsEntry("centered", false);
        assertThat((Map<String, Object>) resolved.get("schedule"))
                .containsEntry("period", 300)
                .containsEntry("minLearningRate", 0.0);
        assertThat((double[]) resolved.get("initialPoint")).containsExactly(-1.5, 1.0);
        assertThat(resolved.get("record")).isEqualTo(Map.of("every", 1));
    }
}
