package org.optlab.compute.data;

import java.util.Arrays;
import org.optlab.compute.objective.StochasticObjective;

/**
 * The buffers of one thread's evaluations of a {@link DataObjective}: the model's scratch array
 * and, for a run's sampler, the permutation of training indices that orders the current epoch's
 * minibatches. Allocates nothing once built.
 */
final class DataEvaluator implements StochasticObjective.Sampler, StochasticObjective.Shard {

    private final DataObjective objective;
    private final Model model;
    private final DataSet training;
    private final DataSet validation;
    private final double[] scratch;
    private final int[] order;
    private final SeededRandom random;
    private final int batch;
    /** A shard whose one batch is all of it: its order does not matter, so it is never shuffled. */
    private final boolean wholeShard;

    private int epoch = -1;

    /** @param random the shuffling stream, or null for an evaluator that draws no minibatches */
    DataEvaluator(DataObjective objective, SeededRandom random) {
        this(objective, random, null, objective.batchSize());
    }

    /**
     * A shard's sampler: minibatches of {@code batch} drawn from {@code samples} (training indices)
     * only; full evaluations and metrics still cover the whole sets.
     */
    DataEvaluator(DataObjective objective, SeededRandom random, int[] samples, int batch) {
        this.objective = objective;
        this.batch = batch;
        this.model = objective.model();
        this.training = objective.training();
        this.validation = objective.validation();
        this.scratch = new double[model.workspace()];
        this.random = random;
        this.wholeShard = samples != null && batch >= samples.length;
        if (random == null) {
            order = null;
        } else if (samples != null) {
            order = samples;
        } else {
            order = new int[training.samples];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
        }
    }

    @Override
    public double evaluate(double[] w, double[] gradient) {
        Arrays.fill(gradient, 0, model.dimension(), 0);
        int n = training.samples;
        int d = training.width;
        double scale = 1.0 / n;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += model.accumulate(w, training.features, i * d, training.targets[i], gradient, scale, scratch);
        }
        return sum * scale + objective.penalty(w, gradient);
    }

    @Override
    public double gradient(double[] w, double[] gradient, int step) {
        if (order == null) {
            throw new IllegalStateException("an evaluator draws no minibatches; use a sampler");
        }
        int samples = order.length;
        int perEpoch = (samples + batch - 1) / batch;
        int target = step / perEpoch;
        if (target < epoch) {
            throw new IllegalStateException("step " + step + " lies in an epoch already left behind");
        }
        while (epoch < target) {
            if (!wholeShard) {
                random.shuffle(order);
            }
            epoch++;
        }
        int from = (step - target * perEpoch) * batch;
        int to = Math.min(from + batch, samples);
        Arrays.fill(gradient, 0, model.dimension(), 0);
        int d = training.width;
        double scale = 1.0 / (to - from);
        double sum = 0;
        for (int p = from; p < to; p++) {
            int i = order[p];
            sum += model.accumulate(w, training.features, i * d, training.targets[i], gradient, scale, scratch);
        }
        return sum * scale + objective.penalty(w, gradient);
    }

    @Override
    public int size() {
        return order == null ? training.samples : order.length;
    }

    @Override
    public int batchSize() {
        return batch;
    }

    @Override
    public void metrics(double[] w, double[] out) {
        boolean classifier = model.classifier();
        out[StochasticObjective.TRAIN_ACCURACY] = classifier ? accuracy(w, training) : Double.NaN;
        int n = validation.samples;
        if (n == 0) {
            out[StochasticObjective.VALIDATION_LOSS] = Double.NaN;
            out[StochasticObjective.VALIDATION_ACCURACY] = Double.NaN;
            return;
        }
        int d = validation.width;
        double sum = 0;
        int correct = 0;
        for (int i = 0; i < n; i++) {
            sum += model.loss(w, validation.features, i * d, validation.targets[i], scratch);
            if (classifier && model.predicted(scratch) == (int) validation.targets[i]) {
                correct++;
            }
        }
        out[StochasticObjective.VALIDATION_LOSS] = sum / n;
        out[StochasticObjective.VALIDATION_ACCURACY] = classifier ? correct / (double) n : Double.NaN;
    }

    private double accuracy(double[] w, DataSet data) {
        int d = data.width;
        int correct = 0;
        for (int i = 0; i < data.samples; i++) {
            model.loss(w, data.features, i * d, data.targets[i], scratch);
            if (model.predicted(scratch) == (int) data.targets[i]) {
                correct++;
            }
        }
        return correct / (double) data.samples;
    }
}
