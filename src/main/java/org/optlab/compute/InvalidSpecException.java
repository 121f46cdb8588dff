package org.optlab.compute;

import java.util.List;

/**
 * A request could not be turned into a computation: one or more fields break an invariant. Each
 * violation names the field by its path in the request ({@code optimizer.beta1}).
 */
public final class InvalidSpecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One broken invariant: the field's path in the request and what is wrong with it. */
    public record Violation(String field, String message) {}

    private final transient List<Violation> violations;

    public InvalidSpecException(List<Violation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    public InvalidSpecException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    /** The same violations with {@code prefix} put in front of every field path. */
    public InvalidSpecException prefixed(String prefix) {
        return new InvalidSpecException(violations.stream()
                .map(v -> new Violation(v.field().isEmpty() ? prefix : prefix + "." + v.field(), v.message()))
                .toList());
    }

    private static String summary(List<Violation> violations) {
        StringBuilder text = new StringBuilder();
        for (Violation v : violations) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(v.field()).append(": ").append(v.message());
        }
        return text.toString();
    }
}
