package org.optlab.compute.study;

import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.objective.Domain;
import org.optlab.compute.objective.Objective;

/**
 * An objective's values on a grid over a rectangle: rows follow y, {@code values[j][i] = f(x_i, y_j)}.
 * For more than two dimensions, a slice through a point along two coordinate axes.
 *
 * @param min the smallest finite value, NaN when there is none
 * @param max the largest finite value, NaN when there is none
 */
public record Landscape(double[] x, double[] y, double[][] values, double min, double max) {

    /**
     * @param through the point the slice passes through (its other coordinates are held fixed); may
     *     be null for a 2-D objective
     * @param axisX the coordinate that varies along x
     * @param axisY the coordinate that varies along y
     */
    public static Landscape evaluate(
            Objective objective, Domain bounds, int resolution, double[] through, int axisX, int axisY) {
        return evaluate(objective, bounds, resolution, through, axisX, axisY, Long.MAX_VALUE);
    }

    /**
     * Like {@link #evaluate(Objective, Domain, int, double[], int, int)}, giving up with a
     * {@link org.optlab.compute.LimitExceededException} naming {@code resolution} when it takes
     * longer than {@code maxMillis}.
     */
    public static Landscape evaluate(
            Objective objective,
            Domain bounds,
            int resolution,
            double[] through,
            int axisX,
            int axisY,
            long maxMillis) {
        long start = System.nanoTime();
        int n = objective.dimension();
        if (axisX < 0 || axisX >= n || axisY < 0 || axisY >= n || axisX == axisY) {
            throw new InvalidSpecException("slice.axes", "must be two different coordinates in [0, " + (n - 1) + "]");
        }
        double[] point = through == null ? new double[n] : through.clone();
        if (point.length != n) {
            throw new InvalidSpecException("slice.point", "must have " + n + " coordinates, had " + point.length);
        }
        double[] x = linspace(bounds.xMin(), bounds.xMax(), resolution);
        double[] y = linspace(bounds.yMin(), bounds.yMax(), resolution);
        double[][] values = new double[resolution][resolution];
        double[] gradient = new double[n];
        double min = Double.NaN;
        double max = Double.NaN;
        for (int j = 0; j < resolution; j++) {
            if (maxMillis != Long.MAX_VALUE && (System.nanoTime() - start) / 1_000_000 > maxMillis) {
                throw new org.optlab.compute.LimitExceededException(
                        "resolution",
                        "optlab.limits.max-run-millis",
                        maxMillis,
                        "evaluating the landscape took longer than " + maxMillis
                                + " ms (optlab.limits.max-run-millis): lower the resolution");
            }
            point[axisY] = y[j];
            for (int i = 0; i < resolution; i++) {
                point[axisX] = x[i];
                double value = objective.evaluate(point, gradient);
                values[j][i] = value;
                if (Double.isFinite(value)) {
                    min = Double.isNaN(min) ? value : Math.min(min, value);
                    max = Double.isNaN(max) ? value : Math.max(max, value);
                }
            }
        }
        return new Landscape(x, y, values, min, max);
    }

    private static double[] linspace(double from, double to, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = count == 1 ? from : from + (to - from) * i / (count - 1);
        }
        return values;
    }
}
