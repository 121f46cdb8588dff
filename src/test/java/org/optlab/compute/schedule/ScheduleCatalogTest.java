package org.optlab.compute.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.Limits;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;
import org.optlab.compute.run.RunPlan;
import org.optlab.compute.run.RunReport;
import org.optlab.compute.run.RunRequestData;

/**
 * The schedules beyond the first five (linear, polynomial, one_cycle, cosine_restarts,
 * inverse_sqrt, reduce_on_plateau): closed forms at hand-computed points, reduce-on-plateau's state
 * machine on hand-made loss sequences, parameter validation, PyTorch's defaults in the catalog, and
 * per-execution state. Whole runs against PyTorch are in ReferenceTrajectoryTest
 * (trajectories-schedules.json).
 */
class ScheduleCatalogTest {

    private static final double EXACT = 1e-15;

    private static LearningRateSchedule build(String name, Map<String, ?> parameters, double eta, int iterations) {
        return Schedules.build(name, parameters, eta, iterations);
    }

    @Test
    void linearMovesTheFactorFromStartToEndThenHolds() {
        LearningRateSchedule defaults = build("linear", Map.of(), 0.3, 100);
        assertThat(defaults.learningRate(0)).isCloseTo(0.1, offset(EXACT));
        // 0.3 · (1/3 + (2/3)·1/5) = 0.3 · 7/15
        assertThat(defaults.learningRate(1)).isCloseTo(0.14, offset(EXACT));
        assertThat(defaults.learningRate(5)).isCloseTo(0.3, offset(EXACT));
        assertThat(defaults.learningRate(99)).isCloseTo(0.3, offset(EXACT));

        LearningRateSchedule decay =
                build("linear", Map.of("startFactor", 1.0, "endFactor", 0.5, "totalIters", 10), 2.0, 100);
        assertThat(decay.learningRate(0)).isEqualTo(2.0);
        assertThat(decay.learningRate(4)).isCloseTo(1.6, offset(EXACT));
        assertThat(decay.learningRate(10)).isCloseTo(1.0, offset(EXACT));
        assertThat(decay.learningRate(60)).isCloseTo(1.0, offset(EXACT));
    }

    @Test
    void polynomialReachesZeroAtTotalItersAndStays() {
        // PyTorch's docstring example: lr 0.001, total_iters 4, power 1.
        LearningRateSchedule linear = build("polynomial", Map.of("totalIters", 4), 0.001, 100);
        assertThat(linear.learningRate(0)).isEqualTo(0.001);
        assertThat(linear.learningRate(1)).isCloseTo(0.00075, offset(EXACT));
        assertThat(linear.learningRate(2)).isCloseTo(0.0005, offset(EXACT));
        assertThat(linear.learningRate(3)).isCloseTo(0.00025, offset(EXACT));
        assertThat(linear.learningRate(4)).isZero();
        assertThat(linear.learningRate(50)).isZero();

        LearningRateSchedule squared = build("polynomial", Map.of("totalIters", 10, "power", 2.0), 1.0, 100);
        assertThat(squared.learningRate(5)).isCloseTo(0.25, offset(EXACT));
        assertThat(squared.learningRate(8)).isCloseTo(0.04, offset(EXACT));

        LearningRateSchedule defaults = build("polynomial", Map.of(), 1.0, 1000);
        assertThat(defaults.learningRate(1)).isCloseTo(0.8, offset(EXACT));
        assertThat(defaults.learningRate(5)).isZero();
    }

    @Test
    void oneCycleRisesToEtaThenAnnealsToTheFinalRate() {
        // T = 100, pctStart 0.3: e₁ = 29; η₀ = 1/25 = 0.04, ηmin = 0.04/1e4 = 4e-6.
        LearningRateSchedule s = build("one_cycle", Map.of(), 1.0, 100);
        assertThat(s.learningRate(0)).isCloseTo(0.04, offset(EXACT));
        assertThat(s.learningRate(29)).isCloseTo(1.0, offset(EXACT));
        // Phase 2 halfway: t = 29 + 70/2 = 64.
        assertThat(s.learningRate(64)).isCloseTo((1 + 4e-6) / 2, offset(1e-12));
        assertThat(s.learningRate(99)).isCloseTo(4e-6, offset(1e-18));
        assertThat(s.learningRate(20)).isBetween(0.04, 1.0);
        assertThat(s.learningRate(20)).isGreaterThan(s.learningRate(19));
    }

