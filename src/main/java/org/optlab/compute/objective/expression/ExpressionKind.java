package org.optlab.compute.objective.expression;

import java.util.List;
import org.optlab.compute.objective.ObjectiveKind;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;

/**
 * The catalog entry of the {@code expression} objective and its factory. {@link #KIND} uses the
 * default {@link ExpressionLimits}; {@link #kind(ExpressionLimits)} builds one for other limits
 * (from the server's configuration). The factory compiles a fresh {@link ExpressionObjective} per
 * request, so every run has its own tape.
 */
public final class ExpressionKind {

    /** The formula shown when the request gives none: Rosenbrock's banana valley. */
    public static final String DEFAULT_EXPRESSION = "(1-x)^2 + 100*(y-x^2)^2";

    static final ParameterSpec EXPRESSION = ParameterSpec.string(
            "expression",
            DEFAULT_EXPRESSION,
            "The formula f in the variables: numbers, + - * / ^ (right-associative; -x^2 = -(x^2)), parentheses, "
                    + "pi, e, sin cos tan asin acos atan sinh cosh tanh exp log log10 sqrt abs, min max pow.");
    static final ParameterSpec VARIABLES = ParameterSpec.stringList(
            "variables",
            List.of("x", "y"),
            "The variable names in coordinate order; their number (1 to " + ExpressionLimits.MAX_VARIABLES
                    + ") is the dimension.");
    static final ParameterSpec START =
            ParameterSpec.vector("start", "zeros", "The default initial point, one coordinate per variable.");
    static final ParameterSpec X_MIN =
            ParameterSpec.number("xMin", -2, "Left edge of the plotting window (two variables only).");
    static final ParameterSpec X_MAX =
            ParameterSpec.number("xMax", 2, "Right edge of the plotting window (two variables only).");
    static final ParameterSpec Y_MIN =
            ParameterSpec.number("yMin", -2, "Bottom edge of the plotting window (two variables only).");
    static final ParameterSpec Y_MAX =
            ParameterSpec.number("yMax", 2, "Top edge of the plotting window (two variables only).");

    /** The kind with the default limits: 4000 characters, nested 64 deep. */
    public static final ObjectiveKind KIND = kind(ExpressionLimits.defaults());

    private ExpressionKind() {}

    /** The kind whose factory enforces {@code limits}. */
    public static ObjectiveKind kind(ExpressionLimits limits) {
        return new ObjectiveKind(
                new CatalogEntry(
                        "expression",
                        "Formula",
                        "Any formula in named variables, differentiated exactly by reverse-mode automatic "
                                + "differentiation. Grammar: numbers (1.5e-3), variables, + - * / and ^ "
                                + "(right-associative, binding tighter than a sign: -x^2 = -(x^2)), parentheses, "
                                + "the constants pi and e, the functions " + String.join(" ", Expression.FUNCTIONS)
                                + " (min, max and pow take two arguments). At most " + limits.maxLength()
                                + " characters, nested at most " + limits.maxDepth() + " levels deep, "
                                + ExpressionLimits.MAX_VARIABLES + " variables.",
                        "f(x) = the given formula; ∇f by reverse-mode automatic differentiation",
                        "A. Griewank and A. Walther, Evaluating Derivatives, 2nd ed., SIAM 2008 (reverse mode)",
                        "Derivatives at kinks and domain edges: |x|′(0) = 0; min and max pass the gradient to the "
                                + "first argument on ties; √x′(0) = +∞; ∂(xʸ)/∂y = 0 at x = 0. Outside a "
                                + "function's domain the value is NaN and the run ends as diverged. No optimum is "
                                + "known.",
                        List.of(EXPRESSION, VARIABLES, START, X_MIN, X_MAX, Y_MIN, Y_MAX)),
                values -> ExpressionObjective.of(values, limits));
    }
}
