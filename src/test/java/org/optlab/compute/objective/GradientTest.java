package org.optlab.compute.objective;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Every objective's analytic gradient agrees with central finite differences at random points of
 * its domain (its plotting window in 2-D, [−3, 3]ⁿ otherwise), and its loss agrees with
 * {@link Objective#value}.
 */
class GradientTest {

    @Property(tries = 300)
    void gradientMatchesCentralDifferences(@ForAll("objectivesAndPoints") Tuple2<TestObjectives.Case, double[]> input) {
        Objective objective = input.get1().objective();
        double[] x = input.get2();
        int n = objective.dimension();
        double[] gradient = new double[n];
        double loss = objective.evaluate(x, gradient);
        assertThat(loss).isEqualTo(objective.value(x));
        double[] scratch = new double[n];
        for (int i = 0; i < n; i++) {
            double h = 1e-6 * Math.max(1, Math.abs(x[i]));
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += h;
            minus[i] -= h;
            double numeric = (objective.evaluate(plus, scratch) - objective.evaluate(minus, scratch)) / (2 * h);
            // Truncation error is O(h²·f'''), rounding error O(ε·|f|/h): both scale with the loss.
            double tolerance = 1e-5 * Math.max(1, Math.abs(gradient[i])) + 1e-8 * Math.max(1, Math.abs(loss));
            assertThat(Math.abs(gradient[i] - numeric))
                    .as(
                            "%s at %s, ∂/∂x%d: analytic %s, numeric %s",
                            input.get1(), java.util.Arrays.toString(x), i, gradient[i], numeric)
                    .isLessThanOrEqualTo(tolerance);
        }
    }

    @Provide
    Arbitrary<Tuple2<TestObjectives.Case, double[]>> objectivesAndPoints() {
        List<TestObjectives.Case> cases = TestObjectives.all();
        return Arbitraries.of(cases).flatMap(c -> pointIn(c.objective()).map(p -> Tuple.of(c, p)));
    }

    private static Arbitrary<double[]> pointIn(Objective objective) {
        Domain domain = objective.domain();
        if (domain != null) {
            return Combinators.combine(
                            Arbitraries.doubles().between(domain.xMin(), domain.xMax()),
                            Arbitraries.doubles().between(domain.yMin(), domain.yMax()))
                    .as((x, y) -> new double[] {x, y});
        }
        return Arbitraries.doubles().between(-3, 3).array(double[].class).ofSize(objective.dimension());
    }
}
