package org.optlab.compute.optimizer;

import java.util.List;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;
import org.optlab.compute.param.ParameterValues;

/**
 * Adadelta as {@code torch.optim.Adadelta}: g ← g + λw; s ← ρs + (1 − ρ)g²;
 * Δ = √(u + ε) / √(s + ε) · g; u ← ρu + (1 − ρ)Δ²; w ← w − ηΔ. Defaults η = 1, ρ = 0.9, ε = 1e-6.
 *
 * <p>ε sits inside both roots, as in Zeiler's paper; η, which the paper does not have, scales the
 * step. optax's adadelta has the same rule and the same coupled decay but no default η.
 */
public record Adadelta(double learningRate, double rho, double epsilon, double weightDecay, boolean maximize)
        implements Optimizer<Adadelta.State> {

    static final ParameterSpec LEARNING_RATE = Hyperparameters.learningRate(1.0);
    static final ParameterSpec RHO = ParameterSpec.number(
                    "rho", 0.9, "ρ, the decay of the running averages of squared gradients and squared updates.")
            .atLeast(0)
            .atMost(1);
    static final ParameterSpec EPSILON = Hyperparameters.epsilon(1e-6);
    static final ParameterSpec WEIGHT_DECAY = Hyperparameters.weightDecay(0, "λ, L2 penalty added to the gradient.");
    static final ParameterSpec MAXIMIZE = Hyperparameters.maximize();

    public static final OptimizerKind KIND = new OptimizerKind(
            new CatalogEntry(
                    "adadelta",
                    "Adadelta",
                    "Scales each step by the ratio of two running root-mean-squares, of past updates and of past "
                            + "gradients, so that steps carry the units of the parameters and need little tuning.",
                    "g ← ∇f(w) + λw;  s ← ρs + (1−ρ)g²;  Δ = √(u + ε)/√(s + ε) · g;  u ← ρu + (1−ρ)Δ²;  w ← w − ηΔ",
                    "M. D. Zeiler, ADADELTA: An adaptive learning rate method, arXiv:1212.5701, 2012; "
                            + "torch.optim.Adadelta",
                    "ε inside both roots, as in the paper; η (default 1) scales the step, which the paper does not. "
                            + "optax.adadelta has the same rule and coupled decay, but no default learning rate.",
                    List.of(LEARNING_RATE, RHO, EPSILON, WEIGHT_DECAY, MAXIMIZE)),
            Adadelta::of);

    public Adadelta {
        LEARNING_RATE.check(learningRate);
        RHO.check(rho);
        EPSILON.check(epsilon);
        WEIGHT_DECAY.check(weightDecay);
    }

    static Adadelta of(ParameterValues v) {
        return new Adadelta(
                v.number("learningRate"),
                v.number("rho"),
                v.number("epsilon"),
                v.number("weightDecay"),
                v.flag("maximize"));
    }

    /** s, the running mean of g², and u, that of Δ². */
    public static final class State {
        final double[] squareAverage;
        final double[] updateAverage;

        State(int dimension) {
            squareAverage = new double[dimension];
            updateAverage = new double[dimension];
        }
    }

    @Override
    public State init(int dimension) {
        return new State(dimension);
    }

    @Override
    public void update(State state, double[] w, double[] g, double lr, StepContext context) {
        Hyperparameters.prepareGradient(g, w, maximize, weightDecay);
        double[] s = state.squareAverage;
        double[] u = state.updateAverage;
        double share = 1 - rho;
        for (int i = 0; i < w.length; i++) {
            double gi = g[i];
            s[i] = s[i] * rho + share * gi * gi;
            double std = Math.sqrt(s[i] + epsilon);
            double delta = Math.sqrt(u[i] + epsilon) / std * gi;
            u[i] = u[i] * rho + share * delta * delta;
            w[i] = w[i] + -lr * delta;
        }
    }
}
