package org.optlab.compute.objective.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.InvalidSpecException.Violation;

/**
 * No formula can exhaust the stack or the heap: the length is checked first, the nesting depth
 * before every recursive step, and both failures name {@code expression} and the limit.
 */
class LimitsTest {

    private static final List<String> XY = List.of("x", "y");

    private static Violation violation(String text, ExpressionLimits limits) {
        InvalidSpecException e =
                catchThrowableOfType(InvalidSpecException.class, () -> Expression.compile(text, XY, limits));
        assertThat(e).isNotNull();
        assertThat(e.violations()).hasSize(1);
        return e.violations().get(0);
    }

    private static String nested(String open, int depth, String inner, String close) {
        return open.repeat(depth) + inner + close.repeat(depth);
    }

    @Test
    void aHundredThousandNestedParenthesesAreRejectedByLength() {
        String text = nested("(", 100_000, "x", ")");
        assertThat(violation(text, ExpressionLimits.defaults()))
                .isEqualTo(new Violation(
                        "expression", "is 200001 characters long, more than the limit of 4000 characters"));
    }

    @Test
    void aHundredThousandNestedParenthesesAreRejectedByDepthWhenLengthAllowsThem() {
        String text = nested("(", 100_000, "x", ")");
        assertThat(violation(text, new ExpressionLimits(10_000_000, 64)))
                .isEqualTo(new Violation("expression", "at position 65: nested deeper than the limit of 64 levels"));
    }

    @Test
    void aTenMegabyteFormulaIsRejectedBeforeItIsRead() {
        String text = "x+".repeat(5 * 1024 * 1024) + "x";
        Violation violation = violation(text, ExpressionLimits.defaults());
        assertThat(violation.field()).isEqualTo("expression");
        assertThat(violation.message())
                .isEqualTo("is 10485761 characters long, more than the limit of 4000 characters");
    }

    @Test
    void theDepthLimitIsInclusive() {
        ExpressionLimits limits = ExpressionLimits.defaults();
        assertThat(Expression.compile(nested("(", 64, "x", ")"), XY, limits).toString())
                .isEqualTo("x");
        assertThat(violation(nested("(", 65, "x", ")"), limits))
                .isEqualTo(new Violation("expression", "at position 65: nested deeper than the limit of 64 levels"));
    }

    @Test
    void everyRecursiveConstructCountsTowardsTheDepth() {
        ExpressionLimits limits = new ExpressionLimits(4000, 10);
        assertThat(violation("-".repeat(11) + "x", limits).message())
                .isEqualTo("at position 11: nested deeper than the limit of 10 levels");
        assertThat(violation("x^".repeat(11) + "x", limits).message())
                .isEqualTo("at position 22: nested deeper than the limit of 10 levels");
        assertThat(violation(nested("sin(", 11, "x", ")"), limits).message())
                .isEqualTo("at position 44: nested deeper than the limit of 10 levels");
        assertThat(violation(nested("min(1, ", 11, "x", ")"), limits).message())
                .isEqualTo("at position 74: nested deeper than the limit of 10 levels");
        assertThat(Expression.compile("-".repeat(10) + "x", XY, limits).toString())
                .isEqualTo(nested("(-", 10, "x", ")"));
        assertThat(Expression.compile("x^".repeat(10) + "x", XY, limits).operations())
                .isEqualTo(10);
    }

    @Test
    void longFlatFormulasNeedNoDepth() {
        String text = "x+".repeat(1999) + "y";
        assertThat(text).hasSize(3999);
        Expression expression = Expression.compile(text, XY);
        double[] gradient = new double[2];
        double value = ExpressionObjective.of(expression).evaluate(new double[] {2, 3}, gradient);
        assertThat(value).isEqualTo(2 * 1999 + 3);
        assertThat(gradient).containsExactly(1999.0, 1.0);
    }

    @Test
    void theDeepestAllowedFormulaParsesOnASmallStack() throws InterruptedException {
        ExpressionLimits deepest = new ExpressionLimits(100_000, ExpressionLimits.DEPTH_CEILING);
        String text = nested("-sin(", ExpressionLimits.DEPTH_CEILING / 2 - 1, "x^-y", ")");
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread thread = new Thread(
                null,
                () -> {
                    try {
                        outcome.set(Expression.compile(text, XY, deepest).operations());
                    } catch (Throwable t) {
                        outcome.set(t);
                    }
                },
                "small-stack",
                256 * 1024);
        thread.start();
        thread.join();
        assertThat(outcome.get()).isInstanceOf(Integer.class);
    }

    @Test
    void limitsAreConfigurable() {
        ExpressionLimits tight = new ExpressionLimits(10, 2);
        assertThat(violation("x+y+x+y+x+y", tight).message())
                .isEqualTo("is 11 characters long, more than the limit of 10 characters");
        assertThat(violation("((x))+(((y)))", new ExpressionLimits(100, 2)).message())
                .isEqualTo("at position 9: nested deeper than the limit of 2 levels");
        assertThat(ExpressionLimits.defaults()).isEqualTo(new ExpressionLimits(4000, 64));
    }

    @Test
    void limitsMustBeSane() {
        assertThatThrownBy(() -> new ExpressionLimits(0, 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExpressionLimits(4000, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExpressionLimits(4000, ExpressionLimits.DEPTH_CEILING + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
