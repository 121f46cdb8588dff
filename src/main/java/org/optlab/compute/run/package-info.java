/**
 * The optimization loop and what surrounds it: the {@link org.optlab.compute.run.Runner} owns
 * stopping, divergence, the time limit, counting and timing; recording happens in observers such as
 * {@link org.optlab.compute.run.TrajectoryRecorder}; {@link org.optlab.compute.run.RunPlan} binds a
 * request's plain maps into everything a run needs.
 */
package org.optlab.compute.run;
