package org.optlab.compute.objective;

import java.util.List;
import org.optlab.compute.param.CatalogEntry;

/**
 * The classic fixed two-dimensional test functions. Each has no parameters; its formula, gradient,
 * start, window and minimisers are written together in one constant. Minimisers without a closed
 * form were computed with 60-digit Newton iterations (mpmath) and are the shortest decimals that
 * round-trip to the nearest doubles. The saddles are unbounded below and report no optimum.
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
    },
    /**
     * Matyas: f = 0.26(x² + y²) − 0.48xy, a quadratic plate with Hessian eigenvalues 0.04 (along
     * x = y) and 1 (across), κ = 25; minimum 0 at the origin. Reference: J. Matyas, Random
     * optimization, Automation and Remote Control 26(2):246–253, 1965.
     */
    MATYAS(
            "matyas",
            "Matyas",
            "A nearly flat quadratic plate tilted along the diagonal x = y (Hessian eigenvalues 0.04 and 1, "
                    + "κ = 25): gradient descent quickly reaches the diagonal and then creeps along it, while momentum "
                    + "and adaptive methods cover the flat direction much faster.",
            "f(x, y) = 0.26(x² + y²) − 0.48xy",
            "J. Matyas, Random optimization, Automation and Remote Control 26(2):246–253, 1965",
            new double[] {8.0, 2.0},
            Domain.square(10),
            Optimum.at(0, new double[] {0, 0})) {
        @Override
        public double evaluate(double[] w, double[] gradient) {
            double x = w[0];
            double y = w[1];
            gradient[0] = 0.52 * x - 0.48 * y;
            gradient[1] = 0.52 * y - 0.48 * x;
            return 0.26 * (x * x + y * y) - 0.48 * x * y;
        }
    },
    /**
     * Three-hump camel: f = 2x² − 1.05x⁴ + x⁶/6 + xy + y², ∇f = (4x − 4.2x³ + x⁵ + y, x + 2y). The
     * global minimum 0 is at the origin; two local minima at ±(1.7475523458, −0.8737761729) (f ≈
     * 0.2986) are separated from it by saddles at ±(1.0705, −0.5352). Plotted on [−2, 2]², the
     * usual search box being [−5, 5]². Reference: F. H. Branin, Widely convergent method for
     * finding multiple solutions of simultaneous nonlinear equations, IBM J. Res. Dev.
     * 16(5):504–522, 1972; as listed by Jamil and Yang, IJMMNO 4(2), 2013.
     */
    THREE_HUMP_CAMEL(
            "three_hump_camel",
            "Three-hump camel",
            "A global minimum at the origin flanked by two shallower local minima behind low saddles: from the "
                    + "default start plain gradient descent settles in a local minimum, while Adam's normalised steps "
                    + "carry it over the saddle to the global one.",
            "f(x, y) = 2x² − 1.05x⁴ + x⁶/6 + xy + y²",
            "F. H. Branin, IBM J. Res. Dev. 16(5):504–522, 1972; M. Jamil and X.-S. Yang, IJMMNO 4(2):150–194, "
                    + "2013",
            new double[] {1.5, 1.0},
            Domain.square(2),
            Optimum.at(0, new double[] {0, 0})) {
        @Override
        public double evaluate(double[] w, double[] gradient) {
            double x = w[0];
            double y = w[1];
            double x2 = x * x;
            gradient[0] = x * (4 + x2 * (x2 - 4.2)) + y;
            gradient[1] = x + 2 * y;
            return x2 * (2 + x2 * (x2 / 6 - 1.05)) + x * y + y * y;
        }
    },
    /**
     * Six-hump camel: f = (4 − 2.1x² + x⁴/3)x² + xy + (−4 + 4y²)y², ∇f = (8x − 8.4x³ + 2x⁵ + y,
     * x − 8y + 16y³). Six local minima, two of them global and symmetric through the origin:
     * ±(0.08984201310031806, −0.7126564030207396), f* = −1.0316284534898774 (Newton's method at 60
     * digits, mpmath). Plotted on [−2, 2] × [−1, 1], the usual search box being [−3, 3] × [−2, 2].
     * Reference: L. C. W. Dixon and G. P. Szegő, The global optimisation problem: an introduction, in
     * Towards Global Optimisation 2, North-Holland 1978, pp. 1–15.
     */
    SIX_HUMP_CAMEL(
            "six_hump_camel",
            "Six-hump camel",
            "Six local minima, two of which are global and mirror images through the origin: which of them a "
                    + "run finds, or whether it stops in a local one, depends on the start and the optimizer.",
            "f(x, y) = (4 − 2.1x² + x⁴/3)x² + xy + (−4 + 4y²)y²",
            "L. C. W. Dixon and G. P. Szegő, in Towards Global Optimisation 2, North-Holland 1978, pp. 1–15",
            new double[] {-1.0, 0.2},
            new Domain(-2, 2, -1, 1),
            Optimum.at(-1.0316284534898774, new double[] {0.08984201310031806, -0.7126564030207396}, new double[] {
                -0.08984201310031806, 0.7126564030207396
            })) {
        @Override
        public double evaluate(double[] w, double[] gradient) {
            double x = w[0];
            double y = w[1];
            double x2 = x * x;
            double y2 = y * y;
            gradient[0] = x * (8 + x2 * (2 * x2 - 8.4)) + y;
            gradient[1] = x + y * (16 * y2 - 8);
            return (4 - 2.1 * x2 + x2 * x2 / 3) * x2 + x * y + (-4 + 4 * y2) * y2;
        }
    },
    /**
     * Goldstein–Price: f = P(x + y)·Q(2x − 3y) with P(s) = 1 + (s + 1)²(19 − 14s + 3s²) and Q(v) =
     * 30 + v²(18 − 16v + 3v²), which expand to the usual form below; by the product rule ∂f/∂x =
     * P'(s)Q(v) + 2P(s)Q'(v) and ∂f/∂y = P'(s)Q(v) − 3P(s)Q'(v). Minimum 3 at
     * (0, −1) (there P = 1, Q = 3 and P' = Q' = 0), local minima of 30, 84 and 840 elsewhere, and
     * values up to about 10⁶ in [−2, 2]². Reference: A. A. Goldstein and I. F. Price, On descent
     * from local minima, Mathematics of Computation 25(115):569–574, 1971.
     */
    GOLDSTEIN_PRICE(
            "goldstein_price",
            "Goldstein–Price",
            "Values spanning six orders of magnitude over [−2, 2]² with several local minima (30, 84, 840) "
                    + "around the global minimum 3: a fixed learning rate small enough not to diverge on the steep "
                    + "walls barely moves on the floor, which is what adaptive step sizes are for.",
            "f(x, y) = [1 + (x + y + 1)²(19 − 14x + 3x² − 14y + 6xy + 3y²)] · [30 + (2x − 3y)²(18 − 32x + 12x² + "
                    + "48y − 36xy + 27y²)]",
            "A. A. Goldstein and I. F. Price, Mathematics of Computation 25(115):569–574, 1971",
            new double[] {-1.0, -1.5},
            Domain.square(2),
            Optimum.at(3, new double[] {0, -1})) {
        @Override
        public double evaluate(double[] w, double[] gradient) {
            double x = w[0];
            double y = w[1];
            // f depends on x + y and 2x − 3y only: 19 − 14x + 3x² − 14y + 6xy + 3y² = 19 − 14s + 3s².
            double s = x + y;
            double u = s + 1;
            double inner = 19 + s * (3 * s - 14);
            double p = 1 + u * u * inner;
            double dp = u * (2 * inner + u * (6 * s - 14));
            double v = 2 * x - 3 * y;
            double outer = 18 + v * (3 * v - 16);
            double q = 30 + v * v * outer;
            double dq = v * (2 * outer + v * (6 * v - 16));
            gradient[0] = dp * q + 2 * p * dq;
            gradient[1] = dp * q - 3 * p * dq;
            return p * q;
        }
    },
    /**
     * McCormick: f = sin(x + y) + (x − y)² − 1.5x + 2.5y + 1, ∇f = (cos(x + y) + 2(x − y) − 1.5,
     * cos(x + y) − 2(x − y) + 2.5), on the box x ∈ [−1.5, 4], y ∈ [−3, 4]. Stationary points need
     * x − y = 1 and cos(x + y) = −½; minima also sin(x + y) &lt; 0, i.e. x + y = −2π/3 + 2πk, where
     * f = (x + y)/2 − √3/2. In the box the global minimiser is therefore (½ − π/3, −½ − π/3) with
     * f* = −√3/2 − π/3 (closed form, rounded to the nearest doubles), and (½ + 2π/3, −½ + 2π/3)
     * is a local minimum with f ≈ 1.2284. On the whole plane the minima for k &lt; 0 are lower and f
     * decreases without bound along x − y = 1: the reported optimum is the box's. Reference: G. P.
     * McCormick, Computability of global solutions to factorable nonconvex programs: Part I,
     * Mathematical Programming 10:147–175, 1976; as listed by Jamil and Yang, IJMMNO 4(2), 2013.
     */
    MCCORMICK(
            "mccormick",
            "McCormick",
            "A tilted, curved valley along x − y = 1 with a sine ripple: on its box x ∈ [−1.5, 4], y ∈ [−3, 4] "
                    + "there is a local minimum near (2.59, 1.59) and the global one at (½ − π/3, −½ − π/3). Beyond "
                    + "the box the valley keeps descending, so an optimizer with too large a step can leave the "
                    + "box and keep going.",
            "f(x, y) = sin(x + y) + (x − y)² − 1.5x + 2.5y + 1",
            "G. P. McCormick, Mathematical Programming 10:147–175, 1976; M. Jamil and X.-S. Yang, IJMMNO "
                    + "4(2):150–194, 2013",
            "The optimum is the minimum over the box x ∈ [−1.5, 4], y ∈ [−3, 4]; outside it, f decreases "
                    + "without bound along x − y = 1.",
            new double[] {-1.0, 3.0},
            new Domain(-1.5, 4, -3, 4),
            Optimum.at(-1.9132229549810364, new double[] {-0.5471975511965977, -1.5471975511965979})) {
        @Override
        public double evaluate(double[] w, double[] gradient) {
            double x = w[0];
            double y = w[1];
            double difference = x - y;
            double cosine = Math.cos(x + y);
            gradient[0] = cosine + 2 * difference - 1.5;
            gradient[1] = cosine - 2 * difference + 2.5;
            return Math.sin(x + y) + difference * difference - 1.5 * x + 2.5 * y + 1;
        }
    },
    /**
     * Easom: f = −cos x · cos y · exp(−(x − π)² − (y − π)²), with ∂f/∂x = E cos y (sin x + 2(x − π)
     * cos x) and symmetrically in y, E the exponential. Minimum −1 at (π, π); five units away f and
     * ∇f are below 10⁻¹⁰, so most starts see no gradient at all. Plotted on [−2, 8]² around the
     * needle, the usual search box being [−100, 100]². Reference: E. E. Easom, A survey of global
     * optimization techniques, M. Eng. thesis, University of Louisville, 1990.
     */
    EASOM(
            "easom",
            "Easom",
            "A needle in a haystack: a single narrow well of depth −1 at (π, π) in a plane that is flat to "
                    + "within 10⁻¹⁰ five units away. Gradient methods only make progress from starts close to the "
                    + "well; the default start sees a gradient of about 6·10⁻³, so plain gradient descent with a "
                    + "small learning rate crawls while Adam's normalised steps do not.",
            "f(x, y) = −cos x · cos y · exp(−(x − π)² − (y − π)²)",
            "E. E. Easom, A survey of global optimization techniques, M. Eng. thesis, University of Louisville, "
                    + "1990",
            new double[] {1.5, 2.0},
            new Domain(-2, 8, -2, 8),
            Optimum.at(-1, new double[] {Math.PI, Math.PI})) {
        @Override
        public double evaluate(double[] w, double[] gradient) {
            double x = w[0];
            double y = w[1];
            double dx = x - Math.PI;
            double dy = y - Math.PI;
            double envelope = Math.exp(-(dx * dx + dy * dy));
            double cx = Math.cos(x);
            double cy = Math.cos(y);
            gradient[0] = envelope * cy * (Math.sin(x) + 2 * dx * cx);
            gradient[1] = envelope * cx * (Math.sin(y) + 2 * dy * cy);
            return -cx * cy * envelope;
        }
    },
    /**
     * The saddle f = x² − y², ∇f = (2x, −2y): a non-degenerate saddle at the origin, unbounded below
     * along the y-axis, so there is no minimum and the optimum is null. From the default start (1,
     * 0.01) gradient descent first heads for the saddle and then escapes along y at a rate that
     * grows geometrically, and diverges. Reference: Y. N. Dauphin et al., Identifying and attacking
     * the saddle point problem in high-dimensional non-convex optimization, NeurIPS 2014.
     */
    SADDLE(
            "saddle",
            "Saddle",
            "A saddle point at the origin, unbounded below along y: a run started near the ridge y = 0 is first "
                    + "drawn towards the saddle, then escapes along y and diverges. Shows how slowly gradient "
                    + "descent leaves a saddle when it starts near its stable direction, and how momentum and noise "
                    + "speed the escape. There is no minimum.",
            "f(x, y) = x² − y²",
            "Y. N. Dauphin, R. Pascanu, Ç. Gülçehre, K. Cho, S. Ganguli and Y. Bengio, Identifying and attacking "
                    + "the saddle point problem in high-dimensional non-convex optimization, NeurIPS 2014",
            new double[] {1.0, 0.01},
            Domain.square(2),
            null) {
        @Override
        public double evaluate(double[] w, double[] gradient) {
            double x = w[0];
            double y = w[1];
            gradient[0] = 2 * x;
            gradient[1] = -2 * y;
            return x * x - y * y;
        }
    },
    /**
     * The monkey saddle f = x³ − 3xy² = Re((x + iy)³), ∇f = (3x² − 3y², −6xy): a degenerate saddle
     * at the origin (gradient and Hessian both vanish) with three descending valleys, at angles π/3,
     * π and 5π/3, unbounded below along each; the optimum is null. Near the origin the gradient is
     * quadratic in the distance, so gradient descent slows to a crawl before it escapes. Reference:
     * A. Anandkumar and R. Ge, Efficient approaches for escaping higher order saddle points in
     * non-convex optimization, COLT 2016.
     */
    MONKEY_SADDLE(
            "monkey_saddle",
            "Monkey saddle",
            "A degenerate saddle at the origin, where the gradient and the curvature both vanish, with three "
                    + "valleys going down, unbounded below along each: a run that approaches it slows down far more "
                    + "than near an ordinary saddle before it escapes into one of the valleys and diverges. There is "
                    + "no minimum.",
            "f(x, y) = x³ − 3xy²",
            "A. Anandkumar and R. Ge, Efficient approaches for escaping higher order saddle points in non-convex "
                    + "optimization, COLT 2016",
            new double[] {1.0, 0.05},
            Domain.square(2),
            null) {
        @Override
        public double evaluate(double[] w, double[] gradient) {
            double x = w[0];
            double y = w[1];
            gradient[0] = 3 * (x * x - y * y);
            gradient[1] = -6 * x * y;
            return x * (x * x - 3 * y * y);
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
        this(name, title, description, formula, reference, "", start, domain, optimum);
    }

    TwoDimensional(
            String name,
            String title,
            String description,
            String formula,
            String reference,
            String conventions,
            double[] start,
            Domain domain,
            Optimum optimum) {
        this.kind = new ObjectiveKind(
                new CatalogEntry(name, title, description, formula, reference, conventions, List.of()), values -> this);
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
