package org.optlab.compute.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.Limits;
import org.optlab.compute.objective.Domain;
import org.optlab.compute.objective.Objective;
import org.optlab.compute.objective.Optimum;
import org.optlab.compute.run.RunPlan;

/** An objective on a grid: rows follow y, the extremes, slices of higher dimensions, bad axes. */
class LandscapeTest {

    private static Objective objective(Map<String, Object> spec) {
        return RunPlan.objective(spec, Limits.defaults()).objective();
    }

    @Test
    void valuesAreTheObjectiveAtXiAndYjWithRowsFollowingY() {
        Objective himmelblau = objective(Map.of("name", "himmelblau"));
        Domain bounds = new Domain(-4, 2, -1, 5);

        Landscape landscape = Landscape.evaluate(himmelblau, bounds, 7, null, 0, 1);

        assertThat(landscape.x()).containsExactly(-4, -3, -2, -1, 0, 1, 2);
        assertThat(landscape.y()).containsExactly(-1, 0, 1, 2, 3, 4, 5);
        assertThat(landscape.values()).hasNumberOfRows(7);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < 7; j++) {
            assertThat(landscape.values()[j]).hasSize(7);
            for (int i = 0; i < 7; i++) {
                double expected = himmelblau.value(
                        new double[] {landscape.x()[i], landscape.y()[j]});
                assertThat(landscape.values()[j][i]).as("values[%d][%d]", j, i).isEqualTo(expected);
                min = Math.min(min, expected);
                max = Math.max(max, expected);
            }
        }
        // f(x, y) = (x² + y − 11)² + (x + y² − 7)², e.g. at x = 2, y = -1: 64 + 16.
        assertThat(landscape.values()[0][6]).isEqualTo(80.0);
        assertThat(landscape.min()).isEqualTo(min);
        assertThat(landscape.max()).isEqualTo(max);
    }

    @Test
    void gridIncludesBothEndsOfTheBounds() {
        Objective rosenbrock = objective(Map.of("name", "rosenbrock"));
        Domain domain = rosenbrock.domain();

        Landscape landscape = Landscape.evaluate(rosenbrock, domain, 100, null, 0, 1);

        assertThat(landscape.x()).hasSize(100);
        assertThat(landscape.y()).hasSize(100);
        assertThat(landscape.x()[0]).isEqualTo(domain.xMin());
        assertThat(landscape.x()[99]).isEqualTo(domain.xMax());
        assertThat(landscape.y()[0]).isEqualTo(domain.yMin());
        assertThat(landscape.y()[99]).isEqualTo(domain.yMax());
        assertThat(landscape.min()).isGreaterThanOrEqualTo(0.0).isLessThan(landscape.max());
    }

    @Test
    void sliceOfA4dRosenbrockEqualsThePointWithThoseCoordinatesReplaced() {
        Objective rosenbrock = objective(Map.of("name", "rosenbrock", "dimension", 4));
        double[] through = {0.5, -0.3, 0.7, 1.1};

        Landscape landscape = Landscape.evaluate(rosenbrock, new Domain(-2, 2, -1, 3), 9, through, 1, 3);

        for (int j = 0; j < 9; j++) {
            for (int i = 0; i < 9; i++) {
                double[] point = through.clone();
                point[1] = landscape.x()[i];
                point[3] = landscape.y()[j];
                assertThat(landscape.values()[j][i]).as("values[%d][%d]", j, i).isEqualTo(rosenbrock.value(point));
            }
        }
        assertThat(through).as("the caller's point is not changed").containsExactly(0.5, -0.3, 0.7, 1.1);
    }

    @Test
    void sliceAxesMayComeInEitherOrder() {
        Objective rosenbrock = objective(Map.of("name", "rosenbrock", "dimension", 4));
        double[] through = {0.5, -0.3, 0.7, 1.1};
        Domain square = Domain.square(2);

        Landscape xy = Landscape.evaluate(rosenbrock, square, 5, through, 1, 3);
        Landscape yx = Landscape.evaluate(rosenbrock, square, 5, through, 3, 1);

        for (int j = 0; j < 5; j++) {
            for (int i = 0; i < 5; i++) {
                assertThat(yx.values()[i][j]).isEqualTo(xy.values()[j][i]);
            }
        }
    }

    @Test
    void nonFiniteValuesAreLeftOutOfMinAndMax() {
        // 1/x is infinite on the line x = 0, which the grid [-1, 1] with 5 points hits.
        Objective reciprocal = new Objective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double evaluate(double[] point, double[] gradient) {
                return 1 / point[0] + point[1];
            }

            @Override
            public double[] defaultInitialPoint() {
                return new double[2];
            }

            @Override
            public Optimum optimum() {
                return null;
            }

            @Override
            public Domain domain() {
                return Domain.square(1);
            }
        };

        Landscape landscape = Landscape.evaluate(reciprocal, Domain.square(1), 5, null, 0, 1);

        assertThat(landscape.values()[0][2]).isInfinite();
        assertThat(landscape.min()).isEqualTo(-1 / 0.5 - 1);
        assertThat(landscape.max()).isEqualTo(1 / 0.5 + 1);
    }

    @ParameterizedTest(name = "axes [{0}, {1}]")
    @CsvSource({"0, 0", "-1, 1", "0, 4", "4, 0", "2, 2"})
    void badAxesAreRejected(int axisX, int axisY) {
        Objective rosenbrock = objective(Map.of("name", "rosenbrock", "dimension", 4));

        assertThatThrownBy(() -> Landscape.evaluate(rosenbrock, Domain.square(1), 3, null, axisX, axisY))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
                    assertThat(e.violations().get(0).field()).isEqualTo("slice.axes");
                    assertThat(e.violations().get(0).message()).contains("[0, 3]");
                });
    }

    @Test
    void oneDimensionalObjectiveHasNoSecondAxis() {
        Objective line = objective(Map.of("name", "sphere", "dimension", 1));

        assertThatThrownBy(() -> Landscape.evaluate(line, Domain.square(1), 3, null, 0, 1))
                .isInstanceOfSatisfying(
                        InvalidSpecException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("slice.axes"));
    }

    @Test
    void slicePointOfTheWrongLengthIsRejected() {
        Objective rosenbrock = objective(Map.of("name", "rosenbrock", "dimension", 4));

        assertThatThrownBy(() -> Landscape.evaluate(rosenbrock, Domain.square(1), 3, new double[] {1, 2}, 0, 1))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
                    assertThat(e.violations().get(0).field()).isEqualTo("slice.point");
                    assertThat(e.violations().get(0).message()).contains("4");
                });
    }
}
