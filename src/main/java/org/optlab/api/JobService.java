package org.optlab.api;

import jakarta.annotation.PreDestroy;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.optlab.compute.ComputePool;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.LimitExceededException;
import org.optlab.config.ComputeProperties;
import org.optlab.config.LimitsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs, comparisons and sweeps in the background. A job is validated when it is submitted (a bad
 * request is a 400 then, not a failed job later), orchestrated on a small executor of its own, and
 * computed on the shared pool. Jobs are kept in memory, at most {@code optlab.limits.max-jobs};
 * the oldest finished ones are forgotten first.
 */
@Service
public class JobService {

    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);

    private final StudyService studies;
    private final JsonMapper json;
    private final Validator validator;
    private final int maxJobs;
    private final java.time.Duration ttl;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService orchestrators;

    public JobService(
            StudyService studies,
            JsonMapper json,
            Validator validator,
            LimitsProperties limits,
            ComputeProperties compute) {
        this.studies = studies;
        this.json = json;
        this.validator = validator;
        this.maxJobs = limits.maxJobs();
        this.ttl = java.time.Duration.ofSeconds(limits.jobTtlSeconds());
        AtomicInteger count = new AtomicInteger();
        int threads = Math.max(2, compute.effectiveWorkers());
        this.orchestrators = new ThreadPoolExecutor(
                threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "optlab-job-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Validates and queues a job; throws 400-style exceptions for a bad request. */
    public JobView submit(JobRequest request) {
        StudyService.Prepared<?> prepared = prepare(request);
        makeRoom();
        Job job = new Job(UUID.randomUUID().toString(), request.type());
        jobs.put(job.id, job);
        job.attach(orchestrators.submit(() -> execute(job, prepared)));
        return JobView.of(job, false);
    }

    private StudyService.Prepared<?> prepare(JobRequest request) {
        return switch (request.type()) {
            case "run" -> underRequest(() -> studies.prepareRun(read(request, RunRequest.class)));
            case "comparison" ->
                underRequest(() -> studies.prepareComparison(read(request, StudyRequests.ComparisonRequest.class)));
            case "sweep" -> underRequest(() -> studies.prepareSweep(read(request, StudyRequests.SweepRequest.class)));
            default ->
                throw new InvalidSpecException(
                        "type", "must be one of run, comparison, sweep, was \"" + request.type() + "\"");
        };
    }

    private void execute(Job job, StudyService.Prepared<?> prepared) {
        if (!job.start()) {
            return;
        }
        try {
            Object result = prepared.run(job::cancelRequested, job::progress);
            job.succeed(result);
        } catch (InvalidSpecException | LimitExceededException e) {
            job.fail(Problems.of(HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Invalid request", e.getMessage()));
        } catch (ComputePool.OverloadedException e) {
            job.fail(Problems.of(
                    HttpStatus.SERVICE_UNAVAILABLE, Problems.OVERLOADED, "Service overloaded", e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("Job {} ({}) failed", job.id, job.type, e);
            job.fail(Problems.of(
                    HttpStatus.INTERNAL_SERVER_ERROR,
                    Problems.INTERNAL,
                    "Internal error",
                    "The job failed unexpectedly; the failure has been logged."));
        }
    }

    public Optional<Job> find(String id) {
        expire();
        return Optional.ofNullable(jobs.get(id));
    }

    /** Forgets finished jobs older than {@code optlab.limits.job-ttl-seconds}. */
    private void expire() {
        java.time.Instant cutoff = java.time.Instant.now().minus(ttl);
        jobs.values()
                .removeIf(job -> job.status().terminal() && job.finishedAt().isBefore(cutoff));
    }

    /** Cancels a job; its computation stops at its next clock check (milliseconds). */
    public Optional<Job> cancel(String id) {
        Job job = jobs.get(id);
        if (job != null) {
            job.cancel("cancelled by the client");
        }
        return Optional.ofNullable(job);
    }

    /** Names the fields of the inner request's errors under {@code request.}. */
    private static <T> T underRequest(java.util.function.Supplier<T> preparation) {
        try {
            return preparation.get();
        } catch (RequestError e) {
            throw e.error;
        } catch (InvalidSpecException e) {
            throw e.prefixed("request");
        } catch (LimitExceededException e) {
            throw new LimitExceededException("request." + e.field(), e.limit(), e.value(), e.getMessage());
        }
    }

    /** An error of reading the inner request, already named under {@code request.}. */
    private static final class RequestError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient InvalidSpecException error;

        RequestError(InvalidSpecException error) {
            super(error.getMessage(), null, false, false);
            this.error = error;
        }
    }

    private <T> T read(JobRequest request, Class<T> type) {
        try {
            return readUnprefixed(request, type);
        } catch (InvalidSpecException e) {
            throw new RequestError(e);
        }
    }

    private <T> T readUnprefixed(JobRequest request, Class<T> type) {
        T value;
        try {
            value = json.treeToValue(request.request(), type);
        } catch (JacksonException e) {
            throw ProblemHandler.asSpecError(e, "request");
        }
        if (value == null) {
            throw new InvalidSpecException("request", "must be a JSON object");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            List<InvalidSpecException.Violation> errors = new ArrayList<>();
            for (ConstraintViolation<T> v : violations) {
                String message =
                        v.getConstraintDescriptor().getAnnotation() instanceof jakarta.validation.constraints.NotNull
                                ? "is required"
                                : v.getMessage();
                errors.add(new InvalidSpecException.Violation("request." + v.getPropertyPath(), message));
            }
            errors.sort(Comparator.comparing(InvalidSpecException.Violation::field));
            throw new InvalidSpecException(errors);
        }
        return value;
    }

    private synchronized void makeRoom() {
        expire();
        if (jobs.size() < maxJobs) {
            return;
        }
        jobs.values().stream()
                .filter(job -> job.status().terminal())
                .min(Comparator.comparing(Job::finishedAt))
                .ifPresentOrElse(oldest -> jobs.remove(oldest.id), () -> {
                    throw new ComputePool.OverloadedException(
                            maxJobs + " jobs are queued or running (optlab.limits.max-jobs)");
                });
    }

    /** On shutdown every queued or running job is cancelled and says why. */
    @PreDestroy
    void shutdown() {
        jobs.values().forEach(job -> job.cancel("cancelled because the server is shutting down"));
        orchestrators.shutdownNow();
    }
}
