package org.optlab.compute.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.optlab.compute.data.Data.generated;
import static org.optlab.compute.data.Data.map;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.optlab.compute.run.ParallelRequest;
import org.optlab.compute.run.RunReport;
import org.optlab.compute.run.RunRequestData;

/**
 * Issue 9's second equivalence: a synchronous run with W workers and one global optimizer state is
 * the plain run whose minibatch at step t is the union of the W workers' step-t minibatches.
 *
 * <p>The plain run is built here by hand: the shards and each worker's per-epoch order are drawn
 * from the run's seed as {@link org.optlab.compute.objective.StochasticObjective#shards} documents (one shuffle of the training
 * indices from the SHARDS stream, cut into contiguous parts, each part sorted; worker k reshuffles
 * its part each epoch from the SHUFFLE stream of seed ^ k·0x9E3779B97F4A7C15), the union's mean
 * gradient is accumulated sample by sample from the model, and SGD and Adam are transcribed from
 * their formulas. All-reduce averages the workers' mean gradients, which is the union's mean only
 * when the batches are equal-sized: 200 training samples, 4 shards of 50, batches of 10 (5 per
 * epoch, none short), an effective batch of 40.
 */
class ParallelUnionBatchTest {

    private static final long SEED = 3L;
    private static final int WORKERS = 4;
    private static final int BATCH = 10;
    private static final int ITERATIONS = 300;

    /** 250 samples, 200 after the default validation split. */
    private static final Map<String, Object> MOONS_MLP = map(
            "name",
            "mlp_classifier",
            "dataset",
            generated("moons", "samples", 250, "noise", 0.25),
            "width",
            16,
            "batchSize",
            BATCH);

    @ParameterizedTest
    @CsvSource({"sgd,0.1", "adam,0.01"})
    void synchronousGlobalStateIsThePlainRunOnTheUnionOfTheWorkersBatches(String optimizer, double lr) {
        RunReport parallel = Data.run(new RunRequestData(
                MOONS_MLP,
                map("name", optimizer, "learningRate", lr),
                null,
                null,
                ITERATIONS,
                null,
                null,
                null,
                null,
                null,
                null,
                50,
                SEED,
                new ParallelRequest(WORKERS, "synchronous", null, null, null, null, false)));
        assertThat(parallel.outcome().iterations()).isEqualTo(ITERATIONS);
        assertThat(parallel.parallel().effectiveBatchSize()).isEqualTo(WORKERS * BATCH);

        double[] expected = unionRun(optimizer, lr);
        double[] actual = parallel.outcome().finalPoint();
        double scale = 0;
        double gap = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            gap = Math.max(gap, Math.abs(actual[i] - expected[i]));
        }
        assertThat(gap / scale)
                .as("max |Δw| / max |w| after %d steps", ITERATIONS)
                .isLessThan(1e-12);
        // Not trivially equal: the run moved far from its start.
        double[] start = Data.objective(withSeed(MOONS_MLP)).defaultInitialPoint();
        double moved = 0;
        for (int i = 0; i < start.length; i++) {
            moved = Math.max(moved, Math.abs(expected[i] - start[i]));
        }
        assertThat(moved).isGreaterThan(0.1);
    }

    /** The plain run whose step-t batch is the union of the workers' step-t batches, by hand. */
    private static double[] unionRun(String optimizer, double lr) {
        DataObjective objective = Data.objective(withSeed(MOONS_MLP));
        DataSet training = objective.training();
        Model model = objective.model();
        int n = training.samples;
        assertThat(n).isEqualTo(200);

        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SeededRandom.stream(SEED, Streams.SHARDS).shuffle(order);
        int size = n / WORKERS;
        int[][] shards = new int[WORKERS][];
        SeededRandom[] streams = new SeededRandom[WORKERS];
        for (int k = 0; k < WORKERS; k++) {
            shards[k] = Arrays.copyOfRange(order, k * size, (k + 1) * size);
            Arrays.sort(shards[k]);
            streams[k] = SeededRandom.stream(SEED ^ (k * 0x9E37_79B9_7F4A_7C15L), Streams.SHUFFLE);
        }
        int perEpoch = size / BATCH;

        int dim = objective.dimension();
        double[] w = objective.defaultInitialPoint();
        double[] g = new double[dim];
        double[] m = new double[dim];
        double[] v = new double[dim];
        double[] scratch = new double[model.workspace()];
        int d = training.width;
        int union = WORKERS * BATCH;
        for (int t = 0; t < ITERATIONS; t++) {
            if (t % perEpoch == 0) {
                for (int k = 0; k < WORKERS; k++) {
                    streams[k].shuffle(shards[k]);
                }
            }
            int from = (t % perEpoch) * BATCH;
            Arrays.fill(g, 0);
            for (int k = 0; k < WORKERS; k++) {
                for (int p = from; p < from + BATCH; p++) {
                    int i = shards[k][p];
                    model.accumulate(w, training.features, i * d, training.targets[i], g, 1.0 / union, scratch);
                }
            }
            objective.penalty(w, g);
            if (optimizer.equals("sgd")) {
                for (int i = 0; i < dim; i++) {
                    w[i] -= lr * g[i];
                }
            } else {
                int step = t + 1;
                double c1 = 1 - Math.pow(0.9, step);
                double c2 = Math.sqrt(1 - Math.pow(0.999, step));
                for (int i = 0; i < dim; i++) {
                    m[i] = 0.9 * m[i] + 0.1 * g[i];
                    v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                    w[i] -= lr / c1 * m[i] / (Math.sqrt(v[i]) / c2 + 1e-8);
                }
            }
        }
        return w;
    }

    private static Map<String, Object> withSeed(Map<String, Object> spec) {
        Map<String, Object> seeded = new LinkedHashMap<>(spec);
        seeded.put("seed", SEED);
        return seeded;
    }
}
