package org.optlab.compute.data;

/**
 * A model's per-sample loss ℓ(w; x, y) and its gradient, over one flat parameter vector w. The
 * data objectives average it over a set and add the penalty; the model only sees one sample at a
 * time, with a scratch array the caller owns (sized {@link #workspace()}), so that it allocates
 * nothing and one instance serves every thread.
 */
abstract class Model {

    /** d, the number of input features. */
    final int inputs;

    Model(int inputs) {
        this.inputs = inputs;
    }

    /** The length of w. */
    abstract int dimension();

    /** The scratch doubles one sample needs. */
    abstract int workspace();

    /**
     * ℓ at the sample whose features start at {@code x[offset]}, adding {@code scale}·∇ℓ to
     * {@code gradient}.
     */
    abstract double accumulate(
            double[] w, double[] x, int offset, double y, double[] gradient, double scale, double[] ws);

    /** ℓ alone; leaves what {@link #predicted} reads in {@code ws}. */
    abstract double loss(double[] w, double[] x, int offset, double y, double[] ws);

    /** The class the last {@link #loss} call predicted, or −1 for a regression model. */
    abstract int predicted(double[] ws);

    /** Whether the targets are class labels. */
    abstract boolean classifier();

    /**
     * The parameter ranges [start, end) that are weights rather than biases: the l2 penalty covers
     * these only (as scikit-learn's {@code alpha} and {@code C} do).
     */
    abstract int[] weightRanges();

    /** The initial point when the request gives none: zeros unless the model says otherwise. */
    double[] initialPoint(long seed) {
        return new double[dimension()];
    }

    /** The index of the largest of {@code values[from … from + count)}, the first on ties. */
    static int argmax(double[] values, int from, int count) {
        int best = 0;
        for (int k = 1; k < count; k++) {
            if (values[from + k] > values[from + best]) {
                best = k;
            }
        }
        return best;
    }

    /** log Σ exp(values[from … from + count)), shifted by the maximum so that it cannot overflow. */
    static double logSumExp(double[] values, int from, int count) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            max = Math.max(max, values[from + k]);
        }
        if (max == Double.NEGATIVE_INFINITY || max == Double.POSITIVE_INFINITY || Double.isNaN(max)) {
            return max;
        }
        double sum = 0;
        for (int k = 0; k < count; k++) {
            sum += Math.exp(values[from + k] - max);
        }
        return max + Math.log(sum);
    }

    /** log(1 + eᶻ) without overflow: max(z, 0) + log1p(e^−|z|). */
    static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    /** σ(z) = 1/(1 + e^−z), evaluated on the side where the exponential cannot overflow. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }
}
