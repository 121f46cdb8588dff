package org.optlab.compute.optimizer;

import java.util.List;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;

/**
 * The lecture's heavy-ball momentum. Classical form: v ← βv − η∇f(w), w ← w + v, with v₀ = 0
 * (Polyak 1964). EMA form: v ← βv + (1 − β)∇f(w), w ← w − ηv, with v₀ = 0 — an exponential moving
 * average of gradients, which is neither PyTorch's SGD with dampening (whose buffer starts at the
 * first gradient) nor the classical form (its steps are (1 − β) times smaller at equal η).
 */
public record Momentum(double learningRate, double beta, boolean ema, boolean maximize) implements Optimizer<double[]> {

    static final ParameterSpec LEARNING_RATE = Hyperparameters.learningRate(0.001);
    static final ParameterSpec BETA = Hyperparameters.beta("beta", 0.9, "β, the fraction of velocity kept each step.");
    static final ParameterSpec FORM = ParameterSpec.choice(
            "form",
            "classical",
            List.of("classical", "ema"),
            "classical: v ← βv − η∇f(w), w ← w + v;  ema: v ← βv + (1−β)∇f(w), w ← w − ηv.");
    static final ParameterSpec MAXIMIZE = Hyperparameters.maximize();

    public static final OptimizerKind KIND = new OptimizerKind(
            new CatalogEntry(
                    "momentum",
                    "Heavy-ball momentum (lecture form)",
                    "Polyak's heavy ball as taught: a velocity accumulates past gradients and carries the iterate "
                            + "through narrow valleys. The 'ema' form averages gradients instead.",
                    "classical: v ← βv − η∇f(w), w ← w + v;  ema: v ← βv + (1−β)∇f(w), w ← w − ηv;  v₀ = 0",
                    "B. T. Polyak, Some methods of speeding up the convergence of iteration methods, USSR "
                            + "Computational Mathematics and Mathematical Physics 4(5), 1964",
                    "PyTorch's SGD(momentum=β) keeps b ← βb + g with b₀ = g and steps w ← w − ηb; the classical "
                            + "form here equals it only at constant η. The ema form is the lecture's first formula.",
                    List.of(LEARNING_RATE, BETA, FORM, MAXIMIZE)),
            v -> new Momentum(
                    v.number("learningRate"), v.number("beta"), v.choice("form").equals("ema"), v.flag("maximize")));

    public Momentum {
        LEARNING_RATE.check(learningRate);
        BETA.check(beta);
    }

    @Override
    public double[] init(int dimension) {
        return new double[dimension];
    }

    @Override
    public void update(double[] v, double[] w, double[] g, double lr, StepContext context) {
        int n = w.length;
        double sign = maximize ? -1 : 1;
        if (ema) {
            double share = 1 - beta;
            for (int i = 0; i < n; i++) {
                v[i] = beta * v[i] + share * (sign * g[i]);
                w[i] = w[i] - lr * v[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                v[i] = beta * v[i] - lr * (sign * g[i]);
                w[i] = w[i] + v[i];
            }
        }
    }
}
