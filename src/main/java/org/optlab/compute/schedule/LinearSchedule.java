package org.optlab.compute.schedule;

import java.util.List;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;
import org.optlab.compute.param.ParameterValues;

/**
 * A linear change of the rate's factor, as {@code torch.optim.lr_scheduler.LinearLR}: with
 * start factor s, end factor e and N = totalIters,
 *
 * <pre>lr_t = η · (s + (e − s) · min(t, N) / N)</pre>
 *
 * <p>so the rate moves from sη at t = 0 to eη at t = N and stays there. Defaults are PyTorch's:
 * s = 1/3, e = 1, N = 5 (a short warm-up). PyTorch updates the rate recursively (lr_t from
 * lr_{t−1}); the closed form above agrees with it to rounding.
 */
record LinearSchedule(double learningRate, double startFactor, double endFactor, int totalIters)
        implements LearningRateSchedule {

    static final ParameterSpec START_FACTOR = ParameterSpec.number(
                    "startFactor", 1.0 / 3, "s, the factor of η at step 0.")
            .above(0)
            .atMost(1);
    static final ParameterSpec END_FACTOR = ParameterSpec.number(
                    "endFactor", 1.0, "e, the factor of η from step totalIters on.")
            .atLeast(0)
            .atMost(1);
    static final ParameterSpec TOTAL_ITERS = ParameterSpec.integer(
                    "totalIters", 5, "N, the steps over which the factor moves from s to e.")
            .atLeast(1);

    static final ScheduleKind KIND = new ScheduleKind(
            new CatalogEntry(
                    "linear",
                    "Linear factor",
                    "Multiplies η by a factor that moves linearly from startFactor to endFactor over totalIters "
                            + "steps, then keeps endFactor: a linear warm-up (the default, from η/3 to η in 5 "
                            + "steps) or, with endFactor < startFactor, a linear decay.",
                    "lr_t = η · (s + (e − s) · min(t, N) / N)",
                    "torch.optim.lr_scheduler.LinearLR",
                    "PyTorch computes the rate recursively from the previous one; the closed form agrees to "
                            + "rounding. The start factor must be > 0, as in PyTorch 2.x.",
                    List.of(START_FACTOR, END_FACTOR, TOTAL_ITERS)),
            (values, iterations) -> values,
            LinearSchedule::of);

    LinearSchedule {
        START_FACTOR.check(startFactor);
        END_FACTOR.check(endFactor);
        TOTAL_ITERS.check(totalIters);
    }

    static LinearSchedule of(ParameterValues values, double learningRate, int iterations) {
        return new LinearSchedule(
                learningRate, values.number("startFactor"), values.number("endFactor"), values.integer("totalIters"));
    }

    @Override
    public double learningRate(int step) {
        return learningRate * (startFactor + (endFactor - startFactor) * Math.min(step, totalIters) / totalIters);
    }
}
