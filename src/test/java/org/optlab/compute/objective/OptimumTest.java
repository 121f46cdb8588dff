package org.optlab.compute.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.optlab.compute.InvalidSpecException;

/** Every known optimum has the catalog's loss and a vanishing gradient; the catalog data is sane. */
class OptimumTest {

    static Stream<TestObjectives.Case> cases() {
        return TestObjectives.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void optimaHaveTheirLossAndZeroGradient(TestObjectives.Case c) {
        Objective objective = c.objective();
        Optimum optimum = objective.optimum();
        if (c.label().contains("indefinite")) {
            assertThat(optimum).as("an indefinite quadratic has no minimiser").isNull();
            return;
        }
        assertThat(optimum).as("%s should know its optimum", c).isNotNull();
        assertThat(optimum.points()).isNotEmpty();
        for (double[] point : optimum.points()) {
            double[] gradient = new double[objective.dimension()];
            double loss = objective.evaluate(point, gradient);
            assertThat(loss).isCloseTo(optimum.loss(), org.assertj.core.data.Offset.offset(1e-12));
            double norm = 0;
            for (double g : gradient) {
                norm += g * g;
            }
            assertThat(Math.sqrt(norm)).as("‖∇f‖ at a minimiser of %s", c).isLessThan(1e-9);
            assertThat(optimum.distanceFrom(point)).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void defaultStartIsInsideTheDomainAndNotOptimal(TestObjectives.Case c) {
        Objective objective = c.objective();
        double[] start = objective.defaultInitialPoint();
        assertThat(start).hasSize(objective.dimension());
        Domain domain = objective.domain();
        if (domain != null) {
            assertThat(start[0]).isBetween(domain.xMin(), domain.xMax());
            assertThat(start[1]).isBetween(domain.yMin(), domain.yMax());
        }
        if (objective.optimum() != null) {
            assertThat(objective.optimum().distanceFrom(start)).isGreaterThan(0.1);
        }
    }

    @Test
    void himmelblauHasFourMinima() {
        assertThat(TwoDimensional.HIMMELBLAU.optimum().points()).hasSize(4);
    }

    @Test
    void rosenbrockOptimumIsUnknownForGeneralAInHigherDimensions() {
        assertThat(TestObjectives.build("rosenbrock", Map.of("a", 2, "dimension", 3))
                        .optimum())
                .isNull();
        assertThat(TestObjectives.build("rosenbrock", Map.of("a", 2))
                        .optimum()
                        .points()
                        .get(0))
                .containsExactly(2, 4);
    }

    @Test
    void quadraticRejectsAsymmetricAndMisshapenMatrices() {
        assertThatThrownBy(() ->
                        TestObjectives.build("quadratic", Map.of("matrix", List.of(List.of(1, 2), List.of(3, 4)))))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("matrix")
                .hasMessageContaining("symmetric");
        assertThatThrownBy(() ->
                        TestObjectives.build("quadratic", Map.of("matrix", List.of(List.of(1, 2), List.of(3)))))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("matrix[1]");
        assertThatThrownBy(() -> TestObjectives.build(
                        "quadratic", Map.of("matrix", List.of(List.of(1, 0), List.of(0, 1)), "vector", List.of(1))))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("vector");
        assertThatThrownBy(() -> TestObjectives.build(
                        "quadratic", Map.of("matrix", List.of(List.of(1, 0), List.of(0, 1)), "conditionNumber", 5)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("conditionNumber");
    }

    @Test
    void quadraticMinimumMatchesTheLinearSolve() {
        Objective q = TestObjectives.build(
                "quadratic", Map.of("matrix", List.of(List.of(2, 1), List.of(1, 3)), "vector", List.of(1, 2)));
        // A⁻¹b for A = [[2,1],[1,3]], b = (1, 2): (1/5)·[[3,−1],[−1,2]]·(1,2) = (0.2, 0.6); f* = −½ bᵀx = −0.7.
        assertThat(q.optimum().points().get(0))
                .containsExactly(new double[] {0.2, 0.6}, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(q.optimum().loss()).isCloseTo(-0.7, org.assertj.core.data.Offset.offset(1e-15));
    }
}
