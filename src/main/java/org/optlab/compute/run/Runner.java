package org.optlab.compute.run;

import java.util.function.BooleanSupplier;
import org.optlab.compute.objective.Objective;
import org.optlab.compute.optimizer.Optimizer;
import org.optlab.compute.optimizer.StepContext;
import org.optlab.compute.schedule.LearningRateSchedule;

/**
 * The one optimization loop. For t = 0, 1, …: evaluate f(w_t) and ∇f(w_t), tell the observer,
 * stop when the loss or gradient is non-finite (diverged), a threshold is met (converged), the
 * budget is spent (max_iterations), the time limit has passed or the caller cancelled; otherwise
 * add noise, clip, and let the optimizer map w_t to w_{t+1} with lr_t.
 *
 * <p>Stateless: every run gets its own buffers, allocated before the loop; the loop allocates
 * nothing.
 */
public final class Runner {

    /** Checks the clock and the cancellation flag every 2^k steps, fewer when steps are cheap. */
    private static int clockMask(int dimension) {
        if (dimension >= 4096) {
            return 0;
        }
        return dimension >= 256 ? 15 : 255;
    }

    public RunOutcome run(
            Objective objective,
            Optimizer<?> optimizer,
            LearningRateSchedule schedule,
            RunSettings settings,
            RunObserver observer,
            BooleanSupplier cancelled) {
        return loop(objective, optimizer, schedule, settings, observer, cancelled, NO_DEADLINE);
    }

    /** No deadline beyond the run's own time limit. */
    public static final long NO_DEADLINE = Long.MIN_VALUE;

    /**
     * Like {@link #run(Objective, Optimizer, LearningRateSchedule, RunSettings, RunObserver,
     * BooleanSupplier)}, also stopping with {@code time_limit} at {@code deadlineNanos} (a
     * {@link System#nanoTime()} value) if that comes before the run's own limit: the deadline of the
     * study the run belongs to.
     */
    public RunOutcome run(
            Objective objective,
            Optimizer<?> optimizer,
            LearningRateSchedule schedule,
            RunSettings settings,
            RunObserver observer,
            BooleanSupplier cancelled,
            long deadlineNanos) {
        return loop(objective, optimizer, schedule, settings, observer, cancelled, deadlineNanos);
    }

    private static <S> RunOutcome loop(
            Objective objective,
            Optimizer<S> optimizer,
            LearningRateSchedule schedule,
            RunSettings settings,
            RunObserver observer,
            BooleanSupplier cancelled,
            long outerDeadline) {
        int n = objective.dimension();
        double[] w = settings.initialPoint();
        double[] g = new double[n];
        S state = optimizer.init(n);
        Step context = new Step(objective, settings);
        StoppingRule stopping = settings.stopping();
        double gradientTolerance = stopping.gradientNormBelow();
        double lossTolerance = stopping.lossBelow();
        int mask = clockMask(n);
        int budget = settings.iterations();

        long start = System.nanoTime();
        long deadline = start + stopping.timeLimitMillis() * 1_000_000L;
        if (outerDeadline != NO_DEADLINE && outerDeadline - deadline < 0) {
            deadline = outerDeadline;
        }
        RunStatus status;
        int t = 0;
        double loss;
        double norm;
        double lr;
        while (true) {
            loss = objective.evaluate(w, g);
            context.evaluations++;
            norm = norm(g);
            schedule.observe(t, loss);
            lr = schedule.learningRate(t);
            observer.onIterate(t, w, loss, norm, lr);
            if (!Double.isFinite(loss) || !Double.isFinite(norm)) {
                status = RunStatus.DIVERGED;
                break;
            }
            if (norm <= gradientTolerance || loss <= lossTolerance) {
                status = RunStatus.CONVERGED;
                break;
            }
            if (t >= budget) {
                status = RunStatus.MAX_ITERATIONS;
                break;
            }
            if ((t & mask) == 0) {
                if (System.nanoTime() - deadline > 0) {
                    status = RunStatus.TIME_LIMIT;
                    break;
                }
                if (cancelled.getAsBoolean()) {
                    status = RunStatus.CANCELLED;
                    break;
                }
            }
            context.step = t;
            context.transform(g, t);
            optimizer.update(state, w, g, lr, context);
            t++;
        }
        long elapsed = System.nanoTime() - start;
        observer.onFinish(t, w, loss, norm, lr);
        return new RunOutcome(status, t, w.clone(), loss, norm, elapsed, context.evaluations);
    }

    static double norm(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    /** The step in progress, and the noise and clipping that every gradient of the run goes through. */
    private static final class Step implements StepContext {
        private final Objective objective;
        private final GradientNoise noise;
        private final double clip;
        private final Gaussian gaussian;
        int step;
        long evaluations;

        Step(Objective objective, RunSettings settings) {
            this.objective = objective;
            this.noise = settings.noise();
            this.clip = settings.gradientClipNorm();
            this.gaussian = new Gaussian(settings.seed());
        }

        @Override
        public int step() {
            return step;
        }

        @Override
        public void gradientAt(double[] point, double[] out) {
            objective.evaluate(point, out);
            evaluations++;
            transform(out, step);
        }

        /** Adds N(0, σ_t²) to each component, then rescales to the clip norm if longer. */
        void transform(double[] g, int t) {
            if (noise.active()) {
                double sigma = noise.stddevAt(t);
                for (int i = 0; i < g.length; i++) {
                    g[i] += sigma * gaussian.next();
                }
            }
            if (!Double.isNaN(clip)) {
                double length = norm(g);
                if (length > clip) {
                    double scale = clip / length;
                    for (int i = 0; i < g.length; i++) {
                        g[i] *= scale;
                    }
                }
            }
        }
    }
}
