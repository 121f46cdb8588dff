package org.optlab.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The service's edge: the order of its own servlet filters (request log outermost, then the
 * security headers, then the request-size limit, all before Spring's), and CORS.
 *
 * <p>CORS is closed unless {@code optlab.cors.allowed-origins} names origins; then those may call
 * {@code /api/**} with GET, POST and DELETE, send {@code Content-Type} and {@code Accept}, and read
 * {@code Location}, {@code Retry-After} and {@code Server-Timing}. Actuator endpoints are never
 * opened to other origins.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CorsProperties.class, HttpSecurityProperties.class})
public class WebOperationsConfiguration implements WebMvcConfigurer {

    private final CorsProperties cors;

    public WebOperationsConfiguration(CorsProperties cors) {
        this.cors = cors;
    }

    @Bean
    FilterRegistrationBean<RequestLogFilter> requestLogFilter() {
        FilterRegistrationBean<RequestLogFilter> registration = new FilterRegistrationBean<>(new RequestLogFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter(HttpSecurityProperties properties) {
        FilterRegistrationBean<SecurityHeadersFilter> registration =
                new FilterRegistrationBean<>(new SecurityHeadersFilter(properties));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Places the (component) size-limit filter after the two above: it answers 413 itself. */
    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilterRegistration(RequestSizeLimitFilter filter) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (!cors.enabled()) {
            return;
        }
        registry.addMapping("/api/**")
                .allowedOrigins(cors.allowedOrigins().toArray(String[]::new))
                .allowedMethods("GET", "POST", "DELETE")
                .allowedHeaders(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT)
                .exposedHeaders(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, "Server-Timing")
                .allowCredentials(false)
                .maxAge(cors.maxAge().toSeconds());
    }
}
