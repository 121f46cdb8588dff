package org.optlab.compute.objective;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.InvalidSpecException.Violation;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;
import org.optlab.compute.param.ParameterValues;

/**
 * The quadratic f(w) = ½ wᵀAw − bᵀw with A symmetric, ∇f(w) = Aw − b. Given either explicitly
 * ({@code matrix}, optional {@code vector}) or as A = diag(linspace(1, κ, n)), b = 0 from
 * {@code dimension} and {@code conditionNumber}: the setting in which momentum's speed-up
 * (√κ instead of κ) can be computed exactly.
 *
 * <p>When A is positive definite the unique minimiser is A⁻¹b with loss −½ bᵀA⁻¹b (Cholesky
 * solve); otherwise the function is unbounded below or has no unique minimiser and the optimum is
 * null. Reference: J. Nocedal and S. J. Wright, Numerical Optimization, 2nd ed., §3.3.
 */
public final class Quadratic implements Objective, TwiceDifferentiable {

    static final ParameterSpec MATRIX =
            ParameterSpec.matrix("matrix", "diag(linspace(1, conditionNumber, dimension))", "The symmetric matrix A.");
    static final ParameterSpec VECTOR = ParameterSpec.vector("vector", "zeros", "The linear term b.");
    static final ParameterSpec DIMENSION = ParameterSpec.optionalInteger(
                    "dimension", "2, or the matrix's size", "n; with matrix it must equal the matrix's size.")
            .atLeast(1);
    static final ParameterSpec CONDITION_NUMBER = ParameterSpec.optionalNumber(
                    "conditionNumber",
                    "10",
                    "κ, the ratio of A's largest to smallest eigenvalue when A is generated (not with matrix).")
            .atLeast(1);
    private static final int DEFAULT_DIMENSION = 2;
    private static final double DEFAULT_CONDITION_NUMBER = 10;

    public static final ObjectiveKind KIND = new ObjectiveKind(
            new CatalogEntry(
                    "quadratic",
                    "Quadratic bowl",
                    "A convex quadratic whose condition number sets how hard it is: gradient descent needs O(κ) "
                            + "steps, momentum O(√κ). Give matrix A (and optionally b), or a dimension and "
                            + "condition number for A = diag(linspace(1, κ, n)).",
                    "f(w) = ½ wᵀAw − bᵀw,  ∇f(w) = Aw − b",
                    "J. Nocedal and S. J. Wright, Numerical Optimization, 2nd ed., Springer 2006, §3.3",
                    "",
                    List.of(MATRIX, VECTOR, DIMENSION, CONDITION_NUMBER)),
            Quadratic::of);

    private final int n;
    private final double[] matrix; // row-major, n × n; null when diagonal
    private final double[] diagonal; // set when A is diagonal
    private final double[] vector;
    private final Optimum optimum;
    private final double conditionNumber; // NaN when A was given

    private Quadratic(double[] matrix, double[] diagonal, double[] vector, double conditionNumber) {
        this.n = vector.length;
        this.conditionNumber = conditionNumber;
        this.matrix = matrix;
        this.diagonal = diagonal;
        this.vector = vector;
        this.optimum = solve();
    }

