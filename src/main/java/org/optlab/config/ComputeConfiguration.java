package org.optlab.config;

import org.optlab.compute.ComputePool;
import org.optlab.compute.Limits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Turns typed configuration into the plain objects the compute core takes. */
@Configuration(proxyBeanMethods = false)
public class ComputeConfiguration {

    @Bean
    Limits limits(LimitsProperties properties) {
        return properties.toLimits();
    }

    @Bean(destroyMethod = "close")
    ComputePool computePool(ComputeProperties properties) {
        return new ComputePool(properties.effectiveWorkers(), properties.queueCapacity());
    }
}
