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

    /** The most points a run of T steps can record: every multiple of k up to T, and the last. */
    public static int capacity(int maxIterations, int every) {
        return maxIterations / every + 2;
    }

    @Override
    public void onIterate(int iteration, double[] point, double loss, double gradientNorm, double learningRate) {
        if (iteration % every == 0) {
            add(iteration, point, loss, gradientNorm, learningRate);
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
        System.arraycopy(point, 0, points, size * dimension, dimension);
        losses[size] = loss;
        gradientNorms[size] = gradientNorm;
        learningRates[size] = learningRate;
        size++;
    }

    /** The points recorded so far, trimmed to size. */
    public Trajectory trajectory() {
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
