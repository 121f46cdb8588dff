package org.optlab.compute.schedule;

import java.util.List;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;
import org.optlab.compute.param.ParameterValues;

/**
 * The 1cycle policy, as {@code torch.optim.lr_scheduler.OneCycleLR} with {@code max_lr = η} and
 * {@code total_steps = T}. With η₀ = η / divFactor (the initial rate), ηmin = η₀ / finalDivFactor
 * and the phase ends e₁ = pctStart·T − 1, e₂ = 2·pctStart·T − 2:
 *
 * <pre>
 * two phases (default):   t ≤ e₁: anneal(η₀ → η, t / e₁);   else anneal(η → ηmin, (t − e₁)/(T − 1 − e₁))
 * threePhase:             t ≤ e₁: anneal(η₀ → η, t / e₁);
 *                         e₁ &lt; t ≤ e₂: anneal(η → η₀, (t − e₁)/(e₂ − e₁));
 *                         else anneal(η₀ → ηmin, (t − e₂)/(T − 1 − e₂))
 * anneal(a → b, p) = b + (a − b)(1 + cos πp)/2  (cos, default)   or   a + (b − a)p  (linear)
 * </pre>
 *
 * <p>Defaults are PyTorch's: pctStart 0.3, cos, divFactor 25, finalDivFactor 1e4, two phases.
 * lr_T, recorded with the last iterate but used by no step, is what PyTorch's optimizer holds
 * after its T-th scheduler step (the last phase's formula at t = T). Where PyTorch divides by a
 * zero-length phase (pctStart·T = 1; pctStart = 1 at t = T) this takes the phase as finished: its
 * end rate. OneCycleLR also cycles momentum by default ({@code cycle_momentum=True}); optlab
 * never changes the optimizer's momentum, which is PyTorch with {@code cycle_momentum=False}.
 *
 * <p>Reference: L. N. Smith and N. Topin, Super-convergence, 2017 (arXiv:1708.07120).
 */
record OneCycle(
        double learningRate,
        int iterations,
        double pctStart,
        boolean cosine,
        double divFactor,
        double finalDivFactor,
        boolean threePhase)
        implements LearningRateSchedule {

    static final ParameterSpec PCT_START = ParameterSpec.number(
                    "pctStart", 0.3, "The fraction of the run spent raising the rate from η/divFactor to η.")
            .atLeast(0)
            .atMost(1);
    static final ParameterSpec ANNEAL_STRATEGY = ParameterSpec.choice(
            "annealStrategy", "cos", List.of("cos", "linear"), "How each phase moves between its rates.");
    static final ParameterSpec DIV_FACTOR = ParameterSpec.number("divFactor", 25, "The initial rate is η / divFactor.")
            .above(0);
    static final ParameterSpec FINAL_DIV_FACTOR = ParameterSpec.number(
                    "finalDivFactor", 1e4, "The final rate is (η / divFactor) / finalDivFactor.")
            .above(0);
    static final ParameterSpec THREE_PHASE = ParameterSpec.bool(
            "threePhase",
            false,
            "Fall back to η/divFactor symmetrically before the final annihilation (the paper's form) instead of "
                    + "falling from η straight to the final rate.");

    static final ScheduleKind KIND = new ScheduleKind(
            new CatalogEntry(
                    "one_cycle",
                    "One cycle (1cycle)",
                    "Rises from η/divFactor to the maximum rate η over the first pctStart of the run, then anneals "
                            + "down to η/(divFactor·finalDivFactor) by the last step: Smith's super-convergence "
                            + "policy. The optimizer's learningRate is the maximum rate (PyTorch's max_lr) and the "
                            + "cycle spans the run's T iterations. Unlike PyTorch's default, momentum is not "
                            + "cycled: optlab never changes the optimizer's momentum (PyTorch with "
                            + "cycle_momentum=False).",
                    "t ≤ e₁: lr_t = anneal(η₀ → η, t/e₁);  else lr_t = anneal(η → ηmin, (t − e₁)/(T − 1 − e₁));  "
                            + "η₀ = η/divFactor, ηmin = η₀/finalDivFactor, e₁ = pctStart·T − 1, anneal(a → b, p) = b "
                            + "+ (a − b)(1 + cos πp)/2 (cos) or a + (b − a)p (linear). threePhase: the same up to "
                            + "e₁; e₁ < t ≤ e₂ = 2·pctStart·T − 2: anneal(η → η₀, (t − e₁)/(e₂ − e₁)); else "
                            + "anneal(η₀ → ηmin, (t − e₂)/(T − 1 − e₂))",
                    "L. N. Smith and N. Topin, Super-convergence: very fast training of neural networks using large "
                            + "learning rates, 2017; torch.optim.lr_scheduler.OneCycleLR (total_steps = T, "
                            + "cycle_momentum=False)",
                    "PyTorch's OneCycleLR cycles momentum (or Adam's β₁) between 0.95 and 0.85 by default; optlab "
                            + "keeps the optimizer's momentum fixed. Where PyTorch divides by zero (a phase of "
                            + "length 0) the phase counts as finished.",
                    List.of(PCT_START, ANNEAL_STRATEGY, DIV_FACTOR, FINAL_DIV_FACTOR, THREE_PHASE)),
            (values, iterations) -> values,
            OneCycle::of);

    OneCycle {
        PCT_START.check(pctStart);
        DIV_FACTOR.check(divFactor);
        FINAL_DIV_FACTOR.check(finalDivFactor);
    }

    static OneCycle of(ParameterValues values, double learningRate, int iterations) {
        return new OneCycle(
                learningRate,
                iterations,
                values.number("pctStart"),
                values.choice("annealStrategy").equals("cos"),
                values.number("divFactor"),
                values.number("finalDivFactor"),
                values.flag("threePhase"));
    }

    @Override
    public double learningRate(int step) {
        // Operations in PyTorch's order, so that the rates agree to the last bit where libm does.
        double initial = learningRate / divFactor;
        double last = initial / finalDivFactor;
        double firstEnd = pctStart * iterations - 1;
        if (step <= firstEnd) {
            return anneal(initial, learningRate, 0, firstEnd, step);
        }
        if (!threePhase) {
            return anneal(learningRate, last, firstEnd, iterations - 1, step);
        }
        double secondEnd = 2 * pctStart * iterations - 2;
        if (step <= secondEnd) {
            return anneal(learningRate, initial, firstEnd, secondEnd, step);
        }
        return anneal(initial, last, secondEnd, iterations - 1, step);
    }

    /** From rate {@code from} at phase start to {@code to} at phase end. */
    private double anneal(double from, double to, double start, double end, int step) {
        double pct = end == start ? 1.0 : (step - start) / (end - start);
        if (cosine) {
            return to + (from - to) / 2.0 * (Math.cos(Math.PI * pct) + 1);
        }
        return (to - from) * pct + from;
    }
}
