package org.optlab.api;

import org.optlab.config.ComputeConfiguration;
import org.optlab.config.ComputeProperties;
import org.optlab.config.JsonConfiguration;
import org.optlab.config.LimitsProperties;
import org.optlab.config.WebConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @WebMvcTest} slice of optlab needs beyond the controller: the JSON strictness, the
 * converters, the compute pool and limits, the problem handler and the study service (slices do
 * not pick up ordinary configuration classes).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({
    JsonConfiguration.class,
    WebConfiguration.class,
    ComputeConfiguration.class,
    ProblemHandler.class,
    StudyService.class
})
@EnableConfigurationProperties({LimitsProperties.class, ComputeProperties.class})
public class WebSliceConfiguration {}
