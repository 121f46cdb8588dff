package org.optlab.compute.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.optlab.compute.data.SeededRandom;
import org.optlab.compute.objective.StochasticObjective;
import org.optlab.compute.optimizer.Optimizer;
import org.optlab.compute.optimizer.StepContext;
import org.optlab.compute.schedule.LearningRateSchedule;

/**
 * The optimization loop of a data-parallel run ({@link Parallelism}), simulated on one thread with
 * the workers taken in a fixed order, so that the same request gives the same numbers. Its shape is
 * {@link Runner}'s minibatch loop: the full training loss and gradient are computed at the recorded
 * iterates only, where stopping rules are checked; divergence is also checked every step on the
 * workers' mean minibatch loss and gradient; the schedule observes that mean loss. Iteration t is
 * one optimizer step (synchronous: W minibatch gradients; asynchronous: one worker's update).
 *
 * <p>When every worker's batch is its whole shard in a synchronous run with global state, the
 * averaged gradient is the full gradient up to rounding, and the loop is {@link Runner}'s full-batch
 * loop: every iterate observed, the mean shard loss as the loss. So one worker is the plain run, bit
 * for bit, in both cases.
 *
 * <p>Noise and clipping apply to each gradient an optimizer sees: the averaged one (global state),
 * each worker's own (local state, asynchronous). All buffers — the workers' gradients, local
 * parameters and states, and the asynchronous ring of the last τ + 1 parameter vectors — are
 * allocated before the loop; the loop allocates nothing.
 */
final class ParallelRunner {

    /** The purpose of the stream that draws uniform staleness. */
    private static final long STALENESS_STREAM = 0x7374_616c_6500_0000L;

    record Result(RunOutcome outcome, ParallelSummary summary) {}

    private ParallelRunner() {}

    static Result run(
            StochasticObjective objective,
            Parallelism parallel,
            Optimizer<?> optimizer,
            LearningRateSchedule schedule,
            RunSettings settings,
            RunObserver observer,
            BooleanSupplier cancelled,
            long outerDeadline) {
        return new Loop<>(objective, parallel, optimizer, settings)
                .run(schedule, settings, observer, cancelled, outerDeadline);
    }

    private static final class Loop<S> implements StepContext {
        private final Parallelism parallel;
        private final Optimizer<S> optimizer;
        private final StochasticObjective.Evaluator evaluator;
        private final StochasticObjective.Shard[] shards;
        private final int workers;
        private final int n;
        private final boolean synchronous;
        private final boolean local;
        private final double[] w;
        private final double[] g;
        private final double[] full;
        private final double[][] gradients;
        private final double[][] parameters;
        private final List<S> states;
        private final double[][] ring;
        private final long[] histogram;
        private final SeededRandom staleness;
        private final long[] updates;
        private final GradientNoise noise;
        private final double clip;
        private final Gaussian gaussian;
        private int step;
        private int worker;
        private int workerStep;
        private long evaluations;
        private int syncs;
        /** Local state: whether the workers' parameters have moved since {@code w} was their mean. */
        private boolean apart;

        Loop(StochasticObjective objective, Parallelism parallel, Optimizer<S> optimizer, RunSettings settings) {
            this.parallel = parallel;
            this.optimizer = optimizer;
            this.evaluator = objective.evaluator();
            this.workers = parallel.workers();
            this.shards = objective.shards(settings.seed(), workers);
            this.n = objective.dimension();
            this.synchronous = parallel.mode() == Parallelism.Mode.SYNCHRONOUS;
            this.local = synchronous && parallel.optimizerState() == Parallelism.OptimizerState.LOCAL;
            this.w = settings.initialPoint();
            this.g = new double[n];
            this.full = new double[n];
            this.gradients = synchronous ? new double[workers][n] : null;
            this.states = new ArrayList<>();
            if (local) {
                parameters = new double[workers][];
                for (int k = 0; k < workers; k++) {
                    parameters[k] = w.clone();
                    states.add(optimizer.init(n));
                }
            } else {
                parameters = null;
                states.add(optimizer.init(n));
            }
            if (synchronous) {
                ring = null;
                histogram = null;
                staleness = null;
            } else {
                ring = new double[parallel.maxStaleness() + 1][n];
                histogram = new long[parallel.maxStaleness() + 1];
                staleness = parallel.staleness() == Parallelism.Staleness.UNIFORM
                        ? SeededRandom.stream(settings.seed(), STALENESS_STREAM)
                        : null;
            }
            this.updates = new long[workers];
            this.noise = settings.noise();
            this.clip = settings.gradientClipNorm();
            this.gaussian = new Gaussian(settings.seed());
        }

