package org.optlab.compute.optimizer;

import java.util.List;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;
import org.optlab.compute.param.ParameterValues;

/**
 * Adamax as {@code torch.optim.Adamax}: with k = t + 1, g ← g + λw; m ← β₁m + (1 − β₁)g;
 * u ← max(β₂u, |g| + ε); w ← w − (η / (1 − β₁ᵏ)) · m / u. Defaults η = 0.002, β₁ = 0.9,
 * β₂ = 0.999, ε = 1e-8.
 *
 * <p>Adam with the infinity norm in place of the root mean square: u needs no bias correction, and
 * ε is added to |g| inside the maximum rather than to the denominator (PyTorch and optax alike).
 * The first moment is updated with {@code lerp}, as PyTorch 2.x does. optax's adamax has no
 * weight decay; its adamaxw decouples it (default 1e-4).
 */
public record Adamax(
        double learningRate, double beta1, double beta2, double epsilon, double weightDecay, boolean maximize)
        implements Optimizer<Adamax.State> {

    static final ParameterSpec LEARNING_RATE = Hyperparameters.learningRate(0.002);
    static final ParameterSpec BETA1 =
            Hyperparameters.beta("beta1", 0.9, "β₁, the decay of the first-moment estimate m.");
    static final ParameterSpec BETA2 = Hyperparameters.beta("beta2", 0.999, "β₂, the decay of the infinity norm u.");
    static final ParameterSpec EPSILON = Hyperparameters.epsilon(1e-8);
    static final ParameterSpec WEIGHT_DECAY = Hyperparameters.weightDecay(0, "λ, L2 penalty added to the gradient.");
    static final ParameterSpec MAXIMIZE = Hyperparameters.maximize();

    public static final OptimizerKind KIND = new OptimizerKind(
            new CatalogEntry(
                    "adamax",
                    "Adamax",
                    "Adam with the infinity norm: each coordinate's step is divided by a decaying maximum of "
                            + "past gradient magnitudes instead of their root mean square, which bounds the step "
                            + "by η.",
                    "g ← ∇f(w) + λw;  m ← β₁m + (1−β₁)g;  u ← max(β₂u, |g| + ε);  w ← w − η/(1−β₁ᵏ) · m/u",
                    "D. P. Kingma and J. Ba, Adam: A method for stochastic optimization, ICLR 2015 (section 7.1); "
                            + "torch.optim.Adamax",
                    "ε is added to |g| inside the maximum, not to the denominator, in PyTorch and optax alike; "
                            + "u needs no bias correction. optax.adamax has no weight decay (optax.adamaxw "
                            + "decouples it, default 1e-4).",
                    List.of(LEARNING_RATE, BETA1, BETA2, EPSILON, WEIGHT_DECAY, MAXIMIZE)),
            Adamax::of);

    public Adamax {
        LEARNING_RATE.check(learningRate);
        BETA1.check(beta1);
        BETA2.check(beta2);
        EPSILON.check(epsilon);
        WEIGHT_DECAY.check(weightDecay);
    }

    static Adamax of(ParameterValues v) {
        return new Adamax(
                v.number("learningRate"),
                v.number("beta1"),
                v.number("beta2"),
                v.number("epsilon"),
                v.number("weightDecay"),
                v.flag("maximize"));
    }

    /** m and the infinity norm u. */
    public static final class State {
        final double[] m;
        final double[] u;

        State(int dimension) {
            m = new double[dimension];
            u = new double[dimension];
        }
    }

    @Override
    public State init(int dimension) {
        return new State(dimension);
    }

    @Override
    public void update(State state, double[] w, double[] g, double lr, StepContext context) {
        Hyperparameters.prepareGradient(g, w, maximize, weightDecay);
        int k = context.step() + 1;
        double biasCorrection = 1 - Math.pow(beta1, k);
        double step = -(lr / biasCorrection);
        double weight = 1 - beta1;
        double[] m = state.m;
        double[] u = state.u;
        for (int i = 0; i < w.length; i++) {
            double gi = g[i];
            m[i] = TorchOps.lerp(m[i], gi, weight);
            u[i] = Math.max(u[i] * beta2, Math.abs(gi) + epsilon);
            w[i] = w[i] + step * m[i] / u[i];
        }
    }
}
