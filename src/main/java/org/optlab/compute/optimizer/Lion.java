package org.optlab.compute.optimizer;

import java.util.List;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;
import org.optlab.compute.param.ParameterValues;

/**
 * Lion (EvoLved Sign Momentum), Chen et al. 2023: c = β₁m + (1 − β₁)g; w ← w(1 − ηλ);
 * w ← w − η·sign(c) with sign(0) = 0; m ← β₂m + (1 − β₂)g. Defaults η = 1e-4, β₁ = 0.9,
 * β₂ = 0.99, λ = 0.
 *
 * <p>Every coordinate moves by exactly η (or not at all), so η is usually 3–10 times smaller than
 * Adam's. The decay is decoupled and scaled by the scheduled η, as in the paper's pseudo-code.
 * optax's lion adds λw inside the update, w ← w − η(sign(c) + λw) (equal up to rounding), and
 * defaults λ to 1e-3. torch.optim has no Lion.
 */
public record Lion(double learningRate, double beta1, double beta2, double weightDecay, boolean maximize)
        implements Optimizer<Lion.State> {

    static final ParameterSpec LEARNING_RATE = Hyperparameters.learningRate(1e-4);
    static final ParameterSpec BETA1 = Hyperparameters.beta(
            "beta1", 0.9, "β₁, the weight of the momentum in the interpolation whose sign is the step.");
    static final ParameterSpec BETA2 = Hyperparameters.beta("beta2", 0.99, "β₂, the decay of the momentum m.");
    static final ParameterSpec WEIGHT_DECAY =
            Hyperparameters.weightDecay(0, "λ, decoupled decay: w ← w(1 − ηλ) each step.");
    static final ParameterSpec MAXIMIZE = Hyperparameters.maximize();

    public static final OptimizerKind KIND = new OptimizerKind(
            new CatalogEntry(
                    "lion",
                    "Lion",
                    "Sign momentum found by program search: every coordinate moves by ±η in the direction of "
                            + "an interpolation of momentum and gradient, so the step size is uniform and only the "
                            + "momentum is kept.",
                    "c = β₁m + (1−β₁)g;  w ← w(1 − ηλ);  w ← w − η·sign(c);  m ← β₂m + (1−β₂)g",
                    "X. Chen, C. Liang, D. Huang, E. Real, K. Wang, H. Pham, X. Dong, T. Luong, C.-J. Hsieh, "
                            + "Y. Lu and Q. V. Le, Symbolic discovery of optimization algorithms, NeurIPS 2023",
                    "Not in torch.optim. sign(0) = 0. The decay is decoupled and scaled by the scheduled η, as in "
                            + "the paper; optax.lion adds it inside the update, w ← w − η(sign(c) + λw), and "
                            + "defaults λ to 1e-3.",
                    List.of(LEARNING_RATE, BETA1, BETA2, WEIGHT_DECAY, MAXIMIZE)),
            Lion::of);

    public Lion {
        LEARNING_RATE.check(learningRate);
        BETA1.check(beta1);
        BETA2.check(beta2);
        WEIGHT_DECAY.check(weightDecay);
    }

    static Lion of(ParameterValues v) {
        return new Lion(
                v.number("learningRate"),
                v.number("beta1"),
                v.number("beta2"),
                v.number("weightDecay"),
                v.flag("maximize"));
    }

    /** The momentum m. */
    public static final class State {
        final double[] m;

        State(int dimension) {
            m = new double[dimension];
        }
    }

    @Override
    public State init(int dimension) {
        return new State(dimension);
    }

    @Override
    public void update(State state, double[] w, double[] g, double lr, StepContext context) {
        Hyperparameters.prepareGradient(g, w, maximize, 0);
        double shrink = 1 - lr * weightDecay;
        double share1 = 1 - beta1;
        double share2 = 1 - beta2;
        double[] m = state.m;
        for (int i = 0; i < w.length; i++) {
            double gi = g[i];
            double c = beta1 * m[i] + share1 * gi;
            w[i] = w[i] * shrink;
            w[i] = w[i] - lr * Math.signum(c);
            m[i] = beta2 * m[i] + share2 * gi;
        }
    }
}
