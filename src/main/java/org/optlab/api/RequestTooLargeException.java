package org.optlab.api;

import java.io.IOException;

/** A request body grew past {@code optlab.limits.max-request-bytes} while it was being read. */
public final class RequestTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    public RequestTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes (optlab.limits.max-request-bytes)");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