        Result run(
                LearningRateSchedule schedule,
                RunSettings settings,
                RunObserver observer,
                BooleanSupplier cancelled,
                long outerDeadline) {
            StoppingRule stopping = settings.stopping();
            double gradientTolerance = stopping.gradientNormBelow();
            double lossTolerance = stopping.lossBelow();
            boolean exact = synchronous && !local;
            int batch = 0;
            for (StochasticObjective.Shard shard : shards) {
                exact &= shard.batchSize() >= shard.size();
                batch += shard.batchSize();
            }
            long work = (long) n * (synchronous ? batch : shards[0].batchSize());
            int mask = work >= 4096 ? 0 : work >= 256 ? 15 : 255;
            int budget = settings.iterations();
            int every = exact ? 1 : settings.fullEvaluationEvery();

            long start = System.nanoTime();
            long deadline = start + stopping.timeLimitMillis() * 1_000_000L;
            if (outerDeadline != Runner.NO_DEADLINE && outerDeadline - deadline < 0) {
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
                if (evaluated && !exact) {
                    gather();
                    loss = evaluator.evaluate(w, full);
                    evaluations++;
                    norm = Runner.norm(full);
                }
                double batchLoss = loss;
                double batchNorm = norm;
                if (t < budget || exact) {
                    batchLoss = gradients(t);
                    batchNorm = Runner.norm(g);
                }
                if (exact) {
                    loss = batchLoss;
                    norm = batchNorm;
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
                apply(t, lr);
                t++;
            }
            if (!evaluated) {
                gather();
                loss = evaluator.evaluate(w, full);
                evaluations++;
                norm = Runner.norm(full);
            }
            gather();
            long elapsed = System.nanoTime() - start;
            observer.onFinish(t, w, loss, norm, lr);
            RunOutcome outcome = new RunOutcome(status, t, w.clone(), loss, norm, elapsed, evaluations);
            return new Result(outcome, summary(batch));
        }

        /**
         * Computes step t's gradient(s): into {@code g} the averaged gradient (global state), the
         * workers' mean gradient (local state, for the divergence check; each worker's own is in
         * {@code gradients[k]}), or the one stale gradient (asynchronous). Returns the mean minibatch loss.
         */
        private double gradients(int t) {
            if (synchronous && !local) {
                return allReduce(w, g, t);
            }
            if (local) {
                double loss = 0;
                for (int k = 0; k < workers; k++) {
                    loss += shards[k].gradient(parameters[k], gradients[k], t);
                    evaluations++;
                }
                mean(gradients, g);
                return loss / workers;
            }
            worker = t % workers;
            workerStep = t / workers;
            int tau = Math.min(parallel.maxStaleness(), t);
            if (staleness != null) {
                tau = staleness.nextInt(tau + 1);
            }
            histogram[tau]++;
            int slots = ring.length;
            System.arraycopy(w, 0, ring[t % slots], 0, n);
            double loss = shards[worker].gradient(ring[(t - tau) % slots], g, workerStep);
            evaluations++;
            return loss;
        }

        /** The workers' minibatch gradients at {@code point}, summed in worker order, over W. */
        private double allReduce(double[] point, double[] out, int t) {
            double loss = shards[0].gradient(point, out, t);
            evaluations++;
            if (workers == 1) {
                return loss;
            }
            for (int k = 1; k < workers; k++) {
                double[] other = gradients[k];
                loss += shards[k].gradient(point, other, t);
                evaluations++;
                for (int i = 0; i < n; i++) {
                    out[i] += other[i];
                }
            }
            double scale = 1.0 / workers;
            for (int i = 0; i < n; i++) {
                out[i] *= scale;
            }
            return loss / workers;
        }

        private void apply(int t, double lr) {
            step = t;
            if (local) {
                for (int k = 0; k < workers; k++) {
                    worker = k;
                    transform(gradients[k], t);
                    optimizer.update(states.get(k), parameters[k], gradients[k], lr, this);
                    updates[k]++;
                }
                apart = true;
                if ((t + 1) % parallel.syncEvery() == 0) {
                    mean(parameters, w);
                    for (double[] p : parameters) {
                        System.arraycopy(w, 0, p, 0, n);
                    }
                    apart = false;
                    syncs++;
                }
                return;
            }
            transform(g, t);
            optimizer.update(states.get(0), w, g, lr, this);
            if (synchronous) {
                for (int k = 0; k < workers; k++) {
                    updates[k]++;
                }
            } else {
                updates[worker]++;
            }
        }

        /** Local state: the iterate is the workers' mean (what a sync now would give). */
        private void gather() {
            if (local && apart) {
                mean(parameters, w);
                apart = false;
            }
        }

        private void mean(double[][] vectors, double[] out) {
            System.arraycopy(vectors[0], 0, out, 0, n);
            for (int k = 1; k < workers; k++) {
                double[] v = vectors[k];
                for (int i = 0; i < n; i++) {
                    out[i] += v[i];
                }
            }
            if (workers > 1) {
                for (int i = 0; i < n; i++) {
                    out[i] /= workers;
                }
            }
        }

        @Override
        public int step() {
            return step;
        }

        @Override
        public void gradientAt(double[] point, double[] out) {
            if (synchronous && !local) {
                allReduce(point, out, step);
            } else {
                shards[worker].gradient(point, out, local ? step : workerStep);
                evaluations++;
            }
            transform(out, step);
        }

        /** Adds N(0, σ_t²) to each component, then rescales to the clip norm if longer (as Runner). */
        private void transform(double[] v, int t) {
            if (noise.active()) {
                double sigma = noise.stddevAt(t);
                for (int i = 0; i < v.length; i++) {
                    v[i] += sigma * gaussian.next();
                }
            }
            if (!Double.isNaN(clip)) {
                double length = Runner.norm(v);
                if (length > clip) {
                    double scale = clip / length;
                    for (int i = 0; i < v.length; i++) {
                        v[i] *= scale;
                    }
                }
            }
        }

        private ParallelSummary summary(int batch) {
            List<ParallelSummary.Worker> perWorker = new ArrayList<>();
            for (int k = 0; k < workers; k++) {
                StochasticObjective.Shard shard = shards[k];
                perWorker.add(new ParallelSummary.Worker(
                        shard.size(), shard.batchSize(), shard.samples((int) updates[k]), updates[k]));
            }
            ParallelSummary.StalenessStats stats = null;
            if (!synchronous) {
                long count = 0;
                long sum = 0;
                int max = 0;
                for (int s = 0; s < histogram.length; s++) {
                    count += histogram[s];
                    sum += s * histogram[s];
                    if (histogram[s] > 0) {
                        max = s;
                    }
                }
                stats = new ParallelSummary.StalenessStats(
                        count == 0 ? 0 : sum / (double) count, max, histogram.clone());
            }
            return new ParallelSummary(
                    workers,
                    parallel.mode().wireName(),
                    synchronous ? parallel.optimizerState().wireName() : null,
                    synchronous ? batch : shards[0].batchSize(),
                    List.copyOf(perWorker),
                    syncs,
                    stats,
                    "simulated-sequential",
                    true);
        }
    }
}
