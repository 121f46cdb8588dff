package org.optlab.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.optlab.api.RunResponse;
import org.optlab.api.StudyResponses;
import org.optlab.compute.optimizer.Optimizers;

/**
 * Metrics of finished runs, whichever endpoint or job ran them:
 *
 * <ul>
 *   <li>{@code optlab.runs} (Prometheus {@code optlab_runs_total}): a counter tagged {@code source}
 *       (run, comparison, sweep), {@code optimizer} and {@code status};
 *   <li>{@code optlab.run.compute} ({@code optlab_run_compute_seconds}): a histogram of the loop's
 *       wall-clock time, tagged {@code optimizer};
 *   <li>{@code optlab.run.iterations} ({@code optlab_run_iterations}): a histogram of the update
 *       steps taken, tagged {@code optimizer}.
 * </ul>
 *
 * Tags only take names from the catalog (labels and parameters are the client's and would make the
 * number of series unbounded); buckets are decades, so that a scrape stays small.
 */
public final class RunMetrics {

    private static final Duration[] TIME_BUCKETS = {
        Duration.ofNanos(100_000),
        Duration.ofMillis(1),
        Duration.ofMillis(10),
        Duration.ofMillis(100),
        Duration.ofSeconds(1),
        Duration.ofSeconds(10),
        Duration.ofSeconds(60)
    };

    private static final double[] ITERATION_BUCKETS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private final MeterRegistry registry;

    public RunMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records one finished run. */
    public void record(String source, String optimizer, String status, int iterations, long computeNanos) {
        String name = optimizerTag(optimizer);
        Counter.builder("optlab.runs")
                .description("Finished optimization runs")
                .tag("source", source)
                .tag("optimizer", name)
                .tag("status", status == null ? "unknown" : status)
                .register(registry)
                .increment();
        Timer.builder("optlab.run.compute")
                .description("Wall-clock time of a run's optimization loop")
                .tag("optimizer", name)
                .serviceLevelObjectives(TIME_BUCKETS)
                .register(registry)
                .record(Math.max(0, computeNanos), TimeUnit.NANOSECONDS);
        DistributionSummary.builder("optlab.run.iterations")
                .description("Update steps a run took")
                .tag("optimizer", name)
                .serviceLevelObjectives(ITERATION_BUCKETS)
                .register(registry)
                .record(Math.max(0, iterations));
    }

    /**
     * Records every run in the response of an endpoint: one for a run, one per optimizer of a
     * comparison, one per trial of a sweep plus its best trial's full run.
     *
     * @param sweepOptimizer the name of a sweep's base optimizer (its trials do not repeat it)
     */
    public void recordResult(String source, Object result, String sweepOptimizer) {
        if (result instanceof RunResponse run) {
            record(source, run);
        } else if (result instanceof StudyResponses.ComparisonResponse comparison) {
            comparison.results().forEach(labelled -> record(source, labelled.run()));
        } else if (result instanceof StudyResponses.SweepResponse sweep) {
            sweep.trials()
                    .forEach(trial ->
                            record(source, sweepOptimizer, trial.status(), trial.iterations(), trial.computeNanos()));
            if (sweep.best() != null && sweep.best().run() != null) {
                record(source, sweep.best().run());
            }
        }
    }

    private void record(String source, RunResponse run) {
        Object optimizer = run.resolved() == null ? null : run.resolved().get("optimizer");
        Object name = optimizer instanceof Map<?, ?> spec ? spec.get("name") : null;
        record(
                source,
                name == null ? null : name.toString(),
                run.status(),
                run.iterations(),
                run.timing() == null ? 0 : run.timing().computeNanos());
    }

    private static String optimizerTag(String name) {
        return name != null && Optimizers.find(name).isPresent() ? name : "other";
    }
}
