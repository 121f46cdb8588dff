package org.optlab.compute.optimizer;

import java.util.List;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;
import org.optlab.compute.param.ParameterValues;

/**
 * Adam, AMSGrad and AdamW as optax composes them (convention optax): {@code optax.adam} =
 * {@code chain(scale_by_adam, scale_by_learning_rate)}, {@code optax.amsgrad} with
 * {@code scale_by_amsgrad}, {@code optax.adamw} with {@code add_decayed_weights} between the two.
 * With k = t + 1: m ← (1 − β₁)g + β₁m; v ← (1 − β₂)g² + β₂v; m̂ = m/(1 − β₁ᵏ); v̂ = v/(1 − β₂ᵏ);
 * AMSGrad: v̂ ← max(v̂_prev, v̂), the maximum of the bias-corrected v; u = m̂/(√(v̂ + ε_root) + ε);
 * decoupled decay u ← u + λw; w ← w + (−η_t)u. Coupled decay is g ← g + λw first.
 *
 * <p>Without AMSGrad this is {@link Adam}'s value computed in optax's order (rounding only). With
 * AMSGrad it differs: PyTorch keeps the maximum of the raw v and divides it by the current
 * 1 − β₂ᵏ. The AdamW default λ is optax's 1e-4.
 */
public record OptaxAdam(
        double learningRate,
        double beta1,
        double beta2,
        double epsilon,
        double epsilonRoot,
        double weightDecay,
        boolean amsgrad,
        boolean decoupledWeightDecay,
        boolean maximize)
        implements Optimizer<OptaxAdam.State> {

    static final ParameterSpec EPSILON_ROOT = ParameterSpec.number(
                    "epsilonRoot", 0, "ε_root, added to v̂ inside the square root (optax's eps_root).")
            .atLeast(0);

    private static final String RULE = "m ← (1−β₁)g + β₁m;  v ← (1−β₂)g² + β₂v;  m̂ = m/(1−β₁ᵏ);  v̂ = v/(1−β₂ᵏ) "
            + "(amsgrad: v̂ ← max(v̂_prev, v̂));  u = m̂/(√(v̂ + ε_root) + ε);  ";

    static final OptimizerKind ADAM = new OptimizerKind(
            new CatalogEntry(
                    "adam",
                    "Adam (optax)",
                    "Adam as optax.adam, and AMSGrad as optax.amsgrad: bias-corrected moment estimates, with "
                            + "AMSGrad's maximum taken over the bias-corrected second moment.",
                    "g ← ∇f(w) + λw;  " + RULE + "w ← w + (−η)u",
                    "optax.adam, optax.amsgrad (optax/_src/alias.py; scale_by_adam, scale_by_amsgrad in "
                            + "optax/_src/transform.py); D. P. Kingma and J. Ba, ICLR 2015; S. J. Reddi et al., "
                            + "ICLR 2018",
                    "The same value as torch.optim.Adam (convention pytorch) without amsgrad, computed in optax's "
                            + "order: trajectories differ by rounding only (with epsilonRoot 0). With amsgrad, optax "
                            + "keeps the maximum of the bias-corrected v, PyTorch of the raw v. optax.adam has no "
                            + "weight decay: weightDecay is chain(add_decayed_weights(λ), adam), coupled; "
                            + "decoupledWeightDecay follows optax.adamw.",
                    List.of(
                            Adam.LEARNING_RATE,
                            Adam.BETA1,
                            Adam.BETA2,
                            Adam.EPSILON,
                            EPSILON_ROOT,
                            Adam.ADAM.entry().parameter("weightDecay"),
                            Adam.AMSGRAD,
                            Adam.DECOUPLED,
                            Adam.MAXIMIZE)),
            v -> of(v, v.flag("decoupledWeightDecay")));

    static final OptimizerKind ADAMW = new OptimizerKind(
            new CatalogEntry(
                    "adamw",
                    "AdamW (optax)",
                    "AdamW as optax.adamw: Adam's direction plus λw, all scaled by the learning rate.",
                    RULE + "u ← u + λw;  w ← w + (−η)u",
                    "optax.adamw (optax/_src/alias.py; scale_by_adam in optax/_src/transform.py, "
                            + "add_decayed_weights in optax/transforms/_adding.py); I. Loshchilov and F. Hutter, "
                            + "ICLR 2019",
                    "torch.optim.AdamW (convention pytorch) shrinks w ← w(1 − η_tλ) and then steps; optax adds λw "
                            + "to the direction before scaling by −η_t: the same value, so only the default λ "
                            + "differs (optax 1e-4, PyTorch 0.01). amsgrad as for adam.",
                    List.of(
                            Adam.LEARNING_RATE,
                            Adam.BETA1,
                            Adam.BETA2,
                            Adam.EPSILON,
                            EPSILON_ROOT,
                            Hyperparameters.weightDecay(
                                    1e-4, "λ, decoupled decay: λw is added to the direction, w ← w − η(u + λw)."),
                            Adam.AMSGRAD,
                            Adam.MAXIMIZE)),
            v -> of(v, true));

    public OptaxAdam {
        Adam.LEARNING_RATE.check(learningRate);
        Adam.BETA1.check(beta1);
        Adam.BETA2.check(beta2);
        Adam.EPSILON.check(epsilon);
        EPSILON_ROOT.check(epsilonRoot);
        Adam.ADAM.entry().parameter("weightDecay").check(weightDecay);
    }

    static OptaxAdam of(ParameterValues v, boolean decoupled) {
        return new OptaxAdam(
                v.number("learningRate"),
                v.number("beta1"),
                v.number("beta2"),
                v.number("epsilon"),
                v.number("epsilonRoot"),
                v.number("weightDecay"),
                v.flag("amsgrad"),
                decoupled,
                v.flag("maximize"));
    }

    /** m, v and (AMSGrad) the running maximum of the bias-corrected v. */
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
        Hyperparameters.prepareGradient(g, w, maximize, decoupledWeightDecay ? 0 : weightDecay);
        double decay = decoupledWeightDecay ? weightDecay : 0;
        int k = context.step() + 1;
        double biasCorrection1 = 1 - Math.pow(beta1, k);
        double biasCorrection2 = 1 - Math.pow(beta2, k);
        double share1 = 1 - beta1;
        double share2 = 1 - beta2;
        double step = -lr;
        double[] m = state.m;
        double[] v = state.v;
        double[] maxV = state.maxV;
        for (int i = 0; i < w.length; i++) {
            double gi = g[i];
            m[i] = share1 * gi + beta1 * m[i];
            v[i] = share2 * (gi * gi) + beta2 * v[i];
            double mHat = m[i] / biasCorrection1;
            double vHat = v[i] / biasCorrection2;
            if (maxV != null) {
                maxV[i] = Math.max(maxV[i], vHat);
                vHat = maxV[i];
            }
            double u = mHat / (Math.sqrt(vHat + epsilonRoot) + epsilon);
            if (decay != 0) {
                u = u + decay * w[i];
            }
            w[i] = w[i] + step * u;
        }
    }
}
