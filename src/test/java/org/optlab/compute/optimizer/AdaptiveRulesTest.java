package org.optlab.compute.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.param.ParameterValues;

/**
 * Adadelta, Adamax, NAdam, RAdam and Lion, and the optax conventions of NAdam and RAdam, by the
 * properties their rules promise; the trajectories themselves are pinned by the reference fixtures
 * ({@code trajectories-optimizers.json}).
 */
class AdaptiveRulesTest {

    /** The runner's side of a step, for driving an optimizer by hand. */
    private static final class Steps implements StepContext {
        int step;

        @Override
        public int step() {
            return step;
        }

        @Override
        public void gradientAt(double[] point, double[] out) {
            throw new UnsupportedOperationException("not a lookahead rule");
        }
    }

    /** ∇ of the Rosenbrock function (a = 1, b = 100) in two dimensions. */
    private static void rosenbrockGradient(double[] w, double[] out) {
        out[0] = -400 * w[0] * (w[1] - w[0] * w[0]) - 2 * (1 - w[0]);
        out[1] = 200 * (w[1] - w[0] * w[0]);
    }

    /** The path of {@code optimizer} from (−1.2, 1) under the given gradient, lr_t = η. */
    private static <S> double[][] path(
            Optimizer<S> optimizer, BiConsumer<double[], double[]> gradient, int iterations) {
        S state = optimizer.init(2);
        double[] w = {-1.2, 1.0};
        double[] g = new double[2];
        double[][] points = new double[iterations + 1][];
        points[0] = w.clone();
        Steps context = new Steps();
        for (int t = 0; t < iterations; t++) {
            context.step = t;
            gradient.accept(w, g);
            optimizer.update(state, w, g, optimizer.learningRate(), context);
            points[t + 1] = w.clone();
        }
        return points;
    }

    private static Optimizer<?> bind(Map<String, ?> spec) {
        return OptimizerBinder.bind(spec).optimizer();
    }

    static Stream<Arguments> everyRule() {
        return Stream.of(
                Arguments.of(new Adadelta(0.5, 0.9, 1e-6, 0.01, false), new Adadelta(0.5, 0.9, 1e-6, 0.01, true)),
                Arguments.of(
                        new Adamax(0.01, 0.9, 0.999, 1e-8, 0.01, false),
                        new Adamax(0.01, 0.9, 0.999, 1e-8, 0.01, true)),
                Arguments.of(
                        new Nadam(0.01, 0.9, 0.999, 1e-8, 0.01, 0.004, true, false),
                        new Nadam(0.01, 0.9, 0.999, 1e-8, 0.01, 0.004, true, true)),
                Arguments.of(
                        new Radam(0.001, 0.9, 0.999, 1e-8, 0.01, false, false),
                        new Radam(0.001, 0.9, 0.999, 1e-8, 0.01, false, true)),
                Arguments.of(new Lion(0.001, 0.9, 0.99, 0.1, false), new Lion(0.001, 0.9, 0.99, 0.1, true)),
                Arguments.of(
                        new OptaxNadam(0.01, 0.9, 0.999, 1e-8, 0, 0.01, true, false),
                        new OptaxNadam(0.01, 0.9, 0.999, 1e-8, 0, 0.01, true, true)),
                Arguments.of(
                        new OptaxRadam(0.001, 0.9, 0.999, 1e-8, 0, 0.01, false, false),
                        new OptaxRadam(0.001, 0.9, 0.999, 1e-8, 0, 0.01, false, true)));
    }

    @ParameterizedTest
    @MethodSource("everyRule")
    void maximizingFollowsTheNegatedGradientExactly(Optimizer<?> minimizing, Optimizer<?> maximizing) {
        double[][] up = path(
                maximizing,
                (w, g) -> {
                    rosenbrockGradient(w, g);
                    g[0] = -g[0];
                    g[1] = -g[1];
                },
                200);
        double[][] down = path(minimizing, AdaptiveRulesTest::rosenbrockGradient, 200);
        assertThat(up).isDeepEqualTo(down);
        assertThat(down[200]).isNotEqualTo(down[0]);
    }

