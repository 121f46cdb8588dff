package org.optlab.compute.objective.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every primitive's value equals {@link Math}'s, and its hand-written derivative equals the
 * textbook derivative (to rounding) and a central finite difference, at several points of its
 * domain.
 */
class PrimitiveDerivativeTest {

    private static final double[] REALS = {-2.5, -0.7, -0.1, 0.3, 1.1, 2.9};
    private static final double[] UNIT = {-0.95, -0.5, -0.05, 0.2, 0.6, 0.9};
    private static final double[] POSITIVE = {0.05, 0.4, 1, 2.7, 15, 300};

    static Stream<Arguments> unaryFunctions() {
        return Stream.of(
                unary("sin", Math::sin, Math::cos, REALS),
                unary("cos", Math::cos, x -> -Math.sin(x), REALS),
                unary("tan", Math::tan, x -> 1 / (Math.cos(x) * Math.cos(x)), new double[] {-1.3, -0.4, 0, 0.5, 1.2}),
                unary("asin", Math::asin, x -> 1 / Math.sqrt(1 - x * x), UNIT),
                unary("acos", Math::acos, x -> -1 / Math.sqrt(1 - x * x), UNIT),
                unary("atan", Math::atan, x -> 1 / (1 + x * x), REALS),
                unary("sinh", Math::sinh, Math::cosh, REALS),
                unary("cosh", Math::cosh, Math::sinh, REALS),
                unary("tanh", Math::tanh, x -> 1 / (Math.cosh(x) * Math.cosh(x)), REALS),
                unary("exp", Math::exp, Math::exp, REALS),
                unary("log", Math::log, x -> 1 / x, POSITIVE),
                unary("log10", Math::log10, x -> 1 / (x * Math.log(10)), POSITIVE),
                unary("sqrt", Math::sqrt, x -> 0.5 / Math.sqrt(x), POSITIVE),
                unary("abs", Math::abs, Math::signum, REALS));
    }

