package org.optlab.compute.objective.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.InvalidSpecException.Violation;

/**
 * Malformed formulas and variable lists fail with an {@link InvalidSpecException} naming the field,
 * the 1-based position and what was expected or known.
 */
class ErrorMessageTest {

    private static final String FUNCTIONS =
            "functions: [sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, exp, log, log10, sqrt, abs, min, max, pow]";

    private static List<Violation> violationsOf(String text, List<String> variables) {
        InvalidSpecException e =
                catchThrowableOfType(InvalidSpecException.class, () -> Expression.compile(text, variables));
        assertThat(e).as("compiling %s", text).isNotNull();
        return e.violations();
    }

    @ParameterizedTest(name = "{0}  →  {1}")
    @CsvSource(
            delimiterString = "=>",
            quoteCharacter = '"',
            value = {
                "(1+x*y     => at position 7: expected ')' but found end of input",
                "x +        => at position 4: expected a number, variable, function or '(' but found end of input",
                "x * * y    => at position 5: expected a number, variable, function or '(' but found '*'",
                "x ** 2     => at position 4: expected a number, variable, function or '(' but found '*'",
                "x y        => at position 3: expected an operator or end of input but found 'y'",
                "2x         => at position 2: expected an operator or end of input but found 'x'",
                "1.2.3      => at position 4: expected an operator or end of input but found '.3'",
                "x)         => at position 2: unmatched ')'",
                "()         => at position 2: expected a number, variable, function or '(' but found ')'",
                "((x)       => at position 5: expected ')' but found end of input",
                "x + z      => unknown variable 'z' at position 5; variables: [x, y]",
                "sin x      => at position 5: expected '(' after function 'sin' but found 'x'",
                "cos        => at position 4: expected '(' after function 'cos' but found end of input",
                "min(x)     => function 'min' at position 1 takes 2 arguments, got 1",
                "max(x,y,1) => function 'max' at position 1 takes 2 arguments, got 3",
                "sin(x, y)  => function 'sin' at position 1 takes 1 argument, got 2",
                "sin()      => function 'sin' at position 1 takes 1 argument, got 0",
                "min(x y)   => at position 7: expected ',' or ')' but found 'y'",
                "sin(x      => at position 6: expected ')' but found end of input",
                "x # y      => at position 3: unexpected character '#'",
                "x²         => at position 2: unexpected character '²'",
                "1e999      => at position 1: the number 1e999 is outside the float64 range",
                "1e+        => at position 4: expected the exponent's digits but found end of input",
                "2*1e-x     => at position 6: expected the exponent's digits but found 'x'",
                "\"   \"    => must not be empty",
            })
    void malformedFormulas(String text, String message) {
        assertThat(violationsOf(text.strip(), List.of("x", "y"))).containsExactly(new Violation("expression", message));
    }

    @Test
    void unknownFunctionsListTheKnownOnes() {
        assertThat(violationsOf("1 + sinn(x)", List.of("x", "y")))
                .containsExactly(new Violation("expression", "unknown function 'sinn' at position 5; " + FUNCTIONS));
        assertThat(violationsOf("x(2)", List.of("x", "y")))
                .containsExactly(
                        new Violation("expression", "'x' at position 1 is a variable, not a function; " + FUNCTIONS));
        assertThat(violationsOf("pi(2)", List.of("x", "y")))
                .containsExactly(
                        new Violation("expression", "'pi' at position 1 is a constant, not a function; " + FUNCTIONS));
    }

    @Test
    void longNamesAreShortenedInMessages() {
        String name = "z".repeat(1000);
        String message = violationsOf("x + " + name, List.of("x")).get(0).message();
        assertThat(message)
                .startsWith("unknown variable 'zzzz")
                .contains("…' at position 5")
                .hasSizeLessThan(100);
    }

    @Test
    void variablesMustBeDistinctNamesFreeOfConstantsAndFunctions() {
        assertThat(violationsOf("x", List.of("x", "1x", "x", "sin", "pi", "e", "", "a b")))
                .containsExactly(
                        new Violation(
                                "variables[1]",
                                "must be a name: a letter or '_' followed by letters, digits or '_', was \"1x\""),
                        new Violation("variables[2]", "repeats variables[0] 'x'; variable names must be distinct"),
                        new Violation("variables[3]", "'sin' is a function; choose another variable name"),
                        new Violation("variables[4]", "'pi' is a constant; choose another variable name"),
                        new Violation("variables[5]", "'e' is a constant; choose another variable name"),
                        new Violation(
                                "variables[6]",
                                "must be a name: a letter or '_' followed by letters, digits or '_', was \"\""),
                        new Violation(
                                "variables[7]",
                                "must be a name: a letter or '_' followed by letters, digits or '_', was \"a b\""));
    }

    @Test
    void thereAreOneToSixtyFourVariablesOfAtMostSixtyFourCharacters() {
        assertThat(violationsOf("1", List.of()))
                .containsExactly(new Violation("variables", "must list 1 to 64 variable names, had 0"));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            many.add("x" + i);
        }
        assertThat(violationsOf("x0", many))
                .containsExactly(new Violation("variables", "must list 1 to 64 variable names, had 65"));
        assertThat(Expression.compile("x63", many.subList(0, 64)).dimension()).isEqualTo(64);
        assertThat(violationsOf("1", List.of("v".repeat(65))))
                .containsExactly(new Violation("variables[0]", "must be at most 64 characters long, was 65"));
        assertThat(violationsOf("1", Collections.singletonList(null)))
                .containsExactly(new Violation("variables[0]", "must be a name, was null"));
    }
}
