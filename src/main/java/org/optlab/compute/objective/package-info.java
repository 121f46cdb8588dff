/**
 * Objective functions: a loss and its exact gradient, with the default start, plotting domain and
 * known minimisers that the catalog shows. {@link org.optlab.compute.objective.Objectives} lists
 * them by name.
 */
package org.optlab.compute.objective;
