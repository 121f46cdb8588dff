package org.optlab.compute.data;

/**
 * P(y = 1 | x) = σ(z), z = w·x + b, with the binary cross-entropy ℓ = log(1 + eᶻ) − y·z (PyTorch's
 * {@code BCEWithLogitsLoss}), computed as softplus(z) − y·z so that it never overflows; ∂ℓ/∂z =
 * σ(z) − y. Predicts class 1 when z &gt; 0. Layout: w = (w₀ … w_{d−1}, b).
 */
final class LogisticRegressionModel extends Model {

    LogisticRegressionModel(int inputs) {
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

    private double logit(double[] w, double[] x, int offset) {
        double z = w[inputs];
        for (int j = 0; j < inputs; j++) {
            z += w[j] * x[offset + j];
        }
        return z;
    }

    @Override
    double accumulate(double[] w, double[] x, int offset, double y, double[] gradient, double scale, double[] ws) {
        double z = logit(w, x, offset);
        double factor = (sigmoid(z) - y) * scale;
        for (int j = 0; j < inputs; j++) {
            gradient[j] += factor * x[offset + j];
        }
        gradient[inputs] += factor;
        return softplus(z) - y * z;
    }

    @Override
    double loss(double[] w, double[] x, int offset, double y, double[] ws) {
        double z = logit(w, x, offset);
        ws[0] = z;
        return softplus(z) - y * z;
    }

    @Override
    int predicted(double[] ws) {
        return ws[0] > 0 ? 1 : 0;
    }

    @Override
    boolean classifier() {
        return true;
    }

    @Override
    int[] weightRanges() {
        return new int[] {0, inputs};
    }
}