    @Test
    void radamTakesBiasCorrectedMomentumStepsWhileTheVarianceIsIntractable() {
        // β₂ = 0.999: ρₖ ≈ 1.0, 2.0, 3.0, 4.0, 4.996 for k ≤ 5, then 5.994 > 5.
        Radam radam = new Radam(0.001, 0.9, 0.999, 1e-8, 0, false, false);
        double[][] points = path(radam, AdaptiveRulesTest::rosenbrockGradient, 6);
        double[] m = new double[2];
        double[] w = {-1.2, 1.0};
        double[] g = new double[2];
        for (int k = 1; k <= 5; k++) {
            rosenbrockGradient(w, g);
            for (int i = 0; i < 2; i++) {
                m[i] = 0.9 * m[i] + 0.1 * g[i];
                w[i] -= 0.001 * m[i] / (1 - Math.pow(0.9, k));
            }
            assertThat(points[k][0]).as("w_%d[0]", k).isCloseTo(w[0], within(1e-14));
            assertThat(points[k][1]).as("w_%d[1]", k).isCloseTo(w[1], within(1e-14));
        }
        // The sixth step is rectified and no longer a momentum step of size η·m̂.
        rosenbrockGradient(w, g);
        double plain = w[0] - 0.001 * (0.9 * m[0] + 0.1 * g[0]) / (1 - Math.pow(0.9, 6));
        assertThat(Math.abs(points[6][0] - plain)).isGreaterThan(1e-6);
    }

    @Test
    void optaxRadamIsPyTorchsWhenEpsilonIsZero() {
        // Only ε's place differs (and ρₖ ≥ 5 against ρₖ > 5, which no step here meets exactly).
        double[][] pytorch =
                path(new Radam(0.001, 0.9, 0.999, 0, 0, false, false), AdaptiveRulesTest::rosenbrockGradient, 300);
        double[][] optax = path(
                new OptaxRadam(0.001, 0.9, 0.999, 0, 0, 0, false, false), AdaptiveRulesTest::rosenbrockGradient, 300);
        for (int t = 0; t <= 300; t++) {
            assertThat(optax[t][0]).isCloseTo(pytorch[t][0], within(1e-12));
            assertThat(optax[t][1]).isCloseTo(pytorch[t][1], within(1e-12));
        }
        double[][] withEpsilon = path(
                new OptaxRadam(0.001, 0.9, 0.999, 1e-3, 0, 0, false, false),
                AdaptiveRulesTest::rosenbrockGradient,
                300);
        double[][] pytorchWithEpsilon =
                path(new Radam(0.001, 0.9, 0.999, 1e-3, 0, false, false), AdaptiveRulesTest::rosenbrockGradient, 300);
        assertThat(Math.abs(withEpsilon[300][0] - pytorchWithEpsilon[300][0])).isGreaterThan(1e-9);
    }

    @Test
    void optaxNadamIsPyTorchsWithAConstantMomentum() {
        // momentumDecay so large that 0.96^(kψ) underflows: μₖ = β₁ for every k, optax's rule.
        double[][] pytorch = path(
                new Nadam(0.01, 0.9, 0.999, 1e-8, 0, 1e6, false, false), AdaptiveRulesTest::rosenbrockGradient, 300);
        double[][] optax = path(
                new OptaxNadam(0.01, 0.9, 0.999, 1e-8, 0, 0, false, false), AdaptiveRulesTest::rosenbrockGradient, 300);
        for (int t = 0; t <= 300; t++) {
            assertThat(optax[t][0]).isCloseTo(pytorch[t][0], within(1e-12));
            assertThat(optax[t][1]).isCloseTo(pytorch[t][1], within(1e-12));
        }
        double[][] scheduled = path(
                new Nadam(0.01, 0.9, 0.999, 1e-8, 0, 0.004, false, false), AdaptiveRulesTest::rosenbrockGradient, 300);
        assertThat(Math.abs(scheduled[300][0] - optax[300][0])).isGreaterThan(1e-6);
    }

    @Test
    void lionMovesEveryCoordinateByExactlyTheLearningRateOrNotAtAll() {
        double[][] points = path(new Lion(0.001, 0.9, 0.99, 0, false), AdaptiveRulesTest::rosenbrockGradient, 300);
        for (int t = 0; t < 300; t++) {
            for (int i = 0; i < 2; i++) {
                assertThat(Math.abs(points[t + 1][i] - points[t][i])).isCloseTo(0.001, within(1e-15));
            }
        }
        // sign(0) = 0: no gradient and no momentum, no step; only the decay acts.
        Lion decaying = new Lion(0.1, 0.9, 0.99, 0.5, false);
        double[] w = {2.0, -4.0};
        decaying.update(decaying.init(2), w, new double[2], 0.1, new Steps());
        assertThat(w).containsExactly(2.0 * (1 - 0.1 * 0.5), -4.0 * (1 - 0.1 * 0.5));
    }

