package org.optlab.compute.optimizer;

import java.util.List;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;
import org.optlab.compute.param.ParameterValues;

/**
 * RMSProp as {@code optax.rmsprop} (convention optax): {@code chain(scale_by_rms or
 * scale_by_stddev, scale_by_learning_rate, trace)}. g ← g + λw; s ← (1 − α)g² + αs; centered:
 * m ← (1 − α)g + αm and d = s − m², else d = s; u = g/√(d + ε) (ε inside the root, optax's default
 * {@code eps_in_sqrt}) or g/(√d + ε); u ← (−η_t)u; with momentum μ, b ← u + μb and u = b, or u + μb
 * with Nesterov; w ← w + u.
 *
 * <p>Differs from {@link RmsProp} (torch.optim.RMSprop) in the default α (optax's decay) 0.9, in ε
 * inside the root, and in the momentum buffer, which optax fills with steps already scaled by the
 * learning rate: under a schedule, past rates stay in the buffer, where PyTorch scales the whole
 * buffer by the current rate. optax adds Nesterov momentum. optax's {@code initial_scale} (0) and
 * {@code bias_correction} (false) are fixed at their defaults, which are PyTorch's too.
 */
public record OptaxRmsProp(
        double learningRate,
        double alpha,
        double epsilon,
        double weightDecay,
        double momentum,
        boolean centered,
        boolean nesterov,
        boolean epsilonInsideRoot,
        boolean maximize)
        implements Optimizer<OptaxRmsProp.State> {

    static final ParameterSpec ALPHA = Hyperparameters.beta(
            "alpha", 0.9, "α, the decay of the running averages (optax's decay; PyTorch's alpha).");
    static final ParameterSpec MOMENTUM = ParameterSpec.number(
                    "momentum", 0, "μ, the decay of the trace of learning-rate-scaled steps (0 turns it off).")
            .atLeast(0);
    static final ParameterSpec NESTEROV =
            ParameterSpec.bool("nesterov", false, "Use Nesterov momentum, u + μb (optax only; needs momentum > 0).");
    static final ParameterSpec EPSILON_INSIDE_ROOT = ParameterSpec.bool(
            "epsilonInsideRoot",
            true,
            "Add ε under the square root, g/√(s + ε) (optax's eps_in_sqrt); false gives PyTorch's g/(√s + ε).");

    static final OptimizerKind KIND = new OptimizerKind(
            new CatalogEntry(
                    "rmsprop",
                    "RMSProp (optax)",
                    "RMSProp as optax.rmsprop: each step divided by a running root-mean-square of recent "
                            + "gradients, with ε inside the root and momentum over learning-rate-scaled steps.",
                    "g ← ∇f(w) + λw;  s ← (1−α)g² + αs;  d = s − m² (centered, m ← (1−α)g + αm) or s;  "
                            + "u = −η · g/√(d + ε);  b ← u + μb, u = b or u + μb (nesterov);  w ← w + u",
                    "optax.rmsprop (optax/_src/alias.py; scale_by_rms, scale_by_stddev in "
                            + "optax/_src/transform.py; trace in optax/transforms/_accumulation.py); G. Hinton, "
                            + "lecture 6e, 2012; A. Graves, 2013",
                    "torch.optim.RMSprop (convention pytorch): α = 0.99, ε outside the root, b ← μb + g/d and "
                            + "w ← w − η_t b. optax: α = 0.9, ε inside the root (epsilonInsideRoot), the learning "
                            + "rate applied before the momentum trace (the same steps at constant η, not under a "
                            + "schedule), and a nesterov option. weightDecay is coupled in both.",
                    List.of(
                            RmsProp.LEARNING_RATE,
                            ALPHA,
                            RmsProp.EPSILON,
                            RmsProp.WEIGHT_DECAY,
                            MOMENTUM,
                            RmsProp.CENTERED,
                            NESTEROV,
                            EPSILON_INSIDE_ROOT,
                            RmsProp.MAXIMIZE)),
            OptaxRmsProp::of);

    public OptaxRmsProp {
        RmsProp.LEARNING_RATE.check(learningRate);
        ALPHA.check(alpha);
        RmsProp.EPSILON.check(epsilon);
        RmsProp.WEIGHT_DECAY.check(weightDecay);
        MOMENTUM.check(momentum);
        if (nesterov && momentum <= 0) {
            throw new InvalidSpecException("nesterov", "needs momentum > 0");
        }
    }

    static OptaxRmsProp of(ParameterValues v) {
        return new OptaxRmsProp(
                v.number("learningRate"),
                v.number("alpha"),
                v.number("epsilon"),
                v.number("weightDecay"),
                v.number("momentum"),
                v.flag("centered"),
                v.flag("nesterov"),
                v.flag("epsilonInsideRoot"),
                v.flag("maximize"));
    }

    /** s, m (centered) and the trace b (momentum). */
    public static final class State {
        final double[] squareAverage;
        final double[] gradientAverage;
        final double[] trace;

        State(int dimension) {
            squareAverage = new double[dimension];
            gradientAverage = new double[dimension];
            trace = new double[dimension];
        }
    }

    @Override
    public State init(int dimension) {
        return new State(dimension);
    }

    @Override
    public void update(State state, double[] w, double[] g, double lr, StepContext context) {
        Hyperparameters.prepareGradient(g, w, maximize, weightDecay);
        double[] s = state.squareAverage;
        double[] m = state.gradientAverage;
        double[] b = state.trace;
        double share = 1 - alpha;
        double step = -lr;
        for (int i = 0; i < w.length; i++) {
            double gi = g[i];
            s[i] = share * (gi * gi) + alpha * s[i];
            double d;
            if (centered) {
                m[i] = share * gi + alpha * m[i];
                d = s[i] - m[i] * m[i];
            } else {
                d = s[i];
            }
            double scaling = epsilonInsideRoot ? 1 / Math.sqrt(d + epsilon) : 1 / (Math.sqrt(d) + epsilon);
            double u = step * (scaling * gi);
            if (momentum != 0) {
                b[i] = u + momentum * b[i];
                u = nesterov ? u + momentum * b[i] : b[i];
            }
            w[i] = w[i] + u;
        }
    }
}
