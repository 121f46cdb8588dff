package org.optlab.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code optlab.http.*}: the security headers sent with every response.
 *
 * @param contentSecurityPolicy the {@code Content-Security-Policy}; the default allows the service's
 *     own scripts, styles (inline styles included, which Swagger UI sets), images and data: images,
 *     and forbids framing, plugins and every other origin
 * @param referrerPolicy the {@code Referrer-Policy}
 */
@Validated
@ConfigurationProperties("optlab.http")
public record HttpSecurityProperties(
        @DefaultValue(DEFAULT_CSP) @NotBlank String contentSecurityPolicy,
        @DefaultValue("no-referrer") @NotBlank String referrerPolicy) {

    public static final String DEFAULT_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
}
