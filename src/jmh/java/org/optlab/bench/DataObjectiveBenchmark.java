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
 * The per-step cost of training on data: Adam on the {@code digits} MLP (64 → 32 → 10, ReLU, 2410
 * parameters, 1437 training samples) for 2,000 minibatch steps, as {@code POST /api/v1/runs} does
 * it, recording only the first and last iterates (so two full-set evaluations with their validation
 * metrics are included, amortised over the steps). The score is nanoseconds per step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DataObjectiveBenchmark {

    private static final int ITERATIONS = 2_000;

    @Param({"32", "128"})
    public int batchSize;

    private RunPlan plan;

    @Setup
    public void prepare() {
        plan = RunPlan.prepare(
                new RunRequestData(
                        Map.of(
                                "name", "mlp_classifier",
                                "dataset", Map.of("builtin", "digits"),
                                "width", 32,
                                "activation", "relu",
                                "batchSize", batchSize),
                        Map.of("name", "adam", "learningRate", 1e-3),
                        null, null, ITERATIONS, null, null, null, null, null, null, ITERATIONS, null),
                Limits.defaults());
    }

    @Benchmark
    @OperationsPerInvocation(ITERATIONS)
    public RunReport digitsMlpMinibatchStep() {
        return plan.execute(() -> false);
    }
}
