package org.optlab.config;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.aopalliance.intercept.MethodInterceptor;
import org.optlab.api.StudyRequests;
import org.optlab.api.StudyService;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * What surrounds every computation, whichever endpoint or job asked for it. The
 * {@link StudyService} hands out {@link StudyService.Prepared} computations that the synchronous
 * endpoints run through {@code StudyService.respond} and jobs run directly; this decorates the
 * service so that each computation it prepares:
 *
 * <ul>
 *   <li>stops when the service shuts down ({@link ShutdownCoordinator}): at once for background
 *       jobs, near the end of the grace period for one that answers a request in flight;
 *   <li>records the runs it made in {@link RunMetrics} when it returns.
 * </ul>
 *
 * The service and the compute core stay free of both concerns.
 */
@Component
public class StudyServiceDecorator implements BeanPostProcessor {

    private final ObjectProvider<RunMetrics> metrics;
    private final ObjectProvider<ShutdownCoordinator> shutdown;

    public StudyServiceDecorator(ObjectProvider<RunMetrics> metrics, ObjectProvider<ShutdownCoordinator> shutdown) {
        this.metrics = metrics;
        this.shutdown = shutdown;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof StudyService)) {
            return bean;
        }
        ProxyFactory factory = new ProxyFactory(bean);
        factory.setProxyTargetClass(true);
        factory.addAdvice((MethodInterceptor) invocation -> {
            String method = invocation.getMethod().getName();
            Object[] arguments = invocation.getArguments();
            if (method.equals("respond") && arguments.length > 0 && arguments[0] instanceof Decorated<?> decorated) {
                arguments[0] = decorated.answeringARequest(); // a synchronous request waits for it
                return invocation.proceed();
            }
            Object result = invocation.proceed();
            String source = switch (method) {
                case "prepareRun" -> "run";
                case "prepareComparison" -> "comparison";
                case "prepareSweep" -> "sweep";
                case "prepareLandscape" -> "landscape";
                default -> null;
            };
            if (source == null || !(result instanceof StudyService.Prepared<?> prepared)) {
                return result;
            }
            return new Decorated<>(prepared, source, sweepOptimizer(arguments), false);
        });
        return factory.getProxy(bean.getClass().getClassLoader());
    }

    /** A prepared computation with its stop condition and its metrics around it. */
    private final class Decorated<T> implements StudyService.Prepared<T> {
        private final StudyService.Prepared<T> prepared;
        private final String source;
        private final String sweepOptimizer;
        private final boolean answersARequest;

        Decorated(StudyService.Prepared<T> prepared, String source, String sweepOptimizer, boolean answersARequest) {
            this.prepared = prepared;
            this.source = source;
            this.sweepOptimizer = sweepOptimizer;
            this.answersARequest = answersARequest;
        }

        Decorated<T> answeringARequest() {
            return new Decorated<>(prepared, source, sweepOptimizer, true);
        }

        @Override
        public T run(BooleanSupplier cancelled, DoubleConsumer progress) {
            ShutdownCoordinator coordinator = shutdown.getIfAvailable();
            BooleanSupplier stop;
            if (coordinator == null) {
                stop = cancelled;
            } else if (answersARequest) {
                stop = () -> cancelled.getAsBoolean() || coordinator.requestsStopped();
                coordinator.requestStarted();
            } else {
                stop = () -> cancelled.getAsBoolean() || coordinator.backgroundStopped();
            }
            T result;
            try {
                result = prepared.run(stop, progress);
            } finally {
                if (coordinator != null && answersARequest) {
                    coordinator.requestFinished();
                }
            }
            RunMetrics runMetrics = metrics.getIfAvailable();
            if (runMetrics != null) {
                runMetrics.recordResult(source, result, sweepOptimizer);
            }
            return result;
        }
    }

    private static String sweepOptimizer(Object[] arguments) {
        if (arguments.length == 1 && arguments[0] instanceof StudyRequests.SweepRequest sweep) {
            Map<String, Object> optimizer = sweep.optimizer();
            Object name = optimizer == null ? null : optimizer.get("name");
            return name == null ? null : name.toString();
        }
        return null;
    }
}
