package org.optlab.compute.run;

/**
 * What a run over data adds to its path: per recorded iterate (aligned with the {@link Trajectory})
 * the validation loss and the training and validation accuracies (NaN where not defined: accuracies
 * for regression, validation values without a validation set), their values at the final iterate,
 * and how much data the run went through.
 *
 * @param epochs passes over the training set made: steps / ⌈N/B⌉
 * @param classifier whether accuracies are defined
 */
public record DataMetrics(
        double[] validationLosses,
        double[] trainAccuracies,
        double[] validationAccuracies,
        double finalValidationLoss,
        double finalTrainAccuracy,
        double finalValidationAccuracy,
        double epochs,
        int trainingSamples,
        int validationSamples,
        int batchSize,
        boolean classifier) {}
