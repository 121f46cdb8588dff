package org.optlab.compute.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.optlab.compute.data.Data.generated;
import static org.optlab.compute.data.Data.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.InvalidSpecException.Violation;
import org.optlab.compute.objective.StochasticObjective;
import org.optlab.compute.run.RunReport;
import org.optlab.compute.run.RunStatus;
import org.optlab.compute.run.Trajectory;

/**
 * Correctness anchors (least squares, a separable set), the data sources, the seeded split and
 * minibatch order, and the 400s that bad data gets.
 */
class DataObjectivesTest {

    // --- Correctness anchors -------------------------------------------------------------------

    /** Solves A x = b by Gaussian elimination with partial pivoting: independent of the code under test. */
    private static double[] solve(double[][] a, double[] b) {
        int m = b.length;
        double[][] t = new double[m][];
        for (int i = 0; i < m; i++) {
            t[i] = Arrays.copyOf(a[i], m + 1);
            t[i][m] = b[i];
        }
        for (int col = 0; col < m; col++) {
            int pivot = col;
            for (int r = col + 1; r < m; r++) {
                if (Math.abs(t[r][col]) > Math.abs(t[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = t[col];
            t[col] = t[pivot];
            t[pivot] = swap;
            for (int r = col + 1; r < m; r++) {
                double f = t[r][col] / t[col][col];
                for (int c = col; c <= m; c++) {
                    t[r][c] -= f * t[col][c];
                }
            }
        }
        double[] x = new double[m];
        for (int i = m - 1; i >= 0; i--) {
            double s = t[i][m];
            for (int c = i + 1; c < m; c++) {
                s -= t[i][c] * x[c];
            }
            x[i] = s / t[i][i];
        }
        return x;
    }

    /** The minimiser of (1/N)‖Xw + b − y‖² + (λ/2)‖w‖² from its normal equations. */
    private static double[] normalEquations(DataSet train, double l2) {
        int d = train.width();
        int m = d + 1;
        double[][] a = new double[m][m];
        double[] b = new double[m];
        for (int i = 0; i < train.samples(); i++) {
            double[] row = Arrays.copyOf(train.row(i), m);
            row[d] = 1;
            for (int p = 0; p < m; p++) {
                b[p] += row[p] * train.target(i) / train.samples();
                for (int q = 0; q < m; q++) {
                    a[p][q] += row[p] * row[q] / train.samples();
                }
            }
        }
        for (int p = 0; p < d; p++) {
            a[p][p] += l2 / 2; // the gradient is 2(XᵀXw − Xᵀy)/N + λw: halve λ against the factor 2
        }
        return solve(a, b);
    }

    @ParameterizedTest(name = "l2 = {0}")
    @CsvSource({"0", "0.1"})
    void linearRegressionReachesTheLeastSquaresSolution(double l2) {
        Map<String, Object> objective = map(
                "name",
                "linear_regression",
                "dataset",
                generated("linear", "samples", 300, "features", 6, "noise", 0.5, "seed", 3),
                "l2",
                l2,
                "validationFraction",
                0.25);
        DataObjective data = Data.objective(objective);
        double[] expected = normalEquations(data.training(), l2);

        RunReport report = Data.run(Data.request(
                objective,
                map("name", "sgd", "learningRate", 0.2, "momentum", 0.9),
                null,
                5000,
                null,
                null,
                1e-12,
                null));

        assertThat(report.outcome().status()).isEqualTo(RunStatus.CONVERGED);
        double[] reached = report.outcome().finalPoint();
        for (int i = 0; i < expected.length; i++) {
            assertThat(reached[i]).as("θ%d", i).isCloseTo(expected[i], Offset.offset(1e-9));
        }
        // The objective's own known optimum is the same solution, and the run reports its distance.
        assertThat(report.optimum()).isNotNull();
        double[] optimum = report.optimum().points().get(0);
        for (int i = 0; i < expected.length; i++) {
            assertThat(optimum[i]).isCloseTo(expected[i], Offset.offset(1e-9));
        }
        assertThat(report.distanceToOptimum()).isLessThan(1e-9);
    }

    @Test
    void logisticRegressionSeparatesASeparableSet() {
        // Two clusters on either side of the line x₀ + x₁ = 0, at least 0.5 away from it.
        SeededRandom random = new SeededRandom(5);
        double[][] x = new double[60][];
        double[] y = new double[60];
        for (int i = 0; i < x.length; i++) {
            int label = i % 2;
            double along = 4 * random.nextDouble() - 2;
            double away = 0.5 + random.nextDouble();
            double side = label == 1 ? away : -away;
            x[i] = new double[] {along + side / Math.sqrt(2), -along + side / Math.sqrt(2)};
            y[i] = label;
        }
        Map<String, Object> objective =
                map("name", "logistic_regression", "dataset", Data.inline(x, y), "validationFraction", 0.0);

        RunReport report = Data.run(Data.request(objective, map("name", "sgd", "learningRate", 1.0), 500));

        Trajectory path = report.trajectory();
        for (int i = 1; i < path.size(); i++) {
            assertThat(path.losses()[i])
                    .as("loss at iteration %d", path.iteration(i))
                    .isLessThan(path.losses()[i - 1]);
        }
        assertThat(path.losses()[0]).isCloseTo(Math.log(2), Offset.offset(1e-15));
        assertThat(report.data().finalTrainAccuracy()).isEqualTo(1.0);
        assertThat(report.outcome().finalLoss()).isLessThan(0.05);
        double[] w = report.outcome().finalPoint();
        assertThat(w[0]).isPositive();
        assertThat(w[1]).isPositive();
    }

    // --- Minibatches and the split ---------------------------------------------------------------

    /**
     * Linear regression on one-hot rows eᵢ with targets −1 and w = 0: each sample's gradient is
     * non-zero at its own coordinate only, so the minibatch gradient shows which samples a batch has.
     */
    private static DataObjective oneHot(int samples, int batch) {
        double[][] x = new double[samples][samples];
        double[] y = new double[samples];
        for (int i = 0; i < samples; i++) {
            x[i][i] = 1;
            y[i] = -1;
        }
        return Data.objective(map(
                "name",
                "linear_regression",
                "dataset",
                Data.inline(x, y),
                "standardize",
                false,
                "validationFraction",
                0.0,
                "batchSize",
                batch));
    }

    private static List<List<Integer>> batches(StochasticObjective.Sampler sampler, int samples, int steps) {
        List<List<Integer>> batches = new ArrayList<>();
        double[] w = new double[samples + 1];
        double[] g = new double[samples + 1];
        for (int t = 0; t < steps; t++) {
            sampler.gradient(w, g, t);
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                if (g[i] != 0) {
                    members.add(i);
                }
            }
            batches.add(members);
        }
        return batches;
    }

    @Test
    void everyEpochVisitsEachSampleOnceInASeededOrder() {
        int samples = 10;
        DataObjective objective = oneHot(samples, 3);
        assertThat(objective.stepsPerEpoch()).isEqualTo(4);
        List<List<Integer>> seen = batches(objective.sampler(11), samples, 12);

        List<List<Integer>> epochs = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            List<Integer> epoch = new ArrayList<>();
            for (int b = 0; b < 4; b++) {
                List<Integer> batch = seen.get(e * 4 + b);
                assertThat(batch).hasSize(b < 3 ? 3 : 1); // ⌈10/3⌉ batches, the last one short
                epoch.addAll(batch);
            }
            assertThat(epoch).containsExactlyInAnyOrderElementsOf(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
            epochs.add(epoch);
        }
        assertThat(new HashSet<>(epochs)).as("each epoch reshuffled").hasSize(3);

        assertThat(batches(objective.sampler(11), samples, 12)).as("same seed").isEqualTo(seen);
        assertThat(batches(objective.sampler(12), samples, 12))
                .as("another seed")
                .isNotEqualTo(seen);
    }

    @Test
    void aSamplerRefusesToGoBackAnEpoch() {
        DataObjective objective = oneHot(6, 2);
        StochasticObjective.Sampler sampler = objective.sampler(0);
        double[] w = new double[7];
        double[] g = new double[7];
        sampler.gradient(w, g, 7);
        sampler.gradient(w, g, 7); // the same step again: a look-ahead gradient
        assertThatThrownBy(() -> sampler.gradient(w, g, 1)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0} samples, fraction {1}")
    @CsvSource({"200, 0.2, 40", "10, 0.25, 3", "7, 0.0, 0", "150, 0.5, 75", "3, 0.01, 1"})
    void validationSplitHoldsOutTheCeilingOfTheFraction(int samples, double fraction, int held) {
        Map<String, Object> spec = map(
                "name",
                "softmax_regression",
                "dataset",
                generated("blobs", "samples", samples, "classes", 2),
                "validationFraction",
                fraction,
                "standardize",
                false);
        DataObjective objective = Data.objective(spec);
        assertThat(objective.validationSize()).isEqualTo(held);
        assertThat(objective.trainingSize()).isEqualTo(samples - held);

        // Together the two parts are the data set, each sample once.
        DataSet all = Generator.BLOBS.generate(samples, 2, 2, 1.0, 0);
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < samples; i++) {
            expected.add(Arrays.toString(all.row(i)));
        }
        Set<String> union = new HashSet<>();
        for (DataSet part : List.of(objective.training(), objective.validation())) {
            for (int i = 0; i < part.samples(); i++) {
                assertThat(union.add(Arrays.toString(part.row(i)))).isTrue();
            }
        }
        assertThat(union).isEqualTo(expected);
    }

    @Test
    void theSplitFollowsTheSeed() {
        Map<String, Object> spec =
                map("name", "logistic_regression", "dataset", generated("moons", "samples", 50), "seed", 1);
        double[] first = Data.objective(spec).validation().row(0);
        assertThat(Data.objective(spec).validation().row(0)).containsExactly(first);
        spec.put("seed", 2);
        assertThat(Data.objective(spec).validation().row(0)).isNotEqualTo(first);
    }

    @Test
    void standardisationUsesTheTrainingSamplesOnly() {
        DataObjective objective = Data.objective(
                map("name", "softmax_regression", "dataset", Map.of("builtin", "wine"), "validationFraction", 0.3));
        DataSet train = objective.training();
        for (int j = 0; j < train.width(); j++) {
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < train.samples(); i++) {
                sum += train.row(i)[j];
                squares += train.row(i)[j] * train.row(i)[j];
            }
            double mean = sum / train.samples();
            assertThat(mean).as("feature %d mean", j).isCloseTo(0, Offset.offset(1e-12));
            assertThat(squares / train.samples() - mean * mean)
                    .as("feature %d variance", j)
                    .isCloseTo(1, Offset.offset(1e-9));
        }
    }

    // --- Sources -------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource({"iris, 150, 4, 3", "wine, 178, 13, 3", "breast_cancer, 569, 30, 2", "digits, 1797, 64, 10"})
    void builtinSetsHaveTheirPublishedShape(String name, int samples, int features, int classes) {
        DataSet data = Builtin.named(name).data();
        assertThat(data.samples()).isEqualTo(samples);
        assertThat(data.width()).isEqualTo(features);
        assertThat(data.classes()).isEqualTo(classes);
        int[] counts = new int[classes];
        for (int i = 0; i < samples; i++) {
            counts[(int) data.target(i)]++;
        }
        assertThat(Arrays.stream(counts).allMatch(count -> count > 0)).isTrue();
        if (name.equals("iris")) {
            assertThat(data.row(0)).containsExactly(5.1, 3.5, 1.4, 0.2);
            assertThat(counts).containsExactly(50, 50, 50);
        }
        if (name.equals("digits")) {
            for (int i = 0; i < samples; i++) {
                assertThat(Arrays.stream(data.row(i)).allMatch(v -> v >= 0 && v <= 16))
                        .isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "linear, 0, 5",
        "sparse_linear, 0, 20",
        "linear, 3, 5",
        "blobs, 3, 2",
        "moons, 2, 2",
        "circles, 2, 2",
        "spirals, 3, 2",
        "sparse_linear, 2, 20"
    })
    void generatorsDrawBalancedSeededSets(String kind, int classes, int features) {
        Generator generator = Generator.named(kind);
        DataSet data = generator.generate(300, features, classes, generator.defaultNoise(), 9);
        DataSet again = generator.generate(300, features, classes, generator.defaultNoise(), 9);
        DataSet other = generator.generate(300, features, classes, generator.defaultNoise(), 10);
        assertThat(data.samples()).isEqualTo(300);
        assertThat(data.width()).isEqualTo(features);
        for (int i = 0; i < 300; i++) {
            assertThat(again.row(i)).containsExactly(data.row(i));
            assertThat(again.target(i)).isEqualTo(data.target(i));
        }
        assertThat(other.row(5)).isNotEqualTo(data.row(5));
        if (classes > 0 && !kind.contains("linear")) {
            int[] counts = new int[classes];
            for (int i = 0; i < 300; i++) {
                counts[(int) data.target(i)]++;
            }
            assertThat(Arrays.stream(counts).allMatch(count -> count == 300 / classes))
                    .isTrue();
        }
        if (kind.equals("sparse_linear")) {
            int zerosFirst = 0;
            int zerosLast = 0;
            for (int i = 0; i < 300; i++) {
                zerosFirst += data.row(i)[0] == 0 ? 1 : 0;
                zerosLast += data.row(i)[features - 1] == 0 ? 1 : 0;
            }
            assertThat(zerosFirst).isZero();
            assertThat(zerosLast).as("feature %d is rare", features - 1).isGreaterThan(250);
        }
    }

    @Test
    void defaultsOfEveryModelBuildAndEchoWhatTheyUsed() {
        for (var kind : DataObjectives.ALL) {
            StochasticObjective objective = (StochasticObjective) kind.withDefaults();
            assertThat(objective.trainingSize()).as(kind.name()).isPositive();
            assertThat(objective.batchSize()).isEqualTo(objective.trainingSize());
            var echo = objective
                    .completed(org.optlab.compute.param.ParameterValues.of(Map.of()))
                    .asMap();
            assertThat(echo).containsKeys("dataset", "batchSize", "seed");
        }
        var mlp = (StochasticObjective) DataObjectives.MLP_CLASSIFIER.withDefaults();
        assertThat(mlp.completed(org.optlab.compute.param.ParameterValues.of(Map.of()))
                        .asMap())
                .containsEntry("initialization", "glorot")
                .containsEntry(
                        "dataset",
                        Map.of(
                                "generated",
                                map(
                                        "kind",
                                        "moons",
                                        "samples",
                                        200,
                                        "features",
                                        2,
                                        "classes",
                                        2,
                                        "noise",
                                        0.2,
                                        "seed",
                                        0L)));
    }

    // --- Invalid data --------------------------------------------------------------------------

    private static List<Violation> violations(Map<String, Object> spec) {
        try {
            Data.objective(spec);
        } catch (InvalidSpecException e) {
            return e.violations();
        }
        throw new AssertionError("expected " + spec + " to be rejected");
    }

    private static Map<String, Object> withInline(String model, Object features, Object targets) {
        return map("name", model, "dataset", map("inline", map("features", features, "targets", targets)));
    }

    @Test
    void raggedRowsAreNamed() {
        assertThat(violations(withInline(
                        "linear_regression", List.of(List.of(1, 2), List.of(3), List.of(4, 5)), List.of(1, 2, 3))))
                .extracting(Violation::field)
                .containsExactly("dataset.inline.features[1]");
    }

    @Test
    void nonFiniteAndNonNumericValuesAreNamed() {
        assertThat(violations(withInline(
                        "linear_regression",
                        List.of(List.of(1, 2), List.of(3, new java.math.BigDecimal("1e400")), List.of(4, 5)),
                        List.of(1, 2, 3))))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("dataset.inline.features[1][1]");
                    assertThat(v.message()).contains("finite");
                });
        assertThat(violations(withInline("linear_regression", List.of(List.of(1, 2), List.of(4, "x")), List.of(1, 2))))
                .extracting(Violation::field)
                .containsExactly("dataset.inline.features[1][1]");
        assertThat(violations(withInline(
                        "linear_regression",
                        List.of(List.of(1, 2), List.of(4, 3)),
                        List.of(1, new java.math.BigDecimal("-1e999")))))
                .extracting(Violation::field)
                .containsExactly("dataset.inline.targets[1]");
    }

    @Test
    void labelsOutOfRangeAreNamed() {
        assertThat(violations(withInline(
                        "softmax_regression", List.of(List.of(1), List.of(2), List.of(3)), List.of(0, 1.5, -1))))
                .extracting(Violation::field)
                .containsExactly("dataset.inline.targets[1]", "dataset.inline.targets[2]");
        assertThat(violations(withInline(
                        "logistic_regression", List.of(List.of(1), List.of(2), List.of(3)), List.of(0, 1, 2))))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("labels 0 and 1"));
        Map<String, Object> declared =
                withInline("softmax_regression", List.of(List.of(1), List.of(2), List.of(3)), List.of(0, 1, 3));
        ((Map<String, Object>) ((Map<String, Object>) declared.get("dataset")).get("inline")).put("classes", 3);
        assertThat(violations(declared)).extracting(Violation::field).containsExactly("dataset.inline.targets");
    }

