package org.optlab.compute.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.InvalidSpecException.Violation;
import org.optlab.compute.objective.ObjectiveKind;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;
import org.optlab.compute.param.ParameterValues;

/**
 * The objectives over data: {@code linear_regression}, {@code logistic_regression}, {@code
 * softmax_regression} and {@code mlp_classifier}, each the mean loss of its model over a data set
 * (generated, inline or built in) plus an optional l2 penalty, with minibatch gradients.
 *
 * <p>The parameter {@code seed} (default: the run's seed, filled in by the run plan) draws the
 * validation split and the MLP's initialisation; the run's own seed shuffles the minibatches and
 * draws gradient noise; {@code dataset.generated.seed} draws the data.
 */
public final class DataObjectives {

    /** What every objective over data shares, for the catalog's conventions field. */
    static final String RUN_NOTES = "Minibatches are drawn without replacement, reshuffled each epoch from the run's "
            + "seed, the last one smaller (PyTorch DataLoader); path losses are full training-set values at "
            + "recorded iterates. A run may add a parallel block to simulate data-parallel training: "
            + "{workers, mode: synchronous (all-reduce; optimizerState global, or local with syncEvery) "
            + "| asynchronous (Hogwild-style, staleness {max, distribution fixed|uniform})}.";

    private static final String DATASET_HELP =
            "The data: {\"generated\": {\"kind\": linear|sparse_linear|blobs|moons|circles|spirals, \"samples\", "
                    + "\"features\", \"classes\", \"noise\", \"seed\"}}, {\"inline\": {\"features\": [[…]…], "
                    + "\"targets\": […]}} or {\"builtin\": iris|wine|breast_cancer|digits}.";

    static final ParameterSpec STANDARDIZE = ParameterSpec.bool(
            "standardize",
            true,
            "Scale each feature to mean 0 and standard deviation 1 over the training samples (the validation "
                    + "samples with the same statistics).");
    static final ParameterSpec BATCH_SIZE = ParameterSpec.optionalInteger(
                    "batchSize",
                    "the whole training set (full-batch gradient descent)",
                    "B, the samples of each step's minibatch; each epoch visits every training sample once, in an "
                            + "order shuffled from the run's seed.")
            .atLeast(1);
    static final ParameterSpec L2 = ParameterSpec.number(
                    "l2", 0, "λ in the penalty (λ/2)‖weights‖² added to the loss (biases are not penalised).")
            .atLeast(0);
    static final ParameterSpec VALIDATION_FRACTION = ParameterSpec.number(
                    "validationFraction",
                    0.2,
                    "The fraction of samples held out for validation, ⌈fraction·n⌉, drawn from seed.")
            .atLeast(0)
            .below(1);
    static final ParameterSpec SEED = ParameterSpec.optionalInteger(
            "seed",
            "the run's seed",
            "Draws the validation split and the MLP's initialisation (the run's seed shuffles the minibatches).");
    static final ParameterSpec HIDDEN_LAYERS = ParameterSpec.integer("hiddenLayers", 1, "Hidden layers, 1 or 2.")
            .atLeast(1)
            .atMost(2);
    static final ParameterSpec WIDTH = ParameterSpec.integer("width", 32, "Units in each hidden layer.")
            .atLeast(1)
            .atMost(1024);
    static final ParameterSpec ACTIVATION =
            ParameterSpec.choice("activation", "tanh", List.of("tanh", "relu"), "The hidden layers' nonlinearity.");
    static final ParameterSpec INITIALIZATION = ParameterSpec.optionalChoice(
            "initialization",
            "glorot for tanh, he for relu",
            List.of("glorot", "he"),
            "The weights' seeded initialisation: glorot = U(−a, a), a = √(6/(fan_in + fan_out)); he = N(0, 2/fan_in);"
                    + " biases 0.");

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    private static ParameterSpec dataset(Map<String, Object> defaultValue) {
        return ParameterSpec.object("dataset", defaultValue, DATASET_HELP);
    }

    private static final String COMMON_RULE = "f(w) = (1/N) Σᵢ ℓ(w; xᵢ, yᵢ) + (λ/2)‖weights‖² over the N training "
            + "samples; a step uses the mean over its minibatch of B. ";

    public static final ObjectiveKind LINEAR_REGRESSION = new ObjectiveKind(
            new CatalogEntry(
                    "linear_regression",
                    "Linear regression",
                    "Least squares over a data set: a convex quadratic whose Hessian is the features' covariance, so "
                            + "its conditioning is the data's. The least-squares solution (normal equations) is the "
                            + "known optimum. Parameters w = (w₀ … w_{d−1}, b). Data: generated linear or "
                            + "sparse_linear, or inline.",
                    COMMON_RULE + "ℓ = (w·x + b − y)² (mean squared error)",
                    "Hastie, Tibshirani and Friedman, The Elements of Statistical Learning, 2nd ed., §3.2; "
                            + "PyTorch MSELoss",
                    RUN_NOTES,
                    List.of(
                            dataset(ordered("generated", ordered("kind", "linear"))),
                            STANDARDIZE,
                            BATCH_SIZE,
                            L2,
                            VALIDATION_FRACTION,
                            SEED)),
            values -> build(values, DataSource.Task.REGRESSION, "linear_regression"));

