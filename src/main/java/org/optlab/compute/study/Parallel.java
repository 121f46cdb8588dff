package org.optlab.compute.study;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import org.optlab.compute.ComputePool;

/**
 * Runs n independent tasks on the pool with at most {@code parallelism} of them in flight: that
 * many pool tasks each pull the next index until none is left, so a sweep of 10,000 trials takes
 * as many pool slots as there are workers, not 10,000 queue entries.
 */
final class Parallel {

    private Parallel() {}

    static <T> List<T> map(
            int n, IntFunction<T> task, ComputePool pool, int parallelism, BooleanSupplier cancelled, Runnable onEach) {
        AtomicReferenceArray<T> results = new AtomicReferenceArray<>(n);
        AtomicInteger next = new AtomicInteger();
        int lanes = Math.max(1, Math.min(parallelism, n));
        List<Future<?>> futures = new ArrayList<>(lanes);
        try {
            for (int lane = 0; lane < lanes; lane++) {
                futures.add(pool.submit(() -> {
                    // Every index gets a result: the task itself decides what a cancelled one is.
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        results.set(i, task.apply(i));
                        onEach.run();
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                await(future);
            }
        } catch (RuntimeException e) {
            next.set(n);
            futures.forEach(f -> f.cancel(true));
            throw e;
        }
        List<T> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(results.get(i));
        }
        return list;
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new IllegalStateException("interrupted while waiting for the compute pool", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
