package org.optlab.compute.param;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.InvalidSpecException.Violation;

/**
 * The parameters of one optimizer, schedule or objective after binding: every value the request
 * gave, checked against its {@link ParameterSpec}, with the catalog's defaults filled in.
 * Immutable; arrays are copied on the way in and out.
 */
public final class ParameterValues {

    private final Map<String, Object> values;

    private ParameterValues(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * Binds a request's plain map ({@code Number}, {@code Boolean}, {@code String}, {@code List},
     * {@code null}) onto the specs. Keys in {@code otherKeys} (the discriminator, nested specs) are
     * skipped; any other key that no spec names is a violation that lists the valid names. All
     * violations are collected before throwing, with field paths relative to the map.
     */
    public static ParameterValues bind(Map<String, ?> raw, List<ParameterSpec> specs, Collection<String> otherKeys) {
        List<Violation> violations = new ArrayList<>();
        Map<String, ParameterSpec> byName = new LinkedHashMap<>();
        specs.forEach(spec -> byName.put(spec.name(), spec));
        for (String key : raw.keySet()) {
            if (!byName.containsKey(key) && !otherKeys.contains(key)) {
                Set<String> valid = new TreeSet<>(byName.keySet());
                valid.addAll(otherKeys);
                violations.add(new Violation(key, "unknown property '" + key + "'; valid properties: " + valid));
            }
        }
        Map<String, Object> bound = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) {
            Object value = raw.get(spec.name());
            if (value == null) {
                if (spec.required()) {
                    violations.add(new Violation(spec.name(), "is required (" + spec.description() + ")"));
                } else if (spec.defaultValue() != null) {
                    bound.put(spec.name(), spec.defaultValue());
                }
                continue;
            }
            try {
                bound.put(spec.name(), convert(spec, value));
            } catch (InvalidSpecException e) {
                violations.addAll(e.violations());
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidSpecException(violations);
        }
        return new ParameterValues(bound);
    }

    /** Values taken as they are, for code that builds a computation without a request. */
    public static ParameterValues of(Map<String, ?> values) {
        return new ParameterValues(new LinkedHashMap<>(values));
    }

    private static Object convert(ParameterSpec spec, Object value) {
        String name = spec.name();
        return switch (spec.type()) {
            case NUMBER -> spec.check(toDouble(name, value));
            case INTEGER -> spec.check(toInt(name, value));
            case BOOLEAN -> {
                if (value instanceof Boolean flag) {
                    yield flag;
                }
                throw new InvalidSpecException(name, "must be true or false, was " + describe(value));
            }
            case CHOICE -> {
                if (value instanceof String text && spec.choices().contains(text)) {
                    yield text;
                }
                throw new InvalidSpecException(name, "must be one of " + spec.choices() + ", was " + describe(value));
            }
            case STRING -> {
                if (value instanceof String text) {
                    yield text;
                }
                throw new InvalidSpecException(name, "must be a string, was " + describe(value));
            }
            case STRING_LIST -> toStrings(name, value);
            case VECTOR -> toVector(name, value);
            case MATRIX -> {
                if (!(value instanceof List<?> rows)) {
                    throw new InvalidSpecException(name, "must be an array of arrays of numbers");
                }
                double[][] matrix = new double[rows.size()][];
                for (int i = 0; i < matrix.length; i++) {
                    matrix[i] = toVector(name + "[" + i + "]", rows.get(i));
                }
                yield matrix;
            }
            case OBJECT -> {
                if (!(value instanceof Map<?, ?> object)) {
                    throw new InvalidSpecException(name, "must be an object, was " + describe(value));
                }
                Map<String, Object> copy = new LinkedHashMap<>();
                object.forEach((key, item) -> copy.put(String.valueOf(key), item));
                yield Collections.unmodifiableMap(copy);
            }
        };
    }

    /** A JSON number as a finite double, or a violation naming {@code field}. */
    public static double toDouble(String field, Object value) {
        double result;
        if (value instanceof Double
                || value instanceof Float
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            result = ((Number) value).doubleValue();
        } else if (value instanceof BigInteger || value instanceof BigDecimal) {
            result = ((Number) value).doubleValue();
        } else {
            throw new InvalidSpecException(field, "must be a number, was " + describe(value));
        }
        if (!Double.isFinite(result)) {
            throw new InvalidSpecException(field, "must be a finite number (outside the float64 range)");
        }
        return result;
    }

    /** A JSON number with an integral value in the int range, or a violation naming {@code field}. */
    public static int toInt(String field, Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Number number) {
            double d = toDouble(field, number);
            if (d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) {
                return (int) d;
            }
            throw new InvalidSpecException(field, "must be an integer in the 32-bit range, was " + describe(value));
        }
        throw new InvalidSpecException(field, "must be an integer, was " + describe(value));
    }

    /** A JSON array of numbers as a double[], or violations naming {@code field[i]}. */
    public static double[] toVector(String field, Object value) {
        if (!(value instanceof List<?> list)) {
            throw new InvalidSpecException(field, "must be an array of numbers, was " + describe(value));
        }
        double[] result = new double[list.size()];
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < result.length; i++) {
            try {
                result[i] = toDouble(field + "[" + i + "]", list.get(i));
            } catch (InvalidSpecException e) {
                violations.addAll(e.violations());
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidSpecException(violations);
        }
        return result;
    }

    /** A JSON array of strings as an unmodifiable list, or violations naming {@code field[i]}. */
    public static List<String> toStrings(String field, Object value) {
        if (!(value instanceof List<?> list)) {
            throw new InvalidSpecException(field, "must be an array of strings, was " + describe(value));
        }
        List<String> result = new ArrayList<>(list.size());
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof String text) {
                result.add(text);
            } else {
                violations.add(new Violation(field + "[" + i + "]", "must be a string, was " + describe(list.get(i))));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidSpecException(violations);
        }
        return List.copyOf(result);
    }

    /** A short description of a value's JSON kind, for messages. */
    public static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return text.length() > 40 ? "a string" : "\"" + text + "\"";
        }
        if (value instanceof Boolean || value instanceof Number) {
            return value.toString();
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        return "a " + value.getClass().getSimpleName();
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public double number(String name) {
        return ((Number) require(name)).doubleValue();
    }

    public int integer(String name) {
        return ((Number) require(name)).intValue();
    }

    public boolean flag(String name) {
        return (Boolean) require(name);
    }

    public String choice(String name) {
        return (String) require(name);
    }

    /** A string parameter's value. */
    public String string(String name) {
        return (String) require(name);
    }

    /** A string-list parameter's value (unmodifiable). */
    @SuppressWarnings("unchecked")
    public List<String> strings(String name) {
        return (List<String>) require(name);
    }

    /** A copy of a vector parameter, or null when absent. */
    public double[] vector(String name) {
        double[] vector = (double[]) values.get(name);
        return vector == null ? null : vector.clone();
    }

    /** A deep copy of a matrix parameter, or null when absent. */
    public double[][] matrix(String name) {
        double[][] matrix = (double[][]) values.get(name);
        if (matrix == null) {
            return null;
        }
        double[][] copy = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            copy[i] = matrix[i].clone();
        }
        return copy;
    }

    /** An object parameter (read-only, in the request's key order), or null when absent. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String name) {
        return (Map<String, Object>) values.get(name);
    }

    /** These values with one more (or one replaced): for defaults derived from the run. */
    public ParameterValues with(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new ParameterValues(copy);
    }

    /** The values in catalog order, for echoing back what a run used. */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    private Object require(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("parameter " + name + " has no value");
        }
        return value;
    }
}
