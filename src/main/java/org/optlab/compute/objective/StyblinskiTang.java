package org.optlab.compute.objective;

import java.util.Arrays;
import java.util.List;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;

/**
 * The Styblinski–Tang function f(x) = ½ Σᵢ (xᵢ⁴ − 16xᵢ² + 5xᵢ), ∂f/∂xᵢ = 2xᵢ³ − 16xᵢ + 2.5. It is
 * a sum of one quartic per coordinate, each with a global minimum at x* = −2.903534027771177 (the
 * smallest root of 4x³ − 32x + 5), a local one at 2.746802770990837 and a local maximum between:
 * 2ⁿ local minima, of which the one with every coordinate at x* is global, with f* = n·m where m =
 * −39.16616570377141… is one quartic's minimum.
 *
 * <p>x* and m were computed with 60-digit Newton iterations (mpmath); m is stored as the nearest
 * double plus its remainder so that n·m is rounded correctly for every n.
 *
 * <p>Reference: M. A. Styblinski and T.-S. Tang, Experiments in nonconvex optimization: stochastic
 * approximation with function smoothing and simulated annealing, Neural Networks 3(4):467–483,
 * 1990.
 */
public record StyblinskiTang(int dimension) implements Objective {

    /** The global minimiser of ½(x⁴ − 16x² + 5x), the same in every coordinate. */
    static final double MINIMISER = -2.903534027771177;
    /** ½(x⁴ − 16x² + 5x) at {@link #MINIMISER}, rounded to double ... */
    static final double COORDINATE_MINIMUM = -39.16616570377141;
    /** ... and what that rounding left out. */
    private static final double COORDINATE_MINIMUM_REMAINDER = -3.3095827868368547e-15;

    static final ParameterSpec DIMENSION = ParameterSpec.integer("dimension", 2, "The number of coordinates n.")
            .atLeast(1);

    public static final ObjectiveKind KIND = new ObjectiveKind(
            new CatalogEntry(
                    "styblinski_tang",
                    "Styblinski–Tang",
                    "A separable sum of one double-well quartic per coordinate: each coordinate has a deeper well "
                            + "at −2.9035 and a shallower one at 2.7468, so there are 2ⁿ local minima and a run ends in "
                            + "the global one only if every coordinate starts (or is carried) on the left of its "
                            + "barrier. Shows how local minima multiply with the dimension.",
                    "f(x) = ½ Σᵢ (xᵢ⁴ − 16xᵢ² + 5xᵢ)",
                    "M. A. Styblinski and T.-S. Tang, Neural Networks 3(4):467–483, 1990",
                    "",
                    List.of(DIMENSION)),
            values -> new StyblinskiTang(values.integer("dimension")));

    public StyblinskiTang {
        DIMENSION.check(dimension);
    }

    @Override
    public double evaluate(double[] x, double[] gradient) {
        double loss = 0;
        for (int i = 0; i < dimension; i++) {
            double xi = x[i];
            double square = xi * xi;
            loss += square * (square - 16) + 5 * xi;
            gradient[i] = xi * (2 * square - 16) + 2.5;
        }
        return 0.5 * loss;
    }

    @Override
    public double[] defaultInitialPoint() {
        // Coordinates alternate between the shallow well's side and the deep well's.
        double[] start = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            start[i] = i % 2 == 0 ? 0.5 : -4.0;
        }
        return start;
    }

    @Override
    public Optimum optimum() {
        double[] point = new double[dimension];
        Arrays.fill(point, MINIMISER);
        return Optimum.at(Math.fma(dimension, COORDINATE_MINIMUM, dimension * COORDINATE_MINIMUM_REMAINDER), point);
    }

    @Override
    public Domain domain() {
        return dimension == 2 ? Domain.square(5) : null;
    }
}
