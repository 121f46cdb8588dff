package org.optlab.compute.data;

/**
 * A multilayer perceptron classifier: one or two hidden layers of the same width with tanh or ReLU,
 * then K logits and the softmax cross-entropy of {@link SoftmaxRegressionModel}. Gradients by
 * backpropagation, one sample at a time, in the caller's scratch array.
 *
 * <p>Layout, layer by layer as a {@code torch.nn.Sequential} of {@code Linear} layers lists its
 * parameters: W₁ (width × d, row-major), b₁ (width), [W₂ (width × width), b₂ (width)], W_out (K ×
 * width), b_out (K).
 *
 * <p>Initialisation, drawn from the seed layer by layer, weights row-major, biases zero:
 * {@code glorot} is Glorot and Bengio's uniform U(−a, a), a = √(6/(fan_in + fan_out)) (PyTorch's
 * {@code xavier_uniform_}); {@code he} is He et al.'s normal N(0, 2/fan_in) (PyTorch's {@code
 * kaiming_normal_} for ReLU).
 */
final class MlpModel extends Model {

    enum Activation {
        TANH,
        RELU
    }

    enum Initialization {
        GLOROT,
        HE
    }

    private final int width;
    private final int layers;
    private final int classes;
    private final Activation activation;
    private final Initialization initialization;

    // Offsets into w.
    private final int w1;
    private final int b1;
    private final int w2;
    private final int b2;
    private final int wOut;
    private final int bOut;
    private final int dimension;

    // Offsets into the scratch array: activations, logits, back-propagated errors.
    private final int a1;
    private final int a2;
    private final int logits;
    private final int d1;
    private final int d2;
    private final int scratch;

    MlpModel(int inputs, int width, int layers, int classes, Activation activation, Initialization initialization) {
        super(inputs);
        if (layers < 1 || layers > 2) {
            throw new IllegalArgumentException("one or two hidden layers");
        }
        this.width = width;
        this.layers = layers;
        this.classes = classes;
        this.activation = activation;
        this.initialization = initialization;
        w1 = 0;
        b1 = w1 + width * inputs;
        w2 = b1 + width;
        b2 = layers == 2 ? w2 + width * width : w2;
        wOut = layers == 2 ? b2 + width : w2;
        bOut = wOut + classes * width;
        dimension = bOut + classes;
        a1 = 0;
        a2 = a1 + width;
        logits = a2 + (layers == 2 ? width : 0);
        d1 = logits + classes;
        d2 = d1 + width;
        scratch = d2 + (layers == 2 ? width : 0);
    }

    /** The number of parameters an MLP of this shape has, without building it. */
    static long parameterCount(int inputs, int width, int layers, int classes) {
        long hidden = (long) width * inputs + width + (layers == 2 ? (long) width * width + width : 0);
        return hidden + (long) classes * width + classes;
    }

    @Override
    int dimension() {
        return dimension;
    }

    @Override
    int workspace() {
        return scratch;
    }

    private double activate(double s) {
        return activation == Activation.TANH ? Math.tanh(s) : Math.max(s, 0);
    }

    /** The activation's derivative, from its output a: 1 − a² for tanh, [a &gt; 0] for ReLU (0 at 0, as PyTorch). */
    private double slope(double a) {
        return activation == Activation.TANH ? 1 - a * a : (a > 0 ? 1 : 0);
    }

    /** One dense layer: out[u] = act(b[u] + Σⱼ W[u, j]·in[j]). */
    private void dense(double[] w, int weights, int bias, double[] in, int inOffset, int fanIn, double[] ws, int out) {
        for (int u = 0; u < width; u++) {
            double s = w[bias + u];
            int row = weights + u * fanIn;
            for (int j = 0; j < fanIn; j++) {
                s += w[row + j] * in[inOffset + j];
            }
            ws[out + u] = activate(s);
        }
    }

