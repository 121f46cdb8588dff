/**
 * Many runs at once: comparisons of several optimizers on one problem (optionally tuned on equal
 * trial budgets), hyperparameter sweeps (grid, random, successive halving) and loss landscapes.
 * Runs execute on the shared {@link org.optlab.compute.ComputePool}; orchestration happens on the
 * caller's thread.
 */
package org.optlab.compute.study;
