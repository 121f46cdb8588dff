package org.optlab.compute.study;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.optlab.compute.ComputePool;
import org.optlab.compute.Limits;

/**
 * What a study runs with: the limits, the pool, a cancellation flag, a progress listener (fraction
 * of runs done, in [0, 1]) and a deadline for the whole study, after which no new run starts and
 * running ones stop at their next clock check.
 */
public record StudyContext(
        Limits limits, ComputePool pool, BooleanSupplier cancelled, DoubleConsumer progress, long deadlineNanos) {

    public static StudyContext of(
            Limits limits, ComputePool pool, BooleanSupplier cancelled, DoubleConsumer progress, long timeLimitMillis) {
        return new StudyContext(limits, pool, cancelled, progress, System.nanoTime() + timeLimitMillis * 1_000_000L);
    }

    /** Milliseconds left before the deadline (at most {@code cap}), or 0 when it has passed. */
    long millisLeft(long cap) {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000L;
        return Math.max(0, Math.min(cap, left));
    }

    boolean stopped() {
        return cancelled.getAsBoolean() || deadlineNanos - System.nanoTime() <= 0;
    }

    /** A counter that reports done/total to the progress listener. */
    Runnable counter(int total) {
        AtomicInteger done = new AtomicInteger();
        return () -> progress.accept(Math.min(1.0, done.incrementAndGet() / (double) total));
    }
}
