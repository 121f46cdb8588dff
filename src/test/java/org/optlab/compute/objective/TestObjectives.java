package org.optlab.compute.objective;

import java.util.List;
import java.util.Map;
import org.optlab.compute.param.ParameterValues;

/** Objectives under test: every kind with its defaults and with other parameter values. */
final class TestObjectives {

    private TestObjectives() {}

    record Case(String label, Objective objective) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Objective build(String name, Map<String, ?> parameters) {
        ObjectiveKind kind = Objectives.find(name).orElseThrow();
        return kind.create(ParameterValues.bind(parameters, kind.entry().parameters(), List.of()));
    }

    static List<Case> all() {
        List<Case> cases = new java.util.ArrayList<>();
        for (ObjectiveKind kind : Objectives.all()) {
            cases.add(new Case(kind.name() + " (defaults)", kind.withDefaults()));
        }
        cases.add(new Case("rosenbrock a=2 b=10 n=2", build("rosenbrock", Map.of("a", 2, "b", 10))));
        cases.add(new Case("rosenbrock n=7", build("rosenbrock", Map.of("dimension", 7))));
        cases.add(new Case("rosenbrock a=0 n=4", build("rosenbrock", Map.of("a", 0, "dimension", 4))));
        cases.add(new Case("quadratic n=5 κ=100", build("quadratic", Map.of("dimension", 5, "conditionNumber", 100))));
        cases.add(new Case(
                "quadratic SPD 3×3",
                build(
                        "quadratic",
                        Map.of(
                                "matrix", List.of(List.of(4, 1, 0.5), List.of(1, 3, -0.5), List.of(0.5, -0.5, 2)),
                                "vector", List.of(1, -2, 0.5)))));
        cases.add(new Case(
                "quadratic indefinite", build("quadratic", Map.of("matrix", List.of(List.of(1, 2), List.of(2, -1))))));
        cases.add(new Case("sphere n=5", build("sphere", Map.of("dimension", 5))));
        cases.add(new Case("rastrigin n=4 A=5", build("rastrigin", Map.of("dimension", 4, "a", 5))));
        return cases;
    }
}
