package org.optlab.config;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Makes graceful shutdown end every computation in time. The web server's graceful shutdown waits
 * up to {@code spring.lifecycle.timeout-per-shutdown-phase} for requests in flight, then closes
 * their connections: a run still computing then would leave its client with no answer at all. This
 * runs in the same shutdown phase and:
 *
 * <ul>
 *   <li>cancels background jobs at once (they live in memory and end with the process anyway;
 *       cancelled, they free the workers for the requests in flight);
 *   <li>lets computations that serve a request in flight finish, until 2 s (at most half the grace
 *       period) before the grace period ends; then stops them, so that they answer with what they
 *       have (status {@code cancelled}) before the server closes.
 * </ul>
 *
 * <p>Computations report themselves through {@link StudyServiceDecorator}: those that answer a
 * synchronous request (run through {@code StudyService.respond}) and the others (jobs).
 */
@Component
public class ShutdownCoordinator implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownCoordinator.class);

    private final Duration grace;
    private final AtomicInteger requestsInFlight = new AtomicInteger();
    private volatile boolean running;
    private volatile boolean backgroundStopped;
    private volatile boolean requestsStopped;

    public ShutdownCoordinator(Environment environment) {
        this.grace = Binder.get(environment)
                .bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class)
                .orElse(Duration.ofSeconds(30));
    }

    /** Whether background work (jobs) must stop: the service is shutting down. */
    public boolean backgroundStopped() {
        return backgroundStopped;
    }

    /** Whether computations serving requests must stop: the grace period is nearly over. */
    public boolean requestsStopped() {
        return requestsStopped;
    }

    void requestStarted() {
        requestsInFlight.incrementAndGet();
    }

    void requestFinished() {
        requestsInFlight.decrementAndGet();
    }

    /** Also a restart after a stop (a context can be stopped and started again: tests pause theirs). */
    @Override
    public void start() {
        backgroundStopped = false;
        requestsStopped = false;
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The phase of the web server's graceful shutdown: both run side by side. */
    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE;
    }

    @Override
    public void stop() {
        stop(() -> {});
    }

    @Override
    public void stop(Runnable callback) {
        running = false;
        backgroundStopped = true;
        if (requestsInFlight.get() == 0) {
            callback.run();
            return;
        }
        Thread waiter = new Thread(
                () -> {
                    try {
                        drain();
                    } finally {
                        callback.run();
                    }
                },
                "optlab-shutdown");
        waiter.setDaemon(true);
        waiter.start();
    }

    private void drain() {
        long margin = Math.min(2_000, grace.toMillis() / 2);
        long stopAt = System.nanoTime() + (grace.toMillis() - margin) * 1_000_000L;
        try {
            while (requestsInFlight.get() > 0 && System.nanoTime() - stopAt < 0) {
                Thread.sleep(10);
            }
            if (requestsInFlight.get() > 0) {
                LOG.warn(
                        "Shutting down: stopping {} computation(s) still running {} ms into the {} ms grace period;"
                                + " they answer with what they have (status cancelled)",
                        requestsInFlight.get(),
                        grace.toMillis() - margin,
                        grace.toMillis());
                requestsStopped = true;
                long deadline = System.nanoTime() + margin * 1_000_000L;
                while (requestsInFlight.get() > 0 && System.nanoTime() - deadline < 0) {
                    Thread.sleep(10);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            requestsStopped = true;
        }
    }
}
