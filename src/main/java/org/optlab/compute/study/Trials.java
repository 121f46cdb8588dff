package org.optlab.compute.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.run.RunOutcome;
import org.optlab.compute.run.RunPlan;
import org.optlab.compute.run.RunReport;
import org.optlab.compute.run.RunRequestData;
import org.optlab.compute.run.RunStatus;

/** Runs many parameter assignments of one request in parallel, recording only first and last points. */
final class Trials {

    private Trials() {}

    /** Binds every assignment before any runs, so that a bad value fails the whole request at once. */
    static List<RunPlan> prepare(
            RunRequestData base,
            List<Map<String, Object>> assignments,
            int budget,
            org.optlab.compute.Limits limits,
            String field) {
        List<RunPlan> plans = new ArrayList<>(assignments.size());
        for (int i = 0; i < assignments.size(); i++) {
            Map<String, Object> assignment = assignments.get(i);
            try {
                plans.add(RunPlan.prepare(
                        SearchSpace.withBudget(SearchSpace.apply(base, assignment), budget, Math.max(1, budget)),
                        limits));
            } catch (InvalidSpecException e) {
                String trial = field + " trial " + i + " " + assignment + ": ";
                throw new InvalidSpecException(e.violations().stream()
                        .map(v -> new InvalidSpecException.Violation(v.field(), trial + v.message()))
                        .toList());
            }
        }
        return plans;
    }

    static List<TrialResult> run(
            List<Map<String, Object>> assignments,
            List<RunPlan> plans,
            int budget,
            StudyContext context,
            Runnable onEach) {
        return Parallel.map(
                plans.size(),
                i -> {
                    if (context.stopped()) {
                        return new TrialResult(
                                assignments.get(i),
                                Double.NaN,
                                context.cancelled().getAsBoolean() ? RunStatus.CANCELLED : RunStatus.TIME_LIMIT,
                                0,
                                0,
                                budget);
                    }
                    RunReport report =
                            plans.get(i).execute(context.cancelled(), progress -> {}, context.deadlineNanos());
                    RunOutcome outcome = report.outcome();
                    return TrialResult.of(assignments.get(i), outcome, budget);
                },
                context.pool(),
                context.pool().workers(),
                context.cancelled(),
                onEach);
    }
}
