package org.optlab.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.optlab.compute.ComputePool;
import org.optlab.compute.Limits;
import org.optlab.compute.run.RunRequestData;
import org.optlab.compute.study.SearchSpace;
import org.optlab.compute.study.StudyContext;
import org.optlab.compute.study.Sweep;

/**
 * A random sweep of 10,000 trials × 1,000 Adam iterations on 2-D Rosenbrock, on a pool of 1 or 2
 * workers: the speed-up of 2 over 1 is the score ratio. Preparation (binding 10,000 trials) is
 * outside the measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SweepBenchmark {

    @Param({"1", "2"})
    public int workers;

    @Param({"10000"})
    public int trials;

    private ComputePool pool;
    private Sweep.Prepared sweep;

    @Setup(Level.Iteration)
    public void prepare() {
        pool = new ComputePool(workers, 16);
        RunRequestData base = new RunRequestData(
                Map.of("name", "rosenbrock"), Map.of("name", "adam"), null, null, 1000, null, null, null, null, null,
                null, null, 0L);
        sweep = Sweep.prepare(
                base,
                new Sweep.RandomSearch(Map.of("learningRate", new SearchSpace.Range(1e-4, 1, true, false)), trials),
                trials,
                Limits.defaults());
    }

    @TearDown(Level.Iteration)
    public void close() {
        pool.close();
    }

    @Benchmark
    public Sweep.Result randomSweep() {
        return sweep.run(StudyContext.of(Limits.defaults(), pool, () -> false, progress -> {}, 600_000));
    }
}
