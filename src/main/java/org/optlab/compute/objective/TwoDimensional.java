package org.optlab.compute.objective;

import java.util.List;
import org.optlab.compute.param.CatalogEntry;

/**
 * The classic fixed two-dimensional test functions. Each has no parameters; its formula, gradient,
 * start, window and minimisers are written together in one constant.
 */
public enum TwoDimensional implements Objective {
    /** Beale: sharp ridges near the corners, a flat valley, minimum 0 at (3, ½). */
    BEALE(
            "beale",
            "Beale",
            "Flat regions and sharp ridges in the corners: tests how optimizers cope with gradients whose "
                    + "size varies by orders of magnitude.",
            "f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²",
            "E. M. L. Beale, On an iterative method for finding a local minimum of a function of more than one "
                    + "variable, Princeton University tech. report 25, 1958",
            new double[] {1.0, 1.5},
            new Domain(-4.5, 4.5, -4.5, 4.5),
            Optimum.at(0, new double[] {3, 0.5})) {
        @Override
        public double evaluate(double[] w, double[] gradient) {
            double x = w[0];
            double y = w[1];
            double r1 = 1.5 - x + x * y;
            double r2 = 2.25 - x + x * y * y;
            double r3 = 2.625 - x + x * y * y * y;
            gradient[0] = 2 * r1 * (y - 1) + 2 * r2 * (y * y - 1) + 2 * r3 * (y * y * y - 1);
            gradient[1] = 2 * r1 * x + 2 * r2 * 2 * x * y + 2 * r3 * 3 * x * y * y;
            return r1 * r1 + r2 * r2 + r3 * r3;
        }
    },
    /** Booth: a tilted elongated bowl, minimum 0 at (1, 3). */
    BOOTH(
            "booth",
            "Booth",
            "A tilted, moderately ill-conditioned quadratic bowl (κ = 9): a gentle warm-up.",
            "f(x, y) = (x + 2y − 7)² + (2x + y − 5)²",
            "M. Jamil and X.-S. Yang, IJMMNO 4(2), 2013, function 24",
            new double[] {-5.0, -5.0},
            Domain.square(10),
            Optimum.at(0, new double[] {1, 3})) {
        @Override
        public double evaluate(double[] w, double[] gradient) {
            double r1 = w[0] + 2 * w[1] - 7;
            double r2 = 2 * w[0] + w[1] - 5;
            gradient[0] = 2 * r1 + 4 * r2;
            gradient[1] = 4 * r1 + 2 * r2;
            return r1 * r1 + r2 * r2;
        }
    },
    /** Himmelblau: four global minima of value 0; which one a run finds depends on start and method. */
    HIMMELBLAU(
            "himmelblau",
            "Himmelblau",
            "Four global minima, a local maximum and four saddles: which minimum a run reaches depends on the "
                    + "start point and on the optimizer's dynamics.",
            "f(x, y) = (x² + y − 11)² + (x + y² − 7)²",
            "D. M. Himmelblau, Applied Nonlinear Programming, McGraw-Hill 1972",
            new double[] {0.0, 0.0},
            Domain.square(5),
            Optimum.at(
                    0,
                    new double[] {3, 2},
                    new double[] {-2.805118086952745, 3.131312518250573},
                    new double[] {-3.779310253377747, -3.283185991286169},
                    new double[] {3.5844283403304917, -1.8481265269644034})) {
        @Override
        public double evaluate(double[] w, double[] gradient) {
            double x = w[0];
            double y = w[1];
            double r1 = x * x + y - 11;
            double r2 = x + y * y - 7;
            gradient[0] = 4 * x * r1 + 2 * r2;
            gradient[1] = 2 * r1 + 4 * y * r2;
            return r1 * r1 + r2 * r2;
        }
    };

    private final ObjectiveKind kind;
    private final double[] start;
    private final Domain domain;
    private final Optimum optimum;

    TwoDimensional(
            String name,
            String title,
            String description,
            String formula,
            String reference,
            double[] start,
            Domain domain,
            Optimum optimum) {
        this.kind = new ObjectiveKind(
                new CatalogEntry(name, title, description, formula, reference, "", List.of()), values -> this);
        this.start = start;
        this.domain = domain;
        this.optimum = optimum;
    }

    public ObjectiveKind kind() {
        return kind;
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double[] defaultInitialPoint() {
        return start.clone();
    }

    @Override
    public Optimum optimum() {
        return optimum;
    }

    @Override
    public Domain domain() {
        return domain;
    }
}
