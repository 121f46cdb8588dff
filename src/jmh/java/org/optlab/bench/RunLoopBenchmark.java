package org.optlab.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.optlab.compute.Limits;
import org.optlab.compute.run.RunPlan;
import org.optlab.compute.run.RunReport;
import org.optlab.compute.run.RunRequestData;

/**
 * The run loop: an optimizer on 2-D Rosenbrock for 10,000 iterations with every step recorded, as
 * {@code POST /api/v1/runs} does it (plan prepared once; each invocation runs and records). The
 * score is nanoseconds per iteration, recording and the final copy of the path included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RunLoopBenchmark {

    private static final int ITERATIONS = 10_000;

    @Param({"adam", "sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adamw"})
    public String optimizer;

    private RunPlan plan;

    @Setup
    public void prepare() {
        plan = RunPlan.prepare(
                new RunRequestData(
                        Map.of("name", "rosenbrock"),
                        Map.of("name", optimizer, "learningRate", 1e-3),
                        null, null, ITERATIONS, null, null, null, null, null, null, 1, null),
                Limits.defaults());
    }

    @Benchmark
    @OperationsPerInvocation(ITERATIONS)
    public RunReport rosenbrock2dEveryStepRecorded() {
        return plan.execute(() -> false);
    }
}