    public static final ObjectiveKind LOGISTIC_REGRESSION = new ObjectiveKind(
            new CatalogEntry(
                    "logistic_regression",
                    "Logistic regression",
                    "Binary classification with a linear decision boundary and the cross-entropy loss: convex, "
                            + "and on separable data unbounded in the direction that separates (the loss goes to 0 "
                            + "as ‖w‖ grows). Parameters w = (w₀ … w_{d−1}, b). Labels 0 and 1.",
                    COMMON_RULE + "ℓ = log(1 + e^z) − y·z, z = w·x + b (computed as softplus(z) − y·z)",
                    "Bishop, Pattern Recognition and Machine Learning, §4.3.2; PyTorch BCEWithLogitsLoss",
                    RUN_NOTES,
                    List.of(
                            dataset(ordered("builtin", "breast_cancer")),
                            STANDARDIZE,
                            BATCH_SIZE,
                            L2,
                            VALIDATION_FRACTION,
                            SEED)),
            values -> build(values, DataSource.Task.BINARY, "logistic_regression"));

    public static final ObjectiveKind SOFTMAX_REGRESSION = new ObjectiveKind(
            new CatalogEntry(
                    "softmax_regression",
                    "Softmax regression",
                    "Multinomial logistic regression for K classes: convex. Parameters: W (K rows of d, as "
                            + "torch.nn.Linear's weight), then b (K).",
                    COMMON_RULE + "ℓ = log Σₖ e^{zₖ} − z_y, z = Wx + b (log-sum-exp shifted by max z)",
                    "Bishop, Pattern Recognition and Machine Learning, §4.3.4; PyTorch CrossEntropyLoss",
                    RUN_NOTES,
                    List.of(
                            dataset(ordered("builtin", "iris")),
                            STANDARDIZE,
                            BATCH_SIZE,
                            L2,
                            VALIDATION_FRACTION,
                            SEED)),
            values -> build(values, DataSource.Task.MULTICLASS, "softmax_regression"));

    public static final ObjectiveKind MLP_CLASSIFIER = new ObjectiveKind(
            new CatalogEntry(
                    "mlp_classifier",
                    "MLP classifier",
                    "A neural network with one or two hidden layers (tanh or ReLU) and a softmax output: non-convex, "
                            + "with saddle points and symmetric minima. The default start is the seeded Glorot or He "
                            + "initialisation. Parameters layer by layer, each weight matrix (out × in, row-major) "
                            + "then its bias: W₁, b₁, [W₂, b₂], W_out, b_out.",
                    COMMON_RULE + "ℓ = log Σₖ e^{zₖ} − z_y, z = W_out·h + b_out, h = act(W₂·act(W₁x + b₁) + b₂)",
                    "Goodfellow, Bengio and Courville, Deep Learning, ch. 6; Glorot and Bengio, AISTATS 2010; He et "
                            + "al., ICCV 2015",
                    RUN_NOTES,
                    List.of(
                            dataset(ordered("generated", ordered("kind", "moons"))),
                            STANDARDIZE,
                            BATCH_SIZE,
                            L2,
                            VALIDATION_FRACTION,
                            SEED,
                            HIDDEN_LAYERS,
                            WIDTH,
                            ACTIVATION,
                            INITIALIZATION)),
            values -> build(values, DataSource.Task.MULTICLASS, "mlp_classifier"));

    /** Every data objective, in catalog order. */
    public static final List<ObjectiveKind> ALL =
            List.of(LINEAR_REGRESSION, LOGISTIC_REGRESSION, SOFTMAX_REGRESSION, MLP_CLASSIFIER);

    private DataObjectives() {}

    private static DataObjective build(ParameterValues values, DataSource.Task task, String name) {
        long seed = values.has("seed") ? ((Number) values.asMap().get("seed")).longValue() : 0;
        TrainingData data = TrainingData.of(
                values.object("dataset"), task, values.number("validationFraction"), values.flag("standardize"), seed);
        int n = data.training.samples;
        List<Violation> violations = new ArrayList<>();
        int batch = values.has("batchSize") ? values.integer("batchSize") : n;
        if (batch > n) {
            violations.add(new Violation("batchSize", "must be at most the " + n + " training samples, was " + batch));
        }
        int d = data.training.width;
        Model model;
        ParameterValues completions = ParameterValues.of(Map.of())
                .with("dataset", data.resolvedDataset)
                .with("batchSize", Math.min(batch, n))
                .with("seed", seed);
        switch (name) {
            case "linear_regression" -> model = new LinearRegressionModel(d);
            case "logistic_regression" -> model = new LogisticRegressionModel(d);
            case "softmax_regression" -> model = new SoftmaxRegressionModel(d, data.training.classes);
            default -> {
                String activation = values.choice("activation");
                String initialization = values.has("initialization")
                        ? values.choice("initialization")
                        : activation.equals("relu") ? "he" : "glorot";
                completions = completions.with("initialization", initialization);
                int layers = values.integer("hiddenLayers");
                int width = values.integer("width");
                long parameters = MlpModel.parameterCount(d, width, layers, data.training.classes);
                if (parameters > Integer.MAX_VALUE / 2) {
                    violations.add(new Violation("width", "makes " + parameters + " parameters"));
                }
                model = violations.isEmpty()
                        ? new MlpModel(
                                d,
                                width,
                                layers,
                                data.training.classes,
                                MlpModel.Activation.valueOf(activation.toUpperCase(java.util.Locale.ROOT)),
                                MlpModel.Initialization.valueOf(initialization.toUpperCase(java.util.Locale.ROOT)))
                        : null;
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidSpecException(violations);
        }
        return new DataObjective(model, data, values.number("l2"), batch, seed, completions);
    }
}
