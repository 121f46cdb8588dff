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
 * <p>β₁ᵏ and β₂ᵏ are running products, recomputed with {@code Math.pow} every 64 steps: within 64
 * roundings of {@code beta ** k}, which PyTorch computes with C's {@code pow} (Java's
 * {@code Math.pow} itself differs from glibc's in the last bit for some k, 0.9³⁴⁸ the first), and two
 * multiplications instead of two {@code pow} calls, which were half the cost of a 2-D step.
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

    /** m, v, (AMSGrad) the running maximum of v, and β₁ᵏ and β₂ᵏ of the last step. */
    public static final class State {
        final double[] m;
        final double[] v;
        final double[] maxV;
        int k;
        double beta1Power = 1;
        double beta2Power = 1;

        State(int dimension, boolean amsgrad) {
            m = new double[dimension];
            v = new double[dimension];
            maxV = amsgrad ? new double[dimension] : null;
        }

        /**
         * Brings β₁ᵏ and β₂ᵏ to step k: one multiplication each when k follows the last step,
         * {@code Math.pow} otherwise (a switch handing over, a reused state) and every
         * {@link #EXACT_EVERY}-th step, so that the running products stay within that many
         * roundings of the powers.
         */
        void advanceTo(int step, double beta1, double beta2) {
            if (step == k + 1 && step % EXACT_EVERY != 0) {
                beta1Power *= beta1;
                beta2Power *= beta2;
            } else {
                beta1Power = Math.pow(beta1, step);
                beta2Power = Math.pow(beta2, step);
            }
            k = step;
        }
    }

    /** Steps between exact recomputations of the powers of β₁ and β₂. */
    static final int EXACT_EVERY = 64;

    @Override
    public State init(int dimension) {
        return new State(dimension, amsgrad);
    }

    @Override
    public void update(State state, double[] w, double[] g, double lr, StepContext context) {
        int n = w.length;
        // AdamW's w ← w(1 − ηλ) is applied inside the one pass below; for Adam the factor is 1, and
        // w·1 is w exactly.
        double shrink = 1;
        if (decoupledWeightDecay) {
            Hyperparameters.prepareGradient(g, w, maximize, 0);
            shrink = 1 - lr * weightDecay;
        } else {
            Hyperparameters.prepareGradient(g, w, maximize, weightDecay);
        }
        state.advanceTo(context.step() + 1, beta1, beta2);
        double biasCorrection1 = 1 - state.beta1Power;
        double biasCorrection2 = 1 - state.beta2Power;
        double stepSize = lr / biasCorrection1;
        double biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
        if (state.maxV == null) {
            step(w, g, state.m, state.v, shrink, stepSize, biasCorrection2Sqrt);
        } else {
            stepAmsgrad(w, g, state.m, state.v, state.maxV, shrink, stepSize, biasCorrection2Sqrt);
        }
    }

    // The passes are methods of their own so that update stays small enough for the JIT to inline.

    /** One pass over w, g, m and v: a large step moves each array through memory once. */
    private void step(
            double[] w,
            double[] g,
            double[] m,
            double[] v,
            double shrink,
            double stepSize,
            double biasCorrection2Sqrt) {
        double share1 = 1 - beta1;
        double share2 = 1 - beta2;
        for (int i = 0; i < w.length; i++) {
            double gi = g[i];
            double mi = m[i] * beta1 + share1 * gi;
            double vi = v[i] * beta2 + share2 * (gi * gi);
            m[i] = mi;
            v[i] = vi;
            double denom = Math.sqrt(vi) / biasCorrection2Sqrt + epsilon;
            w[i] = w[i] * shrink + -stepSize * (mi / denom);
        }
    }

    private void stepAmsgrad(
            double[] w,
            double[] g,
            double[] m,
            double[] v,
            double[] maxV,
            double shrink,
            double stepSize,
            double biasCorrection2Sqrt) {
        double share1 = 1 - beta1;
        double share2 = 1 - beta2;
        for (int i = 0; i < w.length; i++) {
            double gi = g[i];
            double mi = m[i] * beta1 + share1 * gi;
            double vi = v[i] * beta2 + share2 * (gi * gi);
            m[i] = mi;
            v[i] = vi;
            double second = Math.max(maxV[i], vi);
            maxV[i] = second;
            double denom = Math.sqrt(second) / biasCorrection2Sqrt + epsilon;
            w[i] = w[i] * shrink + -stepSize * (mi / denom);
        }
    }
}
