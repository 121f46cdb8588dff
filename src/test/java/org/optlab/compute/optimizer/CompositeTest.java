package org.optlab.compute.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.Limits;
import org.optlab.compute.run.RunPlan;
import org.optlab.compute.run.RunReport;
import org.optlab.compute.run.RunRequestData;

/** The composite optimizers against runs assembled by hand from their parts. */
class CompositeTest {

    private static RunPlan plan(
            Map<String, Object> optimizer, double[] start, int iterations, Map<String, Object> schedule) {
        return RunPlan.prepare(
                new RunRequestData(
                        Map.of("name", "rosenbrock"),
                        optimizer,
                        schedule,
                        start,
                        iterations,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        1,
                        null),
                Limits.defaults());
    }

    private static final Map<String, Object> ADAM = Map.of("name", "adam", "learningRate", 0.02);
    private static final Map<String, Object> SGD = Map.of("name", "sgd", "learningRate", 0.001, "momentum", 0.9);

    @Test
    void switchRunsTheSecondOptimizerFreshFromWhereTheFirstStopped() {
        double[] start = {-1.2, 1.0};
        RunReport switched = plan(
                        Map.of("name", "switch", "first", ADAM, "then", SGD, "atIteration", 150), start, 400, null)
                .execute(() -> false);
        RunReport firstPart = plan(ADAM, start, 150, null).execute(() -> false);
        RunReport secondPart =
                plan(SGD, firstPart.outcome().finalPoint(), 250, null).execute(() -> false);

        for (int t = 0; t <= 150; t++) {
            assertThat(switched.trajectory().point(t))
                    .containsExactly(firstPart.trajectory().point(t));
        }
        for (int t = 0; t <= 250; t++) {
            assertThat(switched.trajectory().point(150 + t))
                    .containsExactly(secondPart.trajectory().point(t));
        }
    }

    @Test
    void aScheduleShapesBothPhasesAtEachOptimizersOwnRate() {
        Map<String, Object> cosine = Map.of("name", "cosine");
        RunPlan plan =
                plan(Map.of("name", "switch", "first", ADAM, "then", SGD, "atIteration", 100), null, 200, cosine);
        RunReport report = plan.execute(() -> false);
        // lr_t is reported for the schedule's base η (the first optimizer's); the second phase scales it.
        double lr150 = report.trajectory().learningRates()[150];
        assertThat(lr150)
                .isCloseTo(0.02 * (1 + Math.cos(Math.PI * 150 / 200)) / 2, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(plan.phases()).containsExactly(new RunPlan.Phase(0, "adam"), new RunPlan.Phase(100, "sgd"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void nestedSwitchesListEveryPhase() {
        Map<String, Object> inner = Map.of("name", "switch", "first", SGD, "then", ADAM, "atIteration", 50);
        RunPlan plan =
                plan(Map.of("name", "switch", "first", ADAM, "then", inner, "atIteration", 100), null, 300, null);
        assertThat(plan.phases())
                .containsExactly(
                        new RunPlan.Phase(0, "adam"), new RunPlan.Phase(100, "sgd"), new RunPlan.Phase(150, "adam"));
        assertThat((Map<String, Object>) plan.resolved().get("optimizer"))
                .containsEntry("atIteration", 100)
                .containsKey("first")
                .containsKey("then");
    }

    @Test
    void lookaheadMatchesItsDefinition() {
        double[] start = {-1.2, 1.0};
        int k = 5;
        double alpha = 0.5;
        RunReport report = plan(Map.of("name", "lookahead", "inner", SGD, "k", k, "alpha", alpha), start, 40, null)
                .execute(() -> false);

        // By hand: SGD with momentum on the fast weights, every k-th step pull back to the slow ones.
        Sgd sgd = new Sgd(0.001, 0.9, 0, false, 0, false);
        Sgd.State state = sgd.init(2);
        double[] w = start.clone();
        double[] slow = start.clone();
        double[] g = new double[2];
        org.optlab.compute.objective.Rosenbrock f = new org.optlab.compute.objective.Rosenbrock(2, 1, 100);
        for (int t = 0; t < 40; t++) {
            f.evaluate(w, g);
            final int step = t;
            sgd.update(state, w, g, 0.001, new StepContext() {
                @Override
                public int step() {
                    return step;
                }

                @Override
                public void gradientAt(double[] point, double[] out) {
                    f.evaluate(point, out);
                }
            });
            if ((t + 1) % k == 0) {
                for (int i = 0; i < 2; i++) {
                    slow[i] = slow[i] + alpha * (w[i] - slow[i]);
                    w[i] = slow[i];
                }
            }
            assertThat(report.trajectory().point(t + 1)).as("w_%d", t + 1).containsExactly(w);
        }
    }

    @Test
    void nestedSpecsAreValidatedWithTheirPaths() {
        Map<String, Object> bad =
                Map.of("name", "switch", "first", Map.of("name", "adam", "beta1", 2), "then", Map.of("name", "nope"));
        assertThatThrownBy(() -> plan(bad, null, 10, null))
                .isInstanceOf(InvalidSpecException.class)
                .satisfies(e -> assertThat(((InvalidSpecException) e).violations())
                        .extracting(InvalidSpecException.Violation::field)
                        .containsExactlyInAnyOrder(
                                "optimizer.first.beta1", "optimizer.then.name", "optimizer.atIteration"));
        assertThatThrownBy(() -> plan(Map.of("name", "lookahead"), null, 10, null))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("optimizer.inner");
    }

    @Test
    @SuppressWarnings("unchecked")
    void conventionIsValidated() {
        assertThatThrownBy(() -> plan(Map.of("name", "adam", "convention", "jax"), null, 10, null))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("optimizer.convention")
                .hasMessageContaining("pytorch");
        assertThat((Map<String, Object>) plan(ADAM, null, 10, null).resolved().get("optimizer"))
                .containsEntry("convention", "pytorch");
    }
}
