package org.optlab.compute.objective.expression;

import java.util.List;

/** Shared helpers: evaluating a formula and differentiating it numerically. */
final class Numerics {

    private Numerics() {}

    static ExpressionObjective objective(String text, String... variables) {
        return ExpressionObjective.of(Expression.compile(text, List.of(variables)));
    }

    /** The central difference (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h. */
    static double centralDifference(ExpressionObjective f, double[] x, int i, double h) {
        double[] plus = x.clone();
        double[] minus = x.clone();
        plus[i] += h;
        minus[i] -= h;
        return (f.value(plus) - f.value(minus)) / (2 * h);
    }

    /** A step that balances truncation and rounding error for a central difference at {@code x}. */
    static double step(double x) {
        return 1e-6 * Math.max(1, Math.abs(x));
    }
}
