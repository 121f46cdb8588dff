package org.optlab.compute.optimizer;

import java.util.Arrays;
import java.util.List;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;
import org.optlab.compute.param.ParameterValues;

/**
 * Adagrad as {@code torch.optim.Adagrad}: with k = t + 1, η̃ = η / (1 + (k − 1)·δ),
 * g ← g + λw, s ← s + g², w ← w − η̃ g / (√s + ε), s₀ = initialAccumulatorValue.
 *
 * <p>ε is outside the root. optax's adagrad ({@link OptaxAdagrad}, convention optax) adds it to s
 * inside the root and starts s at 0.1.
 */
public record Adagrad(
        double learningRate,
        double learningRateDecay,
        double weightDecay,
        double initialAccumulatorValue,
        double epsilon,
        boolean maximize)
        implements Optimizer<double[]> {

    static final ParameterSpec LEARNING_RATE = Hyperparameters.learningRate(0.01);
    static final ParameterSpec LEARNING_RATE_DECAY = ParameterSpec.number(
                    "learningRateDecay", 0, "δ, the rate shrinks as η / (1 + (k − 1)δ) (PyTorch's lr_decay).")
            .atLeast(0);
    static final ParameterSpec WEIGHT_DECAY = Hyperparameters.weightDecay(0, "λ, L2 penalty added to the gradient.");
    static final ParameterSpec INITIAL_ACCUMULATOR = ParameterSpec.number(
                    "initialAccumulatorValue", 0, "s₀, the starting value of the sum of squared gradients.")
            .atLeast(0);
    static final ParameterSpec EPSILON = Hyperparameters.epsilon(1e-10);
    static final ParameterSpec MAXIMIZE = Hyperparameters.maximize();

    public static final OptimizerKind KIND = new OptimizerKind(
            new CatalogEntry(
                    "adagrad",
                    "Adagrad",
                    "Per-coordinate step sizes that shrink with the sum of all past squared gradients: large for "
                            + "rare features, small for frequent ones. Good for sparse problems; the steps decay "
                            + "towards zero on long runs.",
                    "g ← ∇f(w) + λw;  s ← s + g²;  w ← w − η/(1 + (k−1)δ) · g / (√s + ε)",
                    "J. Duchi, E. Hazan and Y. Singer, Adaptive subgradient methods for online learning and "
                            + "stochastic optimization, JMLR 12, 2011; torch.optim.Adagrad",
                    "PyTorch: w ← w − η̃·g/(√s + ε), s₀ = 0, ε = 1e-10. optax.adagrad (convention optax): "
                            + "w ← w − η·g/√(s + ε), ε added to s inside the root, defaults s₀ "
                            + "(initialAccumulatorValue) = 0.1 and ε = 1e-7, and a coordinate with s = 0 does not "
                            + "move; optax has no lr_decay, so convention optax rejects learningRateDecay ≠ 0 (use a "
                            + "schedule); weightDecay is chain(add_decayed_weights(λ), adagrad), coupled as here.",
                    List.of(LEARNING_RATE, LEARNING_RATE_DECAY, WEIGHT_DECAY, INITIAL_ACCUMULATOR, EPSILON, MAXIMIZE)),
            Adagrad::of);

    public Adagrad {
        LEARNING_RATE.check(learningRate);
        LEARNING_RATE_DECAY.check(learningRateDecay);
        WEIGHT_DECAY.check(weightDecay);
        INITIAL_ACCUMULATOR.check(initialAccumulatorValue);
        EPSILON.check(epsilon);
    }

    static Adagrad of(ParameterValues v) {
        return new Adagrad(
                v.number("learningRate"),
                v.number("learningRateDecay"),
                v.number("weightDecay"),
                v.number("initialAccumulatorValue"),
                v.number("epsilon"),
                v.flag("maximize"));
    }

    @Override
    public double[] init(int dimension) {
        double[] sum = new double[dimension];
        Arrays.fill(sum, initialAccumulatorValue);
        return sum;
    }

    @Override
    public void update(double[] sum, double[] w, double[] g, double lr, StepContext context) {
        Hyperparameters.prepareGradient(g, w, maximize, weightDecay);
        int k = context.step() + 1;
        double clr = lr / (1 + (k - 1) * learningRateDecay);
        double step = -clr;
        for (int i = 0; i < w.length; i++) {
            sum[i] = sum[i] + g[i] * g[i];
            double std = Math.sqrt(sum[i]) + epsilon;
            w[i] = w[i] + step * (g[i] / std);
        }
    }
}
