package org.optlab.compute.param;

import java.util.List;
import java.util.Locale;
import org.optlab.compute.InvalidSpecException;

/**
 * One parameter of an optimizer, schedule or objective as the catalog describes it: its name in
 * the request, its type, its default, its bounds and a sentence on what it means.
 *
 * <p>Bounds are checked by {@link #check(double)}, which the compact constructors of the
 * optimizer, schedule and objective records call: the bound is written once, here, and serves
 * validation, the catalog and the OpenAPI schema alike.
 *
 * @param defaultValue the value used when the request leaves it out, or null when there is none
 * @param defaultNote how the default is derived when it is not a constant (e.g. "the run's
 *     iterations"), or null
 * @param required whether the request must give it
 */
public record ParameterSpec(
        String name,
        ParameterType type,
        Object defaultValue,
        String defaultNote,
        Double minimum,
        boolean exclusiveMinimum,
        Double maximum,
        boolean exclusiveMaximum,
        List<String> choices,
        boolean required,
        String description) {

    public ParameterSpec {
        choices = List.copyOf(choices);
    }

    public static ParameterSpec number(String name, double defaultValue, String description) {
        return new ParameterSpec(
                name,
                ParameterType.NUMBER,
                defaultValue,
                null,
                null,
                false,
                null,
                false,
                List.of(),
                false,
                description);
    }

    public static ParameterSpec requiredNumber(String name, String description) {
        return new ParameterSpec(
                name, ParameterType.NUMBER, null, null, null, false, null, false, List.of(), true, description);
    }

    public static ParameterSpec optionalNumber(String name, String defaultNote, String description) {
        return new ParameterSpec(
                name, ParameterType.NUMBER, null, defaultNote, null, false, null, false, List.of(), false, description);
    }

    public static ParameterSpec integer(String name, int defaultValue, String description) {
        return new ParameterSpec(
                name,
                ParameterType.INTEGER,
                defaultValue,
                null,
                null,
                false,
                null,
                false,
                List.of(),
                false,
                description);
    }

    public static ParameterSpec requiredInteger(String name, String description) {
        return new ParameterSpec(
                name, ParameterType.INTEGER, null, null, null, false, null, false, List.of(), true, description);
    }

    public static ParameterSpec optionalInteger(String name, String defaultNote, String description) {
        return new ParameterSpec(
                name,
                ParameterType.INTEGER,
                null,
                defaultNote,
                null,
                false,
                null,
                false,
                List.of(),
                false,
                description);
    }

    public static ParameterSpec bool(String name, boolean defaultValue, String description) {
        return new ParameterSpec(
                name,
                ParameterType.BOOLEAN,
                defaultValue,
                null,
                null,
                false,
                null,
                false,
                List.of(),
                false,
                description);
    }

    public static ParameterSpec choice(String name, String defaultValue, List<String> choices, String description) {
        return new ParameterSpec(
                name, ParameterType.CHOICE, defaultValue, null, null, false, null, false, choices, false, description);
    }

    /** Free text, such as a formula; its grammar is checked by whoever reads it. */
    public static ParameterSpec string(String name, String defaultValue, String description) {
        return new ParameterSpec(
                name,
                ParameterType.STRING,
                defaultValue,
                null,
                null,
                false,
                null,
                false,
                List.of(),
                false,
                description);
    }

    /** A list of strings, such as variable names. */
    public static ParameterSpec stringList(String name, List<String> defaultValue, String description) {
        return new ParameterSpec(
                name,
                ParameterType.STRING_LIST,
                List.copyOf(defaultValue),
                null,
                null,
                false,
                null,
                false,
                List.of(),
                false,
                description);
    }

    public static ParameterSpec vector(String name, String defaultNote, String description) {
        return new ParameterSpec(
                name, ParameterType.VECTOR, null, defaultNote, null, false, null, false, List.of(), false, description);
    }

    public static ParameterSpec matrix(String name, String defaultNote, String description) {
        return new ParameterSpec(
                name, ParameterType.MATRIX, null, defaultNote, null, false, null, false, List.of(), false, description);
    }

    /**
     * A nested JSON object; the spec that owns it checks its fields. The default (an ordered map,
     * so that the catalog and echoes list its fields in a stable order) may be null.
     */
    public static ParameterSpec object(String name, Object defaultValue, String description) {
        return new ParameterSpec(
                name,
                ParameterType.OBJECT,
                defaultValue,
                null,
                null,
                false,
                null,
                false,
                List.of(),
                false,
                description);
    }

    /** A string parameter whose default is derived (see {@code defaultNote}) rather than constant. */
    public static ParameterSpec optionalChoice(
            String name, String defaultNote, List<String> choices, String description) {
        return new ParameterSpec(
                name, ParameterType.CHOICE, null, defaultNote, null, false, null, false, choices, false, description);
    }

    /** This parameter with an inclusive lower bound. */
    public ParameterSpec atLeast(double bound) {
        return withMinimum(bound, false);
    }

    /** This parameter with an exclusive lower bound. */
    public ParameterSpec above(double bound) {
        return withMinimum(bound, true);
    }

    /** This parameter with an inclusive upper bound. */
    public ParameterSpec atMost(double bound) {
        return withMaximum(bound, false);
    }

    /** This parameter with an exclusive upper bound. */
    public ParameterSpec below(double bound) {
        return withMaximum(bound, true);
    }

    private ParameterSpec withMinimum(double bound, boolean exclusive) {
        return new ParameterSpec(
                name,
                type,
                defaultValue,
                defaultNote,
                bound,
                exclusive,
                maximum,
                exclusiveMaximum,
                choices,
                required,
                description);
    }

    private ParameterSpec withMaximum(double bound, boolean exclusive) {
        return new ParameterSpec(
                name,
                type,
                defaultValue,
                defaultNote,
                minimum,
                exclusiveMinimum,
                bound,
                exclusive,
                choices,
                required,
                description);
    }

    /**
     * Throws {@link InvalidSpecException} naming this parameter when {@code value} is not finite or
     * lies outside the bounds; returns it otherwise.
     */
    public double check(double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidSpecException(name, "must be a finite number");
        }
        if (minimum != null && (exclusiveMinimum ? value <= minimum : value < minimum)) {
            throw new InvalidSpecException(name, "must be " + bounds() + ", was " + format(value));
        }
        if (maximum != null && (exclusiveMaximum ? value >= maximum : value > maximum)) {
            throw new InvalidSpecException(name, "must be " + bounds() + ", was " + format(value));
        }
        return value;
    }

    /** Like {@link #check(double)} for an integer parameter. */
    public int check(int value) {
        check((double) value);
        return value;
    }

    /** The bounds in words: "in [0, 1)", "≥ 0", "> 0". */
    public String bounds() {
        if (minimum != null && maximum != null) {
            return "in " + (exclusiveMinimum ? "(" : "[") + format(minimum) + ", " + format(maximum)
                    + (exclusiveMaximum ? ")" : "]");
        }
        if (minimum != null) {
            return (exclusiveMinimum ? "> " : "≥ ") + format(minimum);
        }
        if (maximum != null) {
            return (exclusiveMaximum ? "< " : "≤ ") + format(maximum);
        }
        return "finite";
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        return Double.toString(value);
    }
}
