package org.optlab.compute.optimizer;

/** What the runner tells an optimizer about the step in progress. */
public interface StepContext {

    /** t, counted from 0; optimizers that count steps for bias correction use t + 1. */
    int step();

    /**
     * Writes the (noisy, clipped) gradient at another point into {@code out}: for rules that
     * look ahead, such as the lecture's Nesterov form. Counts as a gradient evaluation.
     */
    void gradientAt(double[] point, double[] out);
}
