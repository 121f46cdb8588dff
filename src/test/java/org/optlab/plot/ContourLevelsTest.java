package org.optlab.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.optlab.compute.objective.Objective;
import org.optlab.compute.objective.Objectives;
import org.optlab.compute.study.Landscape;

class ContourLevelsTest {

    private static double[][] landscape(String name, int resolution) {
        Objective objective = Objectives.find(name).orElseThrow().withDefaults();
        return Landscape.evaluate(objective, objective.domain(), resolution, null, 0, 1)
                .values();
    }

    @Test
    void rosenbrockGetsLogSpacedLevelsFromItsMinimum() {
        ContourLevels levels = ContourLevels.choose(landscape("rosenbrock", 150), 14, ContourLevels.Spacing.AUTO, 0);

        assertThat(levels.log()).isTrue();
        assertThat(levels.offset()).isZero();
        double[] v = levels.values();
        assertThat(v.length).isBetween(10, 30);
        // Log-spaced: every level is the same factor above the one below, and they span decades.
        for (int k = 1; k < v.length; k++) {
            assertThat(v[k] / v[k - 1]).as("ratio %d", k).isCloseTo(levels.ratio(), within(1e-9));
        }
        assertThat(levels.ratio()).isGreaterThan(1.2);
        assertThat(Math.log10(v[v.length - 1] / v[0])).isGreaterThan(3);
        // Whole decades are levels exactly (10^k is parsed, not computed), so the colour bar reads well.
        assertThat(v).contains(1.0, 10.0, 100.0);
    }

    @Test
    void aBowlGetsEvenlySpacedNiceLevels() {
        ContourLevels levels = ContourLevels.choose(landscape("sphere", 101), 10, ContourLevels.Spacing.AUTO, 0);

        assertThat(levels.log()).isFalse();
        double[] v = levels.values();
        assertThat(v.length).isBetween(5, 20);
        double step = v[1] - v[0];
        for (int k = 1; k < v.length; k++) {
            assertThat(v[k] - v[k - 1]).isCloseTo(step, within(1e-9));
        }
        assertThat(step).isIn(0.5, 1.0, 2.0); // 8 over about ten levels: a 1-2-5 step
    }

    @Test
    void theSpacingCanBeForced() {
        double[][] rosenbrock = landscape("rosenbrock", 80);
        assertThat(ContourLevels.choose(rosenbrock, 10, ContourLevels.Spacing.LINEAR, 0)
                        .log())
                .isFalse();
        assertThat(ContourLevels.choose(landscape("sphere", 80), 10, ContourLevels.Spacing.LOG, 0)
                        .log())
                .isTrue();
    }

    @Test
    void aNegativeMinimumIsTheOffsetOfLogLevels() {
        // Styblinski–Tang has f* ≈ −78.3; log levels are measured from it.
        Objective objective = Objectives.find("styblinski_tang").orElseThrow().withDefaults();
        double floor = objective.optimum().loss();
        ContourLevels levels =
                ContourLevels.choose(landscape("styblinski_tang", 100), 12, ContourLevels.Spacing.LOG, floor);
        assertThat(levels.offset()).isEqualTo(floor);
        assertThat(levels.values()[0]).isGreaterThan(floor);
    }

    @Test
    void aFlatOrEmptyGridHasNoLevels() {
        assertThat(ContourLevels.choose(new double[][] {{1, 1}, {1, 1}}, 10, ContourLevels.Spacing.AUTO, Double.NaN)
                        .values())
                .isEmpty();
        assertThat(ContourLevels.choose(
                                new double[][] {{Double.NaN, Double.NaN}, {Double.NaN, Double.NaN}},
                                10,
                                ContourLevels.Spacing.AUTO,
                                Double.NaN)
                        .values())
                .isEmpty();
    }
}
