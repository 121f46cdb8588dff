package org.optlab.compute.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.InvalidSpecException.Violation;
import org.optlab.compute.LimitExceededException;
import org.optlab.compute.Limits;
import org.optlab.compute.objective.Curvature;
import org.optlab.compute.objective.Objective;
import org.optlab.compute.objective.ObjectiveKind;
import org.optlab.compute.objective.Objectives;
import org.optlab.compute.objective.StochasticObjective;
import org.optlab.compute.optimizer.Optimizer;
import org.optlab.compute.optimizer.OptimizerBinder;
import org.optlab.compute.param.ParameterValues;
import org.optlab.compute.schedule.LearningRateSchedule;
import org.optlab.compute.schedule.ScheduleKind;
import org.optlab.compute.schedule.Schedules;

/**
 * A run ready to execute: the request bound to an objective, an optimizer, a schedule and
 * settings, every default filled in and every limit checked before any work starts.
 */
public final class RunPlan {

    /** Recorded points a run keeps by default: about this many, whatever its length. */
    public static final int DEFAULT_RECORDED_POINTS = 1000;

    /**
     * Recorded points a run over data keeps by default: each costs a pass over the training and
     * validation sets (and, in a minibatch run, is where the full training loss is computed).
     */
    public static final int DEFAULT_RECORDED_POINTS_OVER_DATA = 100;

    /** The most values an asynchronous run's ring of stale parameter vectors may hold. */
    static final long MAX_STALE_VALUES = 1L << 24;

    private final Objective objective;
    private final Optimizer<?> optimizer;
    private final ScheduleKind scheduleKind;
    private final ParameterValues scheduleValues;
    private final RunSettings settings;
    private final int recordEvery;
    private final Map<String, Object> resolved;
    private final Parallelism parallel;

    private RunPlan(
            Objective objective,
            Optimizer<?> optimizer,
            ScheduleKind scheduleKind,
            ParameterValues scheduleValues,
            RunSettings settings,
            int recordEvery,
            Map<String, Object> resolved,
            Parallelism parallel) {
        this.parallel = parallel;
        this.objective = objective;
        this.optimizer = optimizer;
        this.scheduleKind = scheduleKind;
        this.scheduleValues = scheduleValues;
        this.settings = settings;
        this.recordEvery = recordEvery;
        this.resolved = resolved;
    }

