package org.optlab.compute.schedule;

/** lr_t as a function of the step t = 0, 1, …; built per run from η and T. */
@FunctionalInterface
public interface LearningRateSchedule {

    double learningRate(int step);
}
