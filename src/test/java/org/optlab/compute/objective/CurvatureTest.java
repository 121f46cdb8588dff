package org.optlab.compute.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hessian eigenvalues and condition numbers, exact and by differences of the gradient. */
class CurvatureTest {

    @Test
    void conditionedQuadraticHasItsConditionNumber() {
        Curvature c = Curvature.at(Quadratic.conditioned(5, 100), new double[5]);
        assertThat(c.eigenvalues()).containsExactly(new double[] {1, 25.75, 50.5, 75.25, 100}, offset(1e-12));
        assertThat(c.conditionNumber()).isCloseTo(100, offset(1e-10));
        assertThat(c.positiveDefinite()).isTrue();
        assertThat(c.method()).isEqualTo("exact");
    }

    @Test
    void rosenbrockAtItsMinimum() {
        // ∇²f(1, 1) = [[802, −400], [−400, 200]]: λ = 501 ± √(301² + 400²).
        Curvature c = Curvature.at(new Rosenbrock(2, 1, 100), new double[] {1, 1});
        double root = Math.sqrt(301.0 * 301 + 400.0 * 400);
        assertThat(c.eigenvalues()).containsExactly(new double[] {501 - root, 501 + root}, offset(1e-9));
        assertThat(c.conditionNumber()).isCloseTo((501 + root) / (501 - root), offset(1e-6));
    }

    @Test
    void differencesAgreeWithTheExactHessian() {
        Rosenbrock exact = new Rosenbrock(5, 1, 100);
        Objective plain = new Objective() {
            @Override
            public int dimension() {
                return 5;
            }

            @Override
            public double evaluate(double[] point, double[] gradient) {
                return exact.evaluate(point, gradient);
            }

            @Override
            public double[] defaultInitialPoint() {
                return exact.defaultInitialPoint();
            }

            @Override
            public Optimum optimum() {
                return null;
            }

            @Override
            public Domain domain() {
                return null;
            }
        };
        double[] x = {-1.2, 1.0, 0.3, -0.7, 2.0};
        Curvature byDifferences = Curvature.at(plain, x);
        Curvature byFormula = Curvature.at(exact, x);
        assertThat(byDifferences.method()).startsWith("central differences");
        for (int i = 0; i < 5; i++) {
            assertThat(byDifferences.eigenvalues()[i])
                    .isCloseTo(
                            byFormula.eigenvalues()[i],
                            offset(1e-5 * Math.max(1, Math.abs(byFormula.eigenvalues()[i]))));
        }
    }

    @Test
    void saddleIsIndefinite() {
        Objective saddle = TestObjectives.build("quadratic", Map.of("matrix", List.of(List.of(2, 0), List.of(0, -2))));
        Curvature c = Curvature.at(saddle, new double[] {0.3, 0.4});
        assertThat(c.eigenvalues()).containsExactly(-2, 2);
        assertThat(c.positiveDefinite()).isFalse();
        assertThat(c.conditionNumber()).isEqualTo(1);
    }

    @Test
    void himmelblauMinimaAreStrict() {
        for (double[] minimum : TwoDimensional.HIMMELBLAU.optimum().points()) {
            Curvature c = Curvature.at(TwoDimensional.HIMMELBLAU, minimum);
            assertThat(c.positiveDefinite())
                    .as("at %s", java.util.Arrays.toString(minimum))
                    .isTrue();
        }
    }

    @Test
    void largeDimensionsAreSkipped() {
        assertThat(Curvature.at(new Sphere(65), new double[65])).isNull();
    }
}
