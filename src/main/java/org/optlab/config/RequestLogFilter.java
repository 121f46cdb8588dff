package org.optlab.config;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per request, when its response is complete: method, path (without the query
 * string), status and duration, on the logger {@code org.optlab.access} at INFO. Bodies, headers
 * and query strings are never logged. With structured logging the same values are also fields
 * ({@code http.request.method}, {@code url.path}, {@code http.response.status_code},
 * {@code event.duration} in nanoseconds).
 *
 * <p>Registered first in the filter chain (see {@link WebOperationsConfiguration}), so that the
 * answers of the other filters (a 413 from the size limit) are logged too; a request that goes
 * asynchronous (server-sent events) is logged when it completes.
 */
public final class RequestLogFilter extends OncePerRequestFilter {

    static final String LOGGER_NAME = "org.optlab.access";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            if (!failed && request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new AsyncListener() {
                    @Override
                    public void onComplete(AsyncEvent event) {
                        log(request, response.getStatus(), start);
                    }

                    @Override
                    public void onTimeout(AsyncEvent event) {}

                    @Override
                    public void onError(AsyncEvent event) {}

                    @Override
                    public void onStartAsync(AsyncEvent event) {}
                });
            } else {
                // An exception that escapes every handler becomes a 500 after this filter returns.
                log(request, failed ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : response.getStatus(), start);
            }
        }
    }

    private static void log(HttpServletRequest request, int status, long start) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        long nanos = System.nanoTime() - start;
        String method = request.getMethod();
        String path = request.getRequestURI();
        LOG.atInfo()
                .addKeyValue("http.request.method", method)
                .addKeyValue("url.path", path)
                .addKeyValue("http.response.status_code", status)
                .addKeyValue("event.duration", nanos)
                .log("{} {} {} {} ms", method, path, status, String.format(Locale.ROOT, "%.1f", nanos / 1e6));
    }
}
