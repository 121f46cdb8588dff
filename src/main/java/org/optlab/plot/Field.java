package org.optlab.plot;

/**
 * A function sampled on a grid: {@code values[j][i] = f(x[i], y[j])}, rows following y, as the
 * landscape endpoint returns it. Non-finite values are allowed (contours break there).
 */
public record Field(double[] x, double[] y, double[][] values) {

    public Field {
        if (x.length < 2 || y.length < 2 || values.length != y.length) {
            throw new IllegalArgumentException("a field needs at least 2 × 2 values, one row per y");
        }
    }
}
