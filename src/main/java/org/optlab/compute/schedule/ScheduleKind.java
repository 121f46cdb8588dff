package org.optlab.compute.schedule;

import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterValues;

/**
 * A named schedule: its catalog entry, how to fill in parameters whose defaults depend on the run,
 * and how to build the schedule.
 */
public record ScheduleKind(CatalogEntry entry, Completion completion, Factory factory) {

    /** Fills in run-dependent defaults (a cosine period of T, say) for the resolved echo. */
    @FunctionalInterface
    public interface Completion {
        ParameterValues complete(ParameterValues values, int iterations);
    }

    /** Builds the schedule from completed parameters, η and T. */
    @FunctionalInterface
    public interface Factory {
        LearningRateSchedule create(ParameterValues values, double baseLearningRate, int iterations);
    }

    public String name() {
        return entry.name();
    }

    public ParameterValues complete(ParameterValues values, int iterations) {
        return completion.complete(values, iterations);
    }

    public LearningRateSchedule create(ParameterValues completed, double baseLearningRate, int iterations) {
        return factory.create(completed, baseLearningRate, iterations);
    }
}
