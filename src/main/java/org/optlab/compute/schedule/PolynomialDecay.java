package org.optlab.compute.schedule;

import java.util.List;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;
import org.optlab.compute.param.ParameterValues;

/**
 * Polynomial decay to zero, as {@code torch.optim.lr_scheduler.PolynomialLR}: with N = totalIters
 * and power p,
 *
 * <pre>lr_t = η · (1 − min(t, N) / N)^p</pre>
 *
 * <p>so the rate reaches 0 at t = N and stays there. Defaults are PyTorch's: N = 5 (not the run's
 * length: set totalIters to T for a decay over the whole run), p = 1 (linear). PyTorch updates
 * the rate recursively; the closed form agrees with it to rounding.
 */
record PolynomialDecay(double learningRate, int totalIters, double power) implements LearningRateSchedule {

    static final ParameterSpec TOTAL_ITERS = ParameterSpec.integer(
                    "totalIters", 5, "N, the step at which the rate reaches 0 (PyTorch's default, not T).")
            .atLeast(1);
    static final ParameterSpec POWER = ParameterSpec.number(
                    "power", 1.0, "p, the power of the polynomial (1: linear decay).")
            .atLeast(0);

    static final ScheduleKind KIND = new ScheduleKind(
            new CatalogEntry(
                    "polynomial",
                    "Polynomial decay",
                    "Falls from η to 0 along (1 − t/N)^p over totalIters steps, then stays at 0. Note PyTorch's "
                            + "default of 5 steps; set totalIters to the run's iterations to decay over the whole "
                            + "run.",
                    "lr_t = η · (1 − min(t, N) / N)^p",
                    "torch.optim.lr_scheduler.PolynomialLR",
                    "PyTorch computes the rate recursively from the previous one; the closed form agrees to "
                            + "rounding. optax.polynomial_schedule also has an end value and counts transition "
                            + "steps the same way.",
                    List.of(TOTAL_ITERS, POWER)),
            (values, iterations) -> values,
            PolynomialDecay::of);

    PolynomialDecay {
        TOTAL_ITERS.check(totalIters);
        POWER.check(power);
    }

    static PolynomialDecay of(ParameterValues values, double learningRate, int iterations) {
        return new PolynomialDecay(learningRate, values.integer("totalIters"), values.number("power"));
    }

    @Override
    public double learningRate(int step) {
        return learningRate * Math.pow(1.0 - (double) Math.min(step, totalIters) / totalIters, power);
    }
}
