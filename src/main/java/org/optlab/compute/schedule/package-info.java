/**
 * Learning-rate schedules: lr_t for step t, from the optimizer's base rate η and the run's length
 * T. {@link org.optlab.compute.schedule.Schedules} lists them by name.
 */
package org.optlab.compute.schedule;
