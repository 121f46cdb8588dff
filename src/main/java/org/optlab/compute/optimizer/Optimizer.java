package org.optlab.compute.optimizer;

/**
 * An optimization rule over explicit state. The instance holds only hyperparameters and may serve
 * many runs at once; everything that changes during a run lives in the state {@code S}.
 *
 * @param <S> the per-run state (moment estimates, step counters)
 */
public interface Optimizer<S> {

    /** η, the base learning rate that schedules scale. */
    double learningRate();

    /** A fresh state for parameters of this dimension. */
    S init(int dimension);

    /**
     * One step: changes {@code parameters} in place. {@code gradient} is g_t at the current
     * parameters, after noise and clipping, and may be overwritten. Allocates nothing.
     *
     * @param learningRate lr_t, the scheduled rate for this step
     */
    void update(S state, double[] parameters, double[] gradient, double learningRate, StepContext context);
}
