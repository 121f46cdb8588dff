package org.optlab.compute.objective;

import java.util.List;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;
import org.optlab.compute.param.ParameterValues;

/**
 * The Rosenbrock function f(x) = Σᵢ₌₀ⁿ⁻² b(xᵢ₊₁ − xᵢ²)² + (a − xᵢ)², a curved narrow valley whose
 * floor is easy to reach and slow to follow.
 *
 * <p>The global minimiser is (a, a²) for n = 2 and (1, …, 1) or (0, …, 0) for n &gt; 2 when a is 1
 * or 0; for other a and n &gt; 2 it has no closed form and the catalog reports none. Reference:
 * H. H. Rosenbrock, "An automatic method for finding the greatest or least value of a function",
 * The Computer Journal 3 (1960); the n-dimensional form is the "extended" one of Dixon and Szegő.
 */
public record Rosenbrock(int dimension, double a, double b) implements Objective, TwiceDifferentiable {

    static final ParameterSpec A =
            ParameterSpec.number("a", 1, "The valley's target: the minimiser's first coordinate.");
    static final ParameterSpec B =
            ParameterSpec.number("b", 100, "The valley's steepness.").atLeast(0);
    static final ParameterSpec DIMENSION = ParameterSpec.integer("dimension", 2, "The number of coordinates n.")
            .atLeast(2);

    public static final ObjectiveKind KIND = new ObjectiveKind(
            new CatalogEntry(
                    "rosenbrock",
                    "Rosenbrock",
                    "A banana-shaped valley: gradient descent reaches the valley floor fast and then crawls along it. "
                            + "The classic test of momentum and adaptive step sizes.",
                    "f(x) = Σᵢ₌₀ⁿ⁻² b(xᵢ₊₁ − xᵢ²)² + (a − xᵢ)²",
                    "H. H. Rosenbrock, The Computer Journal 3(3):175–184, 1960",
                    "",
                    List.of(A, B, DIMENSION)),
            Rosenbrock::of);

    public Rosenbrock {
        DIMENSION.check(dimension);
        A.check(a);
        B.check(b);
    }

    static Rosenbrock of(ParameterValues values) {
        return new Rosenbrock(values.integer("dimension"), values.number("a"), values.number("b"));
    }

    @Override
    public double evaluate(double[] x, double[] gradient) {
        int n = dimension;
        double loss = 0;
        // ∂f/∂xᵢ gets 2b·valley from term i − 1, carried in a register rather than stored and read
        // back: the gradient is on the critical path of a 2-D step.
        double carried = 0;
        if (n > 1) {
            double x0 = x[0];
            double valley = x[1] - x0 * x0;
            double offset = a - x0;
            loss = b * valley * valley + offset * offset;
            gradient[0] = -4 * b * x0 * valley - 2 * offset;
            carried = 2 * b * valley;
        }
        for (int i = 1; i < n - 1; i++) {
            double xi = x[i];
            double valley = x[i + 1] - xi * xi;
            double offset = a - xi;
            loss += b * valley * valley + offset * offset;
            gradient[i] = carried + (-4 * b * xi * valley - 2 * offset);
            carried = 2 * b * valley;
        }
        gradient[n - 1] = carried;
        return loss;
    }

    /** Tridiagonal: ∂²/∂xᵢ² and ∂²/∂xᵢ∂xᵢ₊₁ from each term b(xᵢ₊₁ − xᵢ²)² + (a − xᵢ)². */
    @Override
    public void hessian(double[] x, double[] h) {
        int n = dimension;
        java.util.Arrays.fill(h, 0, n * n, 0);
        for (int i = 0; i < n - 1; i++) {
            double xi = x[i];
            h[i * n + i] += 12 * b * xi * xi - 4 * b * x[i + 1] + 2;
            h[(i + 1) * n + i + 1] += 2 * b;
            h[i * n + i + 1] = -4 * b * xi;
            h[(i + 1) * n + i] = -4 * b * xi;
        }
    }

    @Override
    public double[] defaultInitialPoint() {
        double[] start = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            start[i] = i % 2 == 0 ? -1.2 : 1.0;
        }
        return start;
    }

    @Override
    public Optimum optimum() {
        if (dimension == 2) {
            return Optimum.at(0, new double[] {a, a * a});
        }
        if (a == 1 || a == 0) {
            double[] point = new double[dimension];
            java.util.Arrays.fill(point, a);
            return Optimum.at(0, point);
        }
        return null;
    }

    @Override
    public Domain domain() {
        // The valley from the start (−1.2, 1) to the minimiser (a, a²), with a margin.
        return dimension == 2
                ? new Domain(
                        Math.min(-2, a - 3), Math.max(2, a + 1.5), Math.min(-1, a * a - 2), Math.max(3, a * a + 2.5))
                : null;
    }
}
