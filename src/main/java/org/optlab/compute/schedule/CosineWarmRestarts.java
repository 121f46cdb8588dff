package org.optlab.compute.schedule;

import java.util.List;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;
import org.optlab.compute.param.ParameterValues;

/**
 * Cosine annealing with warm restarts (SGDR), as
 * {@code torch.optim.lr_scheduler.CosineAnnealingWarmRestarts}: cycle i lasts T_i = T₀·m^i steps
 * (m = tMult); with s_i the step at which cycle i starts (s₀ = 0, s_{i+1} = s_i + T_i) and t in
 * cycle i,
 *
 * <pre>lr_t = ηmin + (η − ηmin)(1 + cos(π·(t − s_i)/T_i))/2</pre>
 *
 * <p>so the rate falls from η towards ηmin over each cycle and jumps back to η at each restart
 * (with m = 1, t − s_i = t mod T₀). Defaults are PyTorch's: tMult 1, ηmin 0; T₀ is required. The
 * cycle is found by integer arithmetic, which is what PyTorch's step-by-step counter does.
 */
record CosineWarmRestarts(double learningRate, int firstPeriod, int periodFactor, double minLearningRate)
        implements LearningRateSchedule {

    static final ParameterSpec T0 = ParameterSpec.requiredInteger("t0", "T₀, the length of the first cycle in steps.")
            .atLeast(1);
    static final ParameterSpec T_MULT = ParameterSpec.integer(
                    "tMult", 1, "m, the factor by which each cycle is longer than the one before.")
            .atLeast(1);
    static final ParameterSpec MIN_LEARNING_RATE = ParameterSpec.number(
                    "minLearningRate", 0, "ηmin, the rate at the end of each cycle.")
            .atLeast(0);

    static final ScheduleKind KIND = new ScheduleKind(
            new CatalogEntry(
                    "cosine_restarts",
                    "Cosine annealing with warm restarts (SGDR)",
                    "Falls from η towards ηmin along half a cosine over a cycle of T₀ steps, then restarts at η; "
                            + "each cycle is tMult times longer than the one before.",
                    "cycle i has T_i = T₀·tMult^i steps and starts at s_i = T₀ + … + T_{i−1};  lr_t = ηmin + (η − "
                            + "ηmin)(1 + cos(π·(t − s_i)/T_i))/2 for s_i ≤ t < s_i + T_i",
                    "I. Loshchilov and F. Hutter, SGDR: Stochastic gradient descent with warm restarts, ICLR 2017; "
                            + "torch.optim.lr_scheduler.CosineAnnealingWarmRestarts",
                    "Restarts every T_i steps of the run (PyTorch stepped once per optimizer step), not per epoch.",
                    List.of(T0, T_MULT, MIN_LEARNING_RATE)),
            (values, iterations) -> values,
            CosineWarmRestarts::of);

    CosineWarmRestarts {
        T0.check(firstPeriod);
        T_MULT.check(periodFactor);
        MIN_LEARNING_RATE.check(minLearningRate);
    }

    static CosineWarmRestarts of(ParameterValues values, double learningRate, int iterations) {
        return new CosineWarmRestarts(
                learningRate, values.integer("t0"), values.integer("tMult"), values.number("minLearningRate"));
    }

    @Override
    public double learningRate(int step) {
        // period ≤ step < 2³¹ before each multiplication, so a long cannot overflow.
        long start = 0;
        long period = firstPeriod;
        while (step - start >= period) {
            start += period;
            period *= periodFactor;
        }
        return minLearningRate
                + (learningRate - minLearningRate) * (1 + Math.cos(Math.PI * (step - start) / period)) / 2;
    }
}
