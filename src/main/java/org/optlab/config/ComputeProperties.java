package org.optlab.config;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code optlab.compute.*}: the shared compute pool.
 *
 * @param workers threads that run optimizations; 0 means one per available processor
 * @param queueCapacity runs that may wait for a worker; past it, requests get 503 with Retry-After
 * @param retryAfterSeconds the Retry-After a 503 suggests
 */
@Validated
@ConfigurationProperties("optlab.compute")
public record ComputeProperties(
        @DefaultValue("0") @Min(0) int workers,
        @DefaultValue("64") @Min(0) int queueCapacity,
        @DefaultValue("1") @Min(1) int retryAfterSeconds) {

    public int effectiveWorkers() {
        return workers == 0 ? Runtime.getRuntime().availableProcessors() : workers;
    }
}
