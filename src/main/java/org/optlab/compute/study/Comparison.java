package org.optlab.compute.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.InvalidSpecException.Violation;
import org.optlab.compute.run.RunPlan;
import org.optlab.compute.run.RunReport;
import org.optlab.compute.run.RunRequestData;
import org.optlab.compute.run.RunStatus;

/**
 * Several optimizers on the same objective, start, budget, schedule and seed, run in parallel and
 * ranked. With tuning, each optimizer first gets the same number of random-search trials over the
 * same ranges (the same draws, from the request's seed) and its final run uses its best trial's
 * values: a comparison on equal tuning budgets rather than on hand-picked defaults.
 */
public final class Comparison {

    private Comparison() {}

    /** One contender: its label and its complete run request. */
    public record Contender(String label, RunRequestData request) {}

    /** Random-search tuning on an equal budget per optimizer, scored by final loss. */
    public record Tuning(Map<String, SearchSpace.Range> parameters, int trials) {}

    /** What tuning chose for one optimizer. */
    public record Tuned(Map<String, Object> chosen, double bestTrialLoss, RunStatus bestTrialStatus, int trials) {}

    /** One optimizer's final run. */
    public record Entry(String label, RunPlan plan, RunReport report, Tuned tuning) {}

    /** A line of the ranking. */
    public record Rank(String label, double finalLoss, int iterations, RunStatus status) {}

    public record Result(List<Entry> entries, List<Rank> ranking) {}

    /** Ranking order: finished before diverged, lower final loss, then fewer iterations. */
    public static final Comparator<Rank> BEST_FIRST = Comparator.comparing(
                    (Rank r) -> r.status() == RunStatus.DIVERGED || !Double.isFinite(r.finalLoss()))
            .thenComparingDouble(Rank::finalLoss)
            .thenComparingInt(Rank::iterations);

    /** A comparison whose every run (and tuning trial) has been bound and checked. */
    public static final class Prepared {
        private final List<Contender> contenders;
        private final Tuning tuning;
        private final int maxTrials;

        private Prepared(List<Contender> contenders, Tuning tuning, int maxTrials) {
            this.contenders = contenders;
            this.tuning = tuning;
            this.maxTrials = maxTrials;
        }

        public Result run(StudyContext context) {
            return Comparison.run(contenders, tuning, maxTrials, context);
        }
    }

    /** Checks every contender and tuning trial without running anything. */
    public static Prepared prepare(
            List<Contender> contenders, Tuning tuning, int maxTrials, org.optlab.compute.Limits limits) {
        StudyContext dryRun = new StudyContext(limits, null, () -> true, progress -> {}, 0);
        bindAll(contenders, tuning, maxTrials, dryRun);
        return new Prepared(List.copyOf(contenders), tuning, maxTrials);
    }

    private record Bindings(List<RunPlan> plans, List<Map<String, Object>> draws, List<List<RunPlan>> trialPlans) {}

    private static Bindings bindAll(List<Contender> contenders, Tuning tuning, int maxTrials, StudyContext context) {
        List<Violation> violations = new ArrayList<>();
        List<RunPlan> plans = new ArrayList<>();
        for (int i = 0; i < contenders.size(); i++) {
            try {
                plans.add(RunPlan.prepare(contenders.get(i).request(), context.limits()));
            } catch (InvalidSpecException e) {
                String prefix = "optimizers[" + i + "]";
                e.violations()
                        .forEach(v -> violations.add(new Violation(
                                v.field().startsWith("optimizer")
                                        ? prefix + v.field().substring("optimizer".length())
                                        : v.field(),
                                v.message())));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidSpecException(violations.stream().distinct().toList());
        }
        if (tuning == null) {
            return new Bindings(plans, List.of(), List.of());
        }
        long total = (long) tuning.trials() * contenders.size();
        if (tuning.trials() < 1) {
            throw new InvalidSpecException("tune.trials", "must be ≥ 1");
        }
        if (total > maxTrials) {
            throw new org.optlab.compute.LimitExceededException(
                    "tune.trials",
                    "optlab.limits.max-trials",
                    maxTrials,
                    "tuning would run " + total + " trials (" + tuning.trials() + " × " + contenders.size()
                            + " optimizers), more than " + maxTrials + " (optlab.limits.max-trials)");
        }
        List<Map<String, Object>> draws = SearchSpace.random(tuning.parameters(), tuning.trials(), seedOf(contenders));
        List<List<RunPlan>> trialPlans = new ArrayList<>();
        for (int i = 0; i < contenders.size(); i++) {
            RunRequestData request = contenders.get(i).request();
            int budget = request.iterations() == null ? 1000 : request.iterations();
            try {
                trialPlans.add(Trials.prepare(request, draws, budget, context.limits(), "tune"));
            } catch (InvalidSpecException e) {
                throw e.prefixed("optimizers[" + i + "]");
            }
        }
        return new Bindings(plans, draws, trialPlans);
    }

    static Result run(List<Contender> contenders, Tuning tuning, int maxTrials, StudyContext context) {
        Bindings bindings = bindAll(contenders, tuning, maxTrials, context);
        List<RunPlan> plans = new ArrayList<>(bindings.plans());
        Map<Integer, Tuned> tuned = new LinkedHashMap<>();
        if (tuning != null) {
            long total = (long) tuning.trials() * contenders.size();
            List<Map<String, Object>> draws = bindings.draws();
            List<List<RunPlan>> trialPlans = bindings.trialPlans();
            Runnable counter = context.counter((int) total + contenders.size());
            for (int i = 0; i < contenders.size(); i++) {
                RunRequestData request = contenders.get(i).request();
                int budget = request.iterations() == null ? 1000 : request.iterations();
                List<TrialResult> results =
                        new ArrayList<>(Trials.run(draws, trialPlans.get(i), budget, context, counter));
                results.sort(TrialResult.BEST_FIRST);
                TrialResult best = results.get(0);
                tuned.put(i, new Tuned(best.parameters(), best.finalLoss(), best.status(), results.size()));
                plans.set(i, RunPlan.prepare(SearchSpace.apply(request, best.parameters()), context.limits()));
            }
            return finish(contenders, plans, tuned, context, counter);
        }
        return finish(contenders, plans, tuned, context, context.counter(contenders.size()));
    }

    private static Result finish(
            List<Contender> contenders,
            List<RunPlan> plans,
            Map<Integer, Tuned> tuned,
            StudyContext context,
            Runnable counter) {
        List<RunReport> reports = Parallel.map(
                plans.size(),
                i -> plans.get(i).execute(context.cancelled(), progress -> {}, context.deadlineNanos()),
                context.pool(),
                context.pool().workers(),
                () -> false,
                counter);
        List<Entry> entries = new ArrayList<>();
        List<Rank> ranking = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            RunReport report = reports.get(i);
            String label = contenders.get(i).label();
            entries.add(new Entry(label, plans.get(i), report, tuned.get(i)));
            ranking.add(new Rank(
                    label,
                    report.outcome().finalLoss(),
                    report.outcome().iterations(),
                    report.outcome().status()));
        }
        ranking.sort(BEST_FIRST);
        return new Result(entries, ranking);
    }

    private static long seedOf(List<Contender> contenders) {
        Long seed = contenders.get(0).request().seed();
        return seed == null ? 0 : seed;
    }
}