    @Test
    void oneCycleThreePhaseLinear() {
        // T = 100, pctStart 0.25: e₁ = 24, e₂ = 48; η₀ = 0.1, ηmin = 0.001.
        LearningRateSchedule s = build(
                "one_cycle",
                Map.of(
                        "pctStart",
                        0.25,
                        "annealStrategy",
                        "linear",
                        "divFactor",
                        10,
                        "finalDivFactor",
                        100,
                        "threePhase",
                        true),
                1.0,
                100);
        assertThat(s.learningRate(0)).isCloseTo(0.1, offset(EXACT));
        assertThat(s.learningRate(12)).isCloseTo(0.55, offset(EXACT));
        assertThat(s.learningRate(24)).isCloseTo(1.0, offset(EXACT));
        assertThat(s.learningRate(36)).isCloseTo(0.55, offset(EXACT));
        assertThat(s.learningRate(48)).isCloseTo(0.1, offset(EXACT));
        // Phase 3: (65 − 48)/(99 − 48) = 1/3 of the way from 0.1 to 0.001.
        assertThat(s.learningRate(65)).isCloseTo(0.067, offset(EXACT));
        assertThat(s.learningRate(99)).isCloseTo(0.001, offset(EXACT));
    }

    @Test
    void oneCycleTakesAZeroLengthPhaseAsFinished() {
        // pctStart·T = 1: e₁ = 0, where PyTorch would divide 0 by 0.
        LearningRateSchedule s = build("one_cycle", Map.of("pctStart", 0.1), 2.0, 10);
        assertThat(s.learningRate(0)).isEqualTo(2.0);
        assertThat(s.learningRate(9)).isCloseTo(2.0 / 25 / 1e4, offset(1e-18));
        // pctStart = 1: the second phase has length 0; lr_T is its end rate.
        LearningRateSchedule allRise = build("one_cycle", Map.of("pctStart", 1.0), 2.0, 10);
        assertThat(allRise.learningRate(9)).isCloseTo(2.0, offset(EXACT));
        assertThat(allRise.learningRate(10)).isCloseTo(2.0 / 25 / 1e4, offset(1e-18));
    }

    @Test
    void cosineRestartsFallWithinEachCycleAndRestart() {
        LearningRateSchedule s = build("cosine_restarts", Map.of("t0", 10), 1.0, 100);
        assertThat(s.learningRate(0)).isEqualTo(1.0);
        assertThat(s.learningRate(5)).isCloseTo(0.5, offset(EXACT));
        assertThat(s.learningRate(9)).isCloseTo((1 + Math.cos(0.9 * Math.PI)) / 2, offset(EXACT));
        assertThat(s.learningRate(10)).isEqualTo(1.0);
        assertThat(s.learningRate(95)).isCloseTo(0.5, offset(EXACT));

        // tMult 2: cycles [0, 10), [10, 30), [30, 70), [70, 150).
        LearningRateSchedule growing =
                build("cosine_restarts", Map.of("t0", 10, "tMult", 2, "minLearningRate", 0.1), 1.0, 200);
        assertThat(growing.learningRate(5)).isCloseTo(0.55, offset(EXACT));
        assertThat(growing.learningRate(10)).isEqualTo(1.0);
        assertThat(growing.learningRate(20)).isCloseTo(0.55, offset(EXACT));
        assertThat(growing.learningRate(30)).isEqualTo(1.0);
        assertThat(growing.learningRate(50)).isCloseTo(0.55, offset(EXACT));
        assertThat(growing.learningRate(70)).isEqualTo(1.0);
        assertThat(growing.learningRate(110)).isCloseTo(0.55, offset(EXACT));
    }

    @Test
    void cosineRestartsWithAHugeMultiplierDoNotOverflow() {
        LearningRateSchedule s = build("cosine_restarts", Map.of("t0", 3, "tMult", Integer.MAX_VALUE), 1.0, 10);
        assertThat(s.learningRate(3)).isEqualTo(1.0);
        assertThat(s.learningRate(Integer.MAX_VALUE)).isBetween(0.0, 1.0);
    }

    @Test
    void inverseSqrtWarmsUpThenDecays() {
        LearningRateSchedule warm = build("inverse_sqrt", Map.of("warmupSteps", 4), 1.0, 100);
        assertThat(warm.learningRate(0)).isEqualTo(0.25);
        assertThat(warm.learningRate(3)).isEqualTo(1.0);
        assertThat(warm.learningRate(4)).isCloseTo(2 / Math.sqrt(5), offset(EXACT));
        assertThat(warm.learningRate(15)).isCloseTo(0.5, offset(EXACT));
        // η·min(n/W, √(W/n)) with n = t + 1
        for (int t = 0; t < 50; t++) {
            double n = t + 1;
            assertThat(warm.learningRate(t)).isCloseTo(Math.min(n / 4, Math.sqrt(4 / n)), offset(EXACT));
        }

        LearningRateSchedule none = build("inverse_sqrt", Map.of(), 2.0, 100);
        assertThat(none.learningRate(0)).isEqualTo(2.0);
        assertThat(none.learningRate(3)).isCloseTo(1.0, offset(EXACT));
        assertThat(none.learningRate(99)).isCloseTo(0.2, offset(EXACT));
    }

