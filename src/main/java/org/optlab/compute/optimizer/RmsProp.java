package org.optlab.compute.optimizer;

import java.util.List;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;
import org.optlab.compute.param.ParameterValues;

/**
 * RMSProp as {@code torch.optim.RMSprop}: g ← g + λw, s ← αs + (1 − α)g²; centered: m ← αm +
 * (1 − α)g and d = √(s − m²) + ε, else d = √s + ε; with momentum μ: b ← μb + g/d, w ← w − ηb,
 * else w ← w − η g/d.
 *
 * <p>ε is outside the root. optax's rmsprop ({@link OptaxRmsProp}, convention optax) puts it inside by
 * default, decays by 0.9 rather than 0.99 and applies the learning rate before the momentum buffer.
 */
public record RmsProp(
        double learningRate,
        double alpha,
        double epsilon,
        double weightDecay,
        double momentum,
        boolean centered,
        boolean maximize)
        implements Optimizer<RmsProp.State> {

    static final ParameterSpec LEARNING_RATE = Hyperparameters.learningRate(0.01);
    static final ParameterSpec ALPHA =
            Hyperparameters.beta("alpha", 0.99, "α, the decay of the running average of squared gradients.");
    static final ParameterSpec EPSILON = Hyperparameters.epsilon(1e-8);
    static final ParameterSpec WEIGHT_DECAY = Hyperparameters.weightDecay(0, "λ, L2 penalty added to the gradient.");
    static final ParameterSpec MOMENTUM = ParameterSpec.number(
                    "momentum", 0, "μ, momentum applied to the normalised step.")
            .atLeast(0);
    static final ParameterSpec CENTERED = ParameterSpec.bool(
            "centered", false, "Normalise by the estimated variance (subtract the squared mean gradient).");
    static final ParameterSpec MAXIMIZE = Hyperparameters.maximize();

    public static final OptimizerKind KIND = new OptimizerKind(
            new CatalogEntry(
                    "rmsprop",
                    "RMSProp",
                    "Divides each step by a running root-mean-square of recent gradients, so that the step size "
                            + "adapts per coordinate without Adagrad's ever-shrinking sum.",
                    "g ← ∇f(w) + λw;  s ← αs + (1−α)g²;  d = √(s − m²) + ε (centered, m ← αm + (1−α)g) or √s + ε;"
                            + "  b ← μb + g/d, w ← w − ηb (momentum) or w ← w − η g/d",
                    "G. Hinton, Neural Networks for Machine Learning, lecture 6e, 2012; A. Graves, Generating "
                            + "sequences with recurrent neural networks, 2013 (centered); torch.optim.RMSprop",
                    "PyTorch: d = √s + ε (ε outside the root), α = 0.99, b ← μb + g/d, w ← w − η_t·b. "
                            + "optax.rmsprop (convention optax): decay α = 0.9; ε inside the root by default, "
                            + "d = √(s + ε) or √(s − m² + ε) centered (eps_in_sqrt; epsilonInsideRoot = false gives "
                            + "√s + ε); the momentum trace comes after the learning rate, b ← −η_t·g/d + μb, "
                            + "w ← w + b, so past rates stay in the buffer (the same steps at constant η, not under "
                            + "a schedule); a nesterov option (u + μb); initial_scale 0 and no bias correction, as "
                            + "here. weightDecay is coupled in both.",
                    List.of(LEARNING_RATE, ALPHA, EPSILON, WEIGHT_DECAY, MOMENTUM, CENTERED, MAXIMIZE)),
            RmsProp::of);

    public RmsProp {
        LEARNING_RATE.check(learningRate);
        ALPHA.check(alpha);
        EPSILON.check(epsilon);
        WEIGHT_DECAY.check(weightDecay);
        MOMENTUM.check(momentum);
    }

    static RmsProp of(ParameterValues v) {
        return new RmsProp(
                v.number("learningRate"),
                v.number("alpha"),
                v.number("epsilon"),
                v.number("weightDecay"),
                v.number("momentum"),
                v.flag("centered"),
                v.flag("maximize"));
    }

    /** s, m (centered) and b (momentum). */
    public static final class State {
        final double[] squareAverage;
        final double[] gradientAverage;
        final double[] buffer;

        State(int dimension) {
            squareAverage = new double[dimension];
            gradientAverage = new double[dimension];
            buffer = new double[dimension];
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
        double[] b = state.buffer;
        double share = 1 - alpha;
        for (int i = 0; i < w.length; i++) {
            double gi = g[i];
            s[i] = s[i] * alpha + share * (gi * gi);
            double avg;
            if (centered) {
                m[i] = m[i] * alpha + share * gi;
                avg = Math.sqrt(s[i] + -1 * (m[i] * m[i]));
            } else {
                avg = Math.sqrt(s[i]);
            }
            avg = avg + epsilon;
            if (momentum > 0) {
                b[i] = b[i] * momentum + gi / avg;
                w[i] = w[i] + -lr * b[i];
            } else {
                w[i] = w[i] + -lr * (gi / avg);
            }
        }
    }
}
