package org.optlab.compute.schedule;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;
import org.optlab.compute.param.ParameterValues;

/**
 * Every schedule optlab knows, by name, in catalog order. η is the optimizer's learningRate and T
 * the run's iterations; each closed form matches the PyTorch scheduler named in its reference.
 * Most are closed forms of t; {@code reduce_on_plateau} is a state machine over the losses the
 * runner reports, which is why a run builds its own instance.
 */
public final class Schedules {

    static final ParameterSpec STEP_SIZE =
            ParameterSpec.requiredInteger("stepSize", "Steps between decays.").atLeast(1);
    static final ParameterSpec STEP_GAMMA = ParameterSpec.number(
                    "gamma", 0.1, "γ, the factor applied every stepSize steps.")
            .above(0);
    static final ParameterSpec EXPONENTIAL_GAMMA = ParameterSpec.requiredNumber(
                    "gamma", "γ, the factor applied every step.")
            .above(0);
    static final ParameterSpec MIN_LEARNING_RATE = ParameterSpec.number(
                    "minLearningRate", 0, "ηmin, the rate at the end of the cosine.")
            .atLeast(0);
    static final ParameterSpec PERIOD = ParameterSpec.optionalInteger(
                    "period", "the run's iterations T", "P, the steps over which the cosine falls; after it ηmin.")
            .atLeast(1);
    static final ParameterSpec WARMUP_STEPS = ParameterSpec.requiredInteger(
                    "warmupSteps", "W, steps of linear warm-up from η/W to η.")
            .atLeast(1);

    private static final Map<String, ScheduleKind> KINDS = new LinkedHashMap<>();

    static {
        register(
                new CatalogEntry(
                        "constant",
                        "Constant",
                        "The optimizer's learning rate at every step.",
                        "lr_t = η",
                        "torch.optim (no scheduler)",
                        "",
                        List.of()),
                (values, eta, total) -> t -> eta);
        register(
                new CatalogEntry(
                        "step",
                        "Step decay",
                        "Multiplies the rate by γ every stepSize steps: the staircase of classic ImageNet training.",
                        "lr_t = η · γ^⌊t / stepSize⌋",
                        "torch.optim.lr_scheduler.StepLR",
                        "",
                        List.of(STEP_SIZE, STEP_GAMMA)),
                (values, eta, total) -> {
                    int stepSize = values.integer("stepSize");
                    double gamma = values.number("gamma");
                    return t -> eta * Math.pow(gamma, t / stepSize);
                });
        register(
                new CatalogEntry(
                        "exponential",
                        "Exponential decay",
                        "Multiplies the rate by γ every step.",
                        "lr_t = η · γ^t",
                        "torch.optim.lr_scheduler.ExponentialLR",
                        "",
                        List.of(EXPONENTIAL_GAMMA)),
                (values, eta, total) -> {
                    double gamma = values.number("gamma");
                    return t -> eta * Math.pow(gamma, t);
                });
        ScheduleKind.Completion withPeriod =
                (values, total) -> values.has("period") ? values : values.with("period", Math.max(total, 1));
        KINDS.put(
                "cosine",
                new ScheduleKind(
                        new CatalogEntry(
                                "cosine",
                                "Cosine annealing",
                                "Falls from η to ηmin along half a cosine over P steps, then stays at ηmin.",
                                "lr_t = ηmin + (η − ηmin)(1 + cos(π·min(t, P)/P))/2",
                                "I. Loshchilov and F. Hutter, SGDR: Stochastic gradient descent with warm restarts, "
                                        + "ICLR 2017; torch.optim.lr_scheduler.CosineAnnealingLR",
                                "",
                                List.of(MIN_LEARNING_RATE, PERIOD)),
                        withPeriod,
                        (values, eta, total) -> {
                            double min = values.number("minLearningRate");
                            int period = values.integer("period");
                            return t -> cosine(eta, min, Math.min(t, period), period);
                        }));
        KINDS.put(
                "warmup_cosine",
                new ScheduleKind(
                        new CatalogEntry(
                                "warmup_cosine",
                                "Linear warm-up, then cosine",
                                "Rises linearly from η/W to η over W steps, then falls along a cosine to ηmin at "
                                        + "the end of the run: the schedule of most transformer training.",
                                "t < W: lr_t = η(t + 1)/W;  else ηmin + (η − ηmin)(1 + cos(π·min(t − W, P)/P))/2, "
                                        + "P = T − W",
                                "P. Goyal et al., Accurate, large minibatch SGD, 2017 (warm-up); I. Loshchilov and "
                                        + "F. Hutter, ICLR 2017 (cosine); optax.warmup_cosine_decay_schedule",
                                "optax's warmup_cosine_decay_schedule starts its warm-up at init_value (often 0) "
                                        + "rather than η/W.",
                                List.of(WARMUP_STEPS, MIN_LEARNING_RATE)),
                        (values, total) -> values,
                        (values, eta, total) -> {
                            int warmup = values.integer("warmupSteps");
                            double min = values.number("minLearningRate");
                            int period = Math.max(total - warmup, 1);
                            return t -> t < warmup
                                    ? eta * (t + 1) / warmup
                                    : cosine(eta, min, Math.min(t - warmup, period), period);
                        }));
        for (ScheduleKind kind : List.of(
                LinearSchedule.KIND,
                PolynomialDecay.KIND,
                OneCycle.KIND,
                CosineWarmRestarts.KIND,
                InverseSquareRoot.KIND,
                ReduceOnPlateau.KIND)) {
            KINDS.put(kind.name(), kind);
        }
    }

    private Schedules() {}

    private static void register(CatalogEntry entry, ScheduleKind.Factory factory) {
        KINDS.put(entry.name(), new ScheduleKind(entry, (values, total) -> values, factory));
    }

    private static double cosine(double eta, double min, int t, int period) {
        return min + (eta - min) * (1 + Math.cos(Math.PI * t / period)) / 2;
    }

    public static Optional<ScheduleKind> find(String name) {
        return Optional.ofNullable(KINDS.get(name));
    }

    public static Collection<ScheduleKind> all() {
        return KINDS.values();
    }

    /** The constant schedule, used when a request names none. */
    public static ScheduleKind constant() {
        return KINDS.get("constant");
    }

    /** For tests and tools: the completed parameters and the schedule in one call. */
    public static LearningRateSchedule build(String name, Map<String, ?> parameters, double eta, int iterations) {
        ScheduleKind kind = find(name).orElseThrow();
        ParameterValues values =
                kind.complete(ParameterValues.bind(parameters, kind.entry().parameters(), List.of()), iterations);
        return kind.create(values, eta, iterations);
    }
}