    /** Tells the schedule f(w_t) for t = 0, 1, … as the runner does and collects lr_t. */
    private static double[] feed(LearningRateSchedule s, double... losses) {
        double[] rates = new double[losses.length];
        for (int t = 0; t < losses.length; t++) {
            s.observe(t, losses[t]);
            rates[t] = s.learningRate(t);
        }
        return rates;
    }

    @Test
    void plateauReducesAfterPatienceAndWaitsOutTheCooldown() {
        LearningRateSchedule s = build(
                "reduce_on_plateau",
                Map.of("factor", 0.5, "patience", 2, "threshold", 0.0, "thresholdMode", "abs", "cooldown", 1),
                1.0,
                100);
        // t = 1 improves on +∞ (best 10); t = 2, 3, 4 are bad; the third bad step (> patience 2) halves the
        // rate at t = 4. Cooldown 1 voids t = 5; t = 6, 7, 8 are bad again and halve it at t = 8.
        double[] rates = feed(s, 100, 10, 10, 10, 10, 10, 10, 10, 10, 10);
        assertThat(rates).containsExactly(1.0, 1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25);
    }

    @Test
    void plateauIgnoresTheInitialLossAndRepeatedSteps() {
        LearningRateSchedule s = build("reduce_on_plateau", Map.of("patience", 0), 1.0, 100);
        // Were f(w_0) = 0 seen, f(w_1) = 5 would be a bad step and, with patience 0, cut the rate at t = 1.
        s.observe(0, 0.0);
        s.observe(1, 5.0);
        assertThat(s.learningRate(1)).isEqualTo(1.0);
        // The same step told twice counts once.
        s.observe(1, 5.0);
        assertThat(s.learningRate(1)).isEqualTo(1.0);
        s.observe(2, 4.0);
        assertThat(s.learningRate(2)).isEqualTo(1.0);
        s.observe(3, 4.0);
        assertThat(s.learningRate(3)).isCloseTo(0.1, offset(EXACT));
    }

    @Test
    void plateauRelativeThresholdNeedsAProportionalImprovement() {
        LearningRateSchedule s =
                build("reduce_on_plateau", Map.of("patience", 0, "threshold", 0.1, "factor", 0.5), 1.0, 100);
        // best 100; 91 is not below 100·0.9 = 90, so it is bad and patience 0 halves the rate.
        assertThat(feed(s, 0, 100, 91)).containsExactly(1.0, 1.0, 0.5);
        LearningRateSchedule better =
                build("reduce_on_plateau", Map.of("patience", 0, "threshold", 0.1, "factor", 0.5), 1.0, 100);
        // 89 < 90 and 80 < 89·0.9 = 80.1 improve; 72.1 is not below 80·0.9 = 72.
        assertThat(feed(better, 0, 100, 89, 80, 72.1)).containsExactly(1.0, 1.0, 1.0, 1.0, 0.5);
    }

    @Test
    void plateauStopsAtTheMinimumAndSkipsReductionsBelowEpsilon() {
        LearningRateSchedule floored =
                build("reduce_on_plateau", Map.of("patience", 0, "minLearningRate", 0.05), 1.0, 100);
        double[] rates = feed(floored, 1, 1, 1, 1, 1, 1);
        assertThat(rates[2]).isCloseTo(0.1, offset(EXACT));
        assertThat(rates[3]).isEqualTo(0.05);
        assertThat(rates[5]).isEqualTo(0.05);

        // From 1e-7 the cut to 1e-8 (by 9e-8) is made; the next (by 9e-9 < eps 1e-8) is skipped.
        LearningRateSchedule tiny = build("reduce_on_plateau", Map.of("patience", 0), 1e-7, 100);
        double[] small = feed(tiny, 1, 1, 1, 1, 1);
        assertThat(small[2]).isCloseTo(1e-8, offset(1e-22));
        assertThat(small[4]).isEqualTo(small[2]);
    }

