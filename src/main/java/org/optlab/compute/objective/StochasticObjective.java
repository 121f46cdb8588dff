package org.optlab.compute.objective;

/**
 * An objective that is a mean loss over a training set, f(w) = (1/N) Σᵢ ℓ(w; xᵢ, yᵢ) + penalty(w),
 * and can also give the gradient of a minibatch: the setting of stochastic gradient descent.
 *
 * <p>{@link #evaluate} is the exact full-training-set loss and gradient. A run draws its minibatches
 * from a {@link Sampler} made for it from the run's seed, so that executing the same run twice
 * gives the same numbers: each epoch visits every training sample exactly once, in an order
 * shuffled from the seed, in ⌈N/B⌉ batches of B (the last one smaller when B does not divide N, as
 * PyTorch's {@code DataLoader} with {@code drop_last=False}).
 *
 * <p>Thread safety: the objective itself is immutable and may be shared; {@link #evaluate}
 * allocates its own scratch space per call. An {@link Evaluator} or {@link Sampler} owns
 * preallocated buffers and serves one thread (one run) only.
 */
public interface StochasticObjective extends Objective {

    /** Index of the validation loss in {@link Evaluator#metrics}'s output. */
    int VALIDATION_LOSS = 0;

    /** Index of the training accuracy (NaN for regression). */
    int TRAIN_ACCURACY = 1;

    /** Index of the validation accuracy (NaN for regression or without a validation set). */
    int VALIDATION_ACCURACY = 2;

    /** The length of {@link Evaluator#metrics}'s output. */
    int METRICS = 3;

    /** N, the number of training samples. */
    int trainingSize();

    /** The number of held-out validation samples (0 when validationFraction is 0). */
    int validationSize();

    /** B, the samples per minibatch, 1 ≤ B ≤ N. */
    int batchSize();

    /** Whether the model predicts classes (accuracies are defined). */
    boolean classifier();

    /** Whether a step sees less than the whole training set. */
    default boolean minibatch() {
        return batchSize() < trainingSize();
    }

    /** ⌈N/B⌉, the steps of one epoch. */
    default int stepsPerEpoch() {
        return (trainingSize() + batchSize() - 1) / batchSize();
    }

    /** Passes over the training set that {@code steps} update steps make (fractional). */
    default double epochs(int steps) {
        return steps / (double) stepsPerEpoch();
    }

    /**
     * The training set split into {@code workers} shards for a data-parallel run, each with its own
     * minibatches drawn from {@code seed}. The split is a permutation of the training indices
     * shuffled from the seed, cut into contiguous parts whose sizes differ by at most one (the first
     * N mod W shards one larger), each part then sorted so that a shard is a set, not an order. Worker
     * k shuffles its shard each epoch from its own stream; worker 0's stream is the plain run's, so
     * one worker owning the whole set draws exactly the plain run's minibatches. Each worker's batch
     * is min(B, its shard's size); a batch that covers the whole shard is taken in index order.
     */
    Shard[] shards(long seed, int workers);

    /** Fresh buffers for full evaluations and metrics, for one thread. */
    Evaluator evaluator();

    /** Fresh buffers and a minibatch order shuffled from {@code seed}, for one run. */
    Sampler sampler(long seed);

    /** Full-set evaluations with preallocated buffers: allocates nothing per call. */
    interface Evaluator {

        /** f(w) over the whole training set, and ∇f(w) written into {@code gradient}. */
        double evaluate(double[] point, double[] gradient);

        /**
         * Writes, at {@link #VALIDATION_LOSS}, {@link #TRAIN_ACCURACY} and {@link
         * #VALIDATION_ACCURACY}, the mean data loss on the validation set (no penalty term) and the
         * fraction of training and validation samples classified correctly; NaN where not defined.
         */
        void metrics(double[] point, double[] out);
    }

    /** The minibatches of one run. */
    interface Sampler extends Evaluator {

        /**
         * The loss of step t's minibatch (mean over the batch, plus the penalty) at {@code point},
         * and its gradient written into {@code gradient}. Steps may repeat (look-ahead gradients of
         * the same step) but must not go back to an earlier epoch.
         */
        double gradient(double[] point, double[] gradient, int step);
    }

    /** One worker's part of the training set and its minibatches; serves one thread. */
    interface Shard {

        /** The training samples this shard owns. */
        int size();

        /** The samples of each of its minibatches: min(B, {@link #size()}). */
        int batchSize();

        /** ⌈size / batch⌉, the worker's steps per pass over its shard. */
        default int stepsPerEpoch() {
            return (size() + batchSize() - 1) / batchSize();
        }

        /** The samples that the worker's first {@code steps} minibatches hold together. */
        default long samples(int steps) {
            long epochs = steps / stepsPerEpoch();
            int rest = steps % stepsPerEpoch();
            return epochs * size() + Math.min((long) rest * batchSize(), size());
        }

        /**
         * The loss of the worker's minibatch number {@code step} (its own count, from 0) at
         * {@code point}, mean over the batch plus the penalty, and its gradient written into
         * {@code gradient}. As {@link Sampler#gradient}: steps may repeat but not go back an epoch.
         */
        double gradient(double[] point, double[] gradient, int step);
    }
}
