package org.optlab.compute.objective;

import java.util.Arrays;
import java.util.List;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;

/**
 * The Rastrigin function f(x) = A·n + Σ (xᵢ² − A cos 2πxᵢ): a bowl covered in a regular grid of
 * local minima, where gradient methods stop in the nearest dimple and noise or large steps decide
 * which. Global minimum 0 at the origin. Reference: L. A. Rastrigin, Systems of extremal control,
 * 1974; the n-dimensional form of Mühlenbein et al., Parallel Computing 17 (1991).
 */
public record Rastrigin(int dimension, double a) implements Objective {

    static final ParameterSpec A =
            ParameterSpec.number("a", 10, "The height of the ripples.").atLeast(0);
    static final ParameterSpec DIMENSION = ParameterSpec.integer("dimension", 2, "The number of coordinates n.")
            .atLeast(1);

    public static final ObjectiveKind KIND = new ObjectiveKind(
            new CatalogEntry(
                    "rastrigin",
                    "Rastrigin",
                    "A bowl covered in a grid of local minima: shows how gradient methods get trapped and how "
                            + "noise and step size decide where they end.",
                    "f(x) = A·n + Σᵢ (xᵢ² − A cos 2πxᵢ)",
                    "H. Mühlenbein, M. Schomisch and J. Born, Parallel Computing 17:619–632, 1991",
                    "",
                    List.of(A, DIMENSION)),
            values -> new Rastrigin(values.integer("dimension"), values.number("a")));

    public Rastrigin {
        DIMENSION.check(dimension);
        A.check(a);
    }

    @Override
    public double evaluate(double[] x, double[] gradient) {
        double loss = a * dimension;
        double twoPi = 2 * Math.PI;
        for (int i = 0; i < dimension; i++) {
            double xi = x[i];
            loss += xi * xi - a * Math.cos(twoPi * xi);
            gradient[i] = 2 * xi + twoPi * a * Math.sin(twoPi * xi);
        }
        return loss;
    }

    @Override
    public double[] defaultInitialPoint() {
        double[] start = new double[dimension];
        Arrays.fill(start, 2.5);
        if (dimension >= 2) {
            start[1] = -3.2;
        }
        return start;
    }

    @Override
    public Optimum optimum() {
        return Optimum.at(0, new double[dimension]);
    }

    @Override
    public Domain domain() {
        return dimension == 2 ? Domain.square(5.12) : null;
    }
}
