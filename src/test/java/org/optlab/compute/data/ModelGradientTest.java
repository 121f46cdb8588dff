package org.optlab.compute.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.optlab.compute.data.Data.generated;
import static org.optlab.compute.data.Data.map;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optlab.compute.objective.StochasticObjective;

/**
 * Every model's analytic gradient — full set and minibatch, with the l2 penalty — agrees with
 * central finite differences of its own loss, at seeded random points.
 */
class ModelGradientTest {

    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of(
                        "linear_regression",
                        map(
                                "name",
                                "linear_regression",
                                "dataset",
                                generated("linear", "samples", 30, "features", 4),
                                "l2",
                                0.3,
                                "batchSize",
                                7)),
                Arguments.of(
                        "linear_regression, sparse features, unstandardised",
                        map(
                                "name",
                                "linear_regression",
                                "dataset",
                                generated("sparse_linear", "samples", 40, "features", 6),
                                "standardize",
                                false,
                                "batchSize",
                                5)),
                Arguments.of(
                        "logistic_regression",
                        map(
                                "name",
                                "logistic_regression",
                                "dataset",
                                generated("moons", "samples", 30),
                                "l2",
                                0.1,
                                "batchSize",
                                8)),
                Arguments.of(
                        "softmax_regression",
                        map(
                                "name",
                                "softmax_regression",
                                "dataset",
                                generated("blobs", "samples", 40, "features", 3, "classes", 4),
                                "l2",
                                0.05,
                                "batchSize",
                                9)),
                Arguments.of(
                        "mlp_classifier, 1 tanh layer",
                        map(
                                "name",
                                "mlp_classifier",
                                "dataset",
                                generated("spirals", "samples", 30),
                                "width",
                                5,
                                "l2",
                                0.01,
                                "batchSize",
                                6)),
                Arguments.of(
                        "mlp_classifier, 2 tanh layers",
                        map(
                                "name",
                                "mlp_classifier",
                                "dataset",
                                generated("blobs", "samples", 30, "features", 3),
                                "hiddenLayers",
                                2,
                                "width",
                                4,
                                "l2",
                                0.02,
                                "batchSize",
                                4)),
                Arguments.of(
                        "mlp_classifier, 2 relu layers, he",
                        map(
                                "name",
                                "mlp_classifier",
                                "dataset",
                                generated("moons", "samples", 24),
                                "hiddenLayers",
                                2,
                                "width",
                                6,
                                "activation",
                                "relu",
                                "batchSize",
                                5)));
    }

    /** Random points around the default start, seeded: the same points on every run of the test. */
    private static double[][] points(DataObjective objective, double spread) {
        SeededRandom random = new SeededRandom(42);
        double[][] points = new double[4][];
        for (int p = 0; p < points.length; p++) {
            double[] w = objective.defaultInitialPoint();
            for (int i = 0; i < w.length; i++) {
                w[i] += spread * random.nextGaussian();
            }
            points[p] = w;
        }
        return points;
    }

    interface Loss {
        double at(double[] w, double[] gradient);
    }

    private static void assertMatchesDifferences(String label, Loss loss, double[] w) {
        int n = w.length;
        double[] gradient = new double[n];
        double value = loss.at(w, gradient);
        assertThat(value).isFinite();
        double[] scratch = new double[n];
        for (int i = 0; i < n; i++) {
            double h = 1e-6 * Math.max(1, Math.abs(w[i]));
            double[] plus = w.clone();
            double[] minus = w.clone();
            plus[i] += h;
            minus[i] -= h;
            double numeric = (loss.at(plus, scratch) - loss.at(minus, scratch)) / (2 * h);
            double tolerance = 1e-6 * Math.max(1, Math.abs(gradient[i])) + 1e-8 * Math.max(1, Math.abs(value));
            assertThat(gradient[i])
                    .as("%s at %s, ∂/∂w%d", label, Arrays.toString(w), i)
                    .isCloseTo(numeric, Offset.offset(tolerance));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void fullGradientMatchesCentralDifferences(String label, Map<String, Object> spec) {
        DataObjective objective = Data.objective(spec);
        for (double[] w : points(objective, 1.0)) {
            assertMatchesDifferences(label, objective::evaluate, w);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void minibatchGradientMatchesCentralDifferencesOfTheMinibatchLoss(String label, Map<String, Object> spec) {
        DataObjective objective = Data.objective(spec);
        assertThat(objective.minibatch()).isTrue();
        StochasticObjective.Sampler sampler = objective.sampler(7);
        int steps = objective.stepsPerEpoch() + 2; // into the second epoch, the last (short) batch included
        double[][] points = points(objective, 0.5);
        for (int step = 0; step < steps; step++) {
            int t = step;
            assertMatchesDifferences(
                    label + ", step " + t, (w, g) -> sampler.gradient(w, g, t), points[step % points.length]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void aBatchOfTheWholeSetIsTheFullGradient(String label, Map<String, Object> spec) {
        Map<String, Object> whole = new java.util.LinkedHashMap<>(spec);
        whole.remove("batchSize");
        DataObjective objective = Data.objective(whole);
        assertThat(objective.batchSize()).isEqualTo(objective.trainingSize());
        double[] w = points(objective, 1.0)[0];
        double[] full = new double[w.length];
        double[] batch = new double[w.length];
        double fullLoss = objective.evaluate(w, full);
        double batchLoss = objective.sampler(3).gradient(w, batch, 0);
        assertThat(batchLoss).isCloseTo(fullLoss, Offset.offset(1e-12 * Math.max(1, fullLoss)));
        for (int i = 0; i < w.length; i++) {
            assertThat(batch[i])
                    .as("∂/∂w%d", i)
                    .isCloseTo(full[i], Offset.offset(1e-12 * Math.max(1, Math.abs(full[i]))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void lossesStayFiniteFarFromTheStart(String label, Map<String, Object> spec) {
        // Logits in the hundreds: log-sum-exp and softplus must not overflow.
        DataObjective objective = Data.objective(spec);
        for (double[] w : points(objective, 60)) {
            double[] gradient = new double[w.length];
            assertThat(objective.evaluate(w, gradient)).as(label).isFinite();
            assertThat(Arrays.stream(gradient).allMatch(Double::isFinite))
                    .as(label)
                    .isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void parameterLayoutHasTheDocumentedSize(String label, Map<String, Object> spec) {
        DataObjective objective = Data.objective(spec);
        int d = objective.training().width();
        int k = objective.training().classes();
        int expected = switch ((String) spec.get("name")) {
            case "linear_regression", "logistic_regression" -> d + 1;
            case "softmax_regression" -> k * (d + 1);
            default -> {
                int width = (Integer) spec.get("width");
                int layers = (Integer) spec.getOrDefault("hiddenLayers", 1);
                yield width * d + width + (layers == 2 ? width * width + width : 0) + k * width + k;
            }
        };
        assertThat(objective.dimension()).isEqualTo(expected);
        assertThat(List.of(objective.defaultInitialPoint().length)).containsExactly(expected);
    }
}
