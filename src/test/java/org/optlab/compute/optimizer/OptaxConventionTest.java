package org.optlab.compute.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.InvalidSpecException.Violation;
import org.optlab.compute.Limits;
import org.optlab.compute.run.RunPlan;
import org.optlab.compute.run.RunReport;
import org.optlab.compute.run.RunRequestData;
import org.optlab.compute.run.Trajectory;

/**
 * {@code "convention": "optax"}: it selects optax's rule where optax's differs (the trajectories
 * part), leaves the rule alone where the libraries agree (the trajectories coincide), rejects the
 * options optax does not have, and is echoed in {@code resolved.optimizer}. Agreement with optax
 * itself is checked against {@code trajectories-optax.json} by the reference-trajectory test.
 */
class OptaxConventionTest {

    private static final Map<String, Object> ROSENBROCK = Map.of("name", "rosenbrock");
    private static final Map<String, Object> BEALE = Map.of("name", "beale");
    private static final Map<String, Object> HIMMELBLAU = Map.of("name", "himmelblau");
    private static final Map<String, Object> QUADRATIC = Map.of(
            "name",
            "quadratic",
            "matrix",
            List.of(List.of(4.0, 1.0, 0.5), List.of(1.0, 3.0, -0.5), List.of(0.5, -0.5, 2.0)),
            "vector",
            List.of(1.0, -2.0, 0.5));
    private static final Map<String, Object> COSINE = Map.of("name", "cosine");

    /** Differences below this, relative to the coordinate (plus 1e-3), are rounding. */
    private static final double ROUNDING = 1e-12;

    /** Differences above this are a different rule. */
    private static final double DIFFERENT = 1e-6;

    @Test
    void variantsKeepThePyTorchNames() {
        List<String> names =
                OptaxVariants.kinds().stream().map(OptimizerKind::name).toList();
        assertThat(names).containsExactly("sgd", "adagrad", "rmsprop", "adam", "adamw");
        for (String name : names) {
            assertThat(Optimizers.find(name)).as(name).isPresent();
            assertThat(Optimizers.optaxVariant(name)).as(name).isPresent();
            assertThat(Optimizers.find(name, OptimizerBinder.OPTAX))
                    .containsSame(Optimizers.optaxVariant(name).get());
            assertThat(Optimizers.find(name, OptimizerBinder.PYTORCH))
                    .containsSame(Optimizers.find(name).get());
        }
    }

    @Test
    void everyPyTorchCatalogEntryWithAVariantSaysWhatOptaxDoesDifferently() {
        for (OptimizerKind variant : OptaxVariants.kinds()) {
            String conventions =
                    Optimizers.find(variant.name()).orElseThrow().entry().conventions();
            assertThat(conventions).as(variant.name()).contains("optax").contains("convention optax");
            // Parameter names stay PyTorch's: a spec can switch convention without renaming fields.
            List<String> pytorch = Optimizers.find(variant.name()).orElseThrow().entry().parameters().stream()
                    .map(p -> p.name())
                    .toList();
            List<String> optax =
                    variant.entry().parameters().stream().map(p -> p.name()).toList();
            assertThat(optax).as(variant.name()).containsAll(pytorch);
        }
    }