    @Test
    void adamaxFirstStepIsTheSignTimesTheLearningRate() {
        double[][] points =
                path(new Adamax(0.002, 0.9, 0.999, 1e-8, 0, false), AdaptiveRulesTest::rosenbrockGradient, 1);
        // m̂ = g and u = |g| + ε: the step is η·g/(|g| + ε) ≈ −η·sign(g); g = (−215.6, −88).
        assertThat(points[1][0]).isCloseTo(-1.2 + 0.002, within(1e-12));
        assertThat(points[1][1]).isCloseTo(1.0 + 0.002, within(1e-12));
    }

    @Test
    void theOptaxConventionSelectsOptaxsRules() {
        assertThat(bind(Map.of("name", "nadam", "convention", "optax"))).isInstanceOf(OptaxNadam.class);
        assertThat(bind(Map.of("name", "radam", "convention", "optax"))).isInstanceOf(OptaxRadam.class);
        assertThat(bind(Map.of("name", "nadam"))).isInstanceOf(Nadam.class);
        assertThat(bind(Map.of("name", "radam", "convention", "pytorch"))).isInstanceOf(Radam.class);
        // Rules that optax computes the same way keep the PyTorch kind.
        assertThat(bind(Map.of("name", "adamax", "convention", "optax"))).isInstanceOf(Adamax.class);
        assertThat(OptimizerBinder.bind(Map.of("name", "radam", "convention", "optax"))
                        .resolved())
                .containsEntry("convention", "optax")
                .containsEntry("learningRate", 0.001)
                .containsEntry("decoupledWeightDecay", false);
    }

    @Test
    void optaxNadamHasNoMomentumSchedule() {
        assertThatThrownBy(() -> bind(Map.of("name", "nadam", "convention", "optax", "momentumDecay", 0.004)))
                .isInstanceOf(InvalidSpecException.class)
                .satisfies(e -> assertThat(((InvalidSpecException) e).violations())
                        .singleElement()
                        .satisfies(v -> {
                            assertThat(v.field()).isEqualTo("momentumDecay");
                            assertThat(v.message()).contains("not in optax");
                        }));
        assertThat(OptimizerBinder.bind(Map.of("name", "nadam", "convention", "optax"))
                        .resolved())
                .doesNotContainKey("momentumDecay")
                .containsEntry("epsilonRoot", 0.0);
    }

    @Test
    void epsilonRootGoesUnderTheRoot() {
        // u = m̂/(√(v̂ + ε_root) + ε): ε_root = 1e-2 against v̂ of order 1e2–1e4 changes the path visibly.
        double nadamWith = path(
                new OptaxNadam(0.01, 0.9, 0.999, 1e-8, 1e-2, 0, false, false),
                AdaptiveRulesTest::rosenbrockGradient,
                10)[10][0];
        double nadamWithout = path(
                new OptaxNadam(0.01, 0.9, 0.999, 1e-8, 0, 0, false, false), AdaptiveRulesTest::rosenbrockGradient, 10)[
                10][0];
        assertThat(Math.abs(nadamWith - nadamWithout)).isGreaterThan(1e-12);
        double radamWith = path(
                new OptaxRadam(0.001, 0.9, 0.999, 1e-8, 1e-2, 0, false, false),
                AdaptiveRulesTest::rosenbrockGradient,
                10)[10][0];
        double radamWithout = path(
                new OptaxRadam(0.001, 0.9, 0.999, 1e-8, 0, 0, false, false), AdaptiveRulesTest::rosenbrockGradient, 10)[
                10][0];
        assertThat(Math.abs(radamWith - radamWithout)).isGreaterThan(1e-12);
    }

