package org.optlab.compute.data;

/** Solves A x = b for symmetric positive definite A by Cholesky factorisation. */
final class Cholesky {

    private Cholesky() {}

    /** x, or null when A (row-major, m × m) is not numerically positive definite. */
    static double[] solve(double[] a, double[] b, int m) {
        double[] l = new double[m * m];
        double largest = 0;
        for (int i = 0; i < m; i++) {
            largest = Math.max(largest, Math.abs(a[i * m + i]));
        }
        for (int j = 0; j < m; j++) {
            double diagonal = a[j * m + j];
            for (int k = 0; k < j; k++) {
                diagonal -= l[j * m + k] * l[j * m + k];
            }
            if (!(diagonal > 1e-12 * largest)) {
                return null;
            }
            double root = Math.sqrt(diagonal);
            l[j * m + j] = root;
            for (int i = j + 1; i < m; i++) {
                double s = a[i * m + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * m + k] * l[j * m + k];
                }
                l[i * m + j] = s / root;
            }
        }
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * m + k] * y[k];
            }
            y[i] = s / l[i * m + i];
        }
        double[] x = new double[m];
        for (int i = m - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < m; k++) {
                s -= l[k * m + i] * x[k];
            }
            x[i] = s / l[i * m + i];
        }
        return x;
    }
}
