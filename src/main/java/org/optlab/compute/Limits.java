package org.optlab.compute;

/**
 * What one request may ask of the compute core. The web layer fills it from configuration.
 *
 * @param maxIterations most update steps in one run
 * @param maxDimension most parameters of an objective
 * @param maxPathPoints most recorded iterates in one path
 * @param maxPathValues most numbers in one path's points (recorded points × dimension)
 * @param maxRunMillis longest wall-clock time of one run, and the default time limit
 */
public record Limits(int maxIterations, int maxDimension, int maxPathPoints, long maxPathValues, long maxRunMillis) {

    public Limits {
        if (maxIterations < 1 || maxDimension < 2 || maxPathPoints < 2 || maxPathValues < 4 || maxRunMillis < 1) {
            throw new IllegalArgumentException("limits must be positive (dimension and path points at least 2)");
        }
    }

    public static Limits defaults() {
        return new Limits(1_000_000, 10_000, 100_000, 5_000_000, 30_000);
    }
}
