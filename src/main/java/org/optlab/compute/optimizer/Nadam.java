package org.optlab.compute.optimizer;

import java.util.List;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;
import org.optlab.compute.param.ParameterValues;

/**
 * NAdam as {@code torch.optim.NAdam} of PyTorch 2.x. With k = t + 1 and the momentum schedule
 * μₖ = β₁(1 − ½·0.96^(kψ)): decoupled decay w ← w(1 − ηλ) or coupled g ← g + λw;
 * m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; d = √(v / (1 − β₂ᵏ)) + ε;
 * w ← w − η(1 − μₖ)/(1 − Πᵢ≤ₖ μᵢ) · g/d − η μₖ₊₁/(1 − Πᵢ≤ₖ₊₁ μᵢ) · m/d. Defaults η = 0.002,
 * β₁ = 0.9, β₂ = 0.999, ε = 1e-8, ψ = 0.004.
 *
 * <p>PyTorch 1.x multiplied μₖ into Πᵢ≤ₖ₊₁ μᵢ twice (fixed in 2.0) and had neither maximize nor
 * decoupledWeightDecay. ε is added after the bias correction of v, inside the same denominator
 * for both terms. optax's rule is {@link OptaxNadam}.
 */
public record Nadam(
        double learningRate,
        double beta1,
        double beta2,
        double epsilon,
        double weightDecay,
        double momentumDecay,
        boolean decoupledWeightDecay,
        boolean maximize)
        implements Optimizer<Nadam.State> {

    static final ParameterSpec LEARNING_RATE = Hyperparameters.learningRate(0.002);
    static final ParameterSpec BETA1 =
            Hyperparameters.beta("beta1", 0.9, "β₁, the decay of the first-moment estimate m.");
    static final ParameterSpec BETA2 =
            Hyperparameters.beta("beta2", 0.999, "β₂, the decay of the second-moment estimate v.");
    static final ParameterSpec EPSILON = Hyperparameters.epsilon(1e-8);
    static final ParameterSpec WEIGHT_DECAY = Hyperparameters.weightDecay(
            0, "λ, L2 penalty added to the gradient, or with decoupledWeightDecay w ← w(1 − ηλ) each step.");
    static final ParameterSpec MOMENTUM_DECAY = ParameterSpec.number(
                    "momentumDecay", 0.004, "ψ, how fast the momentum μₖ = β₁(1 − ½·0.96^(kψ)) rises towards β₁.")
            .atLeast(0);
    static final ParameterSpec DECOUPLED = ParameterSpec.bool(
            "decoupledWeightDecay", false, "Apply weightDecay as AdamW does, w ← w(1 − ηλ), instead of as L2.");
    static final ParameterSpec MAXIMIZE = Hyperparameters.maximize();

    public static final OptimizerKind KIND = new OptimizerKind(
            new CatalogEntry(
                    "nadam",
                    "NAdam",
                    "Adam with Nesterov momentum: the step uses the momentum the next step will have, which "
                            + "reacts faster to changes of direction; the momentum itself warms up from β₁/2 to β₁.",
                    "g ← ∇f(w) + λw;  μₖ = β₁(1 − ½·0.96^(kψ));  m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  "
                            + "d = √(v/(1−β₂ᵏ)) + ε;  w ← w − η(1−μₖ)/(1−Πᵢ≤ₖ μᵢ) · g/d − η μₖ₊₁/(1−Πᵢ≤ₖ₊₁ μᵢ) · m/d",
                    "T. Dozat, Incorporating Nesterov momentum into Adam, ICLR 2016 workshop; torch.optim.NAdam "
                            + "(PyTorch 2.x)",
                    "Follows PyTorch 2.x: PyTorch 1.x multiplied μₖ into Πᵢ≤ₖ₊₁ μᵢ twice and had no maximize or "
                            + "decoupledWeightDecay. With convention optax (optax.nadam, scale_by_adam with "
                            + "nesterov): no momentum schedule (μ = β₁, so no momentumDecay), "
                            + "m̂ = β₁m/(1−β₁ᵏ⁺¹) + (1−β₁)g/(1−β₁ᵏ), w ← w − η m̂/(√(v/(1−β₂ᵏ)) + ε); weightDecay is "
                            + "added to the gradient, or with decoupledWeightDecay to the update as optax.nadamw "
                            + "does, w ← w − η(u + λw).",
                    List.of(LEARNING_RATE, BETA1, BETA2, EPSILON, WEIGHT_DECAY, MOMENTUM_DECAY, DECOUPLED, MAXIMIZE)),
            Nadam::of);

    public Nadam {
        LEARNING_RATE.check(learningRate);
        BETA1.check(beta1);
        BETA2.check(beta2);
        EPSILON.check(epsilon);
        WEIGHT_DECAY.check(weightDecay);
        MOMENTUM_DECAY.check(momentumDecay);
    }

    static Nadam of(ParameterValues v) {
        return new Nadam(
                v.number("learningRate"),
                v.number("beta1"),
                v.number("beta2"),
                v.number("epsilon"),
                v.number("weightDecay"),
                v.number("momentumDecay"),
                v.flag("decoupledWeightDecay"),
                v.flag("maximize"));
    }

    /** m, v and Πᵢ≤ₖ μᵢ, the product of the momentum schedule so far. */
    public static final class State {
        final double[] m;
        final double[] v;
        double muProduct = 1;

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
        int n = w.length;
        if (decoupledWeightDecay) {
            Hyperparameters.prepareGradient(g, w, maximize, 0);
            if (weightDecay != 0) {
                double shrink = 1 - lr * weightDecay;
                for (int i = 0; i < n; i++) {
                    w[i] = w[i] * shrink;
                }
            }
        } else {
            Hyperparameters.prepareGradient(g, w, maximize, weightDecay);
        }
        int k = context.step() + 1;
        double biasCorrection2 = 1 - Math.pow(beta2, k);
        double mu = beta1 * (1.0 - 0.5 * Math.pow(0.96, k * momentumDecay));
        double muNext = beta1 * (1.0 - 0.5 * Math.pow(0.96, (k + 1) * momentumDecay));
        state.muProduct = state.muProduct * mu;
        double muProductNext = state.muProduct * muNext;
        // The two addcdiv_ values of _single_tensor_nadam, with PyTorch's grouping.
        double gradientStep = -lr * (1.0 - mu) / (1.0 - state.muProduct);
        double momentumStep = -lr * muNext / (1.0 - muProductNext);
        double weight = 1 - beta1;
        double share2 = 1 - beta2;
        double[] m = state.m;
        double[] v = state.v;
        for (int i = 0; i < n; i++) {
            double gi = g[i];
            m[i] = TorchOps.lerp(m[i], gi, weight);
            v[i] = v[i] * beta2 + share2 * gi * gi;
            double denom = Math.sqrt(v[i] / biasCorrection2) + epsilon;
            w[i] = w[i] + gradientStep * gi / denom;
            w[i] = w[i] + momentumStep * m[i] / denom;
        }
    }
}
