package org.optlab.compute.objective.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.InvalidSpecException.Violation;
import org.optlab.compute.objective.Domain;
import org.optlab.compute.param.ParameterValues;

/** The objective around a compiled formula: start, window, binding, allocation and concurrency. */
class ExpressionObjectiveTest {

    private static final Expression ROSENBROCK = Expression.compile("(1-x)^2 + 100*(y-x^2)^2", List.of("x", "y"));

    @Test
    void startsAtZerosAndPlotsTwoDimensionalFormulasOverTheDefaultSquare() {
        ExpressionObjective objective = ExpressionObjective.of(ROSENBROCK);
        assertThat(objective.dimension()).isEqualTo(2);
        assertThat(objective.defaultInitialPoint()).containsExactly(0, 0);
        assertThat(objective.domain()).isEqualTo(new Domain(-2, 2, -2, 2));
        assertThat(objective.optimum()).isNull();
        assertThat(objective.expression()).isSameAs(ROSENBROCK);
    }

    @Test
    void otherDimensionsHaveNoPlottingWindow() {
        assertThat(Numerics.objective("x^2", "x").domain()).isNull();
        ExpressionObjective three = Numerics.objective("x*y*z", "x", "y", "z");
        assertThat(three.domain()).isNull();
        assertThat(three.defaultInitialPoint()).containsExactly(0, 0, 0);
    }

    @Test
    void theStartAndWindowMayBeGiven() {
        ExpressionObjective objective =
                ExpressionObjective.of(ROSENBROCK, new double[] {-1.2, 1}, new Domain(-2, 2, -1, 3));
        assertThat(objective.defaultInitialPoint()).containsExactly(-1.2, 1);
        assertThat(objective.domain()).isEqualTo(new Domain(-2, 2, -1, 3));
        double[] start = objective.defaultInitialPoint();
        start[0] = 99;
        assertThat(objective.defaultInitialPoint()).containsExactly(-1.2, 1);
    }

    @Test
    void theStartMustMatchTheVariables() {
        InvalidSpecException e = catchThrowableOfType(
                InvalidSpecException.class, () -> ExpressionObjective.of(ROSENBROCK, new double[] {1, 2, 3}, null));
        assertThat(e.violations())
                .containsExactly(new Violation("start", "must have 2 coordinates (one per variable), had 3"));
        e = catchThrowableOfType(
                InvalidSpecException.class,
                () -> ExpressionObjective.of(ROSENBROCK, new double[] {1, Double.NaN}, null));
        assertThat(e.violations()).containsExactly(new Violation("start[1]", "must be a finite number"));
    }

    @Test
    void valueAloneEqualsTheValueOfEvaluate() {
        ExpressionObjective objective = ExpressionObjective.of(ROSENBROCK);
        double[] point = {0.3, -0.7};
        assertThat(objective.value(point)).isEqualTo(objective.evaluate(point, new double[2]));
    }

    @Test
    void bindsFromParameterValues() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("expression", "x^2 + 3*y^2 + z");
        given.put("variables", List.of("x", "y", "z"));
        given.put("start", new double[] {1, 2, 3});
        ExpressionObjective objective = ExpressionObjective.of(ParameterValues.of(given), ExpressionLimits.defaults());
        assertThat(objective.dimension()).isEqualTo(3);
        assertThat(objective.defaultInitialPoint()).containsExactly(1, 2, 3);
        double[] gradient = new double[3];
        assertThat(objective.evaluate(new double[] {1, 2, 3}, gradient)).isEqualTo(16);
        assertThat(gradient).containsExactly(2, 12, 1);

