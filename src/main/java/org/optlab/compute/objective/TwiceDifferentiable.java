package org.optlab.compute.objective;

/** An objective that knows its exact Hessian; others get one from differences of the exact gradient. */
public interface TwiceDifferentiable {

    /** Writes ∇²f(x) into {@code hessian}, row-major, n × n. */
    void hessian(double[] point, double[] hessian);
}
