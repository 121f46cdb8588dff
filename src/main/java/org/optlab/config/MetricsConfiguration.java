package org.optlab.config;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.optlab.compute.ComputePool;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Metrics of the compute pool and of finished runs (see {@link RunMetrics}), exported at
 * {@code /actuator/prometheus}.
 *
 * <p>Pool: {@code optlab.pool.queued} (runs waiting for a worker), {@code optlab.pool.active}
 * (workers computing), {@code optlab.pool.workers}, and {@code optlab.pool.rejections}
 * ({@code optlab_pool_rejections_total}: requests answered 503 because the pool was full).
 *
 * <p>Runs are recorded where every computation finishes, by {@link StudyServiceDecorator}; the
 * compute core never sees Micrometer.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    MeterBinder computePoolMetrics(ComputePool pool) {
        return registry -> bindPool(pool, registry);
    }

    static void bindPool(ComputePool pool, MeterRegistry registry) {
        Gauge.builder("optlab.pool.queued", pool, ComputePool::queued)
                .description("Computations waiting for a worker of the compute pool")
                .register(registry);
        Gauge.builder("optlab.pool.active", pool, ComputePool::active)
                .description("Workers of the compute pool that are computing")
                .register(registry);
        Gauge.builder("optlab.pool.workers", pool, ComputePool::workers)
                .description("Threads of the compute pool")
                .register(registry);
        FunctionCounter.builder("optlab.pool.rejections", pool, ComputePool::rejectedCount)
                .description("Computations refused because the pool was full (answered 503)")
                .register(registry);
    }

    @Bean
    RunMetrics runMetrics(MeterRegistry registry) {
        return new RunMetrics(registry);
    }
}
