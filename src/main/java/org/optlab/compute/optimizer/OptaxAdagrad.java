package org.optlab.compute.optimizer;

import java.util.Arrays;
import java.util.List;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;
import org.optlab.compute.param.ParameterValues;

/**
 * Adagrad as {@code optax.adagrad} (convention optax): {@code chain(scale_by_rss, scale_by_learning_rate)}.
 * g ← g + λw (optax's {@code add_decayed_weights} in front); s ← g² + s from s₀ =
 * initialAccumulatorValue; u = g / √(s + ε), or 0 where s = 0; w ← w + (−η)u.
 *
 * <p>Differs from {@link Adagrad} (torch.optim.Adagrad) in where ε goes (inside the root, added to s)
 * and in the defaults s₀ = 0.1 and ε = 1e-7; optax has no learning-rate decay. The operations
 * follow {@code scale_by_rss} in {@code optax/_src/transform.py} in order, {@code rsqrt} written as
 * 1/√, so trajectories agree with optax's to rounding.
 */
public record OptaxAdagrad(
        double learningRate, double weightDecay, double initialAccumulatorValue, double epsilon, boolean maximize)
        implements Optimizer<double[]> {

    static final ParameterSpec INITIAL_ACCUMULATOR = ParameterSpec.number(
                    "initialAccumulatorValue",
                    0.1,
                    "s₀, the starting value of the sum of squared gradients (optax's initial_accumulator_value).")
            .atLeast(0);
    static final ParameterSpec EPSILON = ParameterSpec.number(
                    "epsilon", 1e-7, "ε, added to the sum of squares inside the square root (optax's eps).")
            .atLeast(0);
    static final ParameterSpec LEARNING_RATE_DECAY = ParameterSpec.number(
                    "learningRateDecay",
                    0,
                    "Not in optax: must be 0 under convention optax (use a schedule to decay the rate).")
            .atLeast(0);

    static final OptimizerKind KIND = new OptimizerKind(
            new CatalogEntry(
                    "adagrad",
                    "Adagrad (optax)",
                    "Adagrad as optax.adagrad: per-coordinate steps that shrink with the root of the sum of all "
                            + "past squared gradients, with ε inside the root and a non-zero starting sum.",
                    "g ← ∇f(w) + λw;  s ← g² + s (s₀ = 0.1);  w ← w + (−η) · g/√(s + ε)",
                    "optax.adagrad (optax/_src/alias.py; scale_by_rss in optax/_src/transform.py); J. Duchi, "
                            + "E. Hazan and Y. Singer, JMLR 12, 2011",
                    "torch.optim.Adagrad (convention pytorch) divides by √s + ε with s₀ = 0 and ε = 1e-10, and "
                            + "has lr_decay; optax divides by √(s + ε) with s₀ = 0.1, ε = 1e-7 and leaves a "
                            + "coordinate with s = 0 where it is. weightDecay is chain(add_decayed_weights(λ), "
                            + "adagrad), coupled as in PyTorch.",
                    List.of(
                            Adagrad.LEARNING_RATE,
                            LEARNING_RATE_DECAY,
                            Adagrad.WEIGHT_DECAY,
                            INITIAL_ACCUMULATOR,
                            EPSILON,
                            Adagrad.MAXIMIZE)),
            OptaxAdagrad::of);

    public OptaxAdagrad {
        Adagrad.LEARNING_RATE.check(learningRate);
        Adagrad.WEIGHT_DECAY.check(weightDecay);
        INITIAL_ACCUMULATOR.check(initialAccumulatorValue);
        EPSILON.check(epsilon);
    }

    static OptaxAdagrad of(ParameterValues v) {
        if (v.number("learningRateDecay") != 0) {
            throw new InvalidSpecException(
                    "learningRateDecay",
                    "must be 0 under convention optax: optax.adagrad has no lr_decay (use a schedule, or convention "
                            + "pytorch for torch.optim.Adagrad's lr_decay)");
        }
        return new OptaxAdagrad(
                v.number("learningRate"),
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
        double step = -lr;
        for (int i = 0; i < w.length; i++) {
            double gi = g[i];
            sum[i] = gi * gi + sum[i];
            // optax: where(s > 0, rsqrt(s + ε), 0); a coordinate that has seen no gradient stays put.
            double scale = sum[i] > 0 ? 1 / Math.sqrt(sum[i] + epsilon) : 0;
            w[i] = w[i] + step * (scale * gi);
        }
    }
}
