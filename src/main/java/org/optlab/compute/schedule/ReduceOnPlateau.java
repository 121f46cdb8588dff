package org.optlab.compute.schedule;

import java.util.List;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;
import org.optlab.compute.param.ParameterValues;

/**
 * Cuts the rate when the loss stops improving, as {@code torch.optim.lr_scheduler.ReduceLROnPlateau}
 * in mode {@code min} on the objective's loss f. A state machine, not a closed form: one instance
 * serves one run.
 *
 * <p><b>Which losses it sees.</b> PyTorch's loop takes step t, then calls
 * {@code scheduler.step(f(w_{t+1}))}; so lr_t is decided by f(w_1) … f(w_t), and f(w_0) is never
 * seen. The runner calls {@link #observe}(t, f(w_t)) for t = 0, 1, … before asking lr_t; this
 * ignores t = 0 (and any step already observed) and treats f(w_t) for t ≥ 1 as PyTorch's t-th
 * {@code scheduler.step}. {@link #learningRate} returns the rate after the losses seen so far,
 * whatever step it is asked for.
 *
 * <p><b>Each observed loss</b> a, with best the lowest loss that counted as an improvement
 * (initially +∞), θ = threshold, γ = factor:
 *
 * <pre>
 * better = a &lt; best·(1 − θ)  (thresholdMode rel)   or   a &lt; best − θ  (abs)
 * if better: best ← a, bad ← 0;  else bad ← bad + 1
 * if cooling down: cooldownLeft ← cooldownLeft − 1, bad ← 0
 * if bad &gt; patience: new ← max(γ·lr, ηmin); if lr − new &gt; eps: lr ← new;  cooldownLeft ← cooldown, bad ← 0
 * </pre>
 *
 * <p>Defaults are PyTorch's: factor 0.1, patience 10, threshold 1e-4 (rel), cooldown 0, ηmin 0,
 * eps 1e-8. A NaN loss never counts as an improvement. As in PyTorch, a relative threshold
 * treats negative losses by the same formula (best·(1 − θ) lies above a negative best), so use
 * thresholdMode abs for objectives whose loss goes below zero.
 */
final class ReduceOnPlateau implements LearningRateSchedule {

    static final ParameterSpec FACTOR = ParameterSpec.number(
                    "factor", 0.1, "γ, the factor applied to the rate at each reduction.")
            .above(0)
            .below(1);
    static final ParameterSpec PATIENCE = ParameterSpec.integer(
                    "patience", 10, "Steps without improvement tolerated; the next one reduces the rate.")
            .atLeast(0);
    static final ParameterSpec THRESHOLD = ParameterSpec.number(
                    "threshold", 1e-4, "θ, the improvement a loss must make over the best to count.")
            .atLeast(0);
    static final ParameterSpec THRESHOLD_MODE = ParameterSpec.choice(
            "thresholdMode",
            "rel",
            List.of("rel", "abs"),
            "rel: a loss counts as better below best·(1 − θ); abs: below best − θ.");
    static final ParameterSpec COOLDOWN = ParameterSpec.integer(
                    "cooldown", 0, "Steps after a reduction during which no bad steps are counted.")
            .atLeast(0);
    static final ParameterSpec MIN_LEARNING_RATE = ParameterSpec.number(
                    "minLearningRate", 0, "ηmin, the rate is never reduced below it.")
            .atLeast(0);
    static final ParameterSpec EPSILON = ParameterSpec.number(
                    "epsilon", 1e-8, "A reduction smaller than this is skipped (PyTorch's eps).")
            .atLeast(0);

    static final ScheduleKind KIND = new ScheduleKind(
            new CatalogEntry(
                    "reduce_on_plateau",
                    "Reduce on plateau",
                    "Multiplies the rate by factor whenever the loss f has not improved on its best by threshold "
                            + "for more than patience steps, then waits cooldown steps before counting again; never "
                            + "below minLearningRate. It sees the loss of each new iterate, f(w_1), f(w_2), …, as "
                            + "PyTorch's usual loop does (step, then scheduler.step(loss)); f(w_0) is not used.",
                    "after each step t ≥ 1, with a = f(w_t): better = a < best·(1 − θ) (rel) or a < best − θ "
                            + "(abs); better: best ← a, bad ← 0, else bad ← bad + 1; in cooldown: bad ← 0; if bad > "
                            + "patience: lr ← max(γ·lr, ηmin) unless that changes lr by ≤ eps, start cooldown, bad "
                            + "← 0. lr_0 = η",
                    "torch.optim.lr_scheduler.ReduceLROnPlateau (mode min, on the training loss)",
                    "Mode is always min: the monitored quantity is the objective's loss f(w_t), not a validation "
                            + "metric. As in PyTorch, a relative threshold applies best·(1 − θ) to negative losses "
                            + "too; prefer thresholdMode abs when f can go below zero.",
                    List.of(FACTOR, PATIENCE, THRESHOLD, THRESHOLD_MODE, COOLDOWN, MIN_LEARNING_RATE, EPSILON)),
            (values, iterations) -> values,
            ReduceOnPlateau::of);

    private final double factor;
    private final int patience;
    private final double threshold;
    private final boolean relative;
    private final int cooldown;
    private final double minLearningRate;
    private final double epsilon;

    private double rate;
    private double best = Double.POSITIVE_INFINITY;
    private int badSteps;
    private int cooldownLeft;
    private int lastObserved;

    ReduceOnPlateau(
            double learningRate,
            double factor,
            int patience,
            double threshold,
            boolean relative,
            int cooldown,
            double minLearningRate,
            double epsilon) {
        this.rate = learningRate;
        this.factor = FACTOR.check(factor);
        this.patience = PATIENCE.check(patience);
        this.threshold = THRESHOLD.check(threshold);
        this.relative = relative;
        this.cooldown = COOLDOWN.check(cooldown);
        this.minLearningRate = MIN_LEARNING_RATE.check(minLearningRate);
        this.epsilon = EPSILON.check(epsilon);
    }

    static ReduceOnPlateau of(ParameterValues values, double learningRate, int iterations) {
        return new ReduceOnPlateau(
                learningRate,
                values.number("factor"),
                values.integer("patience"),
                values.number("threshold"),
                values.choice("thresholdMode").equals("rel"),
                values.integer("cooldown"),
                values.number("minLearningRate"),
                values.number("epsilon"));
    }

    /** Takes f(w_t) as PyTorch's t-th {@code scheduler.step(loss)}; t = 0 and repeats are ignored. */
    @Override
    public void observe(int step, double loss) {
        if (step <= lastObserved) {
            return;
        }
        lastObserved = step;
        if (relative ? loss < best * (1 - threshold) : loss < best - threshold) {
            best = loss;
            badSteps = 0;
        } else {
            badSteps++;
        }
        if (cooldownLeft > 0) {
            cooldownLeft--;
            badSteps = 0;
        }
        if (badSteps > patience) {
            double reduced = Math.max(rate * factor, minLearningRate);
            if (rate - reduced > epsilon) {
                rate = reduced;
            }
            cooldownLeft = cooldown;
            badSteps = 0;
        }
    }

    /** The rate after the losses observed so far; {@code step} is not needed. */
    @Override
    public double learningRate(int step) {
        return rate;
    }
}
