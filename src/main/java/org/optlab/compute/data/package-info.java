/**
 * Objectives over data: linear, logistic and softmax regression and an MLP classifier, as mean
 * losses over a data set with minibatch gradients ({@link
 * org.optlab.compute.objective.StochasticObjective}). Data sets are generated from a seed, given
 * inline, or built in (public UCI sets shipped as resources, see {@code NOTICE.md} there); they are
 * split and standardised once and shared, immutable, between the plans that use them.
 */
package org.optlab.compute.data;
