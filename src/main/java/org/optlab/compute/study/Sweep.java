package org.optlab.compute.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.LimitExceededException;
import org.optlab.compute.run.RunPlan;
import org.optlab.compute.run.RunReport;
import org.optlab.compute.run.RunRequestData;

/**
 * A hyperparameter sweep over one request: a grid (cartesian product), a seeded random search, or
 * successive halving (many random trials on a small budget, the best 1/η promoted to η times the
 * budget, until the full budget; Jamieson and Talwalkar, AISTATS 2016; Li et al., Hyperband, JMLR
 * 2018). Every trial is a full run with the request's settings except the swept values and, for
 * halving's early rungs, the budget.
 */
public final class Sweep {

    private Sweep() {}

    /** How the trials are chosen. */
    public sealed interface Method permits Grid, RandomSearch, Halving {}

    /** Every combination of the listed values, the first parameter varying slowest. */
    public record Grid(LinkedHashMap<String, List<Object>> axes) implements Method {}

    /** {@code trials} draws from the ranges. */
    public record RandomSearch(Map<String, SearchSpace.Range> ranges, int trials) implements Method {}

    /** Successive halving over {@code trials} draws, from {@code minIterations}, keeping 1/reduction per rung. */
    public record Halving(Map<String, SearchSpace.Range> ranges, int trials, int minIterations, int reduction)
            implements Method {

        public Halving {
            if (minIterations < 1) {
                throw new InvalidSpecException("minIterations", "must be ≥ 1");
            }
            if (reduction < 2) {
                throw new InvalidSpecException("reduction", "must be ≥ 2");
            }
        }
    }

    /** A grid axis: the parameter and its values in order. */
    public record Axis(String parameter, List<Object> values) {}

    /**
     * The trials best first, the best trial with its full run, and for a grid its axes and the final
     * losses in grid order (row-major, first axis slowest) for drawing a phase diagram.
     */
    public record Result(
            List<TrialResult> trials,
            TrialResult best,
            RunPlan bestPlan,
            RunReport bestRun,
            List<Axis> axes,
            double[] gridLosses,
            int rungs) {}

    /** A sweep whose every trial has been bound and checked, ready to run. */
    public static final class Prepared {
        private final RunRequestData base;
        private final Method method;
        private final List<Map<String, Object>> assignments;
        private final List<RunPlan> plans;
        private final List<Axis> axes;

        private Prepared(
                RunRequestData base,
                Method method,
                List<Map<String, Object>> assignments,
                List<RunPlan> plans,
                List<Axis> axes) {
            this.base = base;
            this.method = method;
            this.assignments = assignments;
            this.plans = plans;
            this.axes = axes;
        }

        /** Runs the trials on the pool, then the best one with full recording. */
        public Result run(StudyContext context) {
            int iterations = base.iterations() == null ? 1000 : base.iterations();
            if (method instanceof Halving halving) {
                return halve(base, halving, assignments, iterations, context);
            }
            List<TrialResult> results =
                    Trials.run(assignments, plans, iterations, context, context.counter(plans.size()));
            double[] gridLosses = method instanceof Grid
                    ? results.stream().mapToDouble(TrialResult::finalLoss).toArray()
                    : null;
            return finish(base, results, axes, gridLosses, 1, context);
        }

        public int trials() {
            return assignments.size();
        }
    }

    public static Prepared prepare(
            RunRequestData base, Method method, int maxTrials, org.optlab.compute.Limits limits) {
        int iterations = base.iterations() == null ? 1000 : base.iterations();
        RunPlan.prepare(base, limits); // the base request must be valid on its own
        List<Map<String, Object>> assignments;
        List<Axis> axes = List.of();
        if (method instanceof Grid grid) {
            long count = 1;
            for (Map.Entry<String, List<Object>> axis : grid.axes().entrySet()) {
                if (axis.getValue().isEmpty()) {
                    throw new InvalidSpecException("search.grid." + axis.getKey(), "must list at least one value");
                }
                count *= axis.getValue().size();
                checkTrials("search.grid", count, maxTrials);
            }
            if (grid.axes().isEmpty()) {
                throw new InvalidSpecException("search.grid", "must name at least one parameter");
            }
            assignments = SearchSpace.grid(grid.axes());
            axes = grid.axes().entrySet().stream()
                    .map(e -> new Axis(e.getKey(), e.getValue()))
                    .toList();
        } else if (method instanceof RandomSearch random) {
            checkTrials("search.random.trials", random.trials(), maxTrials);
            assignments = SearchSpace.random(random.ranges(), random.trials(), seed(base));
        } else {
            Halving halving = (Halving) method;
            checkTrials("search.halving.trials", halving.trials(), maxTrials);
            assignments = SearchSpace.random(halving.ranges(), halving.trials(), seed(base));
            // Checked at the smallest budget; larger rungs bind the same values.
            Trials.prepare(base, assignments, Math.min(halving.minIterations(), iterations), limits, "search");
            return new Prepared(base, method, assignments, List.of(), List.of());
        }
        List<RunPlan> plans = Trials.prepare(base, assignments, iterations, limits, "search");
        return new Prepared(base, method, assignments, plans, axes);
    }

