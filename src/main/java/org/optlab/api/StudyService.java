package org.optlab.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.optlab.compute.ComputePool;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.LimitExceededException;
import org.optlab.compute.Limits;
import org.optlab.compute.objective.Domain;
import org.optlab.compute.param.ParameterValues;
import org.optlab.compute.run.RunPlan;
import org.optlab.compute.run.RunReport;
import org.optlab.compute.study.Comparison;
import org.optlab.compute.study.Landscape;
import org.optlab.compute.study.SearchSpace;
import org.optlab.compute.study.StudyContext;
import org.optlab.compute.study.Sweep;
import org.optlab.config.ComputeProperties;
import org.optlab.config.LimitsProperties;
import org.springframework.stereotype.Service;

/**
 * Turns the web's requests into prepared computations and runs them on the shared compute pool.
 * Preparation (binding, validation, limits) happens on the caller's thread and fails fast; the
 * runs go to the pool. Used by the synchronous endpoints and by jobs alike.
 */
@Service
public class StudyService {

    /** Slack on top of a run's own time limit while waiting for the pool (queueing, recording). */
    private static final long WAIT_SLACK_MILLIS = 2_000;

    private final Limits limits;
    private final LimitsProperties limitsProperties;
    private final ComputePool pool;

    /**
     * Threads that wait on behalf of synchronous requests (the runs themselves are on the pool), so
     * that Tomcat's threads are free and a request whose client has gone can be told to stop.
     * Bounded: past it, 503.
     */
    private final java.util.concurrent.ThreadPoolExecutor waiters;

