package org.optlab.compute.run;

/**
 * How a run ended.
 *
 * @param iterations update steps taken
 * @param finalPoint the last iterate (a copy)
 * @param computeNanos wall-clock time of the loop
 * @param gradientEvaluations gradients computed, look-ahead ones included
 */
public record RunOutcome(
        RunStatus status,
        int iterations,
        double[] finalPoint,
        double finalLoss,
        double finalGradientNorm,
        long computeNanos,
        long gradientEvaluations) {

    public double nanosPerIteration() {
        return iterations == 0 ? 0 : (double) computeNanos / iterations;
    }
}