    static Stream<Arguments> differentRules() {
        return Stream.of(
                Arguments.of("adagrad: ε inside the root, s₀ = 0.1, ε = 1e-7", BEALE, spec("adagrad"), Map.of(), null),
                Arguments.of(
                        "adagrad: ε inside the root at equal s₀ and ε",
                        HIMMELBLAU,
                        spec("adagrad", "learningRate", 0.1, "initialAccumulatorValue", 0.0, "epsilon", 1e-3),
                        Map.of(),
                        null),
                Arguments.of("rmsprop: α = 0.9, ε inside the root", HIMMELBLAU, spec("rmsprop"), Map.of(), null),
                Arguments.of(
                        "rmsprop: ε inside the root at equal α",
                        BEALE,
                        spec("rmsprop", "learningRate", 0.001, "alpha", 0.99, "epsilon", 1e-4),
                        Map.of(),
                        null),
                Arguments.of(
                        "rmsprop: scheduled rate inside the momentum trace",
                        QUADRATIC,
                        spec("rmsprop", "learningRate", 0.002, "alpha", 0.99, "momentum", 0.9),
                        Map.of("epsilonInsideRoot", false),
                        COSINE),
                Arguments.of(
                        "adam: amsgrad over the bias-corrected v",
                        ROSENBROCK,
                        spec("adam", "learningRate", 0.01, "amsgrad", true),
                        Map.of(),
                        null),
                Arguments.of(
                        "adamw: default λ 1e-4",
                        BEALE,
                        spec("adamw", "learningRate", 0.01, "amsgrad", false),
                        Map.of(),
                        null),
                Arguments.of(
                        "adamw: amsgrad over the bias-corrected v",
                        ROSENBROCK,
                        spec("adamw", "learningRate", 0.01, "weightDecay", 0.01, "amsgrad", true),
                        Map.of(),
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("differentRules")
    void optaxConventionChangesTheTrajectoryWhereTheRulesDiffer(
            String what,
            Map<String, Object> objective,
            Map<String, Object> optimizer,
            Map<String, Object> optaxOnly,
            Map<String, Object> schedule) {
        Trajectory pytorch = run(objective, optimizer, schedule, 300);
        Trajectory optax = run(objective, optax(optimizer, optaxOnly), schedule, 300);
        assertThat(largestRelativeDifference(pytorch, optax)).as(what).isGreaterThan(DIFFERENT);
    }

    static Stream<Arguments> equalRules() {
        return Stream.of(
                Arguments.of(
                        "sgd with momentum: optax's trace from 0 gives b₁ = g₁",
                        ROSENBROCK,
                        spec("sgd", "learningRate", 0.001, "momentum", 0.9),
                        Map.of(),
                        COSINE),
                Arguments.of(
                        "sgd with Nesterov momentum and coupled decay",
                        QUADRATIC,
                        spec("sgd", "learningRate", 0.01, "momentum", 0.9, "nesterov", true, "weightDecay", 0.01),
                        Map.of(),
                        null),
                Arguments.of(
                        "adagrad at equal s₀ with ε = 0 (the root's place no longer matters)",
                        ROSENBROCK,
                        spec("adagrad", "learningRate", 0.1, "initialAccumulatorValue", 0.0, "epsilon", 0.0),
                        Map.of(),
                        null),
                Arguments.of(
                        "rmsprop at equal α with ε outside the root and a constant rate",
                        BEALE,
                        spec("rmsprop", "learningRate", 0.001, "alpha", 0.99, "momentum", 0.9, "centered", true),
                        Map.of("epsilonInsideRoot", false),
                        null),
                Arguments.of(
                        "adam: the same value in optax's order",
                        HIMMELBLAU,
                        spec("adam", "learningRate", 0.05, "weightDecay", 0.01),
                        Map.of(),
                        COSINE),
                Arguments.of(
                        "adamw at equal λ: decay scaled by the scheduled rate in both",
                        ROSENBROCK,
                        spec("adamw", "learningRate", 0.01, "weightDecay", 0.1),
                        Map.of(),
                        COSINE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("equalRules")
    void optaxConventionKeepsTheTrajectoryWhereTheRulesAgree(
            String what,
            Map<String, Object> objective,
            Map<String, Object> optimizer,
            Map<String, Object> optaxOnly,
            Map<String, Object> schedule) {
        Trajectory pytorch = run(objective, optimizer, schedule, 300);
        Trajectory optax = run(objective, optax(optimizer, optaxOnly), schedule, 300);
        assertThat(largestRelativeDifference(pytorch, optax)).as(what).isLessThan(ROUNDING);
    }

    @Test
    void optimizersWithoutAVariantRunTheSameRuleUnderEitherConvention() {
        List<OptimizerKind> plain = Optimizers.all().stream()
                .filter(kind -> kind.nestedOptimizers().isEmpty())
                .filter(kind -> Optimizers.optaxVariant(kind.name()).isEmpty())
                .toList();
        assertThat(plain).extracting(OptimizerKind::name).contains("momentum", "nesterov");
        for (OptimizerKind kind : plain) {
            Map<String, Object> optimizer = spec(kind.name(), "learningRate", 1e-4);
            Trajectory pytorch = run(ROSENBROCK, optimizer, null, 100);
            Trajectory optax = run(ROSENBROCK, optax(optimizer, Map.of()), null, 100);
            for (int i = 0; i < pytorch.size(); i++) {
                assertThat(optax.point(i)).as("%s w_%d", kind.name(), i).containsExactly(pytorch.point(i));
            }
        }
    }

    @ParameterizedTest(name = "{0}.{1} = {2}")
    @CsvSource({
        "sgd, dampening, 0.1, optax.sgd has no dampening",
        "adagrad, learningRateDecay, 0.01, optax.adagrad has no lr_decay"
    })
    void rejectsOptionsOptaxDoesNotHave(String name, String parameter, double value, String message) {
        Map<String, Object> optimizer = optax(spec(name, parameter, value), Map.of());
        assertThatThrownBy(() -> prepare(ROSENBROCK, optimizer, null, 10))
                .isInstanceOfSatisfying(
                        InvalidSpecException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("optimizer." + parameter);
                            assertThat(v.message()).contains(message).contains("convention pytorch");
                        }));
        // The same option is PyTorch's, so the default convention takes it.
        optimizer.remove("convention");
        assertThat(prepare(ROSENBROCK, optimizer, null, 10).resolved()).isNotNull();
    }

    @Test
    void optaxOnlyOptionsNeedTheOptaxConvention() {
        Map<String, Object> optimizer = spec("adam", "epsilonRoot", 1e-8);
        assertThatThrownBy(() -> prepare(ROSENBROCK, optimizer, null, 10))
                .isInstanceOfSatisfying(
                        InvalidSpecException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly("optimizer.epsilonRoot"));
        assertThat(prepare(ROSENBROCK, optax(optimizer, Map.of()), null, 10).resolved())
                .extracting(r -> ((Map<?, ?>) r.get("optimizer")).get("epsilonRoot"))
                .isEqualTo(1e-8);

        Map<String, Object> nesterovAlone = optax(spec("rmsprop", "nesterov", true), Map.of());
        assertThatThrownBy(() -> prepare(ROSENBROCK, nesterovAlone, null, 10))
                .isInstanceOfSatisfying(
                        InvalidSpecException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly("optimizer.nesterov"));
    }

    @Test
    void anUnknownConventionIsRejectedByName() {
        Map<String, Object> optimizer = spec("adam", "convention", "jax");
        assertThatThrownBy(() -> prepare(ROSENBROCK, optimizer, null, 10))
                .isInstanceOfSatisfying(
                        InvalidSpecException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("optimizer.convention");
                            assertThat(v.message()).contains("pytorch").contains("optax");
                        }));
    }

    @ParameterizedTest(name = "{0} under {1}: {2} = {3}")
    @CsvSource({
        "rmsprop, optax,   alpha,                   0.9",
        "rmsprop, pytorch, alpha,                   0.99",
        "adagrad, optax,   initialAccumulatorValue, 0.1",
        "adagrad, optax,   epsilon,                 1e-7",
        "adagrad, pytorch, epsilon,                 1e-10",
        "adamw,   optax,   weightDecay,             1e-4",
        "adamw,   pytorch, weightDecay,             0.01",
        "adam,    optax,   epsilonRoot,             0.0",
        "sgd,     optax,   dampening,               0.0",
        "momentum, optax,  beta,                    0.9"
    })
    void resolvedEchoesTheConventionAndItsDefaults(String name, String convention, String parameter, double value) {
        Map<String, Object> optimizer = spec(name, "convention", convention);
        Map<?, ?> resolved =
                (Map<?, ?>) prepare(ROSENBROCK, optimizer, null, 10).resolved().get("optimizer");
        assertThat(resolved.get("name")).isEqualTo(name);
        assertThat(resolved.get("convention")).isEqualTo(convention);
        assertThat(((Number) resolved.get(parameter)).doubleValue()).isEqualTo(value);
    }

    @Test
    void resolvedSaysPyTorchWhenTheConventionIsLeftOut() {
        Map<?, ?> resolved = (Map<?, ?>)
                prepare(ROSENBROCK, spec("rmsprop"), null, 10).resolved().get("optimizer");
        assertThat(resolved.get("convention")).isEqualTo("pytorch");
        assertThat(resolved.containsKey("epsilonInsideRoot")).isFalse();
    }

    @ParameterizedTest(name = "{0} with η = {1}")
    @CsvSource({"sgd, 0.05", "adagrad, 0.5", "rmsprop, 0.01", "adam, 0.05", "adamw, 0.05"})
    void optaxVariantsConvergeOnAQuadraticBowl(String name, double learningRate) {
        RunReport report = prepare(
                        Map.of("name", "quadratic", "dimension", 2),
                        optax(spec(name, "learningRate", learningRate), Map.of()),
                        COSINE,
                        5000)
                .execute(() -> false);
        assertThat(report.distanceToOptimum()).as("%s final point", name).isLessThan(1e-3);
    }

    @ParameterizedTest(name = "{0} with η = {1}")
    @CsvSource({
        "sgd, 0.001, 50000",
        "adagrad, 0.5, 50000",
        "rmsprop, 0.001, 50000",
        "adam, 0.01, 20000",
        "adamw, 0.01, 20000"
    })
    void optaxVariantsFollowTheRosenbrockValleyToItsEnd(String name, double learningRate, int iterations) {
        RunReport report = prepare(
                        ROSENBROCK, optax(spec(name, "learningRate", learningRate), Map.of()), null, iterations)
                .execute(() -> false);
        assertThat(report.distanceToOptimum()).as("%s final point", name).isLessThan(0.05);
    }

    private static Map<String, Object> spec(String name, Object... keysAndValues) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("name", name);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            spec.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return spec;
    }

    private static Map<String, Object> optax(Map<String, Object> spec, Map<String, Object> optaxOnly) {
        Map<String, Object> optax = new LinkedHashMap<>(spec);
        optax.put("convention", OptimizerBinder.OPTAX);
        optax.putAll(optaxOnly);
        return optax;
    }

    private static RunPlan prepare(
            Map<String, Object> objective,
            Map<String, Object> optimizer,
            Map<String, Object> schedule,
            int iterations) {
        return RunPlan.prepare(
                new RunRequestData(
                        objective, optimizer, schedule, null, iterations, null, null, null, null, null, null, 1, null),
                Limits.defaults());
    }

    private static Trajectory run(
            Map<String, Object> objective,
            Map<String, Object> optimizer,
            Map<String, Object> schedule,
            int iterations) {
        RunReport report = prepare(objective, optimizer, schedule, iterations).execute(() -> false);
        assertThat(report.trajectory().size()).isEqualTo(iterations + 1);
        return report.trajectory();
    }

    private static double largestRelativeDifference(Trajectory a, Trajectory b) {
        double largest = 0;
        for (int i = 0; i < a.size(); i++) {
            double[] p = a.point(i);
            double[] q = b.point(i);
            for (int j = 0; j < p.length; j++) {
                largest = Math.max(largest, Math.abs(p[j] - q[j]) / (Math.abs(p[j]) + 1e-3));
            }
        }
        return largest;
    }
}
