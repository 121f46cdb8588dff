package org.optlab.compute.run;

import java.util.Arrays;
import org.optlab.compute.objective.StochasticObjective;

/**
 * Records the validation loss and the accuracies of the iterates that {@link TrajectoryRecorder}
 * keeps (every k-th, and the last), into arrays sized before the run, with the objective's
 * preallocated evaluator: one pass over the training and validation sets per recorded point, and no
 * allocation per step. An observer, so the loop knows nothing of validation data.
 */
public final class MetricsRecorder implements RunObserver {

    private final StochasticObjective objective;
    private final StochasticObjective.Evaluator evaluator;
    private final int every;
    private final int[] iterations;
    private final double[] validationLosses;
    private final double[] trainAccuracies;
    private final double[] validationAccuracies;
    private final double[] scratch = new double[StochasticObjective.METRICS];
    private int size;

    public MetricsRecorder(StochasticObjective objective, int every, int maxIterations) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be ≥ 1");
        }
        this.objective = objective;
        this.evaluator = objective.evaluator();
        this.every = every;
        int capacity = TrajectoryRecorder.capacity(maxIterations, every);
        iterations = new int[capacity];
        validationLosses = new double[capacity];
        trainAccuracies = new double[capacity];
        validationAccuracies = new double[capacity];
    }

    @Override
    public void onIterate(int iteration, double[] point, double loss, double gradientNorm, double learningRate) {
        if (iteration % every == 0) {
            add(iteration, point);
        }
    }

    @Override
    public void onFinish(int iteration, double[] point, double loss, double gradientNorm, double learningRate) {
        if (size == 0 || iterations[size - 1] != iteration) {
            add(iteration, point);
        }
    }

    private void add(int iteration, double[] point) {
        evaluator.metrics(point, scratch);
        iterations[size] = iteration;
        validationLosses[size] = scratch[StochasticObjective.VALIDATION_LOSS];
        trainAccuracies[size] = scratch[StochasticObjective.TRAIN_ACCURACY];
        validationAccuracies[size] = scratch[StochasticObjective.VALIDATION_ACCURACY];
        size++;
    }

    /** The metrics recorded so far, for a run of {@code steps} update steps. */
    public DataMetrics metrics(int steps) {
        int last = size - 1;
        return new DataMetrics(
                Arrays.copyOf(validationLosses, size),
                Arrays.copyOf(trainAccuracies, size),
                Arrays.copyOf(validationAccuracies, size),
                last < 0 ? Double.NaN : validationLosses[last],
                last < 0 ? Double.NaN : trainAccuracies[last],
                last < 0 ? Double.NaN : validationAccuracies[last],
                objective.epochs(steps),
                objective.trainingSize(),
                objective.validationSize(),
                objective.batchSize(),
                objective.classifier());
    }
}