    /** Forward pass: activations and logits into ws; returns ℓ. */
    private double forward(double[] w, double[] x, int offset, int label, double[] ws) {
        dense(w, w1, b1, x, offset, inputs, ws, a1);
        int last = a1;
        if (layers == 2) {
            dense(w, w2, b2, ws, a1, width, ws, a2);
            last = a2;
        }
        for (int k = 0; k < classes; k++) {
            double z = w[bOut + k];
            int row = wOut + k * width;
            for (int u = 0; u < width; u++) {
                z += w[row + u] * ws[last + u];
            }
            ws[logits + k] = z;
        }
        return logSumExp(ws, logits, classes) - ws[logits + label];
    }

    @Override
    double accumulate(double[] w, double[] x, int offset, double y, double[] gradient, double scale, double[] ws) {
        int label = (int) y;
        double loss = forward(w, x, offset, label, ws);
        double normaliser = ws[logits + label] + loss;
        int last = layers == 2 ? a2 : a1;
        int lastError = layers == 2 ? d2 : d1;
        for (int u = 0; u < width; u++) {
            ws[lastError + u] = 0;
        }
        // Output layer: δₖ = scale·(pₖ − [k = y]).
        for (int k = 0; k < classes; k++) {
            double delta = (Math.exp(ws[logits + k] - normaliser) - (k == label ? 1 : 0)) * scale;
            int row = wOut + k * width;
            for (int u = 0; u < width; u++) {
                gradient[row + u] += delta * ws[last + u];
                ws[lastError + u] += w[row + u] * delta;
            }
            gradient[bOut + k] += delta;
        }
        for (int u = 0; u < width; u++) {
            ws[lastError + u] *= slope(ws[last + u]);
        }
        if (layers == 2) {
            for (int v = 0; v < width; v++) {
                ws[d1 + v] = 0;
            }
            for (int u = 0; u < width; u++) {
                double delta = ws[d2 + u];
                int row = w2 + u * width;
                for (int v = 0; v < width; v++) {
                    gradient[row + v] += delta * ws[a1 + v];
                    ws[d1 + v] += w[row + v] * delta;
                }
                gradient[b2 + u] += delta;
            }
            for (int v = 0; v < width; v++) {
                ws[d1 + v] *= slope(ws[a1 + v]);
            }
        }
        for (int u = 0; u < width; u++) {
            double delta = ws[d1 + u];
            if (delta == 0) {
                continue; // a ReLU unit that is off passes nothing back
            }
            int row = w1 + u * inputs;
            for (int j = 0; j < inputs; j++) {
                gradient[row + j] += delta * x[offset + j];
            }
            gradient[b1 + u] += delta;
        }
        return loss;
    }

    @Override
    double loss(double[] w, double[] x, int offset, double y, double[] ws) {
        return forward(w, x, offset, (int) y, ws);
    }

    @Override
    int predicted(double[] ws) {
        return argmax(ws, logits, classes);
    }

    @Override
    boolean classifier() {
        return true;
    }

    @Override
    int[] weightRanges() {
        return layers == 2 ? new int[] {w1, b1, w2, b2, wOut, bOut} : new int[] {w1, b1, wOut, bOut};
    }

    @Override
    double[] initialPoint(long seed) {
        double[] w = new double[dimension];
        SeededRandom random = SeededRandom.stream(seed, Streams.INITIALIZATION);
        initialize(w, w1, width, inputs, random);
        if (layers == 2) {
            initialize(w, w2, width, width, random);
        }
        initialize(w, wOut, classes, width, random);
        return w;
    }

    private void initialize(double[] w, int offset, int fanOut, int fanIn, SeededRandom random) {
        int count = fanOut * fanIn;
        if (initialization == Initialization.GLOROT) {
            double bound = Math.sqrt(6.0 / (fanIn + fanOut));
            for (int i = 0; i < count; i++) {
                w[offset + i] = (2 * random.nextDouble() - 1) * bound;
            }
        } else {
            double std = Math.sqrt(2.0 / fanIn);
            for (int i = 0; i < count; i++) {
                w[offset + i] = std * random.nextGaussian();
            }
        }
    }
}