    @Test
    void plateauNeverCountsANaNLossAsAnImprovement() {
        LearningRateSchedule s = build("reduce_on_plateau", Map.of("patience", 0), 1.0, 100);
        assertThat(feed(s, 0, Double.NaN)).containsExactly(1.0, 0.1);
    }

    @Test
    void plateauStateDoesNotLeakBetweenExecutionsOfOnePlan() {
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("name", "reduce_on_plateau");
        schedule.put("patience", 5);
        schedule.put("threshold", 0.001);
        RunPlan plan = RunPlan.prepare(
                new RunRequestData(
                        Map.of("name", "rosenbrock"),
                        Map.of("name", "adam", "learningRate", 0.05),
                        schedule,
                        new double[] {-1.2, 1.0},
                        300,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        1,
                        null),
                Limits.defaults());
        assertThat(plan.newSchedule()).isNotSameAs(plan.newSchedule());

        RunReport first = plan.execute(() -> false);
        RunReport second = plan.execute(() -> false);

        double[] rates = first.trajectory().learningRates();
        assertThat(rates[0]).isEqualTo(0.05);
        long reductions = IntStream.range(1, rates.length)
                .filter(i -> rates[i] < rates[i - 1])
                .count();
        assertThat(reductions).isGreaterThanOrEqualTo(2);
        // A leaked state would start the second run at the first one's last rate, with its best loss.
        assertThat(second.trajectory().learningRates()).containsExactly(rates);
        assertThat(second.trajectory().points())
                .containsExactly(first.trajectory().points());
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("cosine_restarts", Map.of(), "t0"),
                Arguments.of("cosine_restarts", Map.of("t0", 0), "t0"),
                Arguments.of("cosine_restarts", Map.of("t0", 10, "tMult", 0), "tMult"),
                Arguments.of("cosine_restarts", Map.of("t0", 10, "tMult", 1.5), "tMult"),
                Arguments.of("cosine_restarts", Map.of("t0", 10, "minLearningRate", -1), "minLearningRate"),
                Arguments.of("linear", Map.of("totalIters", 0), "totalIters"),
                Arguments.of("linear", Map.of("startFactor", 0), "startFactor"),
                Arguments.of("linear", Map.of("startFactor", 1.5), "startFactor"),
                Arguments.of("linear", Map.of("endFactor", -0.1), "endFactor"),
                Arguments.of("linear", Map.of("endFactor", 1.01), "endFactor"),
                Arguments.of("polynomial", Map.of("totalIters", 0), "totalIters"),
                Arguments.of("polynomial", Map.of("power", -1), "power"),
                Arguments.of("one_cycle", Map.of("pctStart", 1.5), "pctStart"),
                Arguments.of("one_cycle", Map.of("pctStart", -0.1), "pctStart"),
                Arguments.of("one_cycle", Map.of("divFactor", 0), "divFactor"),
                Arguments.of("one_cycle", Map.of("finalDivFactor", -1), "finalDivFactor"),
                Arguments.of("one_cycle", Map.of("annealStrategy", "cosine"), "annealStrategy"),
                Arguments.of("one_cycle", Map.of("threePhase", "yes"), "threePhase"),
                Arguments.of("inverse_sqrt", Map.of("warmupSteps", -1), "warmupSteps"),
                Arguments.of("reduce_on_plateau", Map.of("factor", 1.0), "factor"),
                Arguments.of("reduce_on_plateau", Map.of("factor", 0), "factor"),
                Arguments.of("reduce_on_plateau", Map.of("patience", -1), "patience"),
                Arguments.of("reduce_on_plateau", Map.of("threshold", -1e-4), "threshold"),
                Arguments.of("reduce_on_plateau", Map.of("thresholdMode", "relative"), "thresholdMode"),
                Arguments.of("reduce_on_plateau", Map.of("cooldown", -1), "cooldown"),
                Arguments.of("reduce_on_plateau", Map.of("minLearningRate", -1), "minLearningRate"),
                Arguments.of("reduce_on_plateau", Map.of("epsilon", -1), "epsilon"),
                Arguments.of("reduce_on_plateau", Map.of("mode", "max"), "mode"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalid")
    void rejectsMissingAndOutOfRangeParameters(String name, Map<String, ?> parameters, String field) {
        assertThatThrownBy(() -> build(name, parameters, 0.1, 100))
                .isInstanceOfSatisfying(
                        InvalidSpecException.class,
                        e -> assertThat(e.violations())
                                .extracting(InvalidSpecException.Violation::field)
                                .containsExactly(field));
    }

    @Test
    void recordsCheckTheirInvariantsWhenBuiltDirectly() {
        assertThatThrownBy(() -> new LinearSchedule(1.0, 0.5, 1.0, 0))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("totalIters");
        assertThatThrownBy(() -> new PolynomialDecay(1.0, 0, 1.0))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("totalIters");
        assertThatThrownBy(() -> new CosineWarmRestarts(1.0, 10, 0, 0))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("tMult");
        assertThatThrownBy(() -> new ReduceOnPlateau(1.0, 1.5, 10, 1e-4, true, 0, 0, 1e-8))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("factor");
        assertThatThrownBy(() -> new OneCycle(1.0, 100, 2.0, true, 25, 1e4, false))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("pctStart");
        assertThatThrownBy(() -> new InverseSquareRoot(1.0, -3))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("warmupSteps");
    }

    /** PyTorch's defaults, by schedule and optlab parameter name (null: required). */
    static Stream<Arguments> pytorchDefaults() {
        return Stream.of(
                Arguments.of(
                        "linear",
                        "torch.optim.lr_scheduler.LinearLR",
                        Map.of("startFactor", 1.0 / 3, "endFactor", 1.0, "totalIters", 5)),
                Arguments.of(
                        "polynomial", "torch.optim.lr_scheduler.PolynomialLR", Map.of("totalIters", 5, "power", 1.0)),
                Arguments.of(
                        "one_cycle",
                        "torch.optim.lr_scheduler.OneCycleLR",
                        Map.of(
                                "pctStart",
                                0.3,
                                "annealStrategy",
                                "cos",
                                "divFactor",
                                25.0,
                                "finalDivFactor",
                                1e4,
                                "threePhase",
                                false)),
                Arguments.of(
                        "cosine_restarts",
                        "torch.optim.lr_scheduler.CosineAnnealingWarmRestarts",
                        Map.of("tMult", 1, "minLearningRate", 0.0)),
                Arguments.of("inverse_sqrt", "Attention is all you need", Map.of("warmupSteps", 0)),
                Arguments.of(
                        "reduce_on_plateau",
                        "torch.optim.lr_scheduler.ReduceLROnPlateau",
                        Map.of(
                                "factor", 0.1,
                                "patience", 10,
                                "threshold", 1e-4,
                                "thresholdMode", "rel",
                                "cooldown", 0,
                                "minLearningRate", 0.0,
                                "epsilon", 1e-8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pytorchDefaults")
    void catalogGivesPyTorchsDefaultsAndNamesItsReference(String name, String reference, Map<String, ?> defaults) {
        CatalogEntry entry = Schedules.find(name).orElseThrow().entry();
        assertThat(entry.title()).isNotBlank();
        assertThat(entry.description()).isNotBlank();
        assertThat(entry.rule()).contains("lr");
        assertThat(entry.reference()).contains(reference);
        for (ParameterSpec spec : entry.parameters()) {
            assertThat(spec.description()).as(name + "." + spec.name()).isNotBlank();
            if (spec.required()) {
                assertThat(defaults).doesNotContainKey(spec.name());
                continue;
            }
            Object expected = defaults.get(spec.name());
            assertThat(expected).as(name + "." + spec.name() + " is listed").isNotNull();
            if (expected instanceof Number number) {
                assertThat(((Number) spec.defaultValue()).doubleValue())
                        .as(name + "." + spec.name())
                        .isEqualTo(number.doubleValue());
            } else {
                assertThat(spec.defaultValue()).as(name + "." + spec.name()).isEqualTo(expected);
            }
        }
        assertThat(entry.parameters()).extracting(ParameterSpec::name).containsAll(defaults.keySet());
    }

    @Test
    void oneCycleSaysThatMomentumIsNotCycled() {
        CatalogEntry entry = Schedules.find("one_cycle").orElseThrow().entry();
        assertThat(entry.description()).contains("cycle_momentum=False");
        assertThat(entry.reference()).contains("cycle_momentum=False");
    }

    @Test
    void everyScheduleIsListedOnceInCatalogOrder() {
        assertThat(Schedules.all())
                .extracting(ScheduleKind::name)
                .containsSubsequence(
                        "constant",
                        "step",
                        "exponential",
                        "cosine",
                        "warmup_cosine",
                        "linear",
                        "polynomial",
                        "one_cycle",
                        "cosine_restarts",
                        "inverse_sqrt",
                        "reduce_on_plateau")
                .doesNotHaveDuplicates();
        assertThat(List.copyOf(Schedules.all()))
                .allSatisfy(kind -> assertThat(kind.entry().name()).matches("[a-z]+(_[a-z]+)*"));
    }
}