        ExpressionObjective plotted = ExpressionObjective.of(
                ParameterValues.of(Map.of("expression", "x*y", "xMin", -5.0, "xMax", 1.0, "yMin", 0.0, "yMax", 0.5)),
                ExpressionLimits.defaults());
        assertThat(plotted.expression().variables()).containsExactly("x", "y");
        assertThat(plotted.domain()).isEqualTo(new Domain(-5, 1, 0, 0.5));
    }

    @Test
    void bindingCollectsEveryViolation() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("expression", "x +");
        given.put("xMin", 1.0);
        given.put("xMax", 1.0);
        given.put("yMin", 3.0);
        given.put("yMax", -3.0);
        InvalidSpecException e = catchThrowableOfType(
                InvalidSpecException.class,
                () -> ExpressionObjective.of(ParameterValues.of(given), ExpressionLimits.defaults()));
        assertThat(e.violations())
                .containsExactly(
                        new Violation(
                                "expression",
                                "at position 4: expected a number, variable, function or '(' but found end of input"),
                        new Violation("xMax", "must be greater than xMin (1.0), was 1.0"),
                        new Violation("yMax", "must be greater than yMin (3.0), was -3.0"));

        e = catchThrowableOfType(
                InvalidSpecException.class,
                () -> ExpressionObjective.of(
                        ParameterValues.of(
                                Map.of("expression", "x", "variables", List.of("x"), "start", new double[2])),
                        ExpressionLimits.defaults()));
        assertThat(e.violations())
                .containsExactly(new Violation("start", "must have 1 coordinates (one per variable), had 2"));
    }

    @Test
    void theLimitsPassedToBindingApply() {
        InvalidSpecException e = catchThrowableOfType(
                InvalidSpecException.class,
                () -> ExpressionObjective.of(
                        ParameterValues.of(Map.of("expression", "x + y + 1")), new ExpressionLimits(5, 64)));
        assertThat(e.violations())
                .containsExactly(
                        new Violation("expression", "is 9 characters long, more than the limit of 5 characters"));
    }

    @Test
    void theResolvedEchoGetsTheDerivedStart() {
        ExpressionObjective objective =
                ExpressionObjective.of(ParameterValues.of(Map.of("expression", "x*y")), ExpressionLimits.defaults());
        ParameterValues completed = objective.completed(ParameterValues.of(Map.of("expression", "x*y")));
        assertThat(completed.vector("start")).containsExactly(0, 0);
    }

    @Test
    void evaluationAllocatesNothing() {
        Assumptions.assumeTrue(
                ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean, "needs HotSpot");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ExpressionObjective objective = Numerics.objective(
                "sin(x)*exp(-y^2) + min(x, y)^2 / (1 + abs(x*y)) + pow(2, x) - log(1 + y^2)", "x", "y");
        double[] point = {0.4, -1.1};
        double[] gradient = new double[2];
        double sink = 0;
        for (int i = 0; i < 20_000; i++) {
            sink += objective.evaluate(point, gradient) + objective.value(point);
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 200_000; i++) {
            point[0] = i * 1e-6;
            sink += objective.evaluate(point, gradient) + objective.value(point);
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertThat(sink).isFinite();
        assertThat(allocated).as("bytes allocated by 400,000 evaluations").isLessThan(16_384);
    }

    @Test
    void oneInstanceIsSafeToShareBetweenThreads() throws Exception {
        ExpressionObjective shared = ExpressionObjective.of(ROSENBROCK);
        ExpressionObjective reference = ExpressionObjective.of(ROSENBROCK);
        int threads = 8;
        int points = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                tasks.add(() -> {
                    ready.countDown();
                    ready.await();
                    int mismatches = 0;
                    double[] gradient = new double[2];
                    double[] expected = new double[2];
                    for (int i = 0; i < points; i++) {
                        double[] point = {Math.sin(seed * 7.1 + i), Math.cos(seed * 3.3 + i * 0.7)};
                        double value = shared.evaluate(point, gradient);
                        double expectedValue;
                        synchronized (reference) {
                            expectedValue = reference.evaluate(point, expected);
                        }
                        if (value != expectedValue || gradient[0] != expected[0] || gradient[1] != expected[1]) {
                            mismatches++;
                        }
                    }
                    return mismatches;
                });
            }
            int mismatches = 0;
            for (Future<Integer> result : pool.invokeAll(tasks)) {
                mismatches += result.get();
            }
            assertThat(mismatches).isZero();
        } finally {
            pool.shutdownNow();
        }
    }
}
