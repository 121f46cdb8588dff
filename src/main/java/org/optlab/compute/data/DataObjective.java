package org.optlab.compute.data;

import org.optlab.compute.objective.Domain;
import org.optlab.compute.objective.Optimum;
import org.optlab.compute.objective.StochasticObjective;
import org.optlab.compute.param.ParameterValues;

/**
 * A model's mean loss over a training set plus an l2 penalty on its weights (not its biases):
 * f(w) = (1/N) Σᵢ ℓ(w; xᵢ, yᵢ) + (λ/2) Σ_{weights} wⱼ², so that ∇ adds λw, as PyTorch's coupled
 * weight decay λ would. Immutable and safe to share; evaluations use per-thread
 * {@link DataEvaluator}s.
 */
final class DataObjective implements StochasticObjective {

    /** Least squares is solved for the known optimum only when N·(d + 1)² stays below this. */
    private static final long OPTIMUM_WORK = 20_000_000;

    private final Model model;
    private final TrainingData data;
    private final double l2;
    private final int batchSize;
    private final long seed;
    private final int[] weightRanges;
    private final ParameterValues completions;
    private volatile Optimum optimum;
    private volatile boolean optimumKnown;

    DataObjective(Model model, TrainingData data, double l2, int batchSize, long seed, ParameterValues completions) {
        this.model = model;
        this.data = data;
        this.l2 = l2;
        this.batchSize = batchSize;
        this.seed = seed;
        this.weightRanges = model.weightRanges();
        this.completions = completions;
    }

    Model model() {
        return model;
    }

    DataSet training() {
        return data.training;
    }

    DataSet validation() {
        return data.validation;
    }

    /** The penalty (λ/2)Σw² over the weights, with λw added to {@code gradient}. */
    double penalty(double[] w, double[] gradient) {
        if (l2 == 0) {
            return 0;
        }
        double sum = 0;
        for (int r = 0; r < weightRanges.length; r += 2) {
            for (int i = weightRanges[r]; i < weightRanges[r + 1]; i++) {
                sum += w[i] * w[i];
                gradient[i] += l2 * w[i];
            }
        }
        return 0.5 * l2 * sum;
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public double evaluate(double[] point, double[] gradient) {
        return new DataEvaluator(this, null).evaluate(point, gradient);
    }

    @Override
    public int trainingSize() {
        return data.training.samples;
    }

    @Override
    public int validationSize() {
        return data.validation.samples;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public boolean classifier() {
        return model.classifier();
    }

    @Override
    public Evaluator evaluator() {
        return new DataEvaluator(this, null);
    }

    @Override
    public Sampler sampler(long runSeed) {
        return new DataEvaluator(this, SeededRandom.stream(runSeed, Streams.SHUFFLE));
    }

    @Override
    public Shard[] shards(long runSeed, int workers) {
        int n = data.training.samples;
        if (workers < 1 || workers > n) {
            throw new IllegalArgumentException("workers must be in 1.." + n + ", was " + workers);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (workers > 1) {
            SeededRandom.stream(runSeed, Streams.SHARDS).shuffle(order);
        }
        Shard[] shards = new Shard[workers];
        int from = 0;
        for (int k = 0; k < workers; k++) {
            int size = n / workers + (k < n % workers ? 1 : 0);
            int[] indices = java.util.Arrays.copyOfRange(order, from, from + size);
            java.util.Arrays.sort(indices);
            from += size;
            // Worker 0's stream is the plain run's: one worker is the plain run.
            SeededRandom random = SeededRandom.stream(runSeed ^ (k * 0x9E37_79B9_7F4A_7C15L), Streams.SHUFFLE);
            shards[k] = new DataEvaluator(this, random, indices, Math.min(batchSize, size));
        }
        return shards;
    }

    @Override
    public double[] defaultInitialPoint() {
        return model.initialPoint(seed);
    }

    @Override
    public ParameterValues completed(ParameterValues given) {
        ParameterValues result = given;
        for (var entry : completions.asMap().entrySet()) {
            result = result.with(entry.getKey(), entry.getValue());
        }
        return result;
    }

    /**
     * For linear regression, the least-squares solution of the normal equations on the training
     * set (with the penalty), when it is unique and cheap to compute; null for the other models,
     * whose losses have no closed-form minimiser.
     */
    @Override
    public Optimum optimum() {
        if (!optimumKnown) {
            optimum = model instanceof LinearRegressionModel ? leastSquares() : null;
            optimumKnown = true;
        }
        return optimum;
    }

    private Optimum leastSquares() {
        DataSet train = data.training;
        int d = train.width;
        int m = d + 1;
        if ((long) train.samples * m * m > OPTIMUM_WORK) {
            return null;
        }
        // ∇f = 0:  ((2/N) X̃ᵀX̃ + λ·diag(1 … 1, 0)) θ = (2/N) X̃ᵀy,  X̃ = [X 1].
        double[] a = new double[m * m];
        double[] b = new double[m];
        double scale = 2.0 / train.samples;
        double[] row = new double[m];
        for (int i = 0; i < train.samples; i++) {
            System.arraycopy(train.features, i * d, row, 0, d);
            row[d] = 1;
            for (int p = 0; p < m; p++) {
                b[p] += scale * row[p] * train.targets[i];
                for (int q = 0; q < m; q++) {
                    a[p * m + q] += scale * row[p] * row[q];
                }
            }
        }
        for (int p = 0; p < d; p++) {
            a[p * m + p] += l2;
        }
        double[] solution = Cholesky.solve(a, b, m);
        if (solution == null) {
            return null;
        }
        return Optimum.at(evaluate(solution, new double[m]), solution);
    }

    /** A plotting window for the 2-D case (linear or logistic regression on one feature). */
    @Override
    public Domain domain() {
        if (dimension() != 2) {
            return null;
        }
        Optimum known = optimum();
        double cx = known == null ? 0 : known.points().get(0)[0];
        double cy = known == null ? 0 : known.points().get(0)[1];
        double half = 3 + Math.max(Math.abs(cx), Math.abs(cy));
        return new Domain(cx - half, cx + half, cy - half, cy + half);
    }
}
