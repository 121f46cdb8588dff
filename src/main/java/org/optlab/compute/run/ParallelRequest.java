package org.optlab.compute.run;

/**
 * A run's {@code parallel} block as the client wrote it, in plain Java values; null for every field
 * left out. {@link Parallelism#bind} checks it and fills in the defaults.
 *
 * @param stalenessMax {@code staleness.max}
 * @param stalenessDistribution {@code staleness.distribution}
 * @param stalenessGiven whether the request had a {@code staleness} block at all
 */
public record ParallelRequest(
        Integer workers,
        String mode,
        String optimizerState,
        Integer syncEvery,
        Integer stalenessMax,
        String stalenessDistribution,
        boolean stalenessGiven) {}
