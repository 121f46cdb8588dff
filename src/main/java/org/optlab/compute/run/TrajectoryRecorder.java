package org.optlab.compute.run;

/**
 * Records every k-th iterate, iteration 0 and the last, into arrays sized before the run starts,
 * so that recording allocates nothing per step.
 */
public final class TrajectoryRecorder implements RunObserver {

    private final int every;
    private final int dimension;
    private final int[] iterations;
    private final double[] points;
    private final double[] losses;
    private final double[] gradientNorms;
    private final double[] learningRates;
    private int size;
    /** The next multiple of {@code every} after the iterates seen: no division per step. */
    private long next;

    /**
     * @param every keep iterates whose index is a multiple of this
     * @param maxIterations the run's budget T, which bounds the number of points
     */
    public TrajectoryRecorder(int dimension, int every, int maxIterations) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be ≥ 1");
        }
        this.every = every;
        this.dimension = dimension;
        int capacity = capacity(maxIterations, every);
        iterations = new int[capacity];
        points = new double[Math.multiplyExact(capacity, dimension)];
        losses = new double[capacity];
        gradientNorms = new double[capacity];
        learningRates = new double[capacity];
    }

    /**
     * The most points a run of T steps can record: every multiple of k up to T, and the last when
     * it is not one. A run that ends early records no more: it has fewer multiples of k.
     */
    public static int capacity(int maxIterations, int every) {
        return maxIterations / every + (maxIterations % every == 0 ? 1 : 2);
    }

    @Override
    public void onIterate(int iteration, double[] point, double loss, double gradientNorm, double learningRate) {
        if (iteration == next) {
            add(iteration, point, loss, gradientNorm, learningRate);
            next += every;
        } else if (iteration > next) {
            // The runner skipped iterates (a minibatch run reports only those it evaluates in full).
            if (iteration % every == 0) {
                add(iteration, point, loss, gradientNorm, learningRate);
            }
            next = ((long) iteration / every + 1) * every;
        }
    }

    @Override
    public void onFinish(int iteration, double[] point, double loss, double gradientNorm, double learningRate) {
        if (size == 0 || iterations[size - 1] != iteration) {
            add(iteration, point, loss, gradientNorm, learningRate);
        }
    }

    private void add(int iteration, double[] point, double loss, double gradientNorm, double learningRate) {
        iterations[size] = iteration;
        int offset = size * dimension;
        if (dimension <= 16) {
            // A loop: for the 2-D paths most runs record, System.arraycopy's stub call costs a fifth
            // of an SGD step.
            for (int j = 0; j < dimension; j++) {
                points[offset + j] = point[j];
            }
        } else {
            System.arraycopy(point, 0, points, offset, dimension);
        }
        losses[size] = loss;
        gradientNorms[size] = gradientNorm;
        learningRates[size] = learningRate;
        size++;
    }

    /**
     * The points recorded, trimmed to size. Call once the run is over: a full recorder (a run that
     * used its whole budget) hands its arrays over rather than copying them.
     */
    public Trajectory trajectory() {
        if (size == iterations.length) {
            return new Trajectory(size, dimension, iterations, points, losses, gradientNorms, learningRates);
        }
        return new Trajectory(
                size,
                dimension,
                java.util.Arrays.copyOf(iterations, size),
                java.util.Arrays.copyOf(points, size * dimension),
                java.util.Arrays.copyOf(losses, size),
                java.util.Arrays.copyOf(gradientNorms, size),
                java.util.Arrays.copyOf(learningRates, size));
    }
}
