package org.optlab.compute.data;

/**
 * ŷ = w·x + b with the squared error ℓ = (ŷ − y)², whose mean is PyTorch's {@code MSELoss}. Layout:
 * w = (w₀ … w_{d−1}, b).
 */
final class LinearRegressionModel extends Model {

    LinearRegressionModel(int inputs) {
        super(inputs);
    }

    @Override
    int dimension() {
        return inputs + 1;
    }

    @Override
    int workspace() {
        return 1;
    }

    private double predict(double[] w, double[] x, int offset) {
        double z = w[inputs];
        for (int j = 0; j < inputs; j++) {
            z += w[j] * x[offset + j];
        }
        return z;
    }

    @Override
    double accumulate(double[] w, double[] x, int offset, double y, double[] gradient, double scale, double[] ws) {
        double residual = predict(w, x, offset) - y;
        double factor = 2 * residual * scale;
        for (int j = 0; j < inputs; j++) {
            gradient[j] += factor * x[offset + j];
        }
        gradient[inputs] += factor;
        return residual * residual;
    }

    @Override
    double loss(double[] w, double[] x, int offset, double y, double[] ws) {
        double residual = predict(w, x, offset) - y;
        return residual * residual;
    }

    @Override
    int predicted(double[] ws) {
        return -1;
    }

    @Override
    boolean classifier() {
        return false;
    }

    @Override
    int[] weightRanges() {
        return new int[] {0, inputs};
    }
}
