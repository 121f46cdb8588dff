package org.optlab.compute.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.InvalidSpecException.Violation;

/**
 * How a run over data is spread over simulated workers (lecture §9: "Async SGD (Hogwild!):
 * lock-free updates. Sync: all-reduce gradients. Adam in dist: careful with moments syncing.").
 *
 * <ul>
 *   <li>{@code synchronous}, {@code global} state: each step every worker computes the gradient of
 *       its own minibatch at the shared parameters; the W gradients are averaged (all-reduce, summed
 *       in worker order, then divided by W, as PyTorch's DistributedDataParallel averages across
 *       ranks whatever their batch sizes) and one optimizer with one state takes one step.
 *   <li>{@code synchronous}, {@code local} state: each worker keeps its own parameters and its own
 *       optimizer state and steps on its own gradients; every {@code syncEvery} steps the parameters
 *       are replaced by their mean (local SGD, Stich 2019; "local Adam"). The optimizer states — Adam's
 *       moments — are <em>not</em> averaged, as in plain local SGD: each worker's moments keep
 *       seeing only its own shard. Between syncs the recorded iterate is the workers' mean.
 *   <li>{@code asynchronous}: Hogwild-style (Niu et al., 2011), simulated deterministically. Update
 *       t is made by worker t mod W with its next minibatch; its gradient is computed at the shared
 *       parameters as they were τ_t updates earlier and applied, by one shared optimizer state, to
 *       the current ones. τ_t = min(τ, t) ({@code fixed}) or uniform on {0, …, min(τ, t)} from the
 *       seed ({@code uniform}).
 * </ul>
 *
 * @param workers W, 1 to 64 (1 is the plain run, for comparisons)
 * @param syncEvery local state only: average the parameters every k steps (0 otherwise)
 * @param maxStaleness asynchronous only: τ (default W − 1, every other worker's update landing
 *     between a gradient's read and its write); 0 otherwise
 */
public record Parallelism(
        int workers, Mode mode, OptimizerState optimizerState, int syncEvery, int maxStaleness, Staleness staleness) {

    public static final int MAX_WORKERS = 64;
    public static final int MAX_STALENESS = 1024;

    /** How the workers' gradients meet the parameters. */
    public enum Mode {
        SYNCHRONOUS,
        ASYNCHRONOUS;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Synchronous runs: one optimizer state for all, or one per worker. */
    public enum OptimizerState {
        GLOBAL,
        LOCAL;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How τ_t is drawn in an asynchronous run. */
    public enum Staleness {
        FIXED,
        UNIFORM;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Parallelism {
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new InvalidSpecException("workers", "must be in 1.." + MAX_WORKERS + ", was " + workers);
        }
        if (mode == Mode.SYNCHRONOUS && optimizerState == OptimizerState.LOCAL && syncEvery < 1) {
            throw new InvalidSpecException("syncEvery", "must be ≥ 1, was " + syncEvery);
        }
        if (maxStaleness < 0 || maxStaleness > MAX_STALENESS) {
            throw new InvalidSpecException("staleness.max", "must be in 0.." + MAX_STALENESS + ", was " + maxStaleness);
        }
    }

    /**
     * Checks a request's block against a training set of {@code trainingSize} samples, filling in the
     * defaults. Field paths are relative to {@code parallel}.
     */
    public static Parallelism bind(ParallelRequest raw, int trainingSize) {
        List<Violation> violations = new ArrayList<>();
        int workers = raw.workers() == null ? 2 : raw.workers();
        if (workers < 1 || workers > MAX_WORKERS) {
            violations.add(new Violation("workers", "must be in 1.." + MAX_WORKERS + ", was " + workers));
        } else if (workers > trainingSize) {
            violations.add(new Violation(
                    "workers",
                    "must be at most the " + trainingSize + " training samples (one shard each), was " + workers));
        }
        Mode mode = parse(raw.mode(), Mode.SYNCHRONOUS, Mode.values(), "mode", violations);
        boolean synchronous = mode == Mode.SYNCHRONOUS;
        OptimizerState state = OptimizerState.GLOBAL;
        if (raw.optimizerState() != null && !synchronous) {
            violations.add(new Violation(
                    "optimizerState", "applies to mode synchronous only; asynchronous workers share one state"));
        } else {
            state = parse(
                    raw.optimizerState(), OptimizerState.GLOBAL, OptimizerState.values(), "optimizerState", violations);
        }
        int syncEvery = 0;
        if (synchronous && state == OptimizerState.LOCAL) {
            syncEvery = raw.syncEvery() == null ? 1 : raw.syncEvery();
            if (syncEvery < 1) {
                violations.add(new Violation("syncEvery", "must be ≥ 1, was " + syncEvery));
            }
        } else if (raw.syncEvery() != null) {
            violations.add(new Violation("syncEvery", "applies to optimizerState local only"));
        }
        int maxStaleness = 0;
        Staleness staleness = null;
        if (synchronous) {
            if (raw.stalenessGiven()) {
                violations.add(new Violation("staleness", "applies to mode asynchronous only"));
            }
        } else {
            maxStaleness = raw.stalenessMax() == null ? Math.max(0, workers - 1) : raw.stalenessMax();
            if (maxStaleness < 0 || maxStaleness > MAX_STALENESS) {
                violations.add(
                        new Violation("staleness.max", "must be in 0.." + MAX_STALENESS + ", was " + maxStaleness));
            }
            staleness = parse(
                    raw.stalenessDistribution(),
                    Staleness.FIXED,
                    Staleness.values(),
                    "staleness.distribution",
                    violations);
        }
        if (!violations.isEmpty()) {
            throw new InvalidSpecException(violations);
        }
        return new Parallelism(workers, mode, synchronous ? state : null, syncEvery, maxStaleness, staleness);
    }

    private static <E extends Enum<E>> E parse(
            String text, E fallback, E[] values, String field, List<Violation> violations) {
        if (text == null) {
            return fallback;
        }
        List<String> names = new ArrayList<>();
        for (E value : values) {
            String name = value.name().toLowerCase(java.util.Locale.ROOT);
            if (name.equals(text)) {
                return value;
            }
            names.add(name);
        }
        violations.add(new Violation(field, "unknown value '" + text + "'; valid: " + String.join(", ", names)));
        return fallback;
    }

    /** The block with every default, as {@code resolved.parallel} echoes it. */
    public Map<String, Object> echo() {
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("workers", workers);
        echo.put("mode", mode.wireName());
        if (mode == Mode.SYNCHRONOUS) {
            echo.put("optimizerState", optimizerState.wireName());
            if (optimizerState == OptimizerState.LOCAL) {
                echo.put("syncEvery", syncEvery);
            }
        } else {
            Map<String, Object> stale = new LinkedHashMap<>();
            stale.put("max", maxStaleness);
            stale.put("distribution", staleness.wireName());
            echo.put("staleness", stale);
        }
        return echo;
    }
}
