package org.optlab.compute;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one bounded pool on which every computation runs: a fixed number of workers and a bounded
 * queue. When both are full, {@link #submit} throws {@link OverloadedException} at once (the web
 * layer answers 503 with Retry-After) rather than letting work pile up.
 */
public final class ComputePool implements AutoCloseable {

    /** The pool is full: try again later. */
    public static final class OverloadedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public OverloadedException(String message) {
            super(message);
        }
    }

    private final ThreadPoolExecutor executor;
    private final AtomicLong rejected = new AtomicLong();

    public ComputePool(int workers, int queueCapacity) {
        if (workers < 1 || queueCapacity < 0) {
            throw new IllegalArgumentException("workers ≥ 1 and queue capacity ≥ 0");
        }
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "optlab-compute-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        executor = new ThreadPoolExecutor(
                workers,
                workers,
                0,
                TimeUnit.MILLISECONDS,
                queueCapacity == 0
                        ? new java.util.concurrent.SynchronousQueue<>()
                        : new ArrayBlockingQueue<>(queueCapacity),
                threads,
                new ThreadPoolExecutor.AbortPolicy());
    }

    public <T> Future<T> submit(Callable<T> task) {
        try {
            return executor.submit(task);
        } catch (RejectedExecutionException e) {
            rejected.incrementAndGet();
            throw new OverloadedException("the compute pool is saturated (" + executor.getPoolSize() + " workers busy, "
                    + executor.getQueue().size() + " tasks queued)");
        }
    }

    public int workers() {
        return executor.getMaximumPoolSize();
    }

    public int queued() {
        return executor.getQueue().size();
    }

    public int active() {
        return executor.getActiveCount();
    }

    public long rejectedCount() {
        return rejected.get();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
