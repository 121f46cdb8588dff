package org.optlab.compute.optimizer;

import java.util.List;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;

/**
 * The lecture's Nesterov accelerated gradient: the gradient is taken at the look-ahead point
 * w + βv. v ← βv − η∇f(w + βv), w ← w + v, v₀ = 0. Each step costs two gradient evaluations here
 * (one at w for the path's loss and norm, one at the look-ahead point), which the run's timing
 * counts. The path records w, not the look-ahead point.
 */
public record Nesterov(double learningRate, double beta, boolean maximize) implements Optimizer<Nesterov.State> {

    static final ParameterSpec LEARNING_RATE = Hyperparameters.learningRate(0.001);
    static final ParameterSpec BETA = Hyperparameters.beta("beta", 0.9, "β, the fraction of velocity kept each step.");
    static final ParameterSpec MAXIMIZE = Hyperparameters.maximize();

    public static final OptimizerKind KIND = new OptimizerKind(
            new CatalogEntry(
                    "nesterov",
                    "Nesterov accelerated gradient (lecture form)",
                    "Momentum that looks before it leaps: the gradient is evaluated where the velocity is about "
                            + "to carry the iterate, which damps the overshoot of the heavy ball.",
                    "v ← βv − η∇f(w + βv);  w ← w + v;  v₀ = 0",
                    "Y. Nesterov, A method of solving a convex programming problem with convergence rate O(1/k²), "
                            + "Soviet Mathematics Doklady 27, 1983; Sutskever et al., ICML 2013",
                    "PyTorch's SGD(nesterov=True) uses the reformulated update g + μb without a second gradient "
                            + "evaluation; its iterates are the look-ahead points of this form.",
                    List.of(LEARNING_RATE, BETA, MAXIMIZE)),
            v -> new Nesterov(v.number("learningRate"), v.number("beta"), v.flag("maximize")));

    public Nesterov {
        LEARNING_RATE.check(learningRate);
        BETA.check(beta);
    }

    /** The velocity v, and scratch space for the look-ahead point and its gradient. */
    public static final class State {
        final double[] velocity;
        final double[] lookahead;
        final double[] gradient;

        State(int dimension) {
            velocity = new double[dimension];
            lookahead = new double[dimension];
            gradient = new double[dimension];
        }
    }

    @Override
    public State init(int dimension) {
        return new State(dimension);
    }

    @Override
    public void update(State state, double[] w, double[] g, double lr, StepContext context) {
        int n = w.length;
        double[] v = state.velocity;
        double[] ahead = state.lookahead;
        for (int i = 0; i < n; i++) {
            ahead[i] = w[i] + beta * v[i];
        }
        double[] gAhead = state.gradient;
        context.gradientAt(ahead, gAhead);
        double sign = maximize ? -1 : 1;
        for (int i = 0; i < n; i++) {
            v[i] = beta * v[i] - lr * (sign * gAhead[i]);
            w[i] = w[i] + v[i];
        }
    }
}
