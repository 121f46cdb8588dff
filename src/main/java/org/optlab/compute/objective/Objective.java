package org.optlab.compute.objective;

/**
 * A differentiable function f: ℝⁿ → ℝ to minimise. Implementations are immutable and safe to
 * share between threads; {@link #evaluate} writes only into the caller's gradient array.
 */
public interface Objective {

    /** n, the number of parameters. */
    int dimension();

    /** Returns f(w) and writes ∇f(w) into {@code gradient} (length n). Allocates nothing. */
    double evaluate(double[] point, double[] gradient);

    /** f(w) alone. */
    default double value(double[] point) {
        return evaluate(point, new double[dimension()]);
    }

    /** Where a run starts when the request gives no initial point. */
    double[] defaultInitialPoint();

    /** Every known global minimiser and the minimum, or null when none is known. */
    Optimum optimum();

    /**
     * The bound parameters with the values this objective derived filled in, for the run's
     * {@code resolved} echo (a generated quadratic's dimension, say).
     */
    default org.optlab.compute.param.ParameterValues completed(org.optlab.compute.param.ParameterValues given) {
        return given;
    }

    /** The plotting window for two-dimensional objectives, or null for other dimensions. */
    Domain domain();
}
