package org.optlab.compute.optimizer;

import org.optlab.compute.param.ParameterSpec;

/** The hyperparameters that several optimizers share, described once. */
final class Hyperparameters {

    static final String MAXIMIZE_TEXT = "Maximise the objective instead of minimising it (PyTorch's maximize).";

    private Hyperparameters() {}

    static ParameterSpec learningRate(double defaultValue) {
        return ParameterSpec.number("learningRate", defaultValue, "η, the step size (PyTorch's lr).")
                .atLeast(0);
    }

    static ParameterSpec weightDecay(double defaultValue, String how) {
        return ParameterSpec.number("weightDecay", defaultValue, how).atLeast(0);
    }

    static ParameterSpec epsilon(double defaultValue) {
        return ParameterSpec.number("epsilon", defaultValue, "ε, added to the denominator for numerical stability.")
                .atLeast(0);
    }

    static ParameterSpec beta(String name, double defaultValue, String description) {
        return ParameterSpec.number(name, defaultValue, description).atLeast(0).below(1);
    }

    static ParameterSpec maximize() {
        return ParameterSpec.bool("maximize", false, MAXIMIZE_TEXT);
    }

    /** g ← −g when maximising, then g ← g + λw for coupled L2 decay (PyTorch's order). */
    static void prepareGradient(double[] gradient, double[] parameters, boolean maximize, double weightDecay) {
        int n = gradient.length;
        if (maximize) {
            for (int i = 0; i < n; i++) {
                gradient[i] = -gradient[i];
            }
        }
        if (weightDecay != 0) {
            for (int i = 0; i < n; i++) {
                gradient[i] = gradient[i] + weightDecay * parameters[i];
            }
        }
    }
}
