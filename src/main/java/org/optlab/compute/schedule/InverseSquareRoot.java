package org.optlab.compute.schedule;

import java.util.List;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;
import org.optlab.compute.param.ParameterValues;

/**
 * Linear warm-up, then decay with the inverse square root of the step: the schedule of the
 * original Transformer and of fairseq's {@code inverse_sqrt}, normalised so that its peak is η.
 * With W = warmupSteps and n = t + 1 the number of the update being made,
 *
 * <pre>
 * t &lt; W:  lr_t = η·(t + 1)/W
 * t ≥ W:  lr_t = η·√max(W, 1) / √(t + 1)
 * </pre>
 *
 * <p>that is, η·min(n/W, √(W/n)) for W ≥ 1 (peak η at n = W), and η/√n without warm-up (W = 0,
 * the default). The Transformer's rate d^−½·min(n^−½, n·W^−3/2), with steps n counted from 1,
 * is this with η = (d·W)^−½. fairseq's {@code inverse_sqrt} sets the rate after each update from
 * the number of updates done, so its update t + 1 runs at the rate given here to update t, and
 * its first update at {@code warmup_init_lr}: here the warm-up starts at η/W, as warmup_cosine's
 * does. PyTorch has no class for it (a {@code LambdaLR} with this closed form makes the
 * reference trajectories).
 */
record InverseSquareRoot(double learningRate, int warmupSteps) implements LearningRateSchedule {

    static final ParameterSpec WARMUP_STEPS = ParameterSpec.integer(
                    "warmupSteps", 0, "W, steps of linear warm-up from η/W to η (0: none).")
            .atLeast(0);

    static final ScheduleKind KIND = new ScheduleKind(
            new CatalogEntry(
                    "inverse_sqrt",
                    "Inverse square root",
                    "Rises linearly to η over warmupSteps steps, then decays as 1/√(t + 1), reaching η/2 after 4W "
                            + "steps: the Transformer's schedule, which decays slowly and never reaches zero.",
                    "t < W: lr_t = η(t + 1)/W;  else lr_t = η·√max(W, 1)/√(t + 1)",
                    "A. Vaswani et al., Attention is all you need, NeurIPS 2017 (section 5.3); fairseq "
                            + "InverseSquareRootSchedule (lr_scheduler inverse_sqrt)",
                    "Normalised to peak at η: the paper's rate d^−½·min(n^−½, n·W^−3/2), n = t + 1, is this "
                            + "with η = (d·W)^−½. fairseq's inverse_sqrt runs one update behind (its first update "
                            + "uses warmup_init_lr, its update t + 1 the rate given here to t); here the warm-up "
                            + "starts at η/W, as in warmup_cosine.",
                    List.of(WARMUP_STEPS)),
            (values, iterations) -> values,
            InverseSquareRoot::of);

    InverseSquareRoot {
        WARMUP_STEPS.check(warmupSteps);
    }

    static InverseSquareRoot of(ParameterValues values, double learningRate, int iterations) {
        return new InverseSquareRoot(learningRate, values.integer("warmupSteps"));
    }

    @Override
    public double learningRate(int step) {
        if (step < warmupSteps) {
            return learningRate * (step + 1) / warmupSteps;
        }
        return learningRate * Math.sqrt(Math.max(warmupSteps, 1)) / Math.sqrt(step + 1.0);
    }
}
