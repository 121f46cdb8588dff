package org.optlab.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.optlab.compute.ComputePool;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.LimitExceededException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into an RFC 9457 problem ({@code application/problem+json}) with a stable
 * type, a detail a person can act on, and for field errors {@code errors: [{field, message}]}. No
 * class names or stack traces leave the service; unexpected failures are logged.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    private final int retryAfterSeconds;
    private final org.optlab.config.JsonLimitsProperties jsonLimits;

    public ProblemHandler(
            org.optlab.config.ComputeProperties compute, org.optlab.config.JsonLimitsProperties jsonLimits) {
        this.retryAfterSeconds = compute.retryAfterSeconds();
        this.jsonLimits = jsonLimits;
    }

    @ExceptionHandler(InvalidSpecException.class)
    ResponseEntity<Object> invalidSpec(InvalidSpecException e) {
        List<Problems.FieldError> errors = e.violations().stream()
                .map(v -> new Problems.FieldError(v.field(), v.message()))
                .toList();
        return problem(Problems.withErrors(
                HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Invalid request", e.getMessage(), errors));
    }

    @ExceptionHandler(LimitExceededException.class)
    ResponseEntity<Object> limitExceeded(LimitExceededException e) {
        ProblemDetail problem = Problems.withErrors(
                HttpStatus.BAD_REQUEST,
                Problems.LIMIT_EXCEEDED,
                "Server limit exceeded",
                e.getMessage(),
                List.of(new Problems.FieldError(e.field(), e.getMessage())));
        return problem(Problems.with(problem, Map.of("limit", e.limit(), "limitValue", e.value())));
    }

    @ExceptionHandler(ComputePool.OverloadedException.class)
    ResponseEntity<Object> overloaded(ComputePool.OverloadedException e) {
        ProblemDetail problem = Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                Problems.OVERLOADED,
                "Service overloaded",
                "The service is busy: " + e.getMessage() + ". Retry after " + retryAfterSeconds + " s.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        LOG.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                Problems.INTERNAL,
                "Internal error",
                "The server failed to handle the request; the failure has been logged."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestTooLargeException tooLarge = causeOf(e, RequestTooLargeException.class);
        if (tooLarge != null) {
            return problem(payloadTooLarge(tooLarge.limit()));
        }
        JacksonException json = causeOf(e, JacksonException.class);
        if (json == null) {
            String detail = e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
                    ? "The request body is missing: send a JSON object."
                    : "The request body could not be read as JSON.";
            return problem(Problems.of(HttpStatus.BAD_REQUEST, Problems.MALFORMED_JSON, "Malformed request", detail));
        }
        if (json instanceof tools.jackson.core.exc.StreamConstraintsException constraint) {
            return problem(jsonLimitExceeded(constraint));
        }
        String field = path(json);
        if (json instanceof InputCoercionException coercion) {
            String name = field.isEmpty() ? parserPath(coercion) : field;
            String message = "must be a number within the field's range (an integer of "
                    + (coercion.getTargetType() == Long.TYPE || coercion.getTargetType() == Long.class ? "64" : "32")
                    + " bits), was out of range";
            return problem(Problems.withErrors(
                    HttpStatus.BAD_REQUEST,
                    Problems.VALIDATION,
                    "Invalid request",
                    name + ": " + message,
                    List.of(new Problems.FieldError(name, message))));
        }
        if (json instanceof UnrecognizedPropertyException unknown) {
            String message = "unknown property '" + unknown.getPropertyName() + "'; valid properties: "
                    + new TreeSet<>(names(unknown.getKnownPropertyIds()));
            return problem(Problems.withErrors(
                    HttpStatus.BAD_REQUEST,
                    Problems.VALIDATION,
                    "Invalid request",
                    field + ": " + message,
                    List.of(new Problems.FieldError(field, message))));
        }
        if (json instanceof MismatchedInputException mismatch && !(json instanceof UnexpectedEndOfInputException)) {
            String message = mismatchMessage(mismatch, field);
            if (field.isEmpty()) {
                String detail = String.valueOf(mismatch.getOriginalMessage()).startsWith("Trailing token")
                        ? "The request body must hold exactly one JSON object; more content follows it."
                        : "The request body must be a JSON object.";
                return problem(
                        Problems.of(HttpStatus.BAD_REQUEST, Problems.MALFORMED_JSON, "Malformed request", detail));
            }
            return problem(Problems.withErrors(
                    HttpStatus.BAD_REQUEST,
                    Problems.VALIDATION,
                    "Invalid request",
                    field + ": " + message,
                    List.of(new Problems.FieldError(field, message))));
        }
        String where = json.getLocation() == null
                ? ""
                : " at line " + json.getLocation().getLineNr() + ", column "
                        + json.getLocation().getColumnNr();
        String what = json instanceof StreamReadException ? json.getOriginalMessage() : "invalid JSON";
        return problem(Problems.of(
                HttpStatus.BAD_REQUEST,
                Problems.MALFORMED_JSON,
                "Malformed JSON",
                "The request body is not valid JSON" + where + ": " + firstLine(what)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = new ArrayList<>();
        e.getBindingResult()
                .getFieldErrors()
                .forEach(error -> errors.add(new Problems.FieldError(
                        error.getField(),
                        "NotNull".equals(error.getCode()) ? "is required" : error.getDefaultMessage())));
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(
                        error -> errors.add(new Problems.FieldError(error.getObjectName(), error.getDefaultMessage())));
        StringBuilder detail = new StringBuilder();
        for (Problems.FieldError error : errors) {
            detail.append(detail.isEmpty() ? "" : "; ")
                    .append(error.field())
                    .append(": ")
                    .append(error.message());
        }
        return problem(Problems.withErrors(
                HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Invalid request", detail.toString(), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_TYPE);
        String given = e.getContentType() != null
                ? "'" + e.getContentType() + "'"
                : header == null ? "none" : "'" + (header.length() > 80 ? header.substring(0, 80) + "…" : header) + "'";
        return problem(Problems.of(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                Problems.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported media type",
                "Content-Type " + given + " is not supported: send the body as application/json."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
            HttpMediaTypeNotAcceptableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(Problems.of(
                HttpStatus.NOT_ACCEPTABLE,
                Problems.NOT_ACCEPTABLE,
                "Not acceptable",
                "None of the Accept header's media types can be produced; this endpoint produces "
                        + e.getSupportedMediaTypes() + "."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpHeaders allow = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            allow.setAllow(e.getSupportedHttpMethods());
        }
        ProblemDetail problem = Problems.of(
                HttpStatus.METHOD_NOT_ALLOWED,
                Problems.METHOD_NOT_ALLOWED,
                "Method not allowed",
                "Method " + e.getMethod() + " is not allowed here; allowed: "
                        + String.join(", ", e.getSupportedMethods() == null ? new String[0] : e.getSupportedMethods())
                        + ".");
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .headers(allow)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(Problems.of(
                HttpStatus.NOT_FOUND,
                Problems.NOT_FOUND,
                "Not found",
                "No endpoint at " + requestPath(request, e) + ". The API lives under /api/v1; see /swagger-ui.html."));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail detail) {
            if (detail.getType() == null
                    || "about:blank".equals(detail.getType().toString())) {
                detail.setType(Problems.type(status.is5xxServerError() ? Problems.INTERNAL : Problems.BAD_REQUEST));
            }
            if (status.is5xxServerError()) {
                LOG.error("Failure answered with {}", status, e);
            }
            return ResponseEntity.status(status)
                    .headers(headers)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(detail);
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static String requestPath(WebRequest request, NoResourceFoundException e) {
        if (request instanceof org.springframework.web.context.request.ServletWebRequest servlet) {
            return servlet.getRequest().getRequestURI();
        }
        return "/" + e.getResourcePath();
    }

    /**
     * A binding failure of a nested JSON document (a job's request) as field errors under
     * {@code prefix}, worded as for a top-level body.
     */
    static InvalidSpecException asSpecError(JacksonException json, String prefix) {
        String path = path(json);
        String field = path.isEmpty() ? prefix : prefix + "." + path;
        String message;
        if (json instanceof UnrecognizedPropertyException unknown) {
            message = "unknown property '" + unknown.getPropertyName() + "'; valid properties: "
                    + new TreeSet<>(names(unknown.getKnownPropertyIds()));
        } else if (json instanceof InputCoercionException) {
            message = "must be a number within the field's range";
        } else if (json instanceof MismatchedInputException mismatch) {
            message = path.isEmpty() ? "must be a JSON object" : mismatchMessage(mismatch, path);
        } else {
            message = "could not be read: " + firstLine(json.getOriginalMessage());
        }
        return new InvalidSpecException(field, message);
    }

    /** The JSON path of the value the parser was reading, from its read context. */
    private static String parserPath(JacksonException e) {
        if (!(e.processor() instanceof tools.jackson.core.JsonParser parser)) {
            return "";
        }
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (tools.jackson.core.TokenStreamContext context = parser.streamReadContext();
                context != null && !context.inRoot();
                context = context.getParent()) {
            if (context.inObject() && context.currentName() != null) {
                parts.addFirst("." + context.currentName());
            } else if (context.inArray()) {
                parts.addFirst("[" + context.getCurrentIndex() + "]");
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /** A parser limit ({@code optlab.json.*}) passed while the body was read: which one, and its value. */
    private ProblemDetail jsonLimitExceeded(tools.jackson.core.exc.StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage());
        String property;
        int limit;
        String what;
        if (message.contains("NestingDepth") || message.contains("nesting depth")) {
            property = "optlab.json.max-nesting-depth";
            limit = jsonLimits.maxNestingDepth();
            what = "nests objects and arrays deeper than " + limit + " levels";
        } else if (message.contains("NumberLength") || message.startsWith("Number value length")) {
            property = "optlab.json.max-number-length";
            limit = jsonLimits.maxNumberLength();
            what = "holds a number longer than " + limit + " characters";
        } else if (message.contains("StringLength") || message.startsWith("String value length")) {
            property = "optlab.json.max-string-length";
            limit = jsonLimits.maxStringLength();
            what = "holds a string longer than " + limit + " characters";
        } else if (message.contains("NameLength") || message.startsWith("Name length")) {
            property = "optlab.json.max-name-length";
            limit = jsonLimits.maxNameLength();
            what = "holds a property name longer than " + limit + " characters";
        } else {
            return Problems.of(
                    HttpStatus.BAD_REQUEST,
                    Problems.LIMIT_EXCEEDED,
                    "Server limit exceeded",
                    "The request body exceeds a limit of the JSON parser: " + firstLine(message));
        }
        return Problems.with(
                Problems.of(
                        HttpStatus.BAD_REQUEST,
                        Problems.LIMIT_EXCEEDED,
                        "Server limit exceeded",
                        "The request body " + what + " (" + property + ")."),
                Map.of("limit", property, "limitValue", limit));
    }

    static ProblemDetail payloadTooLarge(long limit) {
        return Problems.of(
                HttpStatus.CONTENT_TOO_LARGE,
                Problems.PAYLOAD_TOO_LARGE,
                "Request too large",
                "The request body exceeds " + limit + " bytes (optlab.limits.max-request-bytes).");
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String mismatchMessage(MismatchedInputException e, String field) {
        Class<?> target = e.getTargetType();
        if (target != null && target.isArray() && field.endsWith("]")) {
            target = target.getComponentType(); // the failing value is an element of the array
        }
        String expected;
        if (target == null) {
            expected = "a valid value";
        } else if (target == double[].class || target.isArray()) {
            expected = "an array of numbers";
        } else if (target == Double.class || target == double.class) {
            expected = "a number";
        } else if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            expected = "an integer";
        } else if (target == Boolean.class || target == boolean.class) {
            expected = "true or false";
        } else if (target == String.class) {
            expected = "a string";
        } else if (java.util.Map.class.isAssignableFrom(target) || target.isRecord()) {
            expected = "a JSON object";
        } else {
            expected = "a valid value";
        }
        String was = e instanceof InvalidFormatException format && format.getValue() != null
                ? ", was " + (format.getValue() instanceof String text ? "\"" + text + "\"" : format.getValue())
                : e.getCurrentToken() == null ? "" : ", was " + describe(e.getCurrentToken());
        return "must be " + expected + was;
    }

    private static String describe(tools.jackson.core.JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a fractional number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            default -> token.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** The JSON path of the failing value: {@code optimizer.beta1}, {@code initialPoint[2]}. */
    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static List<String> names(Collection<Object> ids) {
        return ids == null ? List.of() : ids.stream().map(String::valueOf).toList();
    }

    /** The parser's message without its source excerpt or the parser settings it names. */
    private static String firstLine(String text) {
        if (text == null) {
            return "invalid JSON";
        }
        if (text.contains("Non-standard token")) {
            return "NaN and Infinity are not JSON numbers; send finite numbers (non-finite results come back as null)";
        }
        if (text.contains("nesting depth")) {
            return "the document nests deeper than the parser allows";
        }
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        int source = line.indexOf(" (start marker at [Source");
        if (source < 0) {
            source = line.indexOf(" at [Source");
        }
        line = source < 0 ? line : line.substring(0, source);
        // Parser hints name server-side settings (`JsonReadFeature…`): not the client's business.
        int hint = line.indexOf('`');
        if (hint >= 0) {
            line = line.substring(0, hint).replaceAll("[\\s:;,(]+(to allow|enable|from)?\\s*$", "");
        }
        return line;
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
