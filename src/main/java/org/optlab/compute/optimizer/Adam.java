package org.optlab.compute.optimizer;

import java.util.List;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;
import org.optlab.compute.param.ParameterValues;

/**
 * Adam and AdamW as {@code torch.optim.Adam} / {@code AdamW}. With k = t + 1: decoupled decay
 * w ← w(1 − ηλ) (AdamW) or coupled g ← g + λw (Adam); m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²;
 * v̂ = max(v̂, v) with AMSGrad; w ← w − (η / (1 − β₁ᵏ)) · m / (√v / √(1 − β₂ᵏ) + ε).
 *
 * <p>ε is added after the bias correction of √v, as PyTorch does. optax ({@link OptaxAdam},
 * convention optax) computes the same value in another order, takes AMSGrad's maximum over the
 * bias-corrected v instead of the raw v, and defaults AdamW's λ to 1e-4.
 */
public record Adam(
        double learningRate,
        double beta1,
        double beta2,
        double epsilon,
        double weightDecay,
        boolean amsgrad,
        boolean decoupledWeightDecay,
        boolean maximize)
        implements Optimizer<Adam.State> {

    static final ParameterSpec LEARNING_RATE = Hyperparameters.learningRate(0.001);
    static final ParameterSpec BETA1 =
            Hyperparameters.beta("beta1", 0.9, "β₁, the decay of the first-moment estimate m.");
    static final ParameterSpec BETA2 =
            Hyperparameters.beta("beta2", 0.999, "β₂, the decay of the second-moment estimate v.");
    static final ParameterSpec EPSILON = Hyperparameters.epsilon(1e-8);
    static final ParameterSpec AMSGRAD =
            ParameterSpec.bool("amsgrad", false, "Use the running maximum of v (Reddi et al. 2018).");
    static final ParameterSpec MAXIMIZE = Hyperparameters.maximize();
    static final ParameterSpec DECOUPLED = ParameterSpec.bool(
            "decoupledWeightDecay", false, "Apply weightDecay as AdamW does, w ← w(1 − ηλ), instead of as L2.");

    public static final OptimizerKind ADAM = new OptimizerKind(
            new CatalogEntry(
                    "adam",
                    "Adam",
                    "Momentum on the gradient and RMSProp-style scaling, each bias-corrected: fast progress with "
                            + "little tuning, the default of deep learning.",
                    "g ← ∇f(w) + λw;  m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  "
                            + "w ← w − η/(1−β₁ᵏ) · m / (√v/√(1−β₂ᵏ) + ε)",
                    "D. P. Kingma and J. Ba, Adam: A method for stochastic optimization, ICLR 2015; S. J. Reddi, "
                            + "S. Kale and S. Kumar, On the convergence of Adam and beyond, ICLR 2018; torch.optim.Adam",
                    "weightDecay is coupled L2 (added to the gradient), as in PyTorch; decoupledWeightDecay = true "
                            + "makes it AdamW. optax.adam (convention optax) computes m̂ = m/(1−β₁ᵏ), "
                            + "v̂ = v/(1−β₂ᵏ), w ← w + (−η)·m̂/(√(v̂ + ε_root) + ε): the same value as here, so with "
                            + "ε_root = 0 (epsilonRoot, optax only) trajectories differ by rounding only. With "
                            + "amsgrad (optax.amsgrad) optax keeps the running maximum of the bias-corrected "
                            + "v/(1−β₂ᵏ), PyTorch the maximum of the raw v divided by the current 1−β₂ᵏ: different "
                            + "paths. optax.adam has no weight decay: weightDecay is chain(add_decayed_weights(λ), "
                            + "adam), coupled as here; decoupledWeightDecay follows optax.adamw.",
                    List.of(
                            LEARNING_RATE,
                            BETA1,
                            BETA2,
                            EPSILON,
                            Hyperparameters.weightDecay(0, "λ, L2 penalty added to the gradient (coupled)."),
                            AMSGRAD,
                            DECOUPLED,
                            MAXIMIZE)),
            v -> of(v, v.flag("decoupledWeightDecay")));

    public static final OptimizerKind ADAMW = new OptimizerKind(
            new CatalogEntry(
                    "adamw",
                    "AdamW",
                    "Adam with weight decay decoupled from the gradient scaling: the decay shrinks every weight "
                            + "by the same factor, which regularises as intended where Adam's L2 does not.",
                    "w ← w(1 − ηλ);  m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  "
                            + "w ← w − η/(1−β₁ᵏ) · m / (√v/√(1−β₂ᵏ) + ε)",
                    "I. Loshchilov and F. Hutter, Decoupled weight decay regularization, ICLR 2019; "
                            + "torch.optim.AdamW",
                    "The decay is multiplied by the scheduled η_t, in PyTorch and optax alike. optax.adamw "
                            + "(convention optax) defaults λ to 1e-4 (PyTorch 0.01) and adds λw to Adam's direction "
                            + "before scaling, w ← w − η_t(u + λw), where PyTorch shrinks w ← w(1 − η_tλ) and then "
                            + "steps: the same value, so only the default differs (to rounding); Adam's other "
                            + "differences (amsgrad, epsilonRoot) apply.",
                    List.of(
                            LEARNING_RATE,
                            BETA1,
                            BETA2,
                            EPSILON,
                            Hyperparameters.weightDecay(0.01, "λ, decoupled decay: w ← w(1 − ηλ) each step."),
                            AMSGRAD,
                            MAXIMIZE)),
            v -> of(v, true));

    public Adam {
        LEARNING_RATE.check(learningRate);
        BETA1.check(beta1);
        BETA2.check(beta2);
        EPSILON.check(epsilon);
        ADAM.entry().parameter("weightDecay").check(weightDecay);
    }

    static Adam of(ParameterValues v, boolean decoupled) {
        return new Adam(
                v.number("learningRate"),
                v.number("beta1"),
                v.number("beta2"),
                v.number("epsilon"),
                v.number("weightDecay"),
                v.flag("amsgrad"),
                decoupled,
                v.flag("maximize"));
    }

    /** m, v and (AMSGrad) the running maximum of v. */
    public static final class State {
        final double[] m;
        final double[] v;
        final double[] maxV;

        State(int dimension, boolean amsgrad) {
            m = new double[dimension];
            v = new double[dimension];
            maxV = amsgrad ? new double[dimension] : null;
        }
    }

    @Override
    public State init(int dimension) {
        return new State(dimension, amsgrad);
    }

    @Override
    public void update(State state, double[] w, double[] g, double lr, StepContext context) {
        int n = w.length;
        if (decoupledWeightDecay) {
            Hyperparameters.prepareGradient(g, w, maximize, 0);
            double shrink = 1 - lr * weightDecay;
            for (int i = 0; i < n; i++) {
                w[i] = w[i] * shrink;
            }
        } else {
            Hyperparameters.prepareGradient(g, w, maximize, weightDecay);
        }
        int k = context.step() + 1;
        double biasCorrection1 = 1 - Math.pow(beta1, k);
        double biasCorrection2 = 1 - Math.pow(beta2, k);
        double stepSize = lr / biasCorrection1;
        double biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
        double share1 = 1 - beta1;
        double share2 = 1 - beta2;
        double[] m = state.m;
        double[] v = state.v;
        double[] maxV = state.maxV;
        for (int i = 0; i < n; i++) {
            double gi = g[i];
            m[i] = m[i] * beta1 + share1 * gi;
            v[i] = v[i] * beta2 + share2 * (gi * gi);
            double second = v[i];
            if (maxV != null) {
                maxV[i] = Math.max(maxV[i], second);
                second = maxV[i];
            }
            double denom = Math.sqrt(second) / biasCorrection2Sqrt + epsilon;
            w[i] = w[i] + -stepSize * (m[i] / denom);
        }
    }
}
