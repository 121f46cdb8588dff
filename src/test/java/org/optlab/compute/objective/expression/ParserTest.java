package org.optlab.compute.objective.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.InvalidSpecException.Violation;

/** Precedence, associativity, literals and constant folding, read off the compiled program. */
class ParserTest {

    private static final List<String> ABC = List.of("a", "b", "c", "x", "y");

    static String parenthesised(String text) {
        return Expression.compile(text, ABC).toString();
    }

    static double valueOf(String text) {
        Expression expression = Expression.compile(text, List.of("x"));
        return ExpressionObjective.of(expression).value(new double[] {0});
    }

    @ParameterizedTest(name = "{0}  parses as  {1}")
    @CsvSource(
            delimiterString = "=>",
            value = {
                "a+b*c       => (a + (b * c))",
                "a*b+c       => ((a * b) + c)",
                "a-b-c       => ((a - b) - c)",
                "a/b/c       => ((a / b) / c)",
                "a-b+c       => ((a - b) + c)",
                "a/b*c       => ((a / b) * c)",
                "a^b^c       => (a ^ (b ^ c))",
                "(a^b)^c     => ((a ^ b) ^ c)",
                "-a^b        => (-(a ^ b))",
                "-a^2        => (-(a ^ 2))",
                "a^-b        => (a ^ (-b))",
                "a^-b^c      => (a ^ (-(b ^ c)))",
                "-a^b^c      => (-(a ^ (b ^ c)))",
                "-a*b        => ((-a) * b)",
                "a*-b        => (a * (-b))",
                "a--b        => (a - (-b))",
                "a+-+-b      => (a + (-(-b)))",
                "+a          => a",
                "--a         => (-(-a))",
                "(a+b)*c     => ((a + b) * c)",
                "a^b*c       => ((a ^ b) * c)",
                "a*b^c       => (a * (b ^ c))",
                "a/b^c       => (a / (b ^ c))",
                "2^a^2       => (2 ^ (a ^ 2))",
                "sin(a)^2    => (sin(a) ^ 2)",
                "-sin(a)     => (-sin(a))",
                "sin(-a)^-b  => (sin((-a)) ^ (-b))",
                "min(a, b*c) => min(a, (b * c))",
                "max(a-b, c) => max((a - b), c)",
                "pow(a, b)   => (a ^ b)",
                "pow(a, 3)   => (a ^ 3)",
                "a*(b+c)/x   => ((a * (b + c)) / x)",
                "1 - -a      => (1 - (-a))",
                "a + 2*3     => (a + 6)",
                "2*3 + a     => (6 + a)",
                "a*2*3       => ((a * 2) * 3)",
                "x^(1+1)     => (x ^ 2)",
                "log10(x)+sqrt(y)+abs(a) => ((log10(x) + sqrt(y)) + abs(a))",
            })
    void precedenceAndAssociativity(String text, String expected) {
        assertThat(parenthesised(text.strip())).isEqualTo(expected.strip());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiterString = "=>",
            value = {
                "2^3^2       => 512",
                "(2^3)^2     => 64",
                "-2^2        => -4",
                "(-2)^2      => 4",
                "2^-1        => 0.5",
                "-3^2        => -9",
                "8/4/2       => 1",
                "10-4-3      => 3",
                "2*3+4*5     => 26",
                "2+3*4^2     => 50",
                "2*-3        => -6",
                "1.5e-3*1e3  => 1.5",
                "1E2         => 100",
                "2.5e+1      => 25",
                ".5          => 0.5",
                "1.          => 1",
                "007         => 7",
                "max(2, 3)   => 3",
                "min(2, -3)  => -3",
                "pow(2, 10)  => 1024",
                "x + 4       => 4",
                "sqrt(16)    => 4",
                "abs(-2.5)   => 2.5",
            })
    void arithmetic(String text, double expected) {
        assertThat(valueOf(text.strip())).isEqualTo(expected);
    }

    @Test
    void constants() {
        assertThat(valueOf("pi")).isEqualTo(Math.PI);
        assertThat(valueOf("e")).isEqualTo(Math.E);
        assertThat(valueOf("e^1")).isEqualTo(Math.E);
        assertThat(valueOf("2*e")).isEqualTo(2 * Math.E);
        assertThat(valueOf("sin(pi/2)")).isEqualTo(1.0);
        assertThat(valueOf("log(e)")).isEqualTo(1.0);
    }

    @Test
    void whitespaceIsIgnoredAnywhereBetweenTokens() {
        assertThat(parenthesised(" \t a\n+\r\nb *  c ")).isEqualTo("(a + (b * c))");
        assertThat(parenthesised("sin ( a )")).isEqualTo("sin(a)");
    }

    @Test
    void variableNamesMayContainDigitsAndUnderscores() {
        Expression expression = Expression.compile("x_1 * _y2 + e_", List.of("x_1", "_y2", "e_"));
        assertThat(expression.toString()).isEqualTo("((x_1 * _y2) + e_)");
        assertThat(ExpressionObjective.of(expression).value(new double[] {2, 3, 4}))
                .isEqualTo(10);
    }

    @Test
    void anExponentNeedsDigitsSoALoneEIsTheConstant() {
        // 2e is not a number with an exponent: the 'e' is the next token, and juxtaposition is no product.
        assertThatThrownBy(() -> Expression.compile("2e", List.of("x")))
                .hasMessageContaining("at position 2: expected an operator or end of input but found 'e'");
    }

    @Test
    void constantsAreFoldedSoTheTapeHoldsOnlyWorkOnVariables() {
        Expression rosenbrock = Expression.compile("(1-x)^2 + 100*(y-x^2)^2", List.of("x", "y"));
        // 1 - x, square, x², y - x², square, 100 · …, sum.
        assertThat(rosenbrock.operations()).isEqualTo(7);
        assertThat(rosenbrock.toString()).isEqualTo("(((1 - x) ^ 2) + (100 * ((y - (x ^ 2)) ^ 2)))");
        assertThat(Expression.compile("sin(pi/2) * 2^10 + log(1)", List.of("x")).operations())
                .isZero();
        assertThat(Expression.compile("x * (2 + 3)", List.of("x")).toString()).isEqualTo("(x * 5)");
    }

    @Test
    void aFormulaNeedNotUseEveryVariable() {
        Expression expression = Expression.compile("y^2", List.of("x", "y", "z"));
        double[] gradient = new double[3];
        double value = ExpressionObjective.of(expression).evaluate(new double[] {5, 3, 7}, gradient);
        assertThat(value).isEqualTo(9);
        assertThat(gradient).containsExactly(0, 6, 0);
    }

    @Test
    void theCompiledExpressionKeepsTextAndVariables() {
        Expression expression = Expression.compile("x + y", List.of("x", "y"));
        assertThat(expression.text()).isEqualTo("x + y");
        assertThat(expression.variables()).containsExactly("x", "y");
        assertThat(expression.dimension()).isEqualTo(2);
        assertThat(ExpressionObjective.of(expression)).hasToString("f(x, y) = x + y");
    }

    @Test
    void theFunctionsAreListedInCatalogOrder() {
        assertThat(Expression.FUNCTIONS)
                .containsExactly(
                        "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "exp", "log", "log10",
                        "sqrt", "abs", "min", "max", "pow");
    }

    @Test
    void aMissingFormulaIsRequired() {
        assertThatThrownBy(() -> Expression.compile(null, List.of("x")))
                .isInstanceOfSatisfying(
                        InvalidSpecException.class,
                        e -> assertThat(e.violations()).containsExactly(new Violation("expression", "is required")));
    }
}
