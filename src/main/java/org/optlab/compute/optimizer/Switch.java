package org.optlab.compute.optimizer;

import java.util.List;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;

/**
 * Two optimizers in sequence, the lecture's "start with Adam, switch to SGD": steps t &lt; k use
 * {@code first}; from step k on, {@code then} takes over with fresh state, counting its own steps
 * from 1 (so its bias corrections restart) and seeing lr_t scaled by η_then / η_first, so that a
 * schedule shapes both phases while each keeps its own base rate. The path is continuous: the
 * second optimizer starts where the first left off.
 *
 * <p>Reference: N. S. Keskar and R. Socher, Improving generalization performance by switching from
 * Adam to SGD, 2017 (SWATS switches adaptively; here the switch point is given).
 */
public record Switch(Optimizer<?> first, Optimizer<?> then, int atIteration) implements Optimizer<Switch.State> {

    static final ParameterSpec AT_ITERATION = ParameterSpec.requiredInteger(
                    "atIteration", "k, the first step taken by the second optimizer.")
            .atLeast(0);

    public static final OptimizerKind KIND = new OptimizerKind(
            new CatalogEntry(
                    "switch",
                    "Switch (first, then)",
                    "Runs one optimizer, then another from a given step with fresh state: fast early progress "
                            + "from an adaptive method, then the final accuracy of SGD. The response's phases "
                            + "say where the switch happened.",
                    "t < k: first.update(w, g, lr_t);  t ≥ k: then.update(w, g, lr_t · η_then/η_first) with "
                            + "its own state, fresh at k, and step counter t − k",
                    "N. S. Keskar and R. Socher, Improving generalization performance by switching from Adam "
                            + "to SGD, arXiv:1712.07628, 2017",
                    "Not in torch.optim or optax; both need the switch done by hand in the training loop.",
                    List.of(AT_ITERATION)),
            List.of("first", "then"),
            (values, nested) -> new Switch(nested.get("first"), nested.get("then"), values.integer("atIteration")));

    public Switch {
        AT_ITERATION.check(atIteration);
    }

    @Override
    public double learningRate() {
        return first.learningRate();
    }

    /** The scale applied to lr_t in the second phase. */
    double thenScale() {
        double base = first.learningRate();
        return base > 0 ? then.learningRate() / base : 1;
    }

    /** Both optimizers' states, and the shifted step context of the second. */
    public static final class State {
        final Slot<?> first;
        final Slot<?> then;
        final Shifted shifted;

        State(Slot<?> first, Slot<?> then, int offset) {
            this.first = first;
            this.then = then;
            this.shifted = new Shifted(offset);
        }
    }

    @Override
    public State init(int dimension) {
        return new State(Slot.of(first, dimension), Slot.of(then, dimension), atIteration);
    }

    @Override
    public void update(State state, double[] w, double[] g, double lr, StepContext context) {
        if (context.step() < atIteration) {
            state.first.update(w, g, lr, context);
        } else {
            state.shifted.inner = context;
            state.then.update(w, g, lr * thenScale(), state.shifted);
        }
    }

    /** An optimizer with its own state, so that composites can hold several. */
    static final class Slot<S> {
        private final Optimizer<S> optimizer;
        private final S state;

        private Slot(Optimizer<S> optimizer, S state) {
            this.optimizer = optimizer;
            this.state = state;
        }

        static <S> Slot<S> of(Optimizer<S> optimizer, int dimension) {
            return new Slot<>(optimizer, optimizer.init(dimension));
        }

        void update(double[] w, double[] g, double lr, StepContext context) {
            optimizer.update(state, w, g, lr, context);
        }
    }

    /** The runner's context with the step counted from the switch. */
    private static final class Shifted implements StepContext {
        private final int offset;
        StepContext inner;

        Shifted(int offset) {
            this.offset = offset;
        }

        @Override
        public int step() {
            return inner.step() - offset;
        }

        @Override
        public void gradientAt(double[] point, double[] out) {
            inner.gradientAt(point, out);
        }
    }
}
