package org.optlab.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The values at which to draw contour lines. A landscape whose values span many decades (Rosenbrock:
 * from 0 in the valley to thousands on the walls) gets log-spaced levels, f* + 10^(k/p) for whole k
 * and p levels per decade, so that the valley floor and the walls both show; one that does not gets
 * evenly spaced "nice" levels (multiples of 1, 2 or 5 × 10^k).
 *
 * @param values the levels, increasing
 * @param log whether they are log-spaced above {@code offset}
 * @param offset the value the log spacing is measured from (the known minimum, or 0)
 * @param ratio the ratio of consecutive levels above {@code offset} when log-spaced, else NaN
 */
public record ContourLevels(double[] values, boolean log, double offset, double ratio) {

    /** How levels are spaced. */
    public enum Spacing {
        AUTO,
        LOG,
        LINEAR
    }

    /** At least this many decades between the 5th percentile (above the floor) and the top make AUTO choose LOG. */
    static final double LOG_DECADES = 3;

    /**
     * Levels for the finite values of a grid.
     *
     * @param count about how many levels
     * @param floor the known minimum of the function, or NaN; log levels are measured from it
     */
    public static ContourLevels choose(double[][] grid, int count, Spacing spacing, double floor) {
        double[] finite = Arrays.stream(grid)
                .flatMapToDouble(Arrays::stream)
                .filter(Double::isFinite)
                .sorted()
                .toArray();
        if (finite.length < 2 || finite[0] == finite[finite.length - 1]) {
            return new ContourLevels(new double[0], false, 0, Double.NaN);
        }
        double min = finite[0];
        double max = finite[finite.length - 1];
        double offset = Double.isFinite(floor) && floor <= min + 1e-12 * Math.max(1, Math.abs(min))
                ? floor
                : (min >= 0 ? 0 : min);
        double[] above =
                Arrays.stream(finite).map(v -> v - offset).filter(v -> v > 0).toArray();
        boolean log = switch (spacing) {
            case LOG -> above.length >= 2;
            case LINEAR -> false;
            case AUTO ->
                above.length >= 2 && Math.log10(above[above.length - 1] / quantile(above, 0.05)) >= LOG_DECADES;
        };
        if (log) {
            return logLevels(above, count, offset);
        }
        List<Double> ticks = Scale.linearTicks(min, max, count + 1);
        double[] levels = ticks.stream()
                .mapToDouble(Double::doubleValue)
                .filter(v -> v > min && v < max)
                .toArray();
        return new ContourLevels(levels, false, offset, Double.NaN);
    }

    private static ContourLevels logLevels(double[] above, int count, double offset) {
        double low = quantile(above, 0.005);
        double high = quantile(above, 0.98);
        if (!(high > low)) {
            high = above[above.length - 1];
        }
        double decades = Math.max(1e-9, Math.log10(high / low));
        int perDecade = (int) Math.max(1, Math.min(6, Math.round(count / decades)));
        int first = (int) Math.ceil(perDecade * Math.log10(low) - 1e-9);
        int last = (int) Math.floor(perDecade * Math.log10(high) + 1e-9);
        int stride = Math.max(1, (int) Math.ceil((last - first + 1) / (2.0 * Math.max(1, count))));
        List<Double> levels = new ArrayList<>();
        for (int k = first; k <= last; k += stride) {
            levels.add(offset + power(k, perDecade));
        }
        return new ContourLevels(
                levels.stream().mapToDouble(Double::doubleValue).toArray(),
                true,
                offset,
                Math.pow(10, (double) stride / perDecade));
    }

    /** 10^(k/p); exact at whole decades. */
    static double power(int k, int perDecade) {
        return k % perDecade == 0 ? Scale.decade(k / perDecade) : Math.pow(10, (double) k / perDecade);
    }

    private static double quantile(double[] sorted, double q) {
        int index = (int) Math.floor(q * (sorted.length - 1));
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
