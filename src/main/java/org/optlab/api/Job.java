package org.optlab.api;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Future;

/** One submitted piece of long work and everything a client may ask about it. Thread-safe. */
final class Job {

    /** The job's life cycle, as the contract names it. */
    enum Status {
        QUEUED,
        RUNNING,
        SUCCEEDED,
        FAILED,
        CANCELLED;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean terminal() {
            return this == SUCCEEDED || this == FAILED || this == CANCELLED;
        }
    }

    final String id;
    final String type;
    final Instant submittedAt = Instant.now();
    private volatile Status status = Status.QUEUED;
    private volatile double progress;
    private volatile boolean cancelRequested;
    private volatile Object result;
    private volatile Object error;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile Future<?> future;

    Job(String id, String type) {
        this.id = id;
        this.type = type;
    }

    Status status() {
        return status;
    }

    double progress() {
        return progress;
    }

    Object result() {
        return result;
    }

    Object error() {
        return error;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    void attach(Future<?> future) {
        this.future = future;
    }

    void progress(double fraction) {
        if (fraction > progress) {
            progress = fraction;
        }
    }

    synchronized boolean start() {
        if (status != Status.QUEUED) {
            return false;
        }
        status = Status.RUNNING;
        startedAt = Instant.now();
        return true;
    }

    synchronized void succeed(Object value) {
        if (status.terminal()) {
            return;
        }
        result = value; // a cancelled run keeps its partial result
        progress = 1;
        finish(cancelRequested ? Status.CANCELLED : Status.SUCCEEDED);
    }

    synchronized void fail(Object problem) {
        if (status.terminal()) {
            return;
        }
        if (!cancelRequested) {
            error = problem;
        }
        finish(cancelRequested ? Status.CANCELLED : Status.FAILED);
    }

    /**
     * Asks the job to stop; a queued job is cancelled at once, a running one at its next clock
     * check. {@code reason} becomes the job's {@code error} detail if it had not finished.
     */
    synchronized void cancel(String reason) {
        if (status.terminal()) {
            return;
        }
        cancelRequested = true;
        error = org.springframework.http.ProblemDetail.forStatusAndDetail(
                org.springframework.http.HttpStatus.CONFLICT, "The job was " + reason + ".");
        ((org.springframework.http.ProblemDetail) error).setTitle("Job cancelled");
        ((org.springframework.http.ProblemDetail) error).setType(Problems.type("job-cancelled"));
        if (status == Status.QUEUED) {
            finish(Status.CANCELLED);
            Future<?> f = future;
            if (f != null) {
                f.cancel(false);
            }
        }
    }

    private void finish(Status end) {
        status = end;
        finishedAt = Instant.now();
    }
}
