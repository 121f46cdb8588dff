package org.optlab.compute.objective;

import java.util.List;
import java.util.Map;
import org.optlab.compute.param.ParameterValues;

/** Objectives under test: every kind with its defaults and with other parameter values. */
final class TestObjectives {

    private TestObjectives() {}

    record Case(String label, ObjectiveKind kind, Objective objective) {

        /**
         * Whether the catalog documents this objective as unbounded below: its description says so,
         * or (for the quadratic, whose catalog text covers both cases) the case is an indefinite one.
         */
        boolean documentedUnboundedBelow() {
            return kind.entry().description().contains("unbounded below") || label.contains("indefinite");
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static Objective build(String name, Map<String, ?> parameters) {
        ObjectiveKind kind = Objectives.find(name).orElseThrow();
        return kind.create(ParameterValues.bind(parameters, kind.entry().parameters(), List.of()));
    }

    private static Case variant(String label, String name, Map<String, ?> parameters) {
        return new Case(label, Objectives.find(name).orElseThrow(), build(name, parameters));
    }

    static List<Case> all() {
        List<Case> cases = new java.util.ArrayList<>();
        for (ObjectiveKind kind : Objectives.all()) {
            Objective objective = kind.withDefaults();
            if (objective instanceof StochasticObjective) {
                continue; // losses over data have no closed-form optimum: DataObjectivesTest covers them
            }
            cases.add(new Case(kind.name() + " (defaults)", kind, objective));
        }
        cases.add(variant("rosenbrock a=2 b=10 n=2", "rosenbrock", Map.of("a", 2, "b", 10)));
        cases.add(variant("rosenbrock n=7", "rosenbrock", Map.of("dimension", 7)));
        cases.add(variant("rosenbrock a=0 n=4", "rosenbrock", Map.of("a", 0, "dimension", 4)));
        cases.add(variant("quadratic n=5 κ=100", "quadratic", Map.of("dimension", 5, "conditionNumber", 100)));
        cases.add(variant(
                "quadratic SPD 3×3",
                "quadratic",
                Map.of(
                        "matrix", List.of(List.of(4, 1, 0.5), List.of(1, 3, -0.5), List.of(0.5, -0.5, 2)),
                        "vector", List.of(1, -2, 0.5))));
        cases.add(variant(
                "quadratic indefinite", "quadratic", Map.of("matrix", List.of(List.of(1, 2), List.of(2, -1)))));
        cases.add(variant("sphere n=5", "sphere", Map.of("dimension", 5)));
        cases.add(variant("rastrigin n=4 A=5", "rastrigin", Map.of("dimension", 4, "a", 5)));
        cases.add(variant("ackley n=5", "ackley", Map.of("dimension", 5)));
        cases.add(variant(
                "ackley n=1 a=10 b=0.5 c=π", "ackley", Map.of("dimension", 1, "a", 10, "b", 0.5, "c", Math.PI)));
        cases.add(variant("ackley n=3 c=0", "ackley", Map.of("dimension", 3, "c", 0)));
        cases.add(variant("styblinski_tang n=3", "styblinski_tang", Map.of("dimension", 3)));
        cases.add(variant("styblinski_tang n=1", "styblinski_tang", Map.of("dimension", 1)));
        cases.add(variant("levy n=4", "levy", Map.of("dimension", 4)));
        cases.add(variant("levy n=1", "levy", Map.of("dimension", 1)));
        return cases;
    }
}
