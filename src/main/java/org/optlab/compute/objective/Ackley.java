package org.optlab.compute.objective;

import java.util.List;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;

/**
 * The Ackley function f(x) = −a·exp(−b·r) − exp(s) + a + e, with r = √(Σᵢ xᵢ² / n) the
 * root-mean-square of the coordinates and s = Σᵢ cos(c·xᵢ) / n their mean cosine: an almost flat
 * outer plateau, a funnel down to the origin, and a regular grid of ripples over both. For a, b &gt;
 * 0 the unique global minimum is 0 at the origin. Defaults a = 20, b = 0.2, c = 2π.
 *
 * <p>∇f(x) = a·b·exp(−b·r)·x / (n·r) + exp(s)·c·sin(c·x) / n (componentwise). The first term is a
 * cone with its tip at the origin, so f is not differentiable there; the gradient returned at the
 * origin is 0, the subgradient of least norm (0 lies in the subdifferential because the origin is
 * the minimiser), which is what a stopping rule on ‖∇f‖ needs there. The loss is evaluated as
 * a·(1 − e^(−b·r)) + e·(1 − e^(s−1)) with {@code expm1}, so it is exactly 0 at the origin and
 * accurate near it, and r is computed from the coordinates scaled by the largest one, so the cone
 * term and its gradient neither overflow nor underflow, nor divide 0 by 0, at any finite point.
 *
 * <p>Reference: D. H. Ackley, A Connectionist Machine for Genetic Hillclimbing, Kluwer 1987; the
 * n-dimensional form of T. Bäck, Evolutionary Algorithms in Theory and Practice, Oxford University
 * Press 1996.
 */
public record Ackley(int dimension, double a, double b, double c) implements Objective {

    static final ParameterSpec A = ParameterSpec.number(
                    "a", 20, "The depth of the funnel: far from the origin f lies between a and a + e − 1/e.")
            .above(0);
    static final ParameterSpec B = ParameterSpec.number(
                    "b", 0.2, "How fast the funnel flattens out with the distance from the origin.")
            .above(0);
    static final ParameterSpec C = ParameterSpec.number(
                    "c", 2 * Math.PI, "The angular frequency of the ripples (2π: one per unit).")
            .atLeast(0);
    static final ParameterSpec DIMENSION = ParameterSpec.integer("dimension", 2, "The number of coordinates n.")
            .atLeast(1);

    public static final ObjectiveKind KIND = new ObjectiveKind(
            new CatalogEntry(
                    "ackley",
                    "Ackley",
                    "A nearly flat plateau around a deep funnel whose walls are covered in ripples: far from the "
                            + "centre the gradient is tiny and points into the nearest ripple, so gradient methods stop "
                            + "in a local minimum unless large steps, momentum or noise carry them over the ripples "
                            + "into the funnel. The global minimum 0 at the origin is the tip of a cone, where f is not "
                            + "differentiable.",
                    "f(x) = −a·exp(−b·√(Σᵢ xᵢ² / n)) − exp(Σᵢ cos(c·xᵢ) / n) + a + e",
                    "D. H. Ackley, A Connectionist Machine for Genetic Hillclimbing, Kluwer 1987; n-dimensional "
                            + "form from T. Bäck, Evolutionary Algorithms in Theory and Practice, Oxford University "
                            + "Press 1996",
                    "Not differentiable at the origin: the gradient reported there is 0, the subgradient of least "
                            + "norm. Plotted on [−5, 5]²; the usual search box is [−32.768, 32.768]ⁿ.",
                    List.of(A, B, C, DIMENSION)),
            values -> new Ackley(
                    values.integer("dimension"), values.number("a"), values.number("b"), values.number("c")));

    public Ackley {
        DIMENSION.check(dimension);
        A.check(a);
        B.check(b);
        C.check(c);
    }

    @Override
    public double evaluate(double[] x, double[] gradient) {
        int n = dimension;
        double largest = 0;
        double cosines = 0;
        for (int i = 0; i < n; i++) {
            largest = Math.max(largest, Math.abs(x[i]));
            cosines += Math.cos(c * x[i]);
        }
        double meanCosine = cosines / n;
        double ripple = Math.exp(meanCosine);
        // e − e^s, exactly 0 when every cosine is 1.
        double rippleLoss = -Math.E * Math.expm1(meanCosine - 1);
        if (largest == 0) {
            // The tip of the cone: f = 0 and the least-norm subgradient is 0.
            for (int i = 0; i < n; i++) {
                gradient[i] = 0;
            }
            return rippleLoss;
        }
        double scaledSquares = 0;
        for (int i = 0; i < n; i++) {
            double u = x[i] / largest;
            scaledSquares += u * u;
        }
        double scaledRms = Math.sqrt(scaledSquares / n);
        double rms = largest * scaledRms;
        double cone = Math.exp(-b * rms);
        // a·b·e^(−b·r)·xᵢ/(n·r) with xᵢ/r = (xᵢ/largest)/scaledRms: no overflow, no 0/0.
        double coneSlope = a * b * cone / (n * scaledRms);
        double rippleSlope = ripple * c / n;
        for (int i = 0; i < n; i++) {
            gradient[i] = coneSlope * (x[i] / largest) + rippleSlope * Math.sin(c * x[i]);
        }
        return -a * Math.expm1(-b * rms) + rippleLoss;
    }

    @Override
    public double[] defaultInitialPoint() {
        double[] start = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            start[i] = i % 2 == 0 ? 3.2 : -2.7;
        }
        return start;
    }

    @Override
    public Optimum optimum() {
        return Optimum.at(0, new double[dimension]);
    }

    @Override
    public Domain domain() {
        return dimension == 2 ? Domain.square(5) : null;
    }
}
