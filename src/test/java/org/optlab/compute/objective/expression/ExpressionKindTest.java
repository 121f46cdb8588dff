package org.optlab.compute.objective.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.InvalidSpecException.Violation;
import org.optlab.compute.Limits;
import org.optlab.compute.objective.Domain;
import org.optlab.compute.objective.Objective;
import org.optlab.compute.objective.ObjectiveKind;
import org.optlab.compute.objective.Objectives;
import org.optlab.compute.param.ParameterValues;
import org.optlab.compute.run.RunPlan;
import org.optlab.compute.run.RunReport;
import org.optlab.compute.run.RunRequestData;
import org.optlab.compute.run.RunStatus;

/** The {@code expression} kind in the catalog and end to end through {@link RunPlan}. */
class ExpressionKindTest {

    private static RunRequestData request(Map<String, Object> objective, double[] start, int iterations) {
        return new RunRequestData(
                objective,
                Map.of("name", "adam", "learningRate", 0.01),
                null,
                start,
                iterations,
                null,
                null,
                null,
                null,
                null,
                null,
                1,
                null);
    }

    @Test
    void theCatalogListsItWithDefaults() {
        ObjectiveKind kind = Objectives.find("expression").orElseThrow();
        assertThat(kind).isSameAs(ExpressionKind.KIND);
        assertThat(kind.entry().parameters())
                .extracting(p -> p.name())
                .containsExactly("expression", "variables", "start", "xMin", "xMax", "yMin", "yMax");
        Objective defaults = kind.withDefaults();
        assertThat(defaults.dimension()).isEqualTo(2);
        assertThat(defaults.defaultInitialPoint()).containsExactly(0, 0);
        assertThat(defaults.domain()).isEqualTo(new Domain(-2, 2, -2, 2));
        assertThat(defaults.optimum()).isNull();
        assertThat(defaults.value(new double[] {1, 1})).isZero();
    }

    @Test
    void bindsARequestMap() {
        ObjectiveKind kind = ExpressionKind.KIND;
        Objective objective = kind.create(ParameterValues.bind(
                Map.of(
                        "name",
                        "expression",
                        "expression",
                        "a*b^2 + c",
                        "variables",
                        List.of("a", "b", "c"),
                        "start",
                        List.of(1, 2, 3)),
                kind.entry().parameters(),
                List.of("name")));
        assertThat(objective.dimension()).isEqualTo(3);
        assertThat(objective.defaultInitialPoint()).containsExactly(1, 2, 3);
        double[] gradient = new double[3];
        assertThat(objective.evaluate(new double[] {2, 3, 4}, gradient)).isEqualTo(22);
        assertThat(gradient).containsExactly(9, 12, 1);
    }

    @Test
    void runsEndToEndLikeTheBuiltInRosenbrock() {
        double[] start = {-1.2, 1.0};
        RunReport formula = RunPlan.prepare(
                        request(
                                Map.of(
                                        "name",
                                        "expression",
                                        "expression",
                                        "(1-x)^2 + 100*(y-x^2)^2",
                                        "variables",
                                        List.of("x", "y")),
                                start,
                                2000),
                        Limits.defaults())
                .execute(() -> false);
        RunReport builtIn = RunPlan.prepare(request(Map.of("name", "rosenbrock"), start, 2000), Limits.defaults())
                .execute(() -> false);
        assertThat(formula.outcome().status()).isEqualTo(builtIn.outcome().status());
        assertThat(formula.outcome().iterations()).isEqualTo(2000);
        assertThat(formula.outcome().finalLoss()).isCloseTo(builtIn.outcome().finalLoss(), within(1e-9));
        assertThat(formula.outcome().finalPoint()[0])
                .isCloseTo(builtIn.outcome().finalPoint()[0], within(1e-9));
        assertThat(formula.outcome().finalPoint()[1])
                .isCloseTo(builtIn.outcome().finalPoint()[1], within(1e-9));
        assertThat(formula.optimum()).isNull();
    }

