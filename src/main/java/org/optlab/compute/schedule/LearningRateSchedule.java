package org.optlab.compute.schedule;

/**
 * lr_t as a function of the step t = 0, 1, …; built per run from η and T, so an instance may keep
 * state (a plateau detector, say) for the one run it serves.
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /** lr_t, asked once per step after {@link #observe} has seen f(w_t). */
    double learningRate(int step);

    /**
     * f(w_t), told before {@link #learningRate} is asked for the same t. Schedules that react to the
     * loss (reduce-on-plateau) keep what they need; the others ignore it.
     */
    default void observe(int step, double loss) {}
}
