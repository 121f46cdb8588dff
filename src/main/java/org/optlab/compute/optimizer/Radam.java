package org.optlab.compute.optimizer;

import java.util.List;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;
import org.optlab.compute.param.ParameterValues;

/**
 * RAdam as {@code torch.optim.RAdam} of PyTorch 2.x. With k = t + 1: decoupled decay
 * w ← w(1 − ηλ) or coupled g ← g + λw; m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²;
 * m̂ = m / (1 − β₁ᵏ); ρ∞ = 2/(1 − β₂) − 1; ρₖ = ρ∞ − 2kβ₂ᵏ/(1 − β₂ᵏ). If ρₖ &gt; 5:
 * r = √((ρₖ − 4)(ρₖ − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρₖ)) and w ← w − η m̂ · √(1 − β₂ᵏ)/(√v + ε) · r;
 * else w ← w − η m̂ (momentum SGD while the variance of the adaptive rate is intractable).
 * Defaults η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-8.
 *
 * <p>ε is added to √v before the bias correction, so it acts as ε/√(1 − β₂ᵏ) on √v̂. optax's rule
 * ({@link OptaxRadam}) adds it to √v̂ and rectifies from ρₖ ≥ 5. PyTorch 1.x had neither maximize
 * nor decoupledWeightDecay.
 */
public record Radam(
        double learningRate,
        double beta1,
        double beta2,
        double epsilon,
        double weightDecay,
        boolean decoupledWeightDecay,
        boolean maximize)
        implements Optimizer<Radam.State> {

    /** ρₖ must exceed this for the rectified step (PyTorch's constant; optax's threshold default). */
    static final double TRACTABLE = 5.0;

    static final ParameterSpec LEARNING_RATE = Hyperparameters.learningRate(0.001);
    static final ParameterSpec BETA1 =
            Hyperparameters.beta("beta1", 0.9, "β₁, the decay of the first-moment estimate m.");
    static final ParameterSpec BETA2 =
            Hyperparameters.beta("beta2", 0.999, "β₂, the decay of the second-moment estimate v.");
    static final ParameterSpec EPSILON = Hyperparameters.epsilon(1e-8);
    static final ParameterSpec WEIGHT_DECAY = Hyperparameters.weightDecay(
            0, "λ, L2 penalty added to the gradient, or with decoupledWeightDecay w ← w(1 − ηλ) each step.");
    static final ParameterSpec DECOUPLED = ParameterSpec.bool(
            "decoupledWeightDecay", false, "Apply weightDecay as AdamW does, w ← w(1 − ηλ), instead of as L2.");
    static final ParameterSpec MAXIMIZE = Hyperparameters.maximize();

    public static final OptimizerKind KIND = new OptimizerKind(
            new CatalogEntry(
                    "radam",
                    "RAdam",
                    "Rectified Adam: takes plain momentum steps while too few gradients have been seen to trust "
                            + "the second moment, then Adam steps scaled by a rectification factor r ≤ 1 that "
                            + "removes the need for a warmup.",
                    "g ← ∇f(w) + λw;  m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  m̂ = m/(1−β₁ᵏ);  "
                            + "ρₖ = ρ∞ − 2kβ₂ᵏ/(1−β₂ᵏ), ρ∞ = 2/(1−β₂) − 1;  ρₖ > 5: w ← w − η m̂ · r · √(1−β₂ᵏ)/(√v + ε), "
                            + "r = √((ρₖ−4)(ρₖ−2)ρ∞/((ρ∞−4)(ρ∞−2)ρₖ));  else w ← w − η m̂",
                    "L. Liu, H. Jiang, P. He, W. Chen, X. Liu, J. Gao and J. Han, On the variance of the adaptive "
                            + "learning rate and beyond, ICLR 2020; torch.optim.RAdam (PyTorch 2.x)",
                    "PyTorch adds ε to √v before the bias correction (ε acts as ε/√(1−β₂ᵏ)) and rectifies when "
                            + "ρₖ > 5; PyTorch 1.x had no maximize or decoupledWeightDecay. With convention optax "
                            + "(optax.radam, scale_by_radam): ε is added to the root of the bias-corrected "
                            + "v̂ = v/(1−β₂ᵏ), w ← w − η r m̂/(√v̂ + ε), rectified when ρₖ ≥ 5 (its threshold); "
                            + "weightDecay is added to the gradient, or with decoupledWeightDecay to the update as "
                            + "optax's adamw chain does, w ← w − η(u + λw).",
                    List.of(LEARNING_RATE, BETA1, BETA2, EPSILON, WEIGHT_DECAY, DECOUPLED, MAXIMIZE)),
            Radam::of);

    public Radam {
        LEARNING_RATE.check(learningRate);
        BETA1.check(beta1);
        BETA2.check(beta2);
        EPSILON.check(epsilon);
        WEIGHT_DECAY.check(weightDecay);
    }

    static Radam of(ParameterValues v) {
        return new Radam(
                v.number("learningRate"),
                v.number("beta1"),
                v.number("beta2"),
                v.number("epsilon"),
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
        double weight = 1 - beta1;
        double share2 = 1 - beta2;
        double[] m = state.m;
        double[] v = state.v;
        for (int i = 0; i < n; i++) {
            double gi = g[i];
            m[i] = TorchOps.lerp(m[i], gi, weight);
            v[i] = v[i] * beta2 + share2 * gi * gi;
        }
        double biasCorrection1 = 1 - Math.pow(beta1, k);
        double biasCorrection2 = 1 - Math.pow(beta2, k);
        double rhoInfinity = 2 / (1 - beta2) - 1;
        double rho = rhoInfinity - 2.0 * k * Math.pow(beta2, k) / biasCorrection2;
        if (rho > TRACTABLE) {
            // PyTorch: (bc2 ** 0.5) / (√v + ε) is reciprocal(√v + ε) · √bc2, then m̂·η·that·r.
            double rectification =
                    Math.sqrt((rho - 4) * (rho - 2) * rhoInfinity / ((rhoInfinity - 4) * (rhoInfinity - 2) * rho));
            double biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
            for (int i = 0; i < n; i++) {
                double adaptive = 1 / (Math.sqrt(v[i]) + epsilon) * biasCorrection2Sqrt;
                w[i] = w[i] - m[i] / biasCorrection1 * lr * adaptive * rectification;
            }
        } else {
            for (int i = 0; i < n; i++) {
                w[i] = w[i] - m[i] / biasCorrection1 * lr;
            }
        }
    }
}
