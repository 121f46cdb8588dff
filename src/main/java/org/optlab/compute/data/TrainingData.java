package org.optlab.compute.data;

import java.util.LinkedHashMap;
import java.util.Map;
import org.optlab.compute.InvalidSpecException;

/**
 * A data set split into training and validation samples (seeded) and, when asked, standardised
 * with the training samples' mean and standard deviation (population, as scikit-learn's
 * StandardScaler; a constant feature is only centred). Immutable.
 *
 * <p>Preparing the same data again is common — every plan of a sweep or comparison builds its own
 * objective — so the last few prepared sets are kept and shared, keyed by everything that
 * determines them. The cache holds derived, immutable arrays only, never a run's state.
 */
final class TrainingData {

    private static final int CACHED = 16;

    private static final Map<Key, TrainingData> CACHE = new LinkedHashMap<>(32, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, TrainingData> eldest) {
            return size() > CACHED;
        }
    };

    private record Key(
            Map<String, Object> dataset,
            DataSource.Task task,
            double validationFraction,
            boolean standardize,
            long seed) {}

    final DataSet training;
    final DataSet validation;
    final Map<String, Object> resolvedDataset;

    private TrainingData(DataSet training, DataSet validation, Map<String, Object> resolvedDataset) {
        this.training = training;
        this.validation = validation;
        this.resolvedDataset = resolvedDataset;
    }

    /** The data set a request describes, split and standardised; field paths below {@code dataset}. */
    static TrainingData of(
            Map<String, Object> dataset,
            DataSource.Task task,
            double validationFraction,
            boolean standardize,
            long seed) {
        Key key = new Key(dataset, task, validationFraction, standardize, seed);
        synchronized (CACHE) {
            TrainingData cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        TrainingData prepared = prepare(dataset, task, validationFraction, standardize, seed);
        synchronized (CACHE) {
            CACHE.put(key, prepared);
        }
        return prepared;
    }

    private static TrainingData prepare(
            Map<String, Object> dataset,
            DataSource.Task task,
            double validationFraction,
            boolean standardize,
            long seed) {
        DataSource.Loaded loaded;
        try {
            loaded = DataSource.load(dataset, task);
        } catch (InvalidSpecException e) {
            throw e.prefixed("dataset");
        }
        DataSet data = loaded.data();
        int n = data.samples;
        int held = (int) Math.ceil(validationFraction * n);
        if (held >= n) {
            throw new InvalidSpecException(
                    "validationFraction",
                    "leaves no training samples: " + held + " of the " + n + " samples would be held out");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        DataSet training = data;
        DataSet validation = data.select(order, 0, 0);
        if (held > 0) {
            // As scikit-learn's train_test_split: a seeded permutation, the first part held out.
            SeededRandom.stream(seed, Streams.SPLIT).shuffle(order);
            validation = data.select(order, 0, held);
            training = data.select(order, held, n);
        }
        if (standardize) {
            double[] mean = new double[data.width];
            double[] scale = new double[data.width];
            moments(training, mean, scale);
            training = scaled(training, mean, scale);
            validation = scaled(validation, mean, scale);
        }
        return new TrainingData(training, validation, loaded.resolved());
    }

    private static void moments(DataSet data, double[] mean, double[] scale) {
        int d = data.width;
        int n = data.samples;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += data.features[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double c = data.features[i * d + j] - mean[j];
                scale[j] += c * c;
            }
        }
        for (int j = 0; j < d; j++) {
            double std = Math.sqrt(scale[j] / n);
            scale[j] = std > 1e-12 * Math.max(1, Math.abs(mean[j])) ? std : 1;
        }
    }

    private static DataSet scaled(DataSet data, double[] mean, double[] scale) {
        int d = data.width;
        double[] x = new double[data.features.length];
        for (int i = 0; i < data.samples; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (data.features[i * d + j] - mean[j]) / scale[j];
            }
        }
        return new DataSet(x, data.targets, d, data.classes);
    }
}
