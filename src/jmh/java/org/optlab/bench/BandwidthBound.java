package org.optlab.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.optlab.compute.optimizer.Adam;
import org.optlab.compute.optimizer.Sgd;
import org.optlab.compute.optimizer.StepContext;

/**
 * {@link LargeVectorBenchmark}'s kernels timed in rounds rather than one after another: each round
 * times one Adam step, one SGD-momentum step, one STREAM triad and one in-place probe on N float64
 * values (the order rotating), so that each step is compared with the bandwidth the JVM reached at
 * that moment; on a machine shared with other processes, that keeps the ratios steady where
 * separate runs drift. Prints, per N, the median and best time of each kernel and the median over
 * rounds of each step's time divided by its bandwidth bound (bytes moved ÷ the probe's bytes per
 * second in the same round).
 *
 * <p>{@code java -Xmx4g -cp … org.optlab.bench.BandwidthBound [rounds] [sizes…]}
 */
public final class BandwidthBound {

    /** Bytes per element: what each kernel reads plus what it writes. */
    private static final int ADAM_BYTES = 56;

    private static final int SGD_BYTES = 40;
    private static final int PROBE_BYTES = 24;

    private BandwidthBound() {}

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

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int[] sizes = args.length > 1
                ? Arrays.stream(args).skip(1).mapToInt(Integer::parseInt).toArray()
                : new int[] {1_000_000, 10_000_000};
        for (int n : sizes) {
            measure(n, rounds);
        }
    }

    private static void measure(int n, int rounds) {
        SplittableRandom random = new SplittableRandom(42);
        double[] w = random.doubles(n, -1, 1).toArray();
        double[] g = random.doubles(n, -1, 1).toArray();
        double[] a = new double[n];
        double[] b = random.doubles(n, -1, 1).toArray();
        double[] c = random.doubles(n, -1, 1).toArray();
        Adam adam = new Adam(1e-3, 0.9, 0.999, 1e-8, 0, false, false, false);
        Sgd sgd = new Sgd(1e-3, 0.9, 0, false, 0, false);
        Adam.State adamState = adam.init(n);
        Sgd.State sgdState = sgd.init(n);
        Steps steps = new Steps();
        sgd.update(sgdState, w, g, 1e-3, steps); // the first step only fills the buffer

        Runnable[] kernels = {
            () -> {
                adam.update(adamState, w, g, 1e-3, steps);
                steps.step++;
            },
            () -> sgd.update(sgdState, w, g, 1e-3, steps),
            () -> triad(a, b, c),
            () -> inPlace(a, b)
        };
        String[] names = {"adam", "sgd_momentum", "triad", "in_place_probe"};
        for (int warm = 0; warm < 20; warm++) {
            for (Runnable kernel : kernels) {
                kernel.run();
            }
        }
        double[][] millis = new double[kernels.length][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < kernels.length; k++) {
                int which = (k + round) % kernels.length;
                long start = System.nanoTime();
                kernels[which].run();
                millis[which][round] = (System.nanoTime() - start) / 1e6;
            }
        }
        for (int k = 0; k < kernels.length; k++) {
            System.out.printf(
                    Locale.ROOT,
                    "kernel n=%d name=%s median_ms=%.4f best_ms=%.4f%n",
                    n,
                    names[k],
                    median(millis[k]),
                    Arrays.stream(millis[k]).min().orElseThrow());
        }
        int[] bytes = {ADAM_BYTES, SGD_BYTES};
        for (int step = 0; step < 2; step++) {
            double[] triadRatio = new double[rounds];
            double[] inPlaceRatio = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                // bound = bytes moved ÷ (probe bytes ÷ probe time) = probe time × bytes ÷ probe bytes
                double scale = bytes[step] / (double) PROBE_BYTES;
                triadRatio[round] = millis[step][round] / (millis[2][round] * scale);
                inPlaceRatio[round] = millis[step][round] / (millis[3][round] * scale);
            }
            System.out.printf(
                    Locale.ROOT,
                    "bound n=%d step=%s over_triad_bound=%.3f over_in_place_bound=%.3f%n",
                    n,
                    names[step],
                    median(triadRatio),
                    median(inPlaceRatio));
        }
        if (w[0] + a[0] == 42) {
            System.out.println(); // keeps the results observable
        }
    }

    private static void triad(double[] a, double[] b, double[] c) {
        for (int i = 0; i < a.length; i++) {
            a[i] = b[i] + 3.0 * c[i];
        }
    }

    private static void inPlace(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] = a[i] + 1e-3 * b[i];
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