    public StudyService(Limits limits, LimitsProperties limitsProperties, ComputePool pool, ComputeProperties compute) {
        this.limits = limits;
        this.limitsProperties = limitsProperties;
        this.pool = pool;
        int size = Math.max(4, 4 * compute.effectiveWorkers() + compute.queueCapacity());
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        this.waiters = new java.util.concurrent.ThreadPoolExecutor(
                size, size, 30, TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(), task -> {
                    Thread thread = new Thread(task, "optlab-request-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.waiters.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs a prepared computation for a synchronous request without holding the servlet thread:
     * the answer completes the returned result; if the client goes away (the container reports an
     * error on the async request) or the request times out, the computation is told to stop.
     */
    public <T>
            org.springframework.web.context.request.async.DeferredResult<org.springframework.http.ResponseEntity<T>>
                    respond(
                            Prepared<T> prepared,
                            long timeLimitMillis,
                            java.util.function.Function<T, org.springframework.http.ResponseEntity<T>> toResponse) {
        var result = new org.springframework.web.context.request.async.DeferredResult<
                org.springframework.http.ResponseEntity<T>>(timeLimitMillis + 4 * WAIT_SLACK_MILLIS);
        java.util.concurrent.atomic.AtomicBoolean gone = new java.util.concurrent.atomic.AtomicBoolean();
        result.onError(error -> gone.set(true));
        result.onTimeout(() -> {
            gone.set(true);
            result.setErrorResult(new ComputePool.OverloadedException("the request ran past its time limit"));
        });
        try {
            waiters.execute(() -> {
                try {
                    result.setResult(toResponse.apply(prepared.run(gone::get, progress -> {})));
                } catch (RuntimeException e) {
                    result.setErrorResult(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new ComputePool.OverloadedException("too many requests are waiting for the compute pool");
        }
        return result;
    }

    /** The time a run request may take, for {@link #respond}. */
    public long timeLimitMillis(RunFields request) {
        return request.timeLimitMillis(limits.maxRunMillis());
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        waiters.shutdownNow();
    }

    /** A computation that has passed validation and can be run, synchronously or as a job. */
    public interface Prepared<T> {
        T run(BooleanSupplier cancelled, DoubleConsumer progress);
    }

    public Prepared<RunResponse> prepareRun(RunRequest request) {
        RunPlan plan = RunPlan.prepare(request.toData(), limits);
        long wait = plan.settings().stopping().timeLimitMillis() + WAIT_SLACK_MILLIS;
        return (cancelled, progress) -> {
            Future<RunReport> future = pool.submit(() -> plan.execute(
                    () -> cancelled.getAsBoolean() || Thread.currentThread().isInterrupted(), progress));
            RunReport report = await(future, wait);
            return RunResponse.of(report, plan);
        };
    }

    public Prepared<StudyResponses.ComparisonResponse> prepareComparison(StudyRequests.ComparisonRequest request) {
        List<Comparison.Contender> contenders = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < request.optimizers().size(); i++) {
            Map<String, Object> spec = request.optimizers().get(i);
            if (spec == null) {
                throw new InvalidSpecException("optimizers[" + i + "]", "must be an optimizer spec");
            }
            Map<String, Object> optimizer = new LinkedHashMap<>(spec);
            Object label = optimizer.remove("label");
            if (label != null && !(label instanceof String)) {
                throw new InvalidSpecException("optimizers[" + i + "].label", "must be a string");
            }
            // A contender may bring its own data-parallel block (local vs global Adam), else the request's.
            Object ownParallel = optimizer.remove("parallel");
            RunRequest.Parallel parallel = ownParallel == null
                    ? request.parallel()
                    : RunRequest.Parallel.fromMap(ownParallel, "optimizers[" + i + "].parallel");
            String name = label != null ? (String) label : String.valueOf(optimizer.get("name"));
            int count = seen.merge(name, 1, Integer::sum);
            contenders.add(new Comparison.Contender(
                    count == 1 ? name : name + " #" + count, request.toData(optimizer, parallel)));
        }
        Comparison.Tuning tuning = null;
        if (request.tune() != null) {
            StudyRequests.Tune tune = request.tune();
            if (tune.metric() != null && !tune.metric().equals("finalLoss")) {
                throw new InvalidSpecException("tune.metric", "must be finalLoss, was \"" + tune.metric() + "\"");
            }
            tuning = new Comparison.Tuning(
                    ranges("tune.parameters", tune.parameters()), tune.trials() == null ? 30 : tune.trials());
        }
        Comparison.Prepared prepared = Comparison.prepare(contenders, tuning, limitsProperties.maxTrials(), limits);
        long timeLimit = request.timeLimitMillis(limits.maxRunMillis());
        return (cancelled, progress) ->
                StudyResponses.ComparisonResponse.of(prepared.run(context(cancelled, progress, timeLimit)));
    }

    public Prepared<StudyResponses.SweepResponse> prepareSweep(StudyRequests.SweepRequest request) {
        StudyRequests.Search search = request.search();
        int methods = (search.grid() == null ? 0 : 1)
                + (search.random() == null ? 0 : 1)
                + (search.halving() == null ? 0 : 1);
        if (methods != 1) {
            throw new InvalidSpecException("search", "must give exactly one of grid, random and halving");
        }
        Sweep.Method method;
        int iterations = request.iterations() == null ? 1000 : request.iterations();
        if (search.grid() != null) {
            search.grid().forEach((name, values) -> {
                if (values == null || values.isEmpty()) {
                    throw new InvalidSpecException("search.grid." + name, "must be a non-empty list of values");
                }
            });
            method = new Sweep.Grid(new LinkedHashMap<>(search.grid()));
        } else if (search.random() != null) {
            method = new Sweep.RandomSearch(
                    ranges("search.random.ranges", search.random().ranges()),
                    search.random().trials());
        } else {
            StudyRequests.HalvingSearch halving = search.halving();
            try {
                method = new Sweep.Halving(
                        ranges("search.halving.ranges", halving.ranges()),
                        halving.trials(),
                        halving.minIterations() == null
                                ? Math.max(1, (int) Math.ceil(iterations / 27.0))
                                : halving.minIterations(),
                        halving.reduction() == null ? 3 : halving.reduction());
            } catch (InvalidSpecException e) {
                throw e.prefixed("search.halving");
            }
        }
        Sweep.Prepared prepared =
                Sweep.prepare(request.toData(request.optimizer()), method, limitsProperties.maxTrials(), limits);
        long timeLimit = request.timeLimitMillis(limits.maxRunMillis());
        return (cancelled, progress) ->
                StudyResponses.SweepResponse.of(prepared.run(context(cancelled, progress, timeLimit)));
    }

    public Prepared<StudyResponses.LandscapeResponse> prepareLandscape(StudyRequests.LandscapeRequest request) {
        RunPlan.BoundObjective bound = RunPlan.objective(request.objective(), limits);
        int resolution = request.resolution() == null ? 100 : request.resolution();
        if (resolution < 2) {
            throw new InvalidSpecException("resolution", "must be ≥ 2, was " + resolution);
        }
        if (resolution > limitsProperties.maxLandscapeResolution()) {
            throw new LimitExceededException(
                    "resolution",
                    "optlab.limits.max-landscape-resolution",
                    limitsProperties.maxLandscapeResolution(),
                    "resolution must be at most "
                            + limitsProperties.maxLandscapeResolution()
                            + " (optlab.limits.max-landscape-resolution), was " + resolution);
        }
        int dimension = bound.objective().dimension();
        Domain domain;
        if (request.bounds() != null) {
            StudyRequests.Bounds b = request.bounds();
            for (double value : new double[] {b.xMin(), b.xMax(), b.yMin(), b.yMax()}) {
                ParameterValues.toDouble("bounds", value);
            }
            if (!(b.xMin() < b.xMax() && b.yMin() < b.yMax())) {
                throw new InvalidSpecException("bounds", "must have xMin < xMax and yMin < yMax");
            }
            if (!Double.isFinite(b.xMax() - b.xMin()) || !Double.isFinite(b.yMax() - b.yMin())) {
                throw new InvalidSpecException("bounds", "must span a finite width and height");
            }
            domain = new Domain(b.xMin(), b.xMax(), b.yMin(), b.yMax());
        } else if (bound.objective().domain() != null) {
            domain = bound.objective().domain();
        } else {
            domain = Domain.square(3);
        }
        double[] point;
        int axisX = 0;
        int axisY = 1;
        if (request.slice() != null) {
            point = request.slice().point() == null
                    ? bound.objective().defaultInitialPoint()
                    : request.slice().point();
            if (request.slice().axes() != null) {
                if (request.slice().axes().length != 2) {
                    throw new InvalidSpecException("slice.axes", "must name exactly two coordinates");
                }
                axisX = request.slice().axes()[0];
                axisY = request.slice().axes()[1];
            }
        } else if (dimension != 2) {
            point = bound.objective().defaultInitialPoint();
        } else {
            point = null;
        }
        int x = axisX;
        int y = axisY;
        Landscape.evaluate(bound.objective(), domain, 2, point, x, y); // checks axes and point before queuing
        return (cancelled, progress) -> {
            Future<Landscape> future = pool.submit(() ->
                    Landscape.evaluate(bound.objective(), domain, resolution, point, x, y, limits.maxRunMillis()));
            return StudyResponses.LandscapeResponse.of(await(future, limits.maxRunMillis()), bound.resolved());
        };
    }

    private StudyContext context(BooleanSupplier cancelled, DoubleConsumer progress, long timeLimit) {
        return StudyContext.of(limits, pool, cancelled, progress, timeLimit);
    }

    private static Map<String, SearchSpace.Range> ranges(String field, Map<String, StudyRequests.Range> given) {
        if (given == null || given.isEmpty()) {
            throw new InvalidSpecException(field, "must name at least one parameter");
        }
        Map<String, SearchSpace.Range> ranges = new LinkedHashMap<>();
        given.forEach((name, range) -> {
            if (range == null) {
                throw new InvalidSpecException(field + "." + name, "must be a range {min, max, scale, integer}");
            }
            String scale = range.scale() == null ? "linear" : range.scale();
            if (!scale.equals("linear") && !scale.equals("log")) {
                throw new InvalidSpecException(
                        field + "." + name + ".scale", "must be linear or log, was \"" + scale + "\"");
            }
            try {
                ranges.put(
                        name,
                        new SearchSpace.Range(
                                range.min(), range.max(), scale.equals("log"), Boolean.TRUE.equals(range.integer())));
            } catch (InvalidSpecException e) {
                throw e.prefixed(field + "." + name);
            }
        });
        return ranges;
    }

    private static <T> T await(Future<T> future, long waitMillis) {
        try {
            return future.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ComputePool.OverloadedException("the computation did not finish within its time limit");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ComputePool.OverloadedException("interrupted while waiting for the compute pool");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
