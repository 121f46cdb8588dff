package org.optlab.compute.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.optlab.compute.InvalidSpecException;

/**
 * Every known optimum has the catalog's loss and a vanishing gradient and lies in the plotting
 * window; objectives documented as unbounded below have no optimum and really fall without bound;
 * default starts are neither optimal nor stationary; the catalog data is sane.
 */
class OptimumTest {

    static Stream<TestObjectives.Case> cases() {
        return TestObjectives.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void optimaHaveTheirLossAndZeroGradient(TestObjectives.Case c) {
        Objective objective = c.objective();
        Optimum optimum = objective.optimum();
        if (c.kind().name().equals("expression")) {
            assertThat(optimum).as("no minimiser of a user's formula is known").isNull();
            return;
        }
        if (c.documentedUnboundedBelow()) {
            assertThat(optimum).as("%s is documented as unbounded below", c).isNull();
            assertThat(descentToMinusInfinity(objective))
                    .as("%s should fall without bound along some axis or diagonal", c)
                    .isNotNull();
            return;
        }
        assertThat(optimum).as("%s should know its optimum", c).isNotNull();
        assertThat(optimum.points()).isNotEmpty();
        for (double[] point : optimum.points()) {
            double[] gradient = new double[objective.dimension()];
            double loss = objective.evaluate(point, gradient);
            assertThat(loss).isCloseTo(optimum.loss(), org.assertj.core.data.Offset.offset(1e-12));
            assertThat(norm(gradient)).as("‖∇f‖ at a minimiser of %s", c).isLessThan(1e-9);
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void minimisersLieInsideThePlottingDomain(TestObjectives.Case c) {
        Objective objective = c.objective();
        Domain domain = objective.domain();
        assertThat(domain == null).as("a plotting domain exactly in 2-D").isEqualTo(objective.dimension() != 2);
        if (domain == null || objective.optimum() == null) {
            return;
        }
        for (double[] point : objective.optimum().points()) {
            assertThat(point[0]).as("x of a minimiser of %s", c).isBetween(domain.xMin(), domain.xMax());
            assertThat(point[1]).as("y of a minimiser of %s", c).isBetween(domain.yMin(), domain.yMax());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void defaultStartIsNotStationary(TestObjectives.Case c) {
        Objective objective = c.objective();
        double[] gradient = new double[objective.dimension()];
        double loss = objective.evaluate(objective.defaultInitialPoint(), gradient);
        assertThat(loss).isFinite();
        assertThat(norm(gradient)).as("‖∇f‖ at the default start of %s", c).isGreaterThan(1e-6);
    }

    @Test
    void everyTwoDimensionalFunctionIsRegistered() {
        for (TwoDimensional function : TwoDimensional.values()) {
            assertThat(Objectives.find(function.kind().name())).contains(function.kind());
        }
    }

    @Test
    void newObjectivesFollowTheExistingOnesInCatalogOrder() {
        assertThat(Objectives.all().stream().map(ObjectiveKind::name))
                .startsWith("rosenbrock", "quadratic", "sphere", "rastrigin", "beale", "booth", "himmelblau")
                .contains(
                        "ackley",
                        "styblinski_tang",
                        "matyas",
                        "three_hump_camel",
                        "six_hump_camel",
                        "goldstein_price",
                        "mccormick",
                        "levy",
                        "easom",
                        "saddle",
                        "monkey_saddle");
    }

    @Test
    void unboundedObjectivesSayWhyTheyHaveNoOptimum() {
        for (String name : List.of("saddle", "monkey_saddle")) {
            ObjectiveKind kind = Objectives.find(name).orElseThrow();
            assertThat(kind.entry().description()).contains("unbounded below");
            assertThat(kind.withDefaults().optimum()).isNull();
        }
    }

    @Test
    void sixHumpCamelHasTwoMirroredMinima() {
        List<double[]> points = TwoDimensional.SIX_HUMP_CAMEL.optimum().points();
        assertThat(points).hasSize(2);
        assertThat(points.get(1)).containsExactly(-points.get(0)[0], -points.get(0)[1]);
    }

    @Test
    void mccormickMinimumIsTheClosedForm() {
        // x − y = 1 and x + y = −2π/3, f* = −√3/2 − π/3: within an ulp of the doubles' evaluation.
        double[] point = TwoDimensional.MCCORMICK.optimum().points().get(0);
        assertThat(point[0]).isCloseTo(0.5 - Math.PI / 3, Offset.offset(2e-16));
        assertThat(point[1]).isCloseTo(-0.5 - Math.PI / 3, Offset.offset(3e-16));
        assertThat(TwoDimensional.MCCORMICK.optimum().loss())
                .isCloseTo(-Math.sqrt(3) / 2 - Math.PI / 3, Offset.offset(3e-16));
    }

    @Test
    void styblinskiTangMinimumIsCorrectlyRoundedInEveryDimension() {
        // n·m to 60 digits (mpmath), rounded to the nearest double.
        double[] expected = {
            -39.16616570377141, -78.33233140754282, -117.49849711131425, -156.66466281508565, -195.8308285188571
        };
        for (int n = 1; n <= expected.length; n++) {
            assertThat(new StyblinskiTang(n).optimum().loss()).as("n = %d", n).isEqualTo(expected[n - 1]);
        }
        double[] gradient = new double[1];
        new StyblinskiTang(1).evaluate(new double[] {StyblinskiTang.MINIMISER}, gradient);
        assertThat(Math.abs(gradient[0])).isLessThan(1e-13);
    }

    @Test
    void ackleyIsExactAtTheOriginAndFiniteEverywhere() {
        Objective ackley = new Ackley(3, 20, 0.2, 2 * Math.PI);
        double[] gradient = {1, 1, 1};
        assertThat(ackley.evaluate(new double[] {0, -0.0, 0}, gradient)).isZero();
        assertThat(gradient).containsExactly(0, 0, 0);
        double[][] points = {
            {Double.MIN_VALUE, 0, 0}, {1e-300, -1e-300, 0}, {1e-170, 1e-170, 1e-170}, {1e300, -1e300, 1e150}
        };
        for (double[] point : points) {
            double loss = ackley.evaluate(point, gradient);
            assertThat(loss)
                    .as("f at %s", java.util.Arrays.toString(point))
                    .isFinite()
                    .isGreaterThanOrEqualTo(0);
            assertThat(java.util.Arrays.stream(gradient).allMatch(Double::isFinite))
                    .as("∇f at %s finite", java.util.Arrays.toString(point))
                    .isTrue();
        }
        // The cone's slope a·b/√n is reached from every direction, however close to the origin.
        ackley.evaluate(new double[] {Double.MIN_VALUE, 0, 0}, gradient);
        assertThat(gradient[0]).isCloseTo(20 * 0.2 / Math.sqrt(3), Offset.offset(1e-12));
    }

    @Test
    void parametersAreBounded() {
        assertThatThrownBy(() -> TestObjectives.build("ackley", Map.of("b", 0)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("b");
        assertThatThrownBy(() -> TestObjectives.build("levy", Map.of("dimension", 0)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("dimension");
        assertThatThrownBy(() -> TestObjectives.build("styblinski_tang", Map.of("dimension", 0)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("dimension");
    }

    /**
     * A direction d among the coordinate axes and the diagonals along which f(t·d) decreases for t
     * = 10, 100, …, 10⁶ and ends below −10¹⁰, or null when there is none.
     */
    private static double[] descentToMinusInfinity(Objective objective) {
        int n = objective.dimension();
        List<double[]> directions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                for (int si : new int[] {-1, 1}) {
                    for (int sj : new int[] {-1, 1}) {
                        double[] d = new double[n];
                        d[i] += si;
                        d[j] += i == j ? 0 : sj;
                        directions.add(d);
                    }
                }
            }
        }
        for (double[] d : directions) {
            double previous = objective.value(new double[n]);
            boolean falling = true;
            for (double t = 10; t <= 1e6 && falling; t *= 10) {
                double[] point = new double[n];
                for (int i = 0; i < n; i++) {
                    point[i] = t * d[i];
                }
                double loss = objective.value(point);
                falling = loss < previous;
                previous = loss;
            }
            if (falling && previous < -1e10) {
                return d;
            }
        }
        return null;
    }

    private static double norm(double[] vector) {
        double sum = 0;
        for (double v : vector) {
            sum += v * v;
        }
        return Math.sqrt(sum);
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
