package org.optlab.compute.optimizer;

import java.util.List;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;

/**
 * Lookahead (Zhang, Lucas, Hinton and Ba, NeurIPS 2019): an inner optimizer takes k fast steps;
 * then the slow weights move a fraction α towards the fast ones, φ ← φ + α(w − φ), and the fast
 * weights restart from them, w ← φ. φ₀ = w₀. The path records the fast weights, which equal the
 * slow ones after every k-th step.
 */
public record Lookahead(Optimizer<?> inner, int k, double alpha) implements Optimizer<Lookahead.State> {

    static final ParameterSpec K = ParameterSpec.integer("k", 5, "Fast steps between synchronisations.")
            .atLeast(1);
    static final ParameterSpec ALPHA = ParameterSpec.number(
                    "alpha", 0.5, "α, how far the slow weights move towards the fast ones.")
            .above(0)
            .atMost(1);

    public static final OptimizerKind KIND = new OptimizerKind(
            new CatalogEntry(
                    "lookahead",
                    "Lookahead",
                    "Wraps any optimizer: k steps forward, then a step of size α back towards where the "
                            + "k steps started. Damps the inner optimizer's oscillation at little cost.",
                    "every step: inner.update(w);  every k-th: φ ← φ + α(w − φ), w ← φ",
                    "M. R. Zhang, J. Lucas, G. Hinton and J. Ba, Lookahead optimizer: k steps forward, 1 step "
                            + "back, NeurIPS 2019",
                    "Not in torch.optim; optax.lookahead keeps both weight sets as parameters.",
                    List.of(K, ALPHA)),
            List.of("inner"),
            (values, nested) -> new Lookahead(nested.get("inner"), values.integer("k"), values.number("alpha")));

    public Lookahead {
        K.check(k);
        ALPHA.check(alpha);
    }

    @Override
    public double learningRate() {
        return inner.learningRate();
    }

    /** The inner optimizer's state, the slow weights and the steps taken. */
    public static final class State {
        final Switch.Slot<?> inner;
        final double[] slow;
        int steps;

        State(Switch.Slot<?> inner, int dimension) {
            this.inner = inner;
            this.slow = new double[dimension];
        }
    }

    @Override
    public State init(int dimension) {
        return new State(Switch.Slot.of(inner, dimension), dimension);
    }

    @Override
    public void update(State state, double[] w, double[] g, double lr, StepContext context) {
        double[] slow = state.slow;
        if (state.steps == 0) {
            System.arraycopy(w, 0, slow, 0, w.length);
        }
        state.inner.update(w, g, lr, context);
        state.steps++;
        if (state.steps % k == 0) {
            for (int i = 0; i < w.length; i++) {
                slow[i] = slow[i] + alpha * (w[i] - slow[i]);
                w[i] = slow[i];
            }
        }
    }
}
