package org.optlab.plot;

/**
 * One optimizer's run as the plots need it.
 *
 * @param label the legend's name for it
 * @param status how it ended: converged, max_iterations, diverged or time_limit
 * @param iterations update steps taken
 * @param finalLoss the loss at the last iterate (may be non-finite)
 * @param pathIterations the iteration of each recorded point
 * @param points the recorded iterates (only the first two coordinates are drawn)
 * @param losses the loss at each recorded iterate
 */
public record Trace(
        String label,
        String status,
        int iterations,
        double finalLoss,
        int[] pathIterations,
        double[][] points,
        double[] losses) {

    public Trace {
        if (pathIterations.length != losses.length || points.length != losses.length) {
            throw new IllegalArgumentException("a trace's iterations, points and losses must have one entry each");
        }
    }

    /** The legend's second line: final loss and how the run ended. */
    String summary() {
        String ending = switch (status) {
            case "converged" -> "converged at " + iterations;
            case "diverged" -> "diverged at " + iterations;
            case "time_limit" -> "time limit at " + iterations;
            default -> iterations + " iterations";
        };
        return "loss " + Numbers.label(finalLoss, 4) + " · " + ending;
    }
}
