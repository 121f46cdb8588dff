package org.optlab.compute.objective;

import java.util.Arrays;
import java.util.List;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;

/**
 * The n-dimensional Levy function, with wᵢ = 1 + (xᵢ − 1)/4:
 *
 * <pre>
 * f(x) = sin²(πw₁) + Σᵢ₌₁ⁿ⁻¹ (wᵢ − 1)²·[1 + 10 sin²(πwᵢ + 1)] + (wₙ − 1)²·[1 + sin²(2πwₙ)]
 * </pre>
 *
 * <p>Every term is non-negative and all vanish only at w = (1, …, 1), so the unique global minimum
 * is 0 at x = (1, …, 1). ∂f/∂xᵢ = ¼ ∂f/∂wᵢ with ∂/∂w₁ sin²(πw₁) = π sin(2πw₁), ∂/∂wᵢ of the middle
 * terms 2(wᵢ − 1)[1 + 10 sin²(πwᵢ + 1)] + 10π (wᵢ − 1)² sin(2(πwᵢ + 1)), and of the last term
 * 2(wₙ − 1)[1 + sin²(2πwₙ)] + 2π (wₙ − 1)² sin(4πwₙ). For n = 1 the sum is empty.
 *
 * <p>This is the form of Laguna and Martí and of the Virtual Library of Simulation Experiments
 * (Surjanovic and Bingham), generalising Levy and Montalvo's functions; it is not the
 * two-dimensional "Levy N.13", which uses sin²(3πx). Reference: A. V. Levy and A. Montalvo, The
 * tunneling algorithm for the global minimization of functions, SIAM J. Sci. Stat. Comput.
 * 6(1):15–29, 1985; M. Laguna and R. Martí, Experimental testing of advanced scatter search designs
 * for global optimization of multimodal functions, J. Global Optim. 33:235–255, 2005.
 */
public record Levy(int dimension) implements Objective {

    static final ParameterSpec DIMENSION = ParameterSpec.integer("dimension", 2, "The number of coordinates n.")
            .atLeast(1);

    public static final ObjectiveKind KIND = new ObjectiveKind(
            new CatalogEntry(
                    "levy",
                    "Levy",
                    "A rugged landscape of ridges and basins on a slowly rising bowl: many local minima of "
                            + "different depths, so where a run ends depends on its start, its step size and its "
                            + "noise. The global minimum 0 is at (1, …, 1).",
                    "f(x) = sin²(πw₁) + Σᵢ₌₁ⁿ⁻¹ (wᵢ − 1)²[1 + 10 sin²(πwᵢ + 1)] + (wₙ − 1)²[1 + sin²(2πwₙ)], "
                            + "wᵢ = 1 + (xᵢ − 1)/4",
                    "A. V. Levy and A. Montalvo, SIAM J. Sci. Stat. Comput. 6(1):15–29, 1985; this n-dimensional "
                            + "form from M. Laguna and R. Martí, J. Global Optim. 33:235–255, 2005",
                    "The n-dimensional Levy function with wᵢ = 1 + (xᵢ − 1)/4, not the two-dimensional Levy N.13.",
                    List.of(DIMENSION)),
            values -> new Levy(values.integer("dimension")));

    public Levy {
        DIMENSION.check(dimension);
    }

    @Override
    public double evaluate(double[] x, double[] gradient) {
        int n = dimension;
        double pi = Math.PI;
        double w1 = 1 + (x[0] - 1) * 0.25;
        double first = Math.sin(pi * w1);
        double loss = first * first;
        gradient[0] = 0.25 * pi * Math.sin(2 * pi * w1);
        for (int i = 0; i < n - 1; i++) {
            double offset = (x[i] - 1) * 0.25; // wᵢ − 1, exactly 0 at the minimiser
            double phase = pi * (1 + offset) + 1;
            double sine = Math.sin(phase);
            double weight = 1 + 10 * sine * sine;
            loss += offset * offset * weight;
            double slope = 2 * offset * weight + 10 * pi * offset * offset * Math.sin(2 * phase);
            if (i == 0) {
                gradient[0] += 0.25 * slope;
            } else {
                gradient[i] = 0.25 * slope;
            }
        }
        double offset = (x[n - 1] - 1) * 0.25;
        double phase = 2 * pi * (1 + offset);
        double sine = Math.sin(phase);
        double weight = 1 + sine * sine;
        loss += offset * offset * weight;
        double slope = 2 * offset * weight + 2 * pi * offset * offset * Math.sin(2 * phase);
        if (n == 1) {
            gradient[0] += 0.25 * slope;
        } else {
            gradient[n - 1] = 0.25 * slope;
        }
        return loss;
    }

    @Override
    public double[] defaultInitialPoint() {
        double[] start = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            start[i] = i % 2 == 0 ? -4.0 : 8.0;
        }
        return start;
    }

    @Override
    public Optimum optimum() {
        double[] point = new double[dimension];
        Arrays.fill(point, 1.0);
        return Optimum.at(0, point);
    }

    @Override
    public Domain domain() {
        return dimension == 2 ? Domain.square(10) : null;
    }
}
