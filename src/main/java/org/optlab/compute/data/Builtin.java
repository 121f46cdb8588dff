package org.optlab.compute.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * The small public classification sets shipped in the jar (scikit-learn's copies of the UCI
 * originals; sources and licences in {@code NOTICE.md} beside the files). Each is parsed once per
 * JVM and then shared: {@link DataSet}s are immutable.
 */
public enum Builtin {
    IRIS("iris", "iris.csv", true, 150, 4, 3, "Fisher's iris flowers: 4 measurements, 3 species"),
    WINE("wine", "wine_data.csv", true, 178, 13, 3, "Wine recognition: 13 chemical measurements, 3 cultivars"),
    BREAST_CANCER(
            "breast_cancer",
            "breast_cancer.csv.gz",
            true,
            569,
            30,
            2,
            "Breast Cancer Wisconsin (Diagnostic): 30 cell-nucleus features, malignant (0) or benign (1)"),
    DIGITS(
            "digits",
            "digits.csv.gz",
            false,
            1797,
            64,
            10,
            "Handwritten digits 0–9 as 8×8 images of pixel counts 0–16: the lecture's MNIST in miniature");

    private static final Map<Builtin, DataSet> LOADED = new ConcurrentHashMap<>();

    private final String wireName;
    private final String resource;
    private final boolean header;
    private final int samples;
    private final int width;
    private final int classes;
    private final String description;

    Builtin(String wireName, String resource, boolean header, int samples, int width, int classes, String description) {
        this.wireName = wireName;
        this.resource = resource;
        this.header = header;
        this.samples = samples;
        this.width = width;
        this.classes = classes;
        this.description = description;
    }

    /** The name in requests. */
    public String wireName() {
        return wireName;
    }

    public String description() {
        return description;
    }

    public int samples() {
        return samples;
    }

    public int width() {
        return width;
    }

    public int classes() {
        return classes;
    }

    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Builtin builtin : values()) {
            names.add(builtin.wireName);
        }
        return names;
    }

    public static Builtin named(String name) {
        for (Builtin builtin : values()) {
            if (builtin.wireName.equals(name)) {
                return builtin;
            }
        }
        throw new IllegalArgumentException("no built-in data set " + name);
    }

    /** The data, parsed on first use. */
    public DataSet data() {
        return LOADED.computeIfAbsent(this, Builtin::read);
    }

    private DataSet read() {
        try (InputStream raw = Builtin.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the jar");
            }
            InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            double[] x = new double[samples * width];
            double[] y = new double[samples];
            if (header) {
                reader.readLine();
            }
            int row = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                if (row >= samples || cells.length != width + 1) {
                    throw new IllegalStateException(String.format(
                            Locale.ROOT,
                            "%s: row %d has %d cells, expected %d",
                            resource,
                            row,
                            cells.length,
                            width + 1));
                }
                for (int j = 0; j < width; j++) {
                    x[row * width + j] = Double.parseDouble(cells[j]);
                }
                y[row] = Double.parseDouble(cells[width]);
                row++;
            }
            if (row != samples) {
                throw new IllegalStateException(resource + ": " + row + " rows, expected " + samples);
            }
            return new DataSet(x, y, width, classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
