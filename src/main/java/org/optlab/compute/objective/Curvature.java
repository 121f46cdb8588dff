package org.optlab.compute.objective;

/**
 * The curvature of an objective at a point: the eigenvalues of its Hessian, smallest first, and
 * the condition number max|λ| / min|λ| — the quantity that says how much slower plain gradient
 * descent is than it would be on a round bowl, and why momentum helps (O(√κ) instead of O(κ)).
 *
 * <p>The Hessian is exact for objectives that implement {@link TwiceDifferentiable}; otherwise it
 * is taken by central differences of the exact gradient (error O(h²) with h = 1e-5·max(1, |xᵢ|)),
 * then symmetrised. Eigenvalues come from the cyclic Jacobi method.
 *
 * @param conditionNumber max|λ| / min|λ|, or +∞ when some eigenvalue is zero
 * @param method {@code exact} or {@code central differences of the exact gradient}
 */
public record Curvature(double[] eigenvalues, double conditionNumber, boolean positiveDefinite, String method) {

    /** Beyond this dimension the Hessian is not computed (O(n²) memory, O(n³) eigenvalues). */
    public static final int MAX_DIMENSION = 64;

    /** The curvature at {@code point}, or null when the dimension is too large or the Hessian is not finite. */
    public static Curvature at(Objective objective, double[] point) {
        int n = objective.dimension();
        if (n > MAX_DIMENSION) {
            return null;
        }
        double[] hessian = new double[n * n];
        String method;
        if (objective instanceof TwiceDifferentiable exact) {
            exact.hessian(point, hessian);
            method = "exact";
        } else {
            differences(objective, point, hessian);
            method = "central differences of the exact gradient";
        }
        for (double h : hessian) {
            if (!Double.isFinite(h)) {
                return null;
            }
        }
        double[] eigenvalues = eigenvalues(hessian, n);
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        for (double lambda : eigenvalues) {
            smallest = Math.min(smallest, Math.abs(lambda));
            largest = Math.max(largest, Math.abs(lambda));
        }
        double condition = smallest == 0 ? Double.POSITIVE_INFINITY : largest / smallest;
        return new Curvature(eigenvalues, condition, eigenvalues[0] > 0, method);
    }

    private static void differences(Objective objective, double[] point, double[] hessian) {
        int n = objective.dimension();
        double[] x = point.clone();
        double[] plus = new double[n];
        double[] minus = new double[n];
        for (int j = 0; j < n; j++) {
            double h = 1e-5 * Math.max(1, Math.abs(point[j]));
            x[j] = point[j] + h;
            objective.evaluate(x, plus);
            x[j] = point[j] - h;
            objective.evaluate(x, minus);
            x[j] = point[j];
            for (int i = 0; i < n; i++) {
                hessian[i * n + j] = (plus[i] - minus[i]) / (2 * h);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double mean = (hessian[i * n + j] + hessian[j * n + i]) / 2;
                hessian[i * n + j] = mean;
                hessian[j * n + i] = mean;
            }
        }
    }

    /** Eigenvalues of a symmetric matrix by cyclic Jacobi rotations, ascending. */
    static double[] eigenvalues(double[] matrix, int n) {
        double[] a = matrix.clone();
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    off += a[i * n + j] * a[i * n + j];
                }
            }
            if (off < 1e-30) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = a[p * n + q];
                    if (apq == 0) {
                        continue;
                    }
                    double theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k * n + p];
                        double akq = a[k * n + q];
                        a[k * n + p] = c * akp - s * akq;
                        a[k * n + q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p * n + k];
                        double aqk = a[q * n + k];
                        a[p * n + k] = c * apk - s * aqk;
                        a[q * n + k] = s * apk + c * aqk;
                    }
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = a[i * n + i];
        }
        java.util.Arrays.sort(values);
        return values;
    }
}
