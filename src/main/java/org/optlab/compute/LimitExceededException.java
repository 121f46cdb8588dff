package org.optlab.compute;

/**
 * A request asks for more than the server allows (iterations, dimension, path points, time). The
 * problem response names the field, the limit's configuration property and its value.
 */
public final class LimitExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String limit;
    private final transient Number value;

    public LimitExceededException(String field, String limit, Number value, String message) {
        super(message);
        this.field = field;
        this.limit = limit;
        this.value = value;
    }

    public String field() {
        return field;
    }

    /** The configuration property that sets the limit, e.g. {@code optlab.limits.max-iterations}. */
    public String limit() {
        return limit;
    }

    public Number value() {
        return value;
    }
}
