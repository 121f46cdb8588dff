package org.optlab.compute.objective.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.optlab.compute.objective.Rosenbrock;

/** The Rosenbrock formula compiled from text agrees with the hand-written {@link Rosenbrock}. */
class RosenbrockFormulaTest {

    private static final ExpressionObjective FORMULA = Numerics.objective("(1-x)^2 + 100*(y-x^2)^2", "x", "y");
    private static final Rosenbrock BUILT_IN = new Rosenbrock(2, 1, 100);

    @Property(tries = 2000)
    void valueAndGradientMatchTheBuiltInObjective(
            @ForAll @DoubleRange(min = -5, max = 5) double x, @ForAll @DoubleRange(min = -5, max = 5) double y) {
        double[] point = {x, y};
        double[] expected = new double[2];
        double[] actual = new double[2];
        double expectedValue = BUILT_IN.evaluate(point, expected);
        double actualValue = FORMULA.evaluate(point, actual);
        assertRelativelyClose(actualValue, expectedValue, expectedValue, "f");
        // The two partial sums of each component may cancel; measure the error against the terms.
        double scaleX = Math.abs(400 * x * (y - x * x)) + Math.abs(2 * (1 - x));
        double scaleY = Math.abs(200 * (y - x * x));
        assertRelativelyClose(actual[0], expected[0], scaleX, "∂f/∂x");
        assertRelativelyClose(actual[1], expected[1], scaleY, "∂f/∂y");
    }

    @Property(tries = 300)
    void theExtendedFormInFiveDimensionsMatchesToo(@ForAll @Size(5) List<@DoubleRange(min = -3, max = 3) Double> w) {
        List<String> names = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            names.add("w" + i);
        }
        for (int i = 0; i < 4; i++) {
            text.append(i == 0 ? "" : " + ")
                    .append("100*(w")
                    .append(i + 1)
                    .append(" - w")
                    .append(i)
                    .append("^2)^2 + (1 - w")
                    .append(i)
                    .append(")^2");
        }
        ExpressionObjective formula = ExpressionObjective.of(Expression.compile(text.toString(), names));
        double[] point = w.stream().mapToDouble(Double::doubleValue).toArray();
        double[] expected = new double[5];
        double[] actual = new double[5];
        double expectedValue = new Rosenbrock(5, 1, 100).evaluate(point, expected);
        double actualValue = formula.evaluate(point, actual);
        assertRelativelyClose(actualValue, expectedValue, expectedValue, "f");
        for (int i = 0; i < 5; i++) {
            double scale = 0;
            for (int j = Math.max(0, i - 1); j <= Math.min(3, i); j++) {
                scale += 400 * Math.abs(point[j] * (point[j + 1] - point[j] * point[j])) + 2 * Math.abs(1 - point[j]);
            }
            assertRelativelyClose(actual[i], expected[i], scale, "∂f/∂w" + i);
        }
    }

    private static void assertRelativelyClose(double actual, double expected, double scale, String what) {
        assertThat(Math.abs(actual - expected))
                .as("%s: formula %s, built-in %s", what, actual, expected)
                .isLessThanOrEqualTo(1e-12 * Math.abs(scale));
    }
}