    /**
     * Binds and checks a request. Throws {@link InvalidSpecException} listing every field at fault,
     * or {@link LimitExceededException} naming the first limit exceeded.
     */
    public static RunPlan prepare(RunRequestData request, Limits limits) {
        List<Violation> violations = new ArrayList<>();
        Bound<Objective> objective =
                bindObjective(request.objective(), limits, violations, request.seed() == null ? 0 : request.seed());
        OptimizerBinder.Bound optimizer = null;
        if (request.optimizer() == null) {
            violations.add(new Violation("optimizer", "is required"));
        } else {
            try {
                optimizer = OptimizerBinder.bind(request.optimizer());
            } catch (InvalidSpecException e) {
                violations.addAll(e.prefixed("optimizer").violations());
            }
        }

        int iterations = request.iterations() == null ? 1000 : request.iterations();
        try {
            RunSettings.ITERATIONS.check(iterations);
        } catch (InvalidSpecException e) {
            violations.addAll(e.violations());
        }
        if (iterations > limits.maxIterations()) {
            throw new LimitExceededException(
                    "iterations",
                    "optlab.limits.max-iterations",
                    limits.maxIterations(),
                    "iterations must be at most " + limits.maxIterations() + " (optlab.limits.max-iterations), was "
                            + iterations);
        }
        Map<String, Object> rawSchedule = request.schedule() == null ? Map.of("name", "constant") : request.schedule();
        Bound<ScheduleKind> schedule = bind(
                "schedule",
                rawSchedule,
                true,
                Schedules::find,
                Schedules.all(),
                ScheduleKind::name,
                violations,
                (kind, raw) -> {
                    ParameterValues values = kind.complete(
                            ParameterValues.bind(raw, kind.entry().parameters(), List.of("name")), iterations);
                    return new Bound<>(kind.name(), kind, values);
                });

        double[] start = null;
        if (objective != null) {
            start = request.initialPoint() == null ? objective.value().defaultInitialPoint() : request.initialPoint();
            if (start.length != objective.value().dimension()) {
                violations.add(new Violation(
                        "initialPoint",
                        "must have " + objective.value().dimension() + " coordinates (the objective's dimension), had "
                                + start.length));
            }
            for (int i = 0; i < start.length; i++) {
                if (!Double.isFinite(start[i])) {
                    violations.add(new Violation("initialPoint[" + i + "]", "must be a finite number"));
                }
            }
        }
        StoppingRule stopping = null;
        GradientNoise noise = null;
        long timeLimit = request.timeLimitMillis() == null ? limits.maxRunMillis() : request.timeLimitMillis();
        if (timeLimit > limits.maxRunMillis()) {
            throw new LimitExceededException(
                    "stopping.timeLimitMillis",
                    "optlab.limits.max-run-millis",
                    limits.maxRunMillis(),
                    "stopping.timeLimitMillis must be at most " + limits.maxRunMillis()
                            + " (optlab.limits.max-run-millis), was " + timeLimit);
        }
        try {
            stopping = new StoppingRule(orNaN(request.gradientNormBelow()), orNaN(request.lossBelow()), timeLimit);
        } catch (InvalidSpecException e) {
            violations.addAll(e.prefixed("stopping").violations());
        }
        try {
            noise = new GradientNoise(
                    request.noiseStddev() == null ? 0 : request.noiseStddev(),
                    request.noiseDecay() == null ? 0.55 : request.noiseDecay());
        } catch (InvalidSpecException e) {
            violations.addAll(e.prefixed("gradientNoise").violations());
        }
        int defaultPoints = objective != null && objective.value() instanceof StochasticObjective
                ? DEFAULT_RECORDED_POINTS_OVER_DATA
                : DEFAULT_RECORDED_POINTS;
        int every = request.recordEvery() == null
                ? Math.max(1, (int) Math.ceil(iterations / (double) defaultPoints))
                : request.recordEvery();
        if (every < 1) {
            violations.add(new Violation("record.every", "must be ≥ 1, was " + every));
        }
        if (request.gradientClipNorm() != null) {
            try {
                RunSettings.CLIP.check(request.gradientClipNorm());
            } catch (InvalidSpecException e) {
                violations.addAll(e.violations());
            }
        }
        Parallelism parallel = null;
        if (request.parallel() != null && objective != null) {
            if (objective.value() instanceof StochasticObjective data) {
                try {
                    parallel = Parallelism.bind(request.parallel(), data.trainingSize());
                    long ring = (long) (parallel.maxStaleness() + 1) * data.dimension();
                    if (ring > MAX_STALE_VALUES) {
                        violations.add(new Violation(
                                "parallel.staleness.max",
                                "keeps " + ring + " stale parameter values (τ + 1 times the dimension), more than "
                                        + MAX_STALE_VALUES));
                    }
                } catch (InvalidSpecException e) {
                    violations.addAll(e.prefixed("parallel").violations());
                }
            } else {
                violations.add(new Violation(
                        "parallel",
                        "applies to objectives over data only (those with a dataset); objective '" + objective.name()
                                + "' is not one"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidSpecException(violations);
        }
        RunSettings settings = new RunSettings(
                start,
                iterations,
                stopping,
                orNaN(request.gradientClipNorm()),
                noise,
                request.seed() == null ? 0 : request.seed(),
                every);
        checkPathSize(iterations, every, objective.value().dimension(), limits);

        try {
            // Built once here so that a schedule that cannot serve this run fails before any work.
            schedule.value().create(schedule.values(), optimizer.optimizer().learningRate(), iterations);
        } catch (InvalidSpecException e) {
            throw e.prefixed("schedule");
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("objective", echo(objective.name(), objective.value().completed(objective.values())));
        resolved.put("optimizer", optimizer.resolved());
        resolved.put("schedule", echo(schedule.name(), schedule.values()));
        resolved.put("initialPoint", start.clone());
        resolved.put("iterations", iterations);
        Map<String, Object> stoppingEcho = new LinkedHashMap<>();
        stoppingEcho.put("gradientNormBelow", request.gradientNormBelow());
        stoppingEcho.put("lossBelow", request.lossBelow());
        stoppingEcho.put("timeLimitMillis", timeLimit);
        resolved.put("stopping", stoppingEcho);
        resolved.put("gradientClipNorm", request.gradientClipNorm());
        resolved.put("gradientNoise", Map.of("stddev", noise.stddev(), "decay", noise.decay()));
        resolved.put("record", Map.of("every", every));
        resolved.put("seed", settings.seed());
        if (parallel != null) {
            resolved.put("parallel", parallel.echo());
        }
        return new RunPlan(
                objective.value(),
                optimizer.optimizer(),
                schedule.value(),
                schedule.values(),
                settings,
                every,
                resolved,
                parallel);
    }

    private static void checkPathSize(int iterations, int every, int dimension, Limits limits) {
        long points = TrajectoryRecorder.capacity(iterations, every);
        if (points > limits.maxPathPoints()) {
            long needed = (long) Math.ceil(iterations / (double) (limits.maxPathPoints() - 2));
            throw new LimitExceededException(
                    "record.every",
                    "optlab.limits.max-path-points",
                    limits.maxPathPoints(),
                    "the path would hold up to " + points + " points, more than " + limits.maxPathPoints()
                            + " (optlab.limits.max-path-points): set record.every to at least " + needed);
        }
        if (points * dimension > limits.maxPathValues()) {
            long needed = (long) Math.ceil(iterations / (double) Math.max(1, limits.maxPathValues() / dimension - 2));
            throw new LimitExceededException(
                    "record.every",
                    "optlab.limits.max-path-values",
                    limits.maxPathValues(),
                    "the path would hold up to " + points * dimension + " coordinates, more than "
                            + limits.maxPathValues() + " (optlab.limits.max-path-values): set record.every to at least "
                            + needed);
        }
    }

    /**
     * @param runSeed the run's seed, which objectives with a {@code seed} parameter (those over
     *     data: the validation split, the initialisation) use when the spec gives none
     */
    private static Bound<Objective> bindObjective(
            Map<String, Object> raw, Limits limits, List<Violation> violations, long runSeed) {
        return bind(
                "objective",
                raw,
                false,
                Objectives::find,
                Objectives.all(),
                ObjectiveKind::name,
                violations,
                (kind, spec) -> {
                    ParameterValues values =
                            ParameterValues.bind(spec, kind.entry().parameters(), List.of("name"));
                    if (!values.has("seed")
                            && kind.entry().parameters().stream()
                                    .anyMatch(p -> p.name().equals("seed"))) {
                        values = values.with("seed", runSeed);
                    }
                    int dimension = values.has("dimension") ? values.integer("dimension") : 0;
                    double[][] matrix = values.matrix("matrix");
                    if (matrix != null) {
                        dimension = Math.max(dimension, matrix.length);
                    }
                    if (dimension > limits.maxDimension()) {
                        throw new LimitExceededException(
                                "objective.dimension",
                                "optlab.limits.max-dimension",
                                limits.maxDimension(),
                                "objective.dimension must be at most " + limits.maxDimension()
                                        + " (optlab.limits.max-dimension), was " + dimension);
                    }
                    Objective built = kind.create(values);
                    if (built.dimension() > limits.maxDimension()) {
                        // A model's dimension follows from its data and shape, known only once built.
                        throw new LimitExceededException(
                                "objective",
                                "optlab.limits.max-dimension",
                                limits.maxDimension(),
                                "the objective has " + built.dimension() + " parameters, more than "
                                        + limits.maxDimension() + " (optlab.limits.max-dimension)");
                    }
                    return new Bound<>(kind.name(), built, values);
                });
    }

    /** An objective bound from its spec, with the spec echoed back with every default. */
    public record BoundObjective(Objective objective, Map<String, Object> resolved) {}

    /** Binds an objective spec alone (for landscapes), checking the dimension limit. */
    public static BoundObjective objective(Map<String, Object> raw, Limits limits) {
        List<Violation> violations = new ArrayList<>();
        Bound<Objective> bound = bindObjective(raw, limits, violations, 0);
        if (!violations.isEmpty()) {
            throw new InvalidSpecException(violations);
        }
        return new BoundObjective(
                bound.value(), echo(bound.name(), bound.value().completed(bound.values())));
    }

    /** A spec bound to its kind: the name, what was built, and the parameters it was built from. */
    private record Bound<T>(String name, T value, ParameterValues values) {}

    @FunctionalInterface
    private interface Binder<K, T> {
        Bound<T> bind(K kind, Map<String, Object> raw);
    }

    private static <K, T> Bound<T> bind(
            String field,
            Map<String, Object> raw,
            boolean required,
            Function<String, Optional<K>> find,
            Collection<K> all,
            Function<K, String> nameOf,
            List<Violation> violations,
            Binder<K, T> binder) {
        if (raw == null) {
            violations.add(new Violation(field, "is required"));
            return null;
        }
        Object name = raw.get("name");
        List<String> names = all.stream().map(nameOf).toList();
        if (!(name instanceof String text)) {
            violations.add(new Violation(
                    field + ".name", "is required and must be a string, one of " + String.join(", ", names)));
            return null;
        }
        Optional<K> kind = find.apply(text);
        if (kind.isEmpty()) {
            violations.add(new Violation(
                    field + ".name", "unknown " + field + " '" + text + "'; valid names: " + String.join(", ", names)));
            return null;
        }
        try {
            return binder.bind(kind.get(), raw);
        } catch (InvalidSpecException e) {
            violations.addAll(e.prefixed(field).violations());
            return null;
        }
    }

    private static Map<String, Object> echo(String name, ParameterValues values) {
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("name", name);
        echo.putAll(values.asMap());
        return echo;
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }

    public Objective objective() {
        return objective;
    }

    public Optimizer<?> optimizer() {
        return optimizer;
    }

    public RunSettings settings() {
        return settings;
    }

    /** The run's data-parallel setting, or null for a plain run. */
    public Parallelism parallel() {
        return parallel;
    }

    public int recordEvery() {
        return recordEvery;
    }

    /** One stretch of a run under one optimizer: where a {@code switch} hands over. */
    public record Phase(int fromIteration, String optimizer) {}

    /**
     * The phases of the run's optimizer: one for a plain optimizer, one per hand-over for a
     * {@code switch} (nested switches included, their switch points counted from the run's start).
     */
    public List<Phase> phases() {
        List<Phase> phases = new ArrayList<>();
        collectPhases((Map<?, ?>) resolved.get("optimizer"), 0, phases);
        return phases;
    }

    private static void collectPhases(Map<?, ?> spec, int offset, List<Phase> phases) {
        if ("switch".equals(spec.get("name"))) {
            collectPhases((Map<?, ?>) spec.get("first"), offset, phases);
            int at = offset + ((Number) spec.get("atIteration")).intValue();
            phases.removeIf(phase -> phase.fromIteration() >= at);
            collectPhases((Map<?, ?>) spec.get("then"), at, phases);
        } else {
            phases.add(new Phase(offset, String.valueOf(spec.get("name"))));
        }
    }

    /** The request with every default filled in, as the response's {@code resolved} echoes it. */
    public Map<String, Object> resolved() {
        return resolved;
    }

    /** A fresh schedule for one execution: schedules may keep per-run state. */
    public LearningRateSchedule newSchedule() {
        return scheduleKind.create(scheduleValues, optimizer.learningRate(), settings.iterations());
    }

    /** Runs the plan, recording every {@code record.every}-th iterate. May be called more than once. */
    public RunReport execute(BooleanSupplier cancelled) {
        return execute(cancelled, progress -> {});
    }

    /** Like {@link #execute(BooleanSupplier)}, telling {@code progress} the fraction of the budget spent. */
    public RunReport execute(BooleanSupplier cancelled, java.util.function.DoubleConsumer progress) {
        return execute(cancelled, progress, Runner.NO_DEADLINE);
    }

    /**
     * Like {@link #execute(BooleanSupplier, java.util.function.DoubleConsumer)}, ending with
     * {@code time_limit} at {@code deadlineNanos} (a {@link System#nanoTime()} value) if that comes
     * first: the deadline of the study this run belongs to.
     */
    public RunReport execute(
            BooleanSupplier cancelled, java.util.function.DoubleConsumer progress, long deadlineNanos) {
        TrajectoryRecorder recorder = new TrajectoryRecorder(objective.dimension(), recordEvery, settings.iterations());
        MetricsRecorder metrics = objective instanceof StochasticObjective data
                ? new MetricsRecorder(data, recordEvery, settings.iterations())
                : null;
        int budget = Math.max(1, settings.iterations());
        RunObserver observer = new RunObserver() {
            // Every 1024 steps; a minibatch run reports only its recorded iterates, so not "multiples of".
            private int nextProgress;

            @Override
            public void onIterate(
                    int iteration, double[] point, double loss, double gradientNorm, double learningRate) {
                recorder.onIterate(iteration, point, loss, gradientNorm, learningRate);
                if (metrics != null) {
                    metrics.onIterate(iteration, point, loss, gradientNorm, learningRate);
                }
                if (iteration >= nextProgress) {
                    progress.accept(Math.min(1.0, iteration / (double) budget));
                    nextProgress = iteration + 1024;
                }
            }

            @Override
            public void onFinish(int iteration, double[] point, double loss, double gradientNorm, double learningRate) {
                recorder.onFinish(iteration, point, loss, gradientNorm, learningRate);
                if (metrics != null) {
                    metrics.onFinish(iteration, point, loss, gradientNorm, learningRate);
                }
                progress.accept(1.0);
            }
        };
        RunOutcome outcome;
        ParallelSummary summary = null;
        if (parallel != null) {
            ParallelRunner.Result result = ParallelRunner.run(
                    (StochasticObjective) objective,
                    parallel,
                    optimizer,
                    newSchedule(),
                    settings,
                    observer,
                    cancelled,
                    deadlineNanos);
            outcome = result.outcome();
            summary = result.summary();
        } else {
            outcome =
                    new Runner().run(objective, optimizer, newSchedule(), settings, observer, cancelled, deadlineNanos);
        }
        Curvature curvature =
                Double.isFinite(outcome.finalLoss()) ? Curvature.at(objective, outcome.finalPoint()) : null;
        DataMetrics data = metrics == null ? null : metrics.metrics(outcome.iterations());
        if (summary != null) {
            // An update of a parallel run sees several minibatches (synchronous) or one worker's.
            data = new DataMetrics(
                    data.validationLosses(),
                    data.trainAccuracies(),
                    data.validationAccuracies(),
                    data.finalValidationLoss(),
                    data.finalTrainAccuracy(),
                    data.finalValidationAccuracy(),
                    summary.samplesSeen() / (double) data.trainingSamples(),
                    data.trainingSamples(),
                    data.validationSamples(),
                    data.batchSize(),
                    data.classifier());
        }
        return new RunReport(outcome, recorder.trajectory(), objective.optimum(), curvature, data, summary);
    }
}
