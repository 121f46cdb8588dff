package org.optlab.compute.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic data sets drawn from a seed, after scikit-learn's {@code make_*} functions where one
 * exists (same geometry; not the same draws). Classes are balanced: sample i belongs to class
 * i·K/n, as scikit-learn splits {@code n_samples} over the blobs.
 */
public enum Generator {
    /**
     * x ~ N(0, I); regression: y = x·w* + b* + noise·ε with w*, b* ~ N(0, 1); classification: y =
     * argmaxₖ (x·w*ₖ + b*ₖ + noise·εₖ).
     */
    LINEAR("linear", 5, 2, 0.1, false),
    /**
     * As linear, but feature j (from 0) is non-zero with probability 1/(1 + j): feature 0 always, the
     * later ones ever more rarely — the rare features of text data, where per-coordinate step sizes
     * (Adagrad, Adam) help.
     */
    SPARSE_LINEAR("sparse_linear", 20, 2, 0.1, false),
    /** K Gaussian blobs: centres uniform in [−10, 10]^d, standard deviation noise (make_blobs). */
    BLOBS("blobs", 2, 3, 1.0, false),
    /** Two interleaving half circles plus noise·N(0, I) (make_moons). */
    MOONS("moons", 2, 2, 0.2, true),
    /** A circle of radius 1 around one of radius 0.5, plus noise·N(0, I) (make_circles, factor 0.5). */
    CIRCLES("circles", 2, 2, 0.1, true),
    /**
     * K arms r(sin θ, cos θ), r from 0 to 1, θ from 4k to 4(k + 1) plus noise·N(0, 1) (CS231n's
     * spiral).
     */
    SPIRALS("spirals", 2, 3, 0.2, true);

    private final String wireName;
    private final int defaultFeatures;
    private final int defaultClasses;
    private final double defaultNoise;
    private final boolean planar;

    Generator(String wireName, int defaultFeatures, int defaultClasses, double defaultNoise, boolean planar) {
        this.wireName = wireName;
        this.defaultFeatures = defaultFeatures;
        this.defaultClasses = defaultClasses;
        this.defaultNoise = defaultNoise;
        this.planar = planar;
    }

    public String wireName() {
        return wireName;
    }

    public int defaultFeatures() {
        return defaultFeatures;
    }

    public int defaultClasses() {
        return defaultClasses;
    }

    public double defaultNoise() {
        return defaultNoise;
    }

    /** Whether the points lie in the plane (features must be 2). */
    public boolean planar() {
        return planar;
    }

    /** Whether the kind can make real-valued targets (for regression). */
    public boolean regression() {
        return this == LINEAR || this == SPARSE_LINEAR;
    }

    /** Whether the number of classes is fixed at 2. */
    public boolean binaryOnly() {
        return this == MOONS || this == CIRCLES;
    }

    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Generator generator : values()) {
            names.add(generator.wireName);
        }
        return names;
    }

    public static Generator named(String name) {
        for (Generator generator : values()) {
            if (generator.wireName.equals(name)) {
                return generator;
            }
        }
        throw new IllegalArgumentException("no generator " + name);
    }

    /**
     * Draws a data set.
     *
     * @param classes the number of classes, or 0 for real-valued targets (linear kinds only)
     */
    public DataSet generate(int samples, int features, int classes, double noise, long seed) {
        SeededRandom random = SeededRandom.stream(seed, Streams.GENERATION);
        double[] x = new double[samples * features];
        double[] y = new double[samples];
        switch (this) {
            case LINEAR, SPARSE_LINEAR -> linear(x, y, samples, features, classes, noise, random);
            case BLOBS -> blobs(x, y, samples, features, classes, noise, random);
            case MOONS -> moons(x, y, samples, noise, random);
            case CIRCLES -> circles(x, y, samples, noise, random);
            case SPIRALS -> spirals(x, y, samples, classes, noise, random);
        }
        return new DataSet(x, y, features, classes);
    }

    private void linear(
            double[] x, double[] y, int samples, int features, int classes, double noise, SeededRandom random) {
        int outputs = Math.max(1, classes);
        double[] weights = new double[outputs * features];
        double[] bias = new double[outputs];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = random.nextGaussian();
        }
        for (int k = 0; k < outputs; k++) {
            bias[k] = random.nextGaussian();
        }
        double[] scores = new double[outputs];
        for (int i = 0; i < samples; i++) {
            for (int j = 0; j < features; j++) {
                boolean active = this == LINEAR || random.nextDouble() < 1.0 / (1 + j);
                x[i * features + j] = active ? random.nextGaussian() : 0;
            }
            for (int k = 0; k < outputs; k++) {
                double s = bias[k] + noise * random.nextGaussian();
                for (int j = 0; j < features; j++) {
                    s += weights[k * features + j] * x[i * features + j];
                }
                scores[k] = s;
            }
            y[i] = classes == 0 ? scores[0] : Model.argmax(scores, 0, outputs);
        }
    }

    private static int classOf(int i, int samples, int classes) {
        return (int) ((long) i * classes / samples);
    }

    private static void blobs(
            double[] x, double[] y, int samples, int features, int classes, double noise, SeededRandom random) {
        double[] centres = new double[classes * features];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = -10 + 20 * random.nextDouble();
        }
        for (int i = 0; i < samples; i++) {
            int k = classOf(i, samples, classes);
            for (int j = 0; j < features; j++) {
                x[i * features + j] = centres[k * features + j] + noise * random.nextGaussian();
            }
            y[i] = k;
        }
    }

    private static void moons(double[] x, double[] y, int samples, double noise, SeededRandom random) {
        int outer = samples / 2;
        int inner = samples - outer;
        for (int i = 0; i < samples; i++) {
            boolean first = i < outer;
            int index = first ? i : i - outer;
            int count = first ? outer : inner;
            double angle = count == 1 ? 0 : Math.PI * index / (count - 1);
            double px = first ? Math.cos(angle) : 1 - Math.cos(angle);
            double py = first ? Math.sin(angle) : 1 - Math.sin(angle) - 0.5;
            x[2 * i] = px + noise * random.nextGaussian();
            x[2 * i + 1] = py + noise * random.nextGaussian();
            y[i] = first ? 0 : 1;
        }
    }

    private static void circles(double[] x, double[] y, int samples, double noise, SeededRandom random) {
        int outer = samples / 2;
        int inner = samples - outer;
        for (int i = 0; i < samples; i++) {
            boolean first = i < outer;
            int index = first ? i : i - outer;
            int count = first ? outer : inner;
            double angle = 2 * Math.PI * index / count;
            double radius = first ? 1 : 0.5;
            x[2 * i] = radius * Math.cos(angle) + noise * random.nextGaussian();
            x[2 * i + 1] = radius * Math.sin(angle) + noise * random.nextGaussian();
            y[i] = first ? 0 : 1;
        }
    }

    private static void spirals(double[] x, double[] y, int samples, int classes, double noise, SeededRandom random) {
        for (int i = 0; i < samples; i++) {
            int k = classOf(i, samples, classes);
            int first = (int) (((long) k * samples + classes - 1) / classes); // first index of class k
            int next = (int) (((long) (k + 1) * samples + classes - 1) / classes);
            int count = next - first;
            double t = count == 1 ? 0 : (i - first) / (double) (count - 1);
            double angle = 4 * k + 4 * t + noise * random.nextGaussian();
            x[2 * i] = t * Math.sin(angle);
            x[2 * i + 1] = t * Math.cos(angle);
            y[i] = k;
        }
    }
}
