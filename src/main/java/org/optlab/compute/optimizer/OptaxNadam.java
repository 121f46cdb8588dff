package org.optlab.compute.optimizer;

import java.util.List;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;
import org.optlab.compute.param.ParameterValues;

/**
 * NAdam as optax has it ({@code "convention": "optax"}): {@code optax.nadam}, that is
 * {@code scale_by_adam(nesterov=True)} then {@code scale_by_learning_rate}. With k = t + 1:
 * m ← (1 − β₁)g + β₁m; v ← (1 − β₂)g² + β₂v; m̂ = β₁·m/(1 − β₁ᵏ⁺¹) + (1 − β₁)·g/(1 − β₁ᵏ);
 * v̂ = v/(1 − β₂ᵏ); u = m̂/(√(v̂ + ε_root) + ε); w ← w + (−η)u.
 *
 * <p>Unlike PyTorch's {@link Nadam} there is no momentum schedule: μ = β₁ throughout, so
 * momentumDecay must be left out. optax has no maximize (the gradient is negated first, as PyTorch
 * does) and its nadam no weight decay: weightDecay is added to the gradient, as
 * {@code chain(add_decayed_weights(λ), nadam(η))} does, or with decoupledWeightDecay to the update,
 * u ← u + λw, as {@code optax.nadamw} does. The operations follow {@code scale_by_adam} in
 * {@code optax/_src/transform.py} in order, so trajectories agree with optax's to rounding.
 */
public record OptaxNadam(
        double learningRate,
        double beta1,
        double beta2,
        double epsilon,
        double epsilonRoot,
        double weightDecay,
        boolean decoupledWeightDecay,
        boolean maximize)
        implements Optimizer<OptaxNadam.State> {

    static final ParameterSpec NO_MOMENTUM_DECAY = ParameterSpec.optionalNumber(
                    "momentumDecay",
                    "none: optax's momentum is the constant β₁",
                    "Not in optax: optax.nadam keeps μ = β₁; leave it out under convention optax.")
            .atLeast(0);

    public static final OptimizerKind KIND = new OptimizerKind(
            new CatalogEntry(
                    "nadam",
                    "NAdam (optax)",
                    "Adam with Nesterov momentum as optax.nadam computes it: a constant momentum β₁ and the "
                            + "next step's bias correction on m.",
                    "g ← ∇f(w) + λw;  m ← (1−β₁)g + β₁m;  v ← (1−β₂)g² + β₂v;  "
                            + "m̂ = β₁m/(1−β₁ᵏ⁺¹) + (1−β₁)g/(1−β₁ᵏ);  u = m̂/(√(v/(1−β₂ᵏ) + ε_root) + ε) "
                            + "(+ λw, decoupled);  w ← w + (−η)u",
                    "T. Dozat, Incorporating Nesterov momentum into Adam, ICLR 2016 workshop; optax.nadam, "
                            + "optax.nadamw (optax/_src/transform.py scale_by_adam with nesterov=True)",
                    "No momentum schedule (μ = β₁, so no momentumDecay), unlike torch.optim.NAdam (convention "
                            + "pytorch), whose μₖ rises from β₁/2; ε is added after the bias correction in both. "
                            + "optax.nadam has no weight decay: weightDecay is chain(add_decayed_weights(λ), nadam), "
                            + "coupled; decoupledWeightDecay follows optax.nadamw, w ← w − η(u + λw).",
                    List.of(
                            Nadam.LEARNING_RATE,
                            Nadam.BETA1,
                            Nadam.BETA2,
                            Nadam.EPSILON,
                            OptaxAdam.EPSILON_ROOT,
                            Nadam.WEIGHT_DECAY,
                            NO_MOMENTUM_DECAY,
                            Nadam.DECOUPLED,
                            Nadam.MAXIMIZE)),
            OptaxNadam::of);

    public OptaxNadam {
        Nadam.LEARNING_RATE.check(learningRate);
        Nadam.BETA1.check(beta1);
        Nadam.BETA2.check(beta2);
        Nadam.EPSILON.check(epsilon);
        OptaxAdam.EPSILON_ROOT.check(epsilonRoot);
        Nadam.WEIGHT_DECAY.check(weightDecay);
    }

    static OptaxNadam of(ParameterValues v) {
        if (v.has("momentumDecay")) {
            throw new InvalidSpecException(
                    "momentumDecay",
                    "is not in optax: optax.nadam's momentum is the constant β₁ (leave it out, or use convention "
                            + "pytorch for torch.optim.NAdam's schedule)");
        }
        return new OptaxNadam(
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
        double nextCorrection1 = 1 - Math.pow(beta1, k + 1);
        double correction1 = 1 - Math.pow(beta1, k);
        double correction2 = 1 - Math.pow(beta2, k);
        double share1 = 1 - beta1;
        double share2 = 1 - beta2;
        double step = -lr;
        double[] m = state.m;
        double[] v = state.v;
        for (int i = 0; i < w.length; i++) {
            double gi = g[i];
            m[i] = share1 * gi + beta1 * m[i];
            v[i] = share2 * (gi * gi) + beta2 * v[i];
            double mHat = beta1 * (m[i] / nextCorrection1) + share1 * (gi / correction1);
            double u = mHat / (Math.sqrt(v[i] / correction2 + epsilonRoot) + epsilon);
            if (decoupledWeightDecay) {
                u = u + weightDecay * w[i];
            }
            w[i] = w[i] + step * u;
        }
    }
}