    @Test
    void defaultsAreTorchOptimsAndLions() {
        assertThat(bind(Map.of("name", "adadelta"))).isEqualTo(new Adadelta(1.0, 0.9, 1e-6, 0, false));
        assertThat(bind(Map.of("name", "adamax"))).isEqualTo(new Adamax(0.002, 0.9, 0.999, 1e-8, 0, false));
        assertThat(bind(Map.of("name", "nadam"))).isEqualTo(new Nadam(0.002, 0.9, 0.999, 1e-8, 0, 0.004, false, false));
        assertThat(bind(Map.of("name", "radam"))).isEqualTo(new Radam(0.001, 0.9, 0.999, 1e-8, 0, false, false));
        assertThat(bind(Map.of("name", "lion"))).isEqualTo(new Lion(1e-4, 0.9, 0.99, 0, false));
    }

    static Stream<Arguments> outOfBounds() {
        return Stream.of(
                Arguments.of(Map.of("name", "adadelta", "rho", 1.5), "rho"),
                Arguments.of(Map.of("name", "adadelta", "epsilon", -1e-6), "epsilon"),
                Arguments.of(Map.of("name", "adamax", "beta2", 1.0), "beta2"),
                Arguments.of(Map.of("name", "nadam", "momentumDecay", -0.1), "momentumDecay"),
                Arguments.of(Map.of("name", "nadam", "convention", "optax", "beta1", -0.1), "beta1"),
                Arguments.of(Map.of("name", "radam", "weightDecay", -1), "weightDecay"),
                Arguments.of(Map.of("name", "radam", "convention", "optax", "learningRate", -1), "learningRate"),
                Arguments.of(Map.of("name", "lion", "beta1", 1.0), "beta1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outOfBounds")
    void boundsAreCheckedWhereTheOptimizerIsBuilt(Map<String, Object> spec, String field) {
        assertThatThrownBy(() -> bind(spec))
                .isInstanceOf(InvalidSpecException.class)
                .satisfies(e -> assertThat(((InvalidSpecException) e).violations())
                        .extracting(InvalidSpecException.Violation::field)
                        .containsExactly(field));
    }

    @Test
    void catalogEntriesAreComplete() {
        for (OptimizerKind kind : List.of(
                Adadelta.KIND, Adamax.KIND, Nadam.KIND, Radam.KIND, Lion.KIND, OptaxNadam.KIND, OptaxRadam.KIND)) {
            var entry = kind.entry();
            assertThat(List.of(
                            entry.title(), entry.description(), entry.rule(), entry.reference(), entry.conventions()))
                    .as(kind.name())
                    .allSatisfy(text -> assertThat(text).isNotBlank());
            assertThat(entry.parameters()).extracting(p -> p.name()).contains("learningRate", "maximize");
            assertThat(Optimizers.find(kind.name())).isPresent();
        }
        assertThat(Optimizers.optaxVariant("nadam")).containsSame(OptaxNadam.KIND);
        assertThat(Optimizers.optaxVariant("radam")).containsSame(OptaxRadam.KIND);
    }

    @Test
    void stepsAllocateNothing() {
        Assumptions.assumeTrue(
                ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean, "needs HotSpot");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        for (Optimizer<?> optimizer :
                everyRule().map(a -> (Optimizer<?>) a.get()[0]).toList()) {
            for (int warm = 0; warm < 3; warm++) {
                steps(optimizer, 20_000);
            }
            long before = threads.getThreadAllocatedBytes(id);
            steps(optimizer, 1_000);
            long small = threads.getThreadAllocatedBytes(id) - before;
            before = threads.getThreadAllocatedBytes(id);
            steps(optimizer, 200_000);
            long large = threads.getThreadAllocatedBytes(id) - before;
            assertThat(large - small)
                    .as("%s: extra bytes allocated by 199,000 more steps", optimizer)
                    .isLessThan(16_384);
        }
    }

    /** Steps on a bowl, so that every rule stays finite however long it runs. */
    private static <S> void steps(Optimizer<S> optimizer, int iterations) {
        S state = optimizer.init(3);
        double[] w = {1.0, -2.0, 0.5};
        double[] g = new double[3];
        Steps context = new Steps();
        for (int t = 0; t < iterations; t++) {
            context.step = t;
            for (int i = 0; i < 3; i++) {
                g[i] = (i + 1) * w[i];
            }
            optimizer.update(state, w, g, 1e-3, context);
        }
    }

    @Test
    void parameterValuesBindTheOptaxVariantsOwnList() {
        var values = ParameterValues.bind(
                Map.of("name", "nadam", "beta2", 0.99), OptaxNadam.KIND.entry().parameters(), List.of("name"));
        assertThat(OptaxNadam.of(values).beta2()).isEqualTo(0.99);
    }
}