    @Test
    void emptySetsAndMismatchedLengthsAreNamed() {
        assertThat(violations(withInline("linear_regression", List.of(), List.of())))
                .extracting(Violation::field)
                .containsExactly("dataset.inline.features");
        assertThat(violations(withInline("linear_regression", List.of(List.of()), List.of(1))))
                .extracting(Violation::field)
                .containsExactly("dataset.inline.features[0]");
        assertThat(violations(withInline("linear_regression", List.of(List.of(1), List.of(2)), List.of(1, 2, 3))))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("dataset.inline.targets");
                    assertThat(v.message()).contains("one value per row");
                });
        assertThat(violations(map(
                        "name",
                        "linear_regression",
                        "dataset",
                        map("inline", map("features", List.of(List.of(1), List.of(2)))))))
                .extracting(Violation::field)
                .containsExactly("dataset.inline.targets");
    }

    @Test
    void theDataSetMustSayWhereTheDataComesFrom() {
        assertThat(violations(map("name", "linear_regression", "dataset", map())))
                .extracting(Violation::field)
                .containsExactly("dataset");
        assertThat(violations(map(
                        "name",
                        "softmax_regression",
                        "dataset",
                        map("builtin", "iris", "generated", map("kind", "blobs")))))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("exactly one"));
        assertThat(violations(map("name", "softmax_regression", "dataset", map("builtin", "mnist"))))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("dataset.builtin");
                    assertThat(v.message()).contains("iris", "wine", "breast_cancer", "digits");
                });
        assertThat(violations(map("name", "softmax_regression", "dataset", map("generated", map("kind", "moon")))))
                .extracting(Violation::field)
                .containsExactly("dataset.generated.kind");
        assertThat(violations(map(
                        "name", "softmax_regression", "dataset", map("generated", map("kind", "moons", "sample", 5)))))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("dataset.generated.sample");
                    assertThat(v.message()).contains("samples");
                });
    }

    @Test
    void aModelRejectsDataItCannotFit() {
        assertThat(violations(map("name", "linear_regression", "dataset", map("builtin", "iris"))))
                .extracting(Violation::field)
                .containsExactly("dataset.builtin");
        assertThat(violations(map("name", "linear_regression", "dataset", generated("moons"))))
                .extracting(Violation::field)
                .containsExactly("dataset.generated.kind");
        assertThat(violations(map("name", "logistic_regression", "dataset", map("builtin", "digits"))))
                .extracting(Violation::field)
                .containsExactly("dataset.builtin");
        assertThat(violations(map("name", "mlp_classifier", "dataset", generated("moons", "features", 3))))
                .extracting(Violation::field)
                .containsExactly("dataset.generated.features");
        assertThat(violations(map("name", "mlp_classifier", "dataset", generated("blobs", "samples", 100_001))))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("100000"));
        assertThat(violations(map(
                        "name", "logistic_regression", "dataset", generated("moons", "samples", 20), "batchSize", 17)))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("batchSize");
                    assertThat(v.message()).contains("16 training samples");
                });
        assertThat(violations(map(
                        "name",
                        "logistic_regression",
                        "dataset",
                        generated("moons", "samples", 4),
                        "validationFraction",
                        0.9)))
                .extracting(Violation::field)
                .containsExactly("validationFraction");
    }
}
