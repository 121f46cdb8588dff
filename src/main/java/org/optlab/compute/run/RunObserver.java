package org.optlab.compute.run;

/**
 * Watches a run's iterates. The runner calls {@link #onIterate} for every iterate w_t it
 * evaluates, in order, and {@link #onFinish} once with the last one. Implementations must not keep
 * the point array: it is the runner's and changes in place.
 */
public interface RunObserver {

    void onIterate(int iteration, double[] point, double loss, double gradientNorm, double learningRate);

    /** The last iterate, already passed to {@link #onIterate}. */
    default void onFinish(int iteration, double[] point, double loss, double gradientNorm, double learningRate) {}

    RunObserver NONE = (iteration, point, loss, gradientNorm, learningRate) -> {};
}
