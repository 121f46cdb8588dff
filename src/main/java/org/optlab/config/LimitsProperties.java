package org.optlab.config;

import jakarta.validation.constraints.Min;
import org.optlab.compute.Limits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code optlab.limits.*}: what one request may ask for. Past a limit the service answers 400 with
 * a problem that names the field, the property and its value.
 *
 * @param maxIterations most update steps of one run
 * @param maxDimension most parameters of an objective
 * @param maxPathPoints most recorded points in one path
 * @param maxPathValues most coordinates in one path (points × dimension)
 * @param maxRunMillis longest run, and the default {@code stopping.timeLimitMillis}
 * @param maxRequestBytes largest request body
 * @param maxTrials most runs in one sweep, or in one comparison's tuning (all optimizers together)
 * @param maxLandscapeResolution most grid points along each axis of a landscape
 * @param maxJobs most jobs kept (finished ones are forgotten oldest first)
 * @param jobTtlSeconds how long a finished job's result is kept
 */
@Validated
@ConfigurationProperties("optlab.limits")
public record LimitsProperties(
        @DefaultValue("1000000") @Min(1) int maxIterations,
        @DefaultValue("10000") @Min(2) int maxDimension,
        @DefaultValue("100000") @Min(2) int maxPathPoints,
        @DefaultValue("5000000") @Min(4) long maxPathValues,
        @DefaultValue("30000") @Min(1) long maxRunMillis,
        @DefaultValue("1048576") @Min(1024) long maxRequestBytes,
        @DefaultValue("10000") @Min(1) int maxTrials,
        @DefaultValue("500") @Min(2) int maxLandscapeResolution,
        @DefaultValue("1000") @Min(1) int maxJobs,
        @DefaultValue("3600") @Min(1) long jobTtlSeconds) {

    /** The compute core's view of these limits. */
    public Limits toLimits() {
        return new Limits(maxIterations, maxDimension, maxPathPoints, maxPathValues, maxRunMillis);
    }
}
