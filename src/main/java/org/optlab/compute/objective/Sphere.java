package org.optlab.compute.objective;

import java.util.Arrays;
import java.util.List;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;

/**
 * The sphere f(x) = Σ xᵢ², the best-conditioned quadratic (κ = 1): every sensible optimizer should
 * converge on it, which makes it a sanity check. Minimum 0 at the origin.
 */
public record Sphere(int dimension) implements Objective {

    static final ParameterSpec DIMENSION = ParameterSpec.integer("dimension", 2, "The number of coordinates n.")
            .atLeast(1);

    public static final ObjectiveKind KIND = new ObjectiveKind(
            new CatalogEntry(
                    "sphere",
                    "Sphere",
                    "The perfectly conditioned bowl: a sanity check that every optimizer should pass.",
                    "f(x) = Σᵢ xᵢ²",
                    "M. Jamil and X.-S. Yang, A literature survey of benchmark functions for global optimization "
                            + "problems, IJMMNO 4(2), 2013, function 137",
                    "",
                    List.of(DIMENSION)),
            values -> new Sphere(values.integer("dimension")));

    public Sphere {
        DIMENSION.check(dimension);
    }

    @Override
    public double evaluate(double[] x, double[] gradient) {
        double loss = 0;
        for (int i = 0; i < dimension; i++) {
            loss += x[i] * x[i];
            gradient[i] = 2 * x[i];
        }
        return loss;
    }

    @Override
    public double[] defaultInitialPoint() {
        double[] start = new double[dimension];
        Arrays.fill(start, 1.5);
        if (dimension >= 2) {
            start[1] = -1.0;
        }
        return start;
    }

    @Override
    public Optimum optimum() {
        return Optimum.at(0, new double[dimension]);
    }

    @Override
    public Domain domain() {
        return dimension == 2 ? Domain.square(2) : null;
    }
}
