package org.optlab.compute.objective;

import java.util.List;

/** The known global minimisers of an objective and its minimum value. */
public record Optimum(List<double[]> points, double loss) {

    public Optimum {
        points = points.stream().map(double[]::clone).toList();
    }

    public static Optimum at(double loss, double[]... points) {
        return new Optimum(List.of(points), loss);
    }

    /** The Euclidean distance from {@code point} to the nearest minimiser. */
    public double distanceFrom(double[] point) {
        double best = Double.POSITIVE_INFINITY;
        for (double[] minimiser : points) {
            double sum = 0;
            for (int i = 0; i < point.length; i++) {
                double d = point[i] - minimiser[i];
                sum += d * d;
            }
            best = Math.min(best, Math.sqrt(sum));
        }
        return best;
    }
}
