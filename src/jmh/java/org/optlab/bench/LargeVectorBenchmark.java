package org.optlab.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.optlab.compute.optimizer.Adam;
import org.optlab.compute.optimizer.Sgd;
import org.optlab.compute.optimizer.StepContext;

/**
 * One optimizer step on N float64 parameters with the gradient given, against the memory bandwidth
 * the same JVM reaches on a STREAM triad {@code a[i] = b[i] + s·c[i]} over arrays of N. Scores are
 * microseconds per call. An Adam step must read w, g, m, v and write w, m, v (56 bytes per
 * parameter); SGD with momentum reads w, g, b and writes w, b (40 bytes); the triad is counted as
 * STREAM counts it (24 bytes per element). The lower bound of a step is its bytes divided by the
 * triad's bytes per second; {@code bench/large-vectors.sh} prints the ratios.
 *
 * <p>The triad's store to {@code a}, which it does not read, costs the cache a read of the line
 * first, which STREAM does not count; an optimizer step only stores to arrays it reads. So the
 * second probe, {@code a[i] = a[i] + s·b[i]} in place (24 bytes per element, all of them moved),
 * gives the tighter bound.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LargeVectorBenchmark {

    @Param({"1000000", "10000000"})
    public int n;

    private final Adam adam = new Adam(1e-3, 0.9, 0.999, 1e-8, 0, false, false, false);
    private final Sgd sgd = new Sgd(1e-3, 0.9, 0, false, 0, false);
    private final Steps steps = new Steps();
    private Adam.State adamState;
    private Sgd.State sgdState;
    private double[] w;
    private double[] g;
    private double[] a;
    private double[] b;
    private double[] c;

    /** The step counter that Adam's bias correction reads; it advances with every call. */
    private static final class Steps implements StepContext {
        int step;

        @Override
        public int step() {
            return step;
        }

        @Override
        public void gradientAt(double[] point, double[] out) {
            throw new UnsupportedOperationException();
        }
    }

    @Setup
    public void prepare() {
        SplittableRandom random = new SplittableRandom(42);
        w = random.doubles(n, -1, 1).toArray();
        g = random.doubles(n, -1, 1).toArray();
        a = new double[n];
        b = random.doubles(n, -1, 1).toArray();
        c = random.doubles(n, -1, 1).toArray();
        adamState = adam.init(n);
        sgdState = sgd.init(n);
        // SGD's first step only copies the gradient into the buffer: measure the steady state.
        sgd.update(sgdState, w, g, 1e-3, steps);
    }

    @Benchmark
    public double[] adamStep() {
        adam.update(adamState, w, g, 1e-3, steps);
        steps.step++;
        return w;
    }

    @Benchmark
    public double[] sgdMomentumStep() {
        sgd.update(sgdState, w, g, 1e-3, steps);
        return w;
    }

    @Benchmark
    public double[] triad() {
        double s = 3.0;
        double[] a = this.a;
        double[] b = this.b;
        double[] c = this.c;
        for (int i = 0; i < a.length; i++) {
            a[i] = b[i] + s * c[i];
        }
        return a;
    }

    @Benchmark
    public double[] inPlaceProbe() {
        double s = 1e-3;
        double[] a = this.a;
        double[] b = this.b;
        for (int i = 0; i < a.length; i++) {
            a[i] = a[i] + s * b[i];
        }
        return a;
    }
}
