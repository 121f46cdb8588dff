package org.optlab.compute.objective.expression;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.InvalidSpecException.Violation;

/**
 * A formula in named variables, parsed, checked and compiled to a {@link Program}: numbers
 * ({@code 1.5e-3}), variables, {@code + - * / ^} ({@code ^} right-associative and binding tighter
 * than a sign: {@code -x^2 = -(x^2)}), signs, parentheses, the constants {@code pi} and
 * {@code e}, the one-argument functions {@code sin cos tan asin acos atan sinh cosh tanh exp log
 * log10 sqrt abs} and the two-argument {@code min max pow}. Operations on constants are folded
 * when compiling. Immutable and thread-safe; evaluation needs a tape, which {@link
 * ExpressionObjective} owns.
 */
public final class Expression {

    /** The function names a formula may call. */
    public static final List<String> FUNCTIONS = Builtin.NAMES;
    /** The named constants: π and Euler's number. */
    public static final List<String> CONSTANTS = List.of("pi", "e");

    private static final String VARIABLES_FIELD = "variables";

    private final String text;
    private final List<String> variables;
    private final Program program;

    private Expression(String text, List<String> variables, Program program) {
        this.text = text;
        this.variables = variables;
        this.program = program;
    }

    /**
     * Parses and compiles {@code text} over {@code variables} (in coordinate order). Throws {@link
     * InvalidSpecException} naming {@code variables[i]} or {@code expression} with the position and
     * what was expected; the length and depth limits are enforced before work proportional to them.
     */
    public static Expression compile(String text, List<String> variables, ExpressionLimits limits) {
        if (text == null) {
            throw new InvalidSpecException(Parser.FIELD, "is required");
        }
        List<String> names = checkVariables(variables);
        return new Expression(text, names, Parser.parse(text, names, limits));
    }

    /** {@link #compile(String, List, ExpressionLimits)} with the default limits. */
    public static Expression compile(String text, List<String> variables) {
        return compile(text, variables, ExpressionLimits.defaults());
    }

    /**
     * The variable names as given, or a violation for each that is not a distinct name (a letter or
     * '_' then letters, digits or '_') free of the constants and functions.
     */
    static List<String> checkVariables(List<String> variables) {
        if (variables == null || variables.isEmpty() || variables.size() > ExpressionLimits.MAX_VARIABLES) {
            throw new InvalidSpecException(
                    VARIABLES_FIELD,
                    "must list 1 to " + ExpressionLimits.MAX_VARIABLES + " variable names, had "
                            + (variables == null ? 0 : variables.size()));
        }
        List<Violation> violations = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < variables.size(); i++) {
            String field = VARIABLES_FIELD + "[" + i + "]";
            String name = variables.get(i);
            String problem = problemWith(name);
            if (problem == null) {
                Integer first = seen.putIfAbsent(name, i);
                if (first != null) {
                    problem = "repeats variables[" + first + "] '" + name + "'; variable names must be distinct";
                }
            }
            if (problem != null) {
                violations.add(new Violation(field, problem));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidSpecException(violations);
        }
        return List.copyOf(variables);
    }

    private static String problemWith(String name) {
        if (name == null) {
            return "must be a name, was null";
        }
        if (name.length() > ExpressionLimits.MAX_NAME_LENGTH) {
            return "must be at most " + ExpressionLimits.MAX_NAME_LENGTH + " characters long, was " + name.length();
        }
        boolean valid = !name.isEmpty() && Parser.isNameStart(name.charAt(0));
        for (int i = 1; valid && i < name.length(); i++) {
            valid = Parser.isNamePart(name.charAt(i));
        }
        if (!valid) {
            return "must be a name: a letter or '_' followed by letters, digits or '_', was \"" + name + "\"";
        }
        if (CONSTANTS.contains(name)) {
            return "'" + name + "' is a constant; choose another variable name";
        }
        if (FUNCTIONS.contains(name)) {
            return "'" + name + "' is a function; choose another variable name";
        }
        return null;
    }

    /** The formula as given. */
    public String text() {
        return text;
    }

    /** The variable names in coordinate order. */
    public List<String> variables() {
        return variables;
    }

    /** The number of variables. */
    public int dimension() {
        return variables.size();
    }

    /** The number of operations on the compiled tape, after constant folding. */
    public int operations() {
        return program.length();
    }

    Program program() {
        return program;
    }

    /** The compiled formula fully parenthesised, constants folded: {@code (x + (y ^ 2))}. */
    @Override
    public String toString() {
        return program.render();
    }
}
