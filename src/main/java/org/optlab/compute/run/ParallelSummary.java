package org.optlab.compute.run;

import java.util.List;

/**
 * What a data-parallel run adds to its result.
 *
 * @param workers W
 * @param mode {@code synchronous} or {@code asynchronous}
 * @param optimizerState {@code global} or {@code local} (synchronous runs), else null
 * @param effectiveBatchSize samples behind one update: the sum of the workers' batches
 *     (synchronous), one worker's batch (asynchronous)
 * @param syncs parameter averagings done (local state), 0 otherwise
 * @param staleness the staleness seen (asynchronous runs), else null
 * @param execution how the workers ran: {@code simulated-sequential}, one thread, in worker order
 * @param deterministic whether the same request gives the same numbers (always, when simulated)
 */
public record ParallelSummary(
        int workers,
        String mode,
        String optimizerState,
        int effectiveBatchSize,
        List<Worker> perWorker,
        int syncs,
        StalenessStats staleness,
        String execution,
        boolean deterministic) {

    /**
     * @param shardSize training samples the worker owns
     * @param batchSize samples of each of its minibatches: min(B, shardSize)
     * @param samplesSeen samples in the minibatches it computed gradients of (look-ahead repeats not counted)
     * @param updatesApplied optimizer steps taken on its gradients: every step (synchronous), its
     *     share of the round robin (asynchronous)
     */
    public record Worker(int shardSize, int batchSize, long samplesSeen, long updatesApplied) {}

    /**
     * @param histogram entry s: the updates whose gradient was s updates old, s = 0 … max configured
     */
    public record StalenessStats(double mean, int max, long[] histogram) {}

    /** Total samples over all workers. */
    public long samplesSeen() {
        long sum = 0;
        for (Worker worker : perWorker) {
            sum += worker.samplesSeen();
        }
        return sum;
    }
}
