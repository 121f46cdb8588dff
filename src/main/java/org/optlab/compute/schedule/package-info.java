/**
 * Learning-rate schedules: lr_t for step t, from the optimizer's base rate η and the run's length
 * T. {@link org.optlab.compute.schedule.Schedules} lists them by name; those beyond the first
 * five (constant, step, exponential, cosine, warmup_cosine) are a class each, with their closed
 * form (or, for reduce-on-plateau, state machine) in its Javadoc.
 */
package org.optlab.compute.schedule;
