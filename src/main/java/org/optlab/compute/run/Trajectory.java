package org.optlab.compute.run;

/**
 * The recorded iterates of a run, stored flat: point i is {@code points[i·n … i·n + n)}. Owned by
 * the caller once the run is over; nothing else writes to it.
 */
public record Trajectory(
        int size,
        int dimension,
        int[] iterations,
        double[] points,
        double[] losses,
        double[] gradientNorms,
        double[] learningRates) {

    public int iteration(int index) {
        return iterations[index];
    }

    public double coordinate(int index, int axis) {
        return points[index * dimension + axis];
    }

    /** A copy of point {@code index}. */
    public double[] point(int index) {
        double[] point = new double[dimension];
        System.arraycopy(points, index * dimension, point, 0, dimension);
        return point;
    }
}
