package org.optlab.compute.objective.expression;

/**
 * How large a formula may be. Both limits are checked before any work proportional to the input:
 * the length before the first character is read, the depth before each recursive step of the
 * parser, so no formula can exhaust the stack or the heap.
 *
 * @param maxLength most characters (UTF-16 code units) in a formula
 * @param maxDepth most nested groupings: parentheses, function calls, signs and exponents each
 *     open one level, so {@code -(sin(x))^2} is three deep; at most {@link #DEPTH_CEILING}, which
 *     keeps the parser's stack use small on any thread
 */
public record ExpressionLimits(int maxLength, int maxDepth) {

    public static final int DEFAULT_MAX_LENGTH = 4000;
    public static final int DEFAULT_MAX_DEPTH = 64;
    /** The most variables a formula may have: its dimension. */
    public static final int MAX_VARIABLES = 64;
    /** The longest variable name. */
    public static final int MAX_NAME_LENGTH = 64;
    /** The highest depth limit a configuration may set. */
    public static final int DEPTH_CEILING = 256;

    public ExpressionLimits {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, was " + maxLength);
        }
        if (maxDepth < 1 || maxDepth > DEPTH_CEILING) {
            throw new IllegalArgumentException("maxDepth must be between 1 and " + DEPTH_CEILING + ", was " + maxDepth);
        }
    }

    /** 4000 characters, 64 levels. */
    public static ExpressionLimits defaults() {
        return new ExpressionLimits(DEFAULT_MAX_LENGTH, DEFAULT_MAX_DEPTH);
    }
}
