package org.optlab.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The problem types optlab answers with, one stable {@code type} URI per kind of failure, and a
 * factory for RFC 9457 bodies. Field errors go in {@code errors: [{field, message}]}.
 */
public final class Problems {

    /** A field at fault and what is wrong with it. */
    public record FieldError(String field, String message) {}

    public static final String VALIDATION = "validation";
    public static final String LIMIT_EXCEEDED = "limit-exceeded";
    public static final String MALFORMED_JSON = "malformed-json";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    public static final String NOT_FOUND = "not-found";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String BAD_REQUEST = "bad-request";
    public static final String INTERNAL = "internal-error";
    public static final String OVERLOADED = "overloaded";
    public static final String JOB_NOT_FOUND = "job-not-found";

    private Problems() {}

    /** The type URI of a kind: {@code urn:optlab:problem:<kind>}. */
    public static URI type(String kind) {
        return URI.create("urn:optlab:problem:" + kind);
    }

    public static ProblemDetail of(HttpStatusCode status, String kind, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(kind));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail withErrors(
            HttpStatusCode status, String kind, String title, String detail, List<FieldError> errors) {
        ProblemDetail problem = of(status, kind, title, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** Adds extra members ({@code limit}, {@code limitValue}, …). */
    public static ProblemDetail with(ProblemDetail problem, Map<String, Object> properties) {
        properties.forEach(problem::setProperty);
        return problem;
    }
}