    private static Result halve(
            RunRequestData base,
            Halving halving,
            List<Map<String, Object>> assignments,
            int iterations,
            StudyContext context) {
        // Rung budgets: min, min·η, min·η², … capped at the full budget.
        List<Integer> budgets = new ArrayList<>();
        List<Integer> survivors = new ArrayList<>();
        long budget = Math.min(halving.minIterations(), iterations);
        int alive = halving.trials();
        while (true) {
            budgets.add((int) budget);
            survivors.add(alive);
            if (budget >= iterations || alive <= 1) {
                break;
            }
            budget = Math.min((long) iterations, budget * halving.reduction());
            alive = Math.max(1, alive / halving.reduction());
        }
        long totalRuns = survivors.stream().mapToLong(Integer::longValue).sum();
        Runnable counter = context.counter((int) totalRuns);
        Map<Map<String, Object>, TrialResult> latest = new LinkedHashMap<>();
        List<Map<String, Object>> current = assignments;
        for (int rung = 0; rung < budgets.size(); rung++) {
            int rungBudget = budgets.get(rung);
            List<RunPlan> plans = Trials.prepare(base, current, rungBudget, context.limits(), "search");
            List<TrialResult> results = Trials.run(current, plans, rungBudget, context, counter);
            results.forEach(result -> latest.put(result.parameters(), result));
            if (rung + 1 < budgets.size()) {
                int keep = survivors.get(rung + 1);
                current = results.stream()
                        .sorted(TrialResult.BEST_FIRST)
                        .limit(keep)
                        .map(TrialResult::parameters)
                        .toList();
            }
        }
        List<TrialResult> all = new ArrayList<>(latest.values());
        // Trials that reached later rungs rank first: their budget is larger.
        all.sort(Comparator.comparingInt((TrialResult r) -> -r.budget()).thenComparing(TrialResult.BEST_FIRST));
        return finishSorted(base, all, List.of(), null, budgets.size(), context);
    }

    private static Result finish(
            RunRequestData base,
            List<TrialResult> results,
            List<Axis> axes,
            double[] gridLosses,
            int rungs,
            StudyContext context) {
        List<TrialResult> sorted = new ArrayList<>(results);
        sorted.sort(TrialResult.BEST_FIRST);
        return finishSorted(base, sorted, axes, gridLosses, rungs, context);
    }

    private static Result finishSorted(
            RunRequestData base,
            List<TrialResult> sorted,
            List<Axis> axes,
            double[] gridLosses,
            int rungs,
            StudyContext context) {
        TrialResult best = sorted.get(0);
        RunPlan bestPlan = RunPlan.prepare(SearchSpace.apply(base, best.parameters()), context.limits());
        // The best trial again, with its path recorded: under its own time limit, not the study's
        // deadline (which may have passed: the trials are what the deadline cut short).
        RunReport bestRun = bestPlan.execute(context.cancelled());
        return new Result(sorted, best, bestPlan, bestRun, axes, gridLosses, rungs);
    }

    private static void checkTrials(String field, long trials, int maxTrials) {
        if (trials < 1) {
            throw new InvalidSpecException(field, "must give at least one trial");
        }
        if (trials > maxTrials) {
            throw new LimitExceededException(
                    field,
                    "optlab.limits.max-trials",
                    maxTrials,
                    "the sweep would run " + trials + " trials, more than " + maxTrials
                            + " (optlab.limits.max-trials)");
        }
    }

    private static long seed(RunRequestData base) {
        return base.seed() == null ? 0 : base.seed();
    }
}
