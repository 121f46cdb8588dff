package org.optlab.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every response, errors and the other filters' answers included (they are set
 * before the rest of the chain runs): {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options:
 * DENY} (and {@code frame-ancestors 'none'} in the default policy), {@code Referrer-Policy} and
 * {@code Content-Security-Policy} from {@link HttpSecurityProperties}. No HSTS: the service speaks
 * plain HTTP and TLS belongs to the proxy in front of it, which should add it.
 */
public final class SecurityHeadersFilter extends OncePerRequestFilter {

    private final HttpSecurityProperties properties;

    public SecurityHeadersFilter(HttpSecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", properties.referrerPolicy());
        response.setHeader("Content-Security-Policy", properties.contentSecurityPolicy());
        chain.doFilter(request, response);
    }
}
