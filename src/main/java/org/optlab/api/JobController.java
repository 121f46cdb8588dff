package org.optlab.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.PreDestroy;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.optlab.compute.Limits;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Long work as jobs: submit, poll, cancel, and follow progress as server-sent events. */
@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "Jobs", description = "Runs, comparisons and sweeps in the background, with progress and cancellation.")
public class JobController {

    static final String EXAMPLE = """
            {
              "type": "sweep",
              "request": {
                "objective": {"name": "rosenbrock"},
                "optimizer": {"name": "adam"},
                "iterations": 2000,
                "search": {"random": {"trials": 200, "ranges": {"learningRate": {"min": 1e-4, "max": 1, "scale": "log"}}}}
              }
            }""";

    private static final long EVENT_INTERVAL_MILLIS = 250;

    private final JobService jobs;
    private final long eventTimeoutMillis;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "optlab-job-events");
        thread.setDaemon(true);
        return thread;
    });

    public JobController(JobService jobs, Limits limits) {
        this.jobs = jobs;
        this.eventTimeoutMillis = limits.maxRunMillis() * 4 + 60_000;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Submit a job",
            description = "Validates the request at once (400 if it is bad), then runs it in the background. "
                    + "Answers 202 with Location: /api/v1/jobs/{id}.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "random-sweep", value = EXAMPLE)))
    public ResponseEntity<JobView> submit(
            @Valid @org.springframework.web.bind.annotation.RequestBody JobRequest request) {
        JobView job = jobs.submit(request);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/jobs/" + job.id()))
                .body(job);
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A job's status, progress and (once done) result")
    public ResponseEntity<Object> get(@PathVariable String id) {
        return jobs.find(id)
                .<ResponseEntity<Object>>map(job -> ResponseEntity.ok(JobView.of(job, true)))
                .orElseGet(() -> notFound(id));
    }

    @DeleteMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Cancel a job",
            description = "A queued job is cancelled at once; a running one stops within milliseconds, at its next "
                    + "clock check. Cancelling a finished job changes nothing.")
    public ResponseEntity<Object> cancel(@PathVariable String id) {
        return jobs.cancel(id)
                .<ResponseEntity<Object>>map(job -> ResponseEntity.ok(JobView.of(job, false)))
                .orElseGet(() -> notFound(id));
    }

    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Follow a job's progress",
            description = "Server-sent events: 'progress' events ({id, status, progress}) every 250 ms while it "
                    + "runs, then one 'done' event with the final status; then the stream ends.")
    public ResponseEntity<Object> events(@PathVariable String id) {
        Job job = jobs.find(id).orElse(null);
        if (job == null) {
            return notFound(id);
        }
        SseEmitter emitter = new SseEmitter(eventTimeoutMillis);
        AtomicReference<ScheduledFuture<?>> tick = new AtomicReference<>();
        Runnable stop = () -> {
            ScheduledFuture<?> f = tick.get();
            if (f != null) {
                f.cancel(false);
            }
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(error -> stop.run());
        tick.set(ticker.scheduleAtFixedRate(
                () -> {
                    try {
                        Job.Status status = job.status();
                        Map<String, Object> event =
                                Map.of("id", job.id, "status", status.wireName(), "progress", job.progress());
                        if (status.terminal()) {
                            emitter.send(SseEmitter.event().name("done").data(event, MediaType.APPLICATION_JSON));
                            emitter.complete();
                            stop.run();
                        } else {
                            emitter.send(SseEmitter.event().name("progress").data(event, MediaType.APPLICATION_JSON));
                        }
                    } catch (IOException | IllegalStateException e) {
                        stop.run();
                    }
                },
                0,
                EVENT_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS));
        return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM).body(emitter);
    }

    private static ResponseEntity<Object> notFound(String id) {
        ProblemDetail problem = Problems.of(
                HttpStatus.NOT_FOUND,
                Problems.JOB_NOT_FOUND,
                "Job not found",
                "No job " + id + ": it never existed or has been forgotten (the oldest finished jobs are dropped "
                        + "past optlab.limits.max-jobs).");
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @PreDestroy
    void shutdown() {
        ticker.shutdownNow();
    }
}
