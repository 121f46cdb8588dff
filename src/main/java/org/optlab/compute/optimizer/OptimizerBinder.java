package org.optlab.compute.optimizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.InvalidSpecException.Violation;
import org.optlab.compute.param.ParameterValues;

/**
 * Binds an optimizer spec — {@code name}, an optional {@code convention}, flat hyperparameters and,
 * for composite optimizers, nested specs — to an {@link Optimizer}, and echoes it back with every
 * default filled in. Field paths in errors are relative to the spec ({@code beta1},
 * {@code first.learningRate}).
 */
public final class OptimizerBinder {

    /** The default convention: PyTorch's rules and defaults. */
    public static final String PYTORCH = "pytorch";

    /** optax's rules and defaults, where they differ from PyTorch's. */
    public static final String OPTAX = "optax";

    static final List<String> CONVENTIONS = List.of(PYTORCH, OPTAX);

    private static final int MAX_NESTING = 8;

    private OptimizerBinder() {}

    /** An optimizer with the spec that built it, defaults included. */
    public record Bound(Optimizer<?> optimizer, Map<String, Object> resolved) {}

    public static Bound bind(Map<String, ?> raw) {
        return bind(raw, 0);
    }

    @SuppressWarnings("unchecked")
    private static Bound bind(Map<String, ?> raw, int depth) {
        if (depth > MAX_NESTING) {
            throw new InvalidSpecException("", "optimizers nest more than " + MAX_NESTING + " deep");
        }
        Object name = raw.get("name");
        String names = String.join(
                ", ", Optimizers.all().stream().map(OptimizerKind::name).toList());
        if (!(name instanceof String text)) {
            throw new InvalidSpecException("name", "is required and must be a string, one of " + names);
        }
        Object conventionValue = raw.get("convention");
        String convention = conventionValue == null ? PYTORCH : String.valueOf(conventionValue);
        if (!(conventionValue == null || conventionValue instanceof String) || !CONVENTIONS.contains(convention)) {
            throw new InvalidSpecException(
                    "convention",
                    "must be one of " + CONVENTIONS + ", was " + ParameterValues.describe(conventionValue));
        }
        OptimizerKind kind = Optimizers.find(text, convention)
                .orElseThrow(() ->
                        new InvalidSpecException("name", "unknown optimizer '" + text + "'; valid names: " + names));

        List<Violation> violations = new ArrayList<>();
        Map<String, Bound> nested = new LinkedHashMap<>();
        for (String key : kind.nestedOptimizers()) {
            Object child = raw.get(key);
            if (!(child instanceof Map<?, ?> childSpec)) {
                violations.add(new Violation(key, "is required: an optimizer spec such as {\"name\": \"adam\"}"));
                continue;
            }
            try {
                nested.put(key, bind((Map<String, ?>) childSpec, depth + 1));
            } catch (InvalidSpecException e) {
                violations.addAll(e.prefixed(key).violations());
            }
        }
        List<String> otherKeys = new ArrayList<>(List.of("name", "convention"));
        otherKeys.addAll(kind.nestedOptimizers());
        ParameterValues values = null;
        try {
            values = ParameterValues.bind(raw, kind.entry().parameters(), otherKeys);
        } catch (InvalidSpecException e) {
            violations.addAll(e.violations());
        }
        if (!violations.isEmpty()) {
            throw new InvalidSpecException(violations);
        }
        Map<String, Optimizer<?>> children = new LinkedHashMap<>();
        nested.forEach((key, bound) -> children.put(key, bound.optimizer()));
        Optimizer<?> optimizer = kind.create(values, children);

        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("name", kind.name());
        if (kind.nestedOptimizers().isEmpty()) {
            resolved.put("convention", convention);
        }
        nested.forEach((key, bound) -> resolved.put(key, bound.resolved()));
        resolved.putAll(values.asMap());
        return new Bound(optimizer, resolved);
    }
}