    /** A = diag(linspace(1, κ, n)), b = 0. */
    public static Quadratic conditioned(int dimension, double conditionNumber) {
        DIMENSION.check(dimension);
        CONDITION_NUMBER.check(conditionNumber);
        double[] diagonal = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            diagonal[i] = dimension == 1 ? 1 : 1 + (conditionNumber - 1) * i / (dimension - 1);
        }
        return new Quadratic(null, diagonal, new double[dimension], conditionNumber);
    }

    /** A given explicitly; checks shape, symmetry and finiteness. b may be null for zeros. */
    public static Quadratic of(double[][] a, double[] b) {
        int size = a.length;
        List<Violation> violations = new ArrayList<>();
        if (size == 0) {
            throw new InvalidSpecException("matrix", "must have at least one row");
        }
        double[] flat = new double[size * size];
        for (int i = 0; i < size; i++) {
            if (a[i].length != size) {
                violations.add(new Violation(
                        "matrix[" + i + "]",
                        "must have " + size + " entries (A is square, " + size + " rows), had " + a[i].length));
                continue;
            }
            System.arraycopy(a[i], 0, flat, i * size, size);
        }
        if (b != null && b.length != size) {
            violations.add(new Violation("vector", "must have " + size + " entries (A's size), had " + b.length));
        }
        if (!violations.isEmpty()) {
            throw new InvalidSpecException(violations);
        }
        for (int i = 0; i < size; i++) {
            for (int j = i + 1; j < size; j++) {
                double aij = flat[i * size + j];
                double aji = flat[j * size + i];
                if (Math.abs(aij - aji) > 1e-12 * Math.max(1, Math.max(Math.abs(aij), Math.abs(aji)))) {
                    throw new InvalidSpecException(
                            "matrix",
                            String.format(
                                    Locale.ROOT,
                                    "must be symmetric: matrix[%d][%d] = %s but matrix[%d][%d] = %s",
                                    i,
                                    j,
                                    aij,
                                    j,
                                    i,
                                    aji));
                }
            }
        }
        return new Quadratic(flat, null, b == null ? new double[size] : b.clone(), Double.NaN);
    }

    static Quadratic of(ParameterValues values) {
        double[][] a = values.matrix("matrix");
        double[] b = values.vector("vector");
        if (a == null) {
            if (b != null) {
                throw new InvalidSpecException("vector", "needs matrix: with a generated A, b is zero");
            }
            return conditioned(
                    values.has("dimension") ? values.integer("dimension") : DEFAULT_DIMENSION,
                    values.has("conditionNumber") ? values.number("conditionNumber") : DEFAULT_CONDITION_NUMBER);
        }
        if (values.has("conditionNumber")) {
            throw new InvalidSpecException("conditionNumber", "cannot be combined with matrix");
        }
        if (values.has("dimension") && values.integer("dimension") != a.length) {
            throw new InvalidSpecException(
                    "dimension", "must equal the matrix's size " + a.length + ", was " + values.integer("dimension"));
        }
        return of(a, b);
    }

    /** κ when A was generated from it, NaN when A was given. */
    public double conditionNumber() {
        return conditionNumber;
    }

    @Override
    public ParameterValues completed(ParameterValues given) {
        ParameterValues result = given.with("dimension", n);
        return Double.isNaN(conditionNumber) ? result : result.with("conditionNumber", conditionNumber);
    }

    /** ∇²f = A, wherever. */
    @Override
    public void hessian(double[] point, double[] hessian) {
        if (diagonal != null) {
            java.util.Arrays.fill(hessian, 0, n * n, 0);
            for (int i = 0; i < n; i++) {
                hessian[i * n + i] = diagonal[i];
            }
        } else {
            System.arraycopy(matrix, 0, hessian, 0, n * n);
        }
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double evaluate(double[] w, double[] gradient) {
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double aw;
            if (diagonal != null) {
                aw = diagonal[i] * w[i];
            } else {
                aw = 0;
                int row = i * n;
                for (int j = 0; j < n; j++) {
                    aw += matrix[row + j] * w[j];
                }
            }
            gradient[i] = aw - vector[i];
            loss += w[i] * (0.5 * aw - vector[i]);
        }
        return loss;
    }

    @Override
    public double[] defaultInitialPoint() {
        double[] start = new double[n];
        java.util.Arrays.fill(start, 1.0);
        if (n == 2) {
            start[0] = -1.5;
        }
        return start;
    }

    @Override
    public Optimum optimum() {
        return optimum;
    }

    @Override
    public Domain domain() {
        if (n != 2) {
            return null;
        }
        double cx = optimum == null ? 0 : optimum.points().get(0)[0];
        double cy = optimum == null ? 0 : optimum.points().get(0)[1];
        return new Domain(cx - 2, cx + 2, cy - 2, cy + 2);
    }

    /** The minimiser by Cholesky factorisation, or null when A is not positive definite. */
    private Optimum solve() {
        if (diagonal != null) {
            double[] x = new double[n];
            double loss = 0;
            for (int i = 0; i < n; i++) {
                x[i] = vector[i] / diagonal[i];
                loss -= 0.5 * vector[i] * x[i];
            }
            return Optimum.at(loss, x);
        }
        double[] l = new double[n * n];
        for (int j = 0; j < n; j++) {
            double d = matrix[j * n + j];
            for (int k = 0; k < j; k++) {
                d -= l[j * n + k] * l[j * n + k];
            }
            if (!(d > 0)) {
                return null;
            }
            double root = Math.sqrt(d);
            l[j * n + j] = root;
            for (int i = j + 1; i < n; i++) {
                double s = matrix[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = s / root;
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = vector[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * n + k] * y[k];
            }
            y[i] = s / l[i * n + i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * x[k];
            }
            x[i] = s / l[i * n + i];
        }
        double loss = 0;
        for (int i = 0; i < n; i++) {
            loss -= 0.5 * vector[i] * x[i];
        }
        return Optimum.at(loss, x);
    }
}