    private static Arguments unary(String name, DoubleUnaryOperator f, DoubleUnaryOperator df, double[] points) {
        return Arguments.of(name, f, df, points);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unaryFunctions")
    void unaryFunction(String name, DoubleUnaryOperator f, DoubleUnaryOperator df, double[] points) {
        ExpressionObjective objective = Numerics.objective(name + "(x)", "x");
        double[] gradient = new double[1];
        for (double x : points) {
            double value = objective.evaluate(new double[] {x}, gradient);
            assertThat(value).as("%s(%s)", name, x).isEqualTo(f.applyAsDouble(x));
            double expected = df.applyAsDouble(x);
            assertThat(gradient[0])
                    .as("%s'(%s)", name, x)
                    .isCloseTo(expected, within(1e-14 * Math.max(1, Math.abs(expected))));
            double numeric = Numerics.centralDifference(objective, new double[] {x}, 0, Numerics.step(x));
            assertThat(gradient[0])
                    .as("%s'(%s) against a central difference", name, x)
                    .isCloseTo(numeric, within(1e-6 * Math.max(1, Math.abs(expected))));
        }
    }

    static Stream<Arguments> binaryOperations() {
        double[][] points = {{1.3, -0.4}, {-2.2, 0.7}, {0.5, 0.5 + 1e-3}, {3.1, 2.4}, {0.8, -1.9}};
        double[][] positiveBase = {{1.3, -0.4}, {0.2, 0.7}, {2.5, 3.1}, {0.8, -1.9}, {5, 0.5}};
        return Stream.of(
                binary("x + y", (x, y) -> x + y, (x, y) -> 1, (x, y) -> 1, points),
                binary("x - y", (x, y) -> x - y, (x, y) -> 1, (x, y) -> -1, points),
                binary("x * y", (x, y) -> x * y, (x, y) -> y, (x, y) -> x, points),
                binary("x / y", (x, y) -> x / y, (x, y) -> 1 / y, (x, y) -> -x / (y * y), points),
                binary(
                        "x ^ y",
                        Math::pow,
                        (x, y) -> y * Math.pow(x, y - 1),
                        (x, y) -> Math.pow(x, y) * Math.log(x),
                        positiveBase),
                binary(
                        "pow(x, y)",
                        Math::pow,
                        (x, y) -> y * Math.pow(x, y - 1),
                        (x, y) -> Math.pow(x, y) * Math.log(x),
                        positiveBase),
                binary("min(x, y)", Math::min, (x, y) -> x <= y ? 1 : 0, (x, y) -> x <= y ? 0 : 1, points),
                binary("max(x, y)", Math::max, (x, y) -> x >= y ? 1 : 0, (x, y) -> x >= y ? 0 : 1, points));
    }

    private static Arguments binary(
            String text, DoubleBinaryOperator f, DoubleBinaryOperator dx, DoubleBinaryOperator dy, double[][] points) {
        return Arguments.of(text, f, dx, dy, points);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaryOperations")
    void binaryOperation(
            String text, DoubleBinaryOperator f, DoubleBinaryOperator dx, DoubleBinaryOperator dy, double[][] points) {
        ExpressionObjective objective = Numerics.objective(text, "x", "y");
        double[] gradient = new double[2];
        for (double[] p : points) {
            double value = objective.evaluate(p, gradient);
            assertThat(value).as("%s at (%s, %s)", text, p[0], p[1]).isEqualTo(f.applyAsDouble(p[0], p[1]));
            double[] expected = {dx.applyAsDouble(p[0], p[1]), dy.applyAsDouble(p[0], p[1])};
            for (int i = 0; i < 2; i++) {
                double scale = Math.max(1, Math.abs(expected[i]));
                assertThat(gradient[i])
                        .as("∂/∂%s of %s at (%s, %s)", i == 0 ? "x" : "y", text, p[0], p[1])
                        .isCloseTo(expected[i], within(1e-14 * scale));
                double numeric = Numerics.centralDifference(objective, p, i, 1e-7);
                assertThat(gradient[i])
                        .as(
                                "∂/∂%s of %s at (%s, %s) against a central difference",
                                i == 0 ? "x" : "y", text, p[0], p[1])
                        .isCloseTo(numeric, within(1e-6 * scale));
            }
        }
    }

    static Stream<Arguments> constantExponents() {
        return Stream.of(
                Arguments.of("x^2", 2.0),
                Arguments.of("x^3", 3.0),
                Arguments.of("x^-1", -1.0),
                Arguments.of("x^0.5", 0.5),
                Arguments.of("x^-2.5", -2.5),
                Arguments.of("x^1", 1.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constantExponents")
    void powerWithAConstantExponent(String text, double exponent) {
        ExpressionObjective objective = Numerics.objective(text, "x");
        double[] gradient = new double[1];
        for (double x : POSITIVE) {
            assertThat(objective.evaluate(new double[] {x}, gradient)).isEqualTo(Math.pow(x, exponent));
            double expected = exponent * Math.pow(x, exponent - 1);
            assertThat(gradient[0])
                    .as("d/dx %s at %s", text, x)
                    .isCloseTo(expected, within(1e-14 * Math.max(1, Math.abs(expected))));
            double numeric = Numerics.centralDifference(objective, new double[] {x}, 0, Numerics.step(x));
            assertThat(gradient[0]).isCloseTo(numeric, within(1e-6 * Math.max(1, Math.abs(expected))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constantExponents")
    void integerPowersOfNegativeNumbers(String text, double exponent) {
        if (exponent != Math.rint(exponent)) {
            return;
        }
        ExpressionObjective objective = Numerics.objective(text, "x");
        double[] gradient = new double[1];
        for (double x : new double[] {-3, -1.5, -0.25}) {
            assertThat(objective.evaluate(new double[] {x}, gradient)).isEqualTo(Math.pow(x, exponent));
            assertThat(gradient[0]).isCloseTo(exponent * Math.pow(x, exponent - 1), within(1e-12));
        }
    }
}
