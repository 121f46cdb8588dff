package org.optlab.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code optlab.cors.*}: which other origins' pages may call {@code /api/**} from a browser.
 *
 * @param allowedOrigins origins such as {@code https://playground.example.org}; empty (the default)
 *     means no cross-origin access at all; {@code *} means any origin (without credentials)
 * @param maxAge how long a browser may cache a preflight answer
 */
@Validated
@ConfigurationProperties("optlab.cors")
public record CorsProperties(
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue("30m") Duration maxAge) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null
                ? List.of()
                : allowedOrigins.stream()
                        .map(String::strip)
                        .filter(origin -> !origin.isEmpty())
                        .toList();
    }

    public boolean enabled() {
        return !allowedOrigins.isEmpty();
    }
}
