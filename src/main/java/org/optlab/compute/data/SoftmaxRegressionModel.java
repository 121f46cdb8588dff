package org.optlab.compute.data;

/**
 * Multinomial logistic regression: logits z = Wx + b for K classes, ℓ = log Σₖ e^{zₖ} − z_y
 * (PyTorch's {@code CrossEntropyLoss}), with the log-sum-exp shifted by max z; ∂ℓ/∂zₖ = pₖ − [k =
 * y], p = softmax(z). Predicts argmax z. Layout: W row-major, K rows of d (as {@code
 * torch.nn.Linear.weight}), then b (K).
 */
final class SoftmaxRegressionModel extends Model {

    private final int classes;

    SoftmaxRegressionModel(int inputs, int classes) {
        super(inputs);
        this.classes = classes;
    }

    @Override
    int dimension() {
        return classes * (inputs + 1);
    }

    @Override
    int workspace() {
        return classes;
    }

    /** Writes the logits into ws[0 … K) and returns ℓ. */
    private double forward(double[] w, double[] x, int offset, int label, double[] ws) {
        int bias = classes * inputs;
        for (int k = 0; k < classes; k++) {
            double z = w[bias + k];
            int row = k * inputs;
            for (int j = 0; j < inputs; j++) {
                z += w[row + j] * x[offset + j];
            }
            ws[k] = z;
        }
        return logSumExp(ws, 0, classes) - ws[label];
    }

    @Override
    double accumulate(double[] w, double[] x, int offset, double y, double[] gradient, double scale, double[] ws) {
        int label = (int) y;
        double loss = forward(w, x, offset, label, ws);
        double normaliser = ws[label] + loss; // log Σ e^{zₖ}
        int bias = classes * inputs;
        for (int k = 0; k < classes; k++) {
            double factor = (Math.exp(ws[k] - normaliser) - (k == label ? 1 : 0)) * scale;
            int row = k * inputs;
            for (int j = 0; j < inputs; j++) {
                gradient[row + j] += factor * x[offset + j];
            }
            gradient[bias + k] += factor;
        }
        return loss;
    }

    @Override
    double loss(double[] w, double[] x, int offset, double y, double[] ws) {
        return forward(w, x, offset, (int) y, ws);
    }

    @Override
    int predicted(double[] ws) {
        return argmax(ws, 0, classes);
    }

    @Override
    boolean classifier() {
        return true;
    }

    @Override
    int[] weightRanges() {
        return new int[] {0, classes * inputs};
    }
}