    @Test
    void startsAtTheGivenStartAndEchoesEveryDefault() {
        RunPlan plan = RunPlan.prepare(
                request(
                        Map.of(
                                "name",
                                "expression",
                                "expression",
                                "x^2 + y^2 + z^2",
                                "variables",
                                List.of("x", "y", "z"),
                                "start",
                                List.of(1, -1, 0.5)),
                        null,
                        500),
                Limits.defaults());
        @SuppressWarnings("unchecked")
        Map<String, Object> objective = (Map<String, Object>) plan.resolved().get("objective");
        assertThat(objective)
                .containsEntry("name", "expression")
                .containsEntry("expression", "x^2 + y^2 + z^2")
                .containsEntry("variables", List.of("x", "y", "z"))
                .containsEntry("xMin", -2.0)
                .containsKey("start");
        assertThat((double[]) plan.resolved().get("initialPoint")).containsExactly(1, -1, 0.5);
        RunReport report = plan.execute(() -> false);
        assertThat(report.outcome().status()).isIn(RunStatus.MAX_ITERATIONS, RunStatus.CONVERGED);
        assertThat(report.outcome().finalLoss()).isLessThan(1e-3);

        RunPlan zeros = RunPlan.prepare(
                request(Map.of("name", "expression", "expression", "(x-3)^2", "variables", List.of("x")), null, 10),
                Limits.defaults());
        assertThat((double[]) zeros.resolved().get("initialPoint")).containsExactly(0);
    }

    @Test
    void errorsNameTheObjectiveField() {
        InvalidSpecException e = catchThrowableOfType(
                InvalidSpecException.class,
                () -> RunPlan.prepare(
                        request(
                                Map.of(
                                        "name",
                                        "expression",
                                        "expression",
                                        "(1-x)^2 + 100*(y-x^2",
                                        "varables",
                                        List.of()),
                                null,
                                10),
                        Limits.defaults()));
        assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder("objective.varables");
        e = catchThrowableOfType(
                InvalidSpecException.class,
                () -> RunPlan.prepare(
                        request(Map.of("name", "expression", "expression", "(1-x)^2 + 100*(y-x^2"), null, 10),
                        Limits.defaults()));
        assertThat(e.violations())
                .containsExactly(
                        new Violation("objective.expression", "at position 21: expected ')' but found end of input"));
        e = catchThrowableOfType(
                InvalidSpecException.class,
                () -> RunPlan.prepare(
                        request(Map.of("name", "expression", "expression", "x".repeat(4001)), null, 10),
                        Limits.defaults()));
        assertThat(e.violations())
                .containsExactly(new Violation(
                        "objective.expression", "is 4001 characters long, more than the limit of 4000 characters"));
        e = catchThrowableOfType(
                InvalidSpecException.class,
                () -> RunPlan.prepare(
                        request(Map.of("name", "expression", "expression", 3, "variables", List.of("x", 1)), null, 10),
                        Limits.defaults()));
        assertThat(e.violations())
                .containsExactlyInAnyOrder(
                        new Violation("objective.expression", "must be a string, was 3"),
                        new Violation("objective.variables[1]", "must be a string, was 1"));
        e = catchThrowableOfType(
                InvalidSpecException.class,
                () -> RunPlan.prepare(
                        request(Map.of("name", "expression", "expression", "x*y"), new double[] {1, 2, 3}, 10),
                        Limits.defaults()));
        assertThat(e.violations()).extracting(Violation::field).containsExactly("initialPoint");
    }

    @Test
    void aDivergingFormulaEndsAsDiverged() {
        RunReport report = RunPlan.prepare(
                        request(
                                Map.of(
                                        "name",
                                        "expression",
                                        "expression",
                                        "log(x) + y",
                                        "variables",
                                        List.of("x", "y")),
                                new double[] {0.5, 0},
                                1000),
                        Limits.defaults())
                .execute(() -> false);
        assertThat(report.outcome().status()).isEqualTo(RunStatus.DIVERGED);
    }
}
