package org.optlab.compute.data;

/**
 * Samples in memory: features row-major (sample i is {@code features[i·width … i·width + width)})
 * and one target per sample, a real number for regression or a class label 0 … classes − 1.
 * Immutable once built; the arrays are never handed out, so instances are shared freely (between
 * the plans of a sweep, say).
 */
public final class DataSet {

    final double[] features;
    final double[] targets;
    final int samples;
    final int width;
    final int classes;

    /**
     * @param classes the number of classes, or 0 for real-valued targets
     */
    DataSet(double[] features, double[] targets, int width, int classes) {
        if (width < 1 || features.length != targets.length * width) {
            throw new IllegalArgumentException("features must hold " + targets.length + " rows of " + width);
        }
        this.features = features;
        this.targets = targets;
        this.samples = targets.length;
        this.width = width;
        this.classes = classes;
    }

    public int samples() {
        return samples;
    }

    /** The number of features of each sample. */
    public int width() {
        return width;
    }

    /** The number of classes, or 0 for regression targets. */
    public int classes() {
        return classes;
    }

    /** A copy of sample {@code index}'s features. */
    public double[] row(int index) {
        double[] row = new double[width];
        System.arraycopy(features, index * width, row, 0, width);
        return row;
    }

    public double target(int index) {
        return targets[index];
    }

    /** The samples at {@code indices}, in that order. */
    DataSet select(int[] indices, int from, int to) {
        int count = to - from;
        double[] x = new double[count * width];
        double[] y = new double[count];
        for (int i = 0; i < count; i++) {
            int source = indices[from + i];
            System.arraycopy(features, source * width, x, i * width, width);
            y[i] = targets[source];
        }
        return new DataSet(x, y, width, classes);
    }
}
