package org.optlab.compute.objective.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/**
 * Values and derivatives at the edges of the primitives' domains: no exception, IEEE-754 results,
 * and the documented conventions at kinks.
 */
class EdgeCaseTest {

    private static double[] gradientAt(ExpressionObjective f, double... x) {
        double[] gradient = new double[x.length];
        f.evaluate(x, gradient);
        return gradient;
    }

    @Test
    void zeroOverZeroIsNaNWithoutThrowing() {
        ExpressionObjective constant = Numerics.objective("0/0", "x");
        assertThat(constant.value(new double[] {1})).isNaN();
        ExpressionObjective quotient = Numerics.objective("x/y", "x", "y");
        double[] gradient = new double[2];
        assertThatCode(() -> quotient.evaluate(new double[] {0, 0}, gradient)).doesNotThrowAnyException();
        assertThat(quotient.evaluate(new double[] {0, 0}, gradient)).isNaN();
        assertThat(gradient[1]).isNaN();
        assertThat(Numerics.objective("x/0", "x").value(new double[] {1})).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void hugeExponentsGiveInfinityWithoutThrowing() {
        assertThat(Numerics.objective("10^400", "x").value(new double[] {0})).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Numerics.objective("-(10^400)", "x").value(new double[] {0})).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Numerics.objective("2^1e300 - 2^1e300", "x").value(new double[] {0}))
                .isNaN();
        ExpressionObjective power = Numerics.objective("x^1000", "x");
        double[] gradient = new double[1];
        assertThat(power.evaluate(new double[] {10}, gradient)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(gradient[0]).isEqualTo(Double.POSITIVE_INFINITY);
        ExpressionObjective exponential = Numerics.objective("exp(x) + 2^y", "x", "y");
        assertThat(exponential.evaluate(new double[] {1000, 1e6}, new double[2]))
                .isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Numerics.objective("exp(x)", "x").value(new double[] {-1e6})).isZero();
    }

    @Test
    void absHasDerivativeZeroAtZero() {
        assertThat(gradientAt(Numerics.objective("abs(x)", "x"), 0.0)).containsExactly(0.0);
        assertThat(gradientAt(Numerics.objective("abs(x)", "x"), -0.0)).containsExactly(0.0);
    }

    @Test
    void minAndMaxPassTheGradientToTheFirstArgumentOnTies() {
        assertThat(gradientAt(Numerics.objective("min(x, y)", "x", "y"), 1.5, 1.5))
                .containsExactly(1.0, 0.0);
        assertThat(gradientAt(Numerics.objective("max(x, y)", "x", "y"), 1.5, 1.5))
                .containsExactly(1.0, 0.0);
        assertThat(gradientAt(Numerics.objective("min(y, x)", "x", "y"), 1.5, 1.5))
                .containsExactly(0.0, 1.0);
        assertThat(gradientAt(Numerics.objective("max(x, y)", "x", "y"), 1.0, 2.0))
                .containsExactly(0.0, 1.0);
    }

    @Test
    void sqrtHasInfiniteDerivativeAtZero() {
        ExpressionObjective root = Numerics.objective("sqrt(x)", "x");
        double[] gradient = new double[1];
        assertThat(root.evaluate(new double[] {0}, gradient)).isZero();
        assertThat(gradient[0]).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void aZeroAdjointPropagatesNothing() {
        // f ≡ 0, so ∇f = 0, although the chain rule would multiply 0 by √x′(0) = ∞.
        assertThat(gradientAt(Numerics.objective("0*sqrt(x)", "x"), 0.0)).containsExactly(0.0);
    }

    @Test
    void logarithmsOfNegativeNumbersAreNaN() {
        for (String f : new String[] {"log(x)", "log10(x)", "sqrt(x)"}) {
            ExpressionObjective objective = Numerics.objective(f, "x");
            double[] gradient = new double[1];
            assertThat(objective.evaluate(new double[] {-2}, gradient)).as(f).isNaN();
            assertThat(gradient[0]).as("%s'(-2)", f).isNaN();
        }
        assertThat(gradientAt(Numerics.objective("log(x)", "x"), 0.0)).containsExactly(Double.POSITIVE_INFINITY);
        assertThat(Numerics.objective("asin(x)", "x").value(new double[] {2})).isNaN();
    }

    @Test
    void powerRulesAtZeroBase() {
        // ∂(xʸ)/∂y = xʸ·ln x is taken as 0 at x = 0 (JAX's convention); ∂/∂x = y·xʸ⁻¹.
        ExpressionObjective power = Numerics.objective("x^y", "x", "y");
        double[] gradient = new double[2];
        assertThat(power.evaluate(new double[] {0, 2}, gradient)).isZero();
        assertThat(gradient).containsExactly(0.0, 0.0);
        assertThat(power.evaluate(new double[] {0, 1}, gradient)).isZero();
        assertThat(gradient).containsExactly(1.0, 0.0);
        // x⁰ is the constant 1 whatever x is.
        assertThat(gradientAt(Numerics.objective("x^0", "x"), 0.0)).containsExactly(0.0);
        assertThat(gradientAt(Numerics.objective("x^y", "x", "y"), 0.0, 0.0)).containsExactly(0.0, 0.0);
        // A negative base to a variable power: the value is real for integer powers, ∂/∂y is not.
        assertThat(power.evaluate(new double[] {-2, 3}, gradient)).isEqualTo(-8);
        assertThat(gradient[0]).isEqualTo(12);
        assertThat(gradient[1]).isNaN();
    }

    @Test
    void nanInputsGiveNaNWithoutThrowing() {
        ExpressionObjective f = Numerics.objective("min(x, 1) + abs(x) + x^2", "x");
        double[] gradient = new double[1];
        assertThat(f.evaluate(new double[] {Double.NaN}, gradient)).isNaN();
        assertThat(gradient[0]).isNaN();
    }
}
