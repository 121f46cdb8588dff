package org.optlab.compute.optimizer;

import java.util.List;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;
import org.optlab.compute.param.ParameterValues;

/**
 * Stochastic gradient descent as {@code torch.optim.SGD}: g ← g + λw; with momentum μ,
 * b₀ = g and b ← μb + (1 − τ)g afterwards; g ← g + μb (Nesterov) or g ← b; w ← w − ηg.
 *
 * <p>Unlike the lecture's heavy-ball form ({@link Momentum}), the learning rate multiplies the
 * buffer rather than entering it, and the buffer starts at the first gradient (so dampening τ does
 * not shrink the first step). Nesterov needs μ &gt; 0 and τ = 0, as in PyTorch.
 *
 * <p>optax's {@code sgd} ({@code optax/_src/alias.py}: {@code trace}, then
 * {@code scale_by_learning_rate}) keeps b ← g + μb from b = 0, so b₁ = g₁: with τ = 0 it takes the
 * same steps, and this record serves both conventions. optax has no dampening, so {@link #OPTAX}
 * (convention optax) accepts only τ = 0.
 */
public record Sgd(
        double learningRate, double momentum, double dampening, boolean nesterov, double weightDecay, boolean maximize)
        implements Optimizer<Sgd.State> {

    static final ParameterSpec LEARNING_RATE = Hyperparameters.learningRate(0.01);
    static final ParameterSpec MOMENTUM = ParameterSpec.number(
                    "momentum", 0, "μ, the momentum factor (0 turns momentum off).")
            .atLeast(0);
    static final ParameterSpec DAMPENING = ParameterSpec.number(
                    "dampening", 0, "τ, the dampening of new gradients in the buffer.")
            .atLeast(0)
            .atMost(1);
    static final ParameterSpec NESTEROV =
            ParameterSpec.bool("nesterov", false, "Use Nesterov momentum (needs momentum > 0 and dampening 0).");
    static final ParameterSpec WEIGHT_DECAY = Hyperparameters.weightDecay(0, "λ, L2 penalty added to the gradient.");
    static final ParameterSpec MAXIMIZE = Hyperparameters.maximize();

    public static final OptimizerKind KIND = new OptimizerKind(
            new CatalogEntry(
                    "sgd",
                    "SGD (PyTorch)",
                    "Gradient descent with optional heavy-ball or Nesterov momentum, dampening and L2 weight decay, "
                            + "exactly as torch.optim.SGD.",
                    "g ← ∇f(w) + λw;  b ← g (first step) or μb + (1−τ)g;  g ← g + μb (nesterov) or b;  w ← w − ηg",
                    "torch.optim.SGD; Sutskever et al., On the importance of initialization and momentum in deep "
                            + "learning, ICML 2013",
                    "The momentum buffer starts at the first gradient and η multiplies it (PyTorch's form); the "
                            + "lecture's heavy ball, where η enters the velocity, is 'momentum'. optax.sgd "
                            + "(convention optax) starts its trace at 0 and adds gradients undamped, b ← g + μb, so "
                            + "b₁ = g₁ and with dampening 0 its steps are these (nesterov: g + μb, the same); optax "
                            + "has no dampening, so convention optax rejects dampening ≠ 0, and no weight_decay: "
                            + "weightDecay is chain(add_decayed_weights(λ), sgd), coupled as here.",
                    List.of(LEARNING_RATE, MOMENTUM, DAMPENING, NESTEROV, WEIGHT_DECAY, MAXIMIZE)),
            Sgd::of);

    /**
     * The optax convention of {@code sgd}: the same rule and defaults, without dampening (optax.sgd's
     * {@code trace} adds every gradient undamped).
     */
    static final OptimizerKind OPTAX = new OptimizerKind(
            new CatalogEntry(
                    "sgd",
                    "SGD (optax)",
                    "Gradient descent with optional momentum or Nesterov momentum, as optax.sgd: a trace of "
                            + "past gradients scaled by the learning rate.",
                    "g ← ∇f(w) + λw;  b ← g + μb (b₀ = 0);  u = g + μb (nesterov) or b;  w ← w + (−η)u",
                    "optax.sgd (optax/_src/alias.py; trace in optax/transforms/_accumulation.py); Sutskever et al., "
                            + "ICML 2013",
                    "Takes the same steps as torch.optim.SGD without dampening: b₁ = g₁ in both. optax has no "
                            + "dampening (it must be 0) and no weight_decay: weightDecay is "
                            + "chain(add_decayed_weights(λ), sgd).",
                    List.of(
                            LEARNING_RATE,
                            MOMENTUM,
                            ParameterSpec.number(
                                            "dampening",
                                            0,
                                            "Not in optax: must be 0 under convention optax (optax.sgd adds every "
                                                    + "gradient to its trace undamped).")
                                    .atLeast(0),
                            NESTEROV,
                            WEIGHT_DECAY,
                            MAXIMIZE)),
            Sgd::ofOptax);

    public Sgd {
        LEARNING_RATE.check(learningRate);
        MOMENTUM.check(momentum);
        DAMPENING.check(dampening);
        WEIGHT_DECAY.check(weightDecay);
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new InvalidSpecException("nesterov", "needs momentum > 0 and dampening 0 (as in torch.optim.SGD)");
        }
    }

    static Sgd of(ParameterValues v) {
        return new Sgd(
                v.number("learningRate"),
                v.number("momentum"),
                v.number("dampening"),
                v.flag("nesterov"),
                v.number("weightDecay"),
                v.flag("maximize"));
    }

    static Sgd ofOptax(ParameterValues v) {
        if (v.number("dampening") != 0) {
            throw new InvalidSpecException(
                    "dampening",
                    "must be 0 under convention optax: optax.sgd has no dampening (its trace is b ← g + μb); use "
                            + "convention pytorch for torch.optim.SGD's dampening");
        }
        return of(v);
    }

    /** The momentum buffer b and whether it has been started. */
    public static final class State {
        final double[] buffer;
        boolean started;

        State(int dimension) {
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
        int n = w.length;
        double step = -lr;
        if (momentum == 0) {
            for (int i = 0; i < n; i++) {
                w[i] = w[i] + step * g[i];
            }
            return;
        }
        if (!state.started) {
            state.started = true;
            start(w, g, state.buffer, step);
        } else if (nesterov) {
            stepNesterov(w, g, state.buffer, step);
        } else {
            stepMomentum(w, g, state.buffer, step);
        }
    }

    // One pass per step over w, g and b, in PyTorch's order of operations, so that a large step
    // moves each array through memory once; methods of their own so that update stays small enough
    // for the JIT to inline.

    /** The first step: b ← g, then w ← w − η(g + μb) (Nesterov) or w − ηb. */
    private void start(double[] w, double[] g, double[] b, double step) {
        double mu = momentum;
        for (int i = 0; i < w.length; i++) {
            double gi = g[i];
            b[i] = gi;
            w[i] = w[i] + step * (nesterov ? gi + mu * gi : gi);
        }
    }

    private void stepMomentum(double[] w, double[] g, double[] b, double step) {
        double mu = momentum;
        double keep = 1 - dampening;
        for (int i = 0; i < w.length; i++) {
            double bi = b[i] * mu + keep * g[i];
            b[i] = bi;
            w[i] = w[i] + step * bi;
        }
    }

    private void stepNesterov(double[] w, double[] g, double[] b, double step) {
        double mu = momentum;
        double keep = 1 - dampening;
        for (int i = 0; i < w.length; i++) {
            double gi = g[i];
            double bi = b[i] * mu + keep * gi;
            b[i] = bi;
            w[i] = w[i] + step * (gi + mu * bi);
        }
    }
}
