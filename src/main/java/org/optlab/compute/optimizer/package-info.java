/**
 * Optimizers as pure init/update pairs: an {@link org.optlab.compute.optimizer.Optimizer} holds
 * only hyperparameters, {@code init} makes the per-run state, {@code update} changes the
 * parameters in place. {@link org.optlab.compute.optimizer.Optimizers} lists them by name.
 *
 * <p>Where PyTorch has the optimizer, the update follows its {@code torch.optim} algorithm in the
 * same order of floating-point operations, so trajectories agree to rounding.
 */
package org.optlab.compute.optimizer;
