package org.optlab.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.optlab.compute.ComputePool;
import org.optlab.compute.Limits;
import org.optlab.compute.run.RunRequestData;
import org.optlab.compute.study.SearchSpace;
import org.optlab.compute.study.StudyContext;
import org.optlab.compute.study.Sweep;

/**
 * The speed-up of 2 workers over 1 for {@link SweepBenchmark}'s sweep (10,000 trials × 1,000 Adam
 * iterations on 2-D Rosenbrock), measured in pairs: each round times the sweep on a pool of 1 and
 * of 2 workers back to back (the order alternating), and then a control, 20 independent tasks of
 * pure arithmetic on the same pools, which shows what the machine gave two threads in that round.
 * On a shared machine the rounds differ; the paired ratios keep each comparison within one moment.
 * Also reports how busy the machine's other processes kept its cores during the measurement
 * ({@code /proc/stat} minus this process's CPU time).
 *
 * <p>{@code java -cp … org.optlab.bench.SweepScaling [rounds]}; prints one line per round and a
 * summary line, {@code key=value} separated by spaces.
 */
public final class SweepScaling {

    private static final int TRIALS = 10_000;
    private static final int CONTROL_TASKS = 20;
    private static final int CONTROL_STEPS = 3_000_000;

    private SweepScaling() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        RunRequestData base = new RunRequestData(
                Map.of("name", "rosenbrock"), Map.of("name", "adam"), null, null, 1000, null, null, null, null, null,
                null, null, 0L);
        Sweep.Prepared sweep = Sweep.prepare(
                base,
                new Sweep.RandomSearch(Map.of("learningRate", new SearchSpace.Range(1e-4, 1, true, false)), TRIALS),
                TRIALS,
                Limits.defaults());
        try (ComputePool one = new ComputePool(1, 64);
                ComputePool two = new ComputePool(2, 64)) {
            for (int warm = 0; warm < 3; warm++) {
                time(() -> sweep(sweep, one));
                time(() -> sweep(sweep, two));
                time(() -> control(one));
                time(() -> control(two));
            }
            long[] cpuBefore = machineJiffies();
            long processBefore = processCpuNanos();
            long wallBefore = System.nanoTime();
            double[] sweepRatios = new double[rounds];
            double[] controlRatios = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                boolean oneFirst = round % 2 == 0;
                double s1;
                double s2;
                if (oneFirst) {
                    s1 = time(() -> sweep(sweep, one));
                    s2 = time(() -> sweep(sweep, two));
                } else {
                    s2 = time(() -> sweep(sweep, two));
                    s1 = time(() -> sweep(sweep, one));
                }
                double c1 = time(() -> control(one));
                double c2 = time(() -> control(two));
                sweepRatios[round] = s1 / s2;
                controlRatios[round] = c1 / c2;
                System.out.printf(
                        Locale.ROOT,
                        "round %d sweep_1_ms=%.1f sweep_2_ms=%.1f sweep_speedup=%.3f control_1_ms=%.1f control_2_ms=%.1f"
                                + " control_speedup=%.3f%n",
                        round + 1,
                        s1,
                        s2,
                        s1 / s2,
                        c1,
                        c2,
                        c1 / c2);
            }
            double wallSeconds = (System.nanoTime() - wallBefore) / 1e9;
            long[] cpuAfter = machineJiffies();
            double othersCores = Double.NaN;
            if (cpuBefore != null && cpuAfter != null) {
                double busySeconds = (cpuAfter[0] - cpuBefore[0]) / 100.0; // USER_HZ
                double ours = (processCpuNanos() - processBefore) / 1e9;
                othersCores = Math.max(0, busySeconds - ours) / wallSeconds;
            }
            System.out.printf(
                    Locale.ROOT,
                    "summary rounds=%d sweep_speedup_median=%.3f sweep_speedup_best=%.3f control_speedup_median=%.3f"
                            + " control_speedup_best=%.3f others_busy_cores=%.2f cores=%d%n",
                    rounds,
                    median(sweepRatios),
                    Arrays.stream(sweepRatios).max().orElse(Double.NaN),
                    median(controlRatios),
                    Arrays.stream(controlRatios).max().orElse(Double.NaN),
                    othersCores,
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private static Object sweep(Sweep.Prepared sweep, ComputePool pool) {
        return sweep.run(StudyContext.of(Limits.defaults(), pool, () -> false, progress -> {}, 600_000));
    }

    /** Independent 2-D gradient steps on a quadratic: no allocation, no shared state. */
    private static Object control(ComputePool pool) throws InterruptedException, ExecutionException {
        List<Future<Double>> futures = new ArrayList<>(CONTROL_TASKS);
        for (int task = 0; task < CONTROL_TASKS; task++) {
            double seed = task;
            futures.add(pool.submit(() -> {
                double x = 1 + seed;
                double y = -1;
                for (int i = 0; i < CONTROL_STEPS; i++) {
                    double gx = 2 * x + 0.5 * y;
                    double gy = 0.5 * x + 4 * y;
                    x -= 1e-3 * gx;
                    y -= 1e-3 * gy;
                }
                return x + y;
            }));
        }
        double sum = 0;
        for (Future<Double> future : futures) {
            sum += future.get();
        }
        return sum;
    }

    @FunctionalInterface
    private interface Work {
        Object run() throws Exception;
    }

    private static Object sink;

    private static double time(Work work) throws Exception {
        long start = System.nanoTime();
        sink = work.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Busy jiffies of all CPUs (user, nice, system, irq, softirq, steal), or null off Linux. */
    private static long[] machineJiffies() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(cpu[field]);
            }
            return new long[] {busy};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
