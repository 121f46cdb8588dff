package org.optlab.compute.run;

import java.util.function.BooleanSupplier;
import org.optlab.compute.objective.Domain;
import org.optlab.compute.objective.Objective;
import org.optlab.compute.objective.Optimum;
import org.optlab.compute.objective.StochasticObjective;
import org.optlab.compute.optimizer.Optimizer;
import org.optlab.compute.optimizer.StepContext;
import org.optlab.compute.schedule.LearningRateSchedule;

/**
 * The one optimization loop. For t = 0, 1, …: evaluate f(w_t) and ∇f(w_t), tell the observer,
 * stop when the loss or gradient is non-finite (diverged), a threshold is met (converged), the
 * budget is spent (max_iterations), the time limit has passed or the caller cancelled; otherwise
 * add noise, clip, and let the optimizer map w_t to w_{t+1} with lr_t.
 *
 * <p><b>Objectives over data</b> ({@link StochasticObjective}) get a sampler made from the run's
 * seed. With the whole training set as the batch the loop is the one above, evaluated through the
 * sampler's buffers. With minibatches (B &lt; N), step t uses the gradient g_t of its minibatch, and
 * the full training loss and gradient — an epoch's worth of work — are computed only at the
 * iterates that are recorded: every {@link RunSettings#fullEvaluationEvery()}-th, the first and the
 * last. So in a minibatch run:
 *
 * <ul>
 *   <li>the observer hears of those iterates only (and {@code onFinish} of the last);
 *   <li>{@code gradientNormBelow} and {@code lossBelow} are checked there, on the full-set values;
 *   <li>divergence is checked there and, every step, on the minibatch loss and gradient;
 *   <li>the schedule observes each step's minibatch loss (what a PyTorch loop passes to
 *       {@code scheduler.step(loss)});
 *   <li>gradient evaluations count every minibatch gradient (look-ahead ones included) plus every
 *       full-set evaluation.
 * </ul>
 *
 * <p>Stateless: every run gets its own buffers, allocated before the loop; the loop allocates
 * nothing.
 */
public final class Runner {

    /**
     * Checks the clock and the cancellation flag every 2^k steps, fewer when steps are cheap.
     * {@code work} is the dimension, times the samples a step sees for objectives over data.
     */
    private static int clockMask(long work) {
        if (work >= 4096) {
            return 0;
        }
        return work >= 256 ? 15 : 255;
    }

    public RunOutcome run(
            Objective objective,
            Optimizer<?> optimizer,
            LearningRateSchedule schedule,
            RunSettings settings,
            RunObserver observer,
            BooleanSupplier cancelled) {
        return run(objective, optimizer, schedule, settings, observer, cancelled, NO_DEADLINE);
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
        if (objective instanceof StochasticObjective data) {
            StochasticObjective.Sampler sampler = data.sampler(settings.seed());
            if (data.minibatch()) {
                return minibatchLoop(data, sampler, optimizer, schedule, settings, observer, cancelled, deadlineNanos);
            }
            long work = (long) data.dimension() * data.trainingSize();
            return loop(
                    new FullBatch(data, sampler),
                    work,
                    optimizer,
                    schedule,
                    settings,
                    observer,
                    cancelled,
                    deadlineNanos);
        }
        return loop(
                objective, objective.dimension(), optimizer, schedule, settings, observer, cancelled, deadlineNanos);
    }

    private static <S> RunOutcome loop(
            Objective objective,
            long work,
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
        int mask = clockMask(work);
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

    private static <S> RunOutcome minibatchLoop(
            StochasticObjective objective,
            StochasticObjective.Sampler sampler,
            Optimizer<S> optimizer,
            LearningRateSchedule schedule,
            RunSettings settings,
            RunObserver observer,
            BooleanSupplier cancelled,
            long outerDeadline) {
        int n = objective.dimension();
        double[] w = settings.initialPoint();
        double[] g = new double[n];
        double[] full = new double[n];
        S state = optimizer.init(n);
        Step context = new Step(objective, settings, sampler);
        StoppingRule stopping = settings.stopping();
        double gradientTolerance = stopping.gradientNormBelow();
        double lossTolerance = stopping.lossBelow();
        int mask = clockMask((long) n * objective.batchSize());
        int budget = settings.iterations();
        int every = settings.fullEvaluationEvery();

        long start = System.nanoTime();
        long deadline = start + stopping.timeLimitMillis() * 1_000_000L;
        if (outerDeadline != NO_DEADLINE && outerDeadline - deadline < 0) {
            deadline = outerDeadline;
        }
        RunStatus status;
        int t = 0;
        double loss = Double.NaN;
        double norm = Double.NaN;
        double lr;
        boolean evaluated;
        while (true) {
            evaluated = t % every == 0 || t >= budget;
            if (evaluated) {
                loss = sampler.evaluate(w, full);
                context.evaluations++;
                norm = norm(full);
            }
            double batchLoss = loss;
            double batchNorm = norm;
            if (t < budget) {
                batchLoss = sampler.gradient(w, g, t);
                context.evaluations++;
                batchNorm = norm(g);
            }
            schedule.observe(t, batchLoss);
            lr = schedule.learningRate(t);
            if (evaluated) {
                observer.onIterate(t, w, loss, norm, lr);
                if (!Double.isFinite(loss) || !Double.isFinite(norm)) {
                    status = RunStatus.DIVERGED;
                    break;
                }
                if (norm <= gradientTolerance || loss <= lossTolerance) {
                    status = RunStatus.CONVERGED;
                    break;
                }
            }
            if (!Double.isFinite(batchLoss) || !Double.isFinite(batchNorm)) {
                status = RunStatus.DIVERGED;
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
        if (!evaluated) {
            // The run stopped between recorded iterates: its final values are still full-set ones.
            loss = sampler.evaluate(w, full);
            context.evaluations++;
            norm = norm(full);
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
        private final StochasticObjective.Sampler minibatches;
        private final GradientNoise noise;
        private final double clip;
        private final Gaussian gaussian;
        int step;
        long evaluations;

        Step(Objective objective, RunSettings settings) {
            this(objective, settings, null);
        }

        /** @param minibatches where look-ahead gradients come from in a minibatch run (step t's batch), or null */
        Step(Objective objective, RunSettings settings, StochasticObjective.Sampler minibatches) {
            this.objective = objective;
            this.minibatches = minibatches;
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
            if (minibatches == null) {
                objective.evaluate(point, out);
            } else {
                minibatches.gradient(point, out, step);
            }
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

    /**
     * A data objective evaluated on the whole training set through one run's preallocated buffers,
     * so that full-batch runs over data allocate nothing per step either.
     */
    private static final class FullBatch implements Objective {
        private final StochasticObjective objective;
        private final StochasticObjective.Evaluator evaluator;

        FullBatch(StochasticObjective objective, StochasticObjective.Evaluator evaluator) {
            this.objective = objective;
            this.evaluator = evaluator;
        }

        @Override
        public int dimension() {
            return objective.dimension();
        }

        @Override
        public double evaluate(double[] point, double[] gradient) {
            return evaluator.evaluate(point, gradient);
        }

        @Override
        public double[] defaultInitialPoint() {
            return objective.defaultInitialPoint();
        }

        @Override
        public Optimum optimum() {
            return objective.optimum();
        }

        @Override
        public Domain domain() {
            return objective.domain();
        }
    }
}
