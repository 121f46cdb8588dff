package org.optlab.config;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import tools.jackson.core.StreamReadConstraints;

/**
 * {@code optlab.json.*}: what the JSON parser accepts in a request body, checked while the body is
 * read, before anything is bound. Past a limit the answer is a 400 problem naming the property. The
 * body's size in bytes is {@code optlab.limits.max-request-bytes}.
 *
 * @param maxNestingDepth deepest nesting of objects and arrays (a run request needs 4; composite
 *     optimizers add 1 per level)
 * @param maxNumberLength most characters of one number (a double needs at most 24)
 * @param maxStringLength most characters of one string value
 * @param maxNameLength most characters of one property name
 */
@Validated
@ConfigurationProperties("optlab.json")
public record JsonLimitsProperties(
        @DefaultValue("64") @Min(8) int maxNestingDepth,
        @DefaultValue("100") @Min(32) int maxNumberLength,
        @DefaultValue("100000") @Min(1000) int maxStringLength,
        @DefaultValue("1000") @Min(64) int maxNameLength) {

    /** These limits as the parser's constraints. */
    public StreamReadConstraints toConstraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(maxNestingDepth)
                .maxNumberLength(maxNumberLength)
                .maxStringLength(maxStringLength)
                .maxNameLength(maxNameLength)
                .build();
    }
}
