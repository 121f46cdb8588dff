package org.optlab.compute.optimizer;

import java.util.List;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterValues;

/**
 * RAdam as optax has it ({@code "convention": "optax"}): {@code optax.radam}, that is
 * {@code scale_by_radam} (threshold 5) then {@code scale_by_learning_rate}. With k = t + 1:
 * m ← (1 − β₁)g + β₁m; v ← (1 − β₂)g² + β₂v; m̂ = m/(1 − β₁ᵏ); v̂ = v/(1 − β₂ᵏ);
 * ρ∞ = 2/(1 − β₂) − 1; ρₖ = ρ∞ − 2kβ₂ᵏ/(1 − β₂ᵏ); u = r·m̂/(√(v̂ + ε_root) + ε) when ρₖ ≥ 5,
 * with r = √((ρₖ − 4)(ρₖ − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρₖ)), else u = m̂; w ← w + (−η)u.
 *
 * <p>Unlike PyTorch's {@link Radam}, ε is added to the root of the bias-corrected v̂ (PyTorch: to
 * √v, then multiplies by √(1 − β₂ᵏ)) and the test is ρₖ ≥ 5, not ρₖ &gt; 5. optax has no maximize
 * (the gradient is negated first, as PyTorch does) and its radam no weight decay: weightDecay is
 * added to the gradient, or with decoupledWeightDecay to the update, u ← u + λw, as optax's adamw
 * chain {@code add_decayed_weights} does. The operations follow {@code scale_by_radam} in
 * {@code optax/_src/transform.py} in order, so trajectories agree with optax's to rounding.
 */
public record OptaxRadam(
        double learningRate,
        double beta1,
        double beta2,
        double epsilon,
        double epsilonRoot,
        double weightDecay,
        boolean decoupledWeightDecay,
        boolean maximize)
        implements Optimizer<OptaxRadam.State> {

    /** optax's {@code threshold} default: ρₖ at or above it takes the rectified step. */
    static final double THRESHOLD = 5.0;

    public static final OptimizerKind KIND = new OptimizerKind(
            new CatalogEntry(
                    "radam",
                    "RAdam (optax)",
                    "Rectified Adam as optax.radam computes it: ε added to the root of the bias-corrected second "
                            + "moment, rectified from ρₖ ≥ 5.",
                    "g ← ∇f(w) + λw;  m ← (1−β₁)g + β₁m;  v ← (1−β₂)g² + β₂v;  m̂ = m/(1−β₁ᵏ);  v̂ = v/(1−β₂ᵏ);  "
                            + "ρₖ ≥ 5: u = r·m̂/(√(v̂ + ε_root) + ε), else u = m̂ (+ λw, decoupled);  w ← w + (−η)u",
                    "L. Liu et al., On the variance of the adaptive learning rate and beyond, ICLR 2020; "
                            + "optax.radam (optax/_src/transform.py scale_by_radam)",
                    "torch.optim.RAdam (convention pytorch) adds ε to √v before the bias correction and "
                            + "rectifies when ρₖ > 5; optax adds ε to √v̂ and rectifies when ρₖ ≥ 5 (its threshold, "
                            + "5). optax.radam has no weight decay: weightDecay is chain(add_decayed_weights(λ), "
                            + "radam), coupled; decoupledWeightDecay adds λw to the update before −η as optax.adamw "
                            + "does, w ← w − η(u + λw).",
                    List.of(
                            Radam.LEARNING_RATE,
                            Radam.BETA1,
                            Radam.BETA2,
                            Radam.EPSILON,
                            OptaxAdam.EPSILON_ROOT,
                            Radam.WEIGHT_DECAY,
                            Radam.DECOUPLED,
                            Radam.MAXIMIZE)),
            OptaxRadam::of);

    public OptaxRadam {
        Radam.LEARNING_RATE.check(learningRate);
        Radam.BETA1.check(beta1);
        Radam.BETA2.check(beta2);
        Radam.EPSILON.check(epsilon);
        OptaxAdam.EPSILON_ROOT.check(epsilonRoot);
        Radam.WEIGHT_DECAY.check(weightDecay);
    }

    static OptaxRadam of(ParameterValues v) {
        return new OptaxRadam(
                v.number("learningRate"),
                v.number("beta1"),
                v.number("beta2"),
                v.number("epsilon"),
                v.number("epsilonRoot"),
                v.number("weightDecay"),
                v.flag("decoupledWeightDecay"),
                v.flag("maximize"));
    }

    /** m and v. */
    public static final class State {
        final double[] m;
        final double[] v;

        State(int dimension) {
            m = new double[dimension];
            v = new double[dimension];
        }
    }

    @Override
    public State init(int dimension) {
        return new State(dimension);
    }

    @Override
    public void update(State state, double[] w, double[] g, double lr, StepContext context) {
        Hyperparameters.prepareGradient(g, w, maximize, decoupledWeightDecay ? 0 : weightDecay);
        int k = context.step() + 1;
        double beta2Power = Math.pow(beta2, k);
        double rhoInfinity = 2.0 / (1.0 - beta2) - 1.0;
        double rho = rhoInfinity - 2.0 * k * beta2Power / (1 - beta2Power);
        boolean rectified = rho >= THRESHOLD;
        double rectification = rectified
                ? Math.sqrt((rho - 4.0) * (rho - 2.0) * rhoInfinity / ((rhoInfinity - 4.0) * (rhoInfinity - 2.0) * rho))
                : 0;
        double correction1 = 1 - Math.pow(beta1, k);
        double correction2 = 1 - beta2Power;
        double share1 = 1 - beta1;
        double share2 = 1 - beta2;
        double step = -lr;
        double[] m = state.m;
        double[] v = state.v;
        for (int i = 0; i < w.length; i++) {
            double gi = g[i];
            m[i] = share1 * gi + beta1 * m[i];
            v[i] = share2 * (gi * gi) + beta2 * v[i];
            double mHat = m[i] / correction1;
            double u =
                    rectified ? rectification * mHat / (Math.sqrt(v[i] / correction2 + epsilonRoot) + epsilon) : mHat;
            if (decoupledWeightDecay) {
                u = u + weightDecay * w[i];
            }
            w[i] = w[i] + step * u;
        }
    }
}
