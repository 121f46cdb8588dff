package org.optlab.compute.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.InvalidSpecException.Violation;
import org.optlab.compute.param.ParameterSpec;
import org.optlab.compute.param.ParameterType;
import org.optlab.compute.param.ParameterValues;

/**
 * Reads a request's {@code dataset} object — exactly one of {@code generated}, {@code inline} or
 * {@code builtin} — into a {@link DataSet}, checking every field and naming each one at fault by
 * its path below {@code dataset}.
 *
 * <p>Size limits: a generated set has at most {@link #MAX_SAMPLES} samples, {@link #MAX_FEATURES}
 * features and {@link #MAX_VALUES} numbers in all; an inline set is bounded by the server's request
 * size limit.
 */
public final class DataSource {

    /** The most samples of a generated set. */
    public static final int MAX_SAMPLES = 100_000;

    /** The most features of a generated set. */
    public static final int MAX_FEATURES = 1_000;

    /** The most feature values (samples × features) of a generated set: 16 MB of doubles. */
    public static final long MAX_VALUES = 2_000_000;

    /** The most classes of a generated or inline set. */
    public static final int MAX_CLASSES = 100;

    /** At most this many bad cells of an inline set are reported, so that a broken upload gives a short answer. */
    private static final int MAX_REPORTED = 10;

    /** What the model needs of the targets. */
    public enum Task {
        /** Real-valued targets. */
        REGRESSION,
        /** Labels 0 and 1. */
        BINARY,
        /** Labels 0 … K − 1, K ≥ 2. */
        MULTICLASS
    }

    static final ParameterSpec GENERATED = ParameterSpec.object(
            "generated", null, "A synthetic set drawn from a seed: kind, samples, features, classes, noise, seed.");
    static final ParameterSpec INLINE = ParameterSpec.object(
            "inline", null, "The data itself: features (rows of numbers), targets (one per row), optional classes.");
    static final ParameterSpec BUILTIN =
            ParameterSpec.optionalChoice("builtin", "none", Builtin.names(), "A public data set shipped with optlab.");

    static final ParameterSpec KIND = new ParameterSpec(
            "kind",
            ParameterType.CHOICE,
            null,
            null,
            null,
            false,
            null,
            false,
            Generator.names(),
            true,
            "The generator: linear, sparse_linear (targets from a linear model; regression or classes), blobs, "
                    + "moons, circles, spirals (classes).");
    static final ParameterSpec SAMPLES = ParameterSpec.integer("samples", 200, "The number of samples drawn.")
            .atLeast(2)
            .atMost(MAX_SAMPLES);
    static final ParameterSpec FEATURES = ParameterSpec.optionalInteger(
                    "features", "5 for linear, 20 for sparse_linear, 2 otherwise", "Features per sample.")
            .atLeast(1)
            .atMost(MAX_FEATURES);
    static final ParameterSpec CLASSES = ParameterSpec.optionalInteger(
                    "classes",
                    "2; 3 for blobs and spirals; none for regression",
                    "The number of classes (classifiers only; moons and circles have 2).")
            .atLeast(2)
            .atMost(MAX_CLASSES);
    static final ParameterSpec NOISE = ParameterSpec.optionalNumber(
                    "noise",
                    "0.1 for linear, sparse_linear and circles, 1 for blobs, 0.2 for moons and spirals",
                    "The noise's standard deviation (for blobs: each blob's).")
            .atLeast(0);
    static final ParameterSpec SEED = ParameterSpec.integer("seed", 0, "Drives the draws (not the run's seed).");

    static final ParameterSpec INLINE_FEATURES =
            required("features", ParameterType.MATRIX, "One row of numbers per sample, all of one length.");
    static final ParameterSpec INLINE_TARGETS = required(
            "targets",
            ParameterType.VECTOR,
            "One target per row: a real number, or a class label 0 … K − 1 for classifiers.");
    static final ParameterSpec INLINE_CLASSES = ParameterSpec.optionalInteger(
                    "classes", "the largest label + 1", "K, for classifiers whose data lack the last classes.")
            .atLeast(2)
            .atMost(MAX_CLASSES);

    private DataSource() {}

    private static ParameterSpec required(String name, ParameterType type, String description) {
        return new ParameterSpec(name, type, null, null, null, false, null, false, List.of(), true, description);
    }

    /** A data set and the request's {@code dataset} object with every default filled in. */
    public record Loaded(DataSet data, Map<String, Object> resolved) {}

    /** Reads {@code spec} for a model with the given task. Field paths are relative to {@code dataset}. */
    public static Loaded load(Map<String, Object> spec, Task task) {
        ParameterValues source = ParameterValues.bind(spec, List.of(GENERATED, INLINE, BUILTIN), List.of());
        List<String> given = new ArrayList<>();
        for (String name : List.of("generated", "inline", "builtin")) {
            if (source.has(name)) {
                given.add(name);
            }
        }
        if (given.size() != 1) {
            throw new InvalidSpecException(
                    "",
                    "must have exactly one of generated, inline or builtin"
                            + (given.isEmpty() ? "" : "; had " + String.join(" and ", given)));
        }
        try {
            return switch (given.get(0)) {
                case "generated" -> generated(source.object("generated"), task);
                case "inline" -> inline(source.object("inline"), task);
                default -> builtin(source.choice("builtin"), task);
            };
        } catch (InvalidSpecException e) {
            throw given.get(0).equals("builtin") ? e : e.prefixed(given.get(0));
        }
    }

    private static Loaded generated(Map<String, Object> spec, Task task) {
        ParameterValues values =
                ParameterValues.bind(spec, List.of(KIND, SAMPLES, FEATURES, CLASSES, NOISE, SEED), List.of());
        Generator generator = Generator.named(values.choice("kind"));
        int samples = values.integer("samples");
        int features = values.has("features") ? values.integer("features") : generator.defaultFeatures();
        double noise = values.has("noise") ? values.number("noise") : generator.defaultNoise();
        List<Violation> violations = new ArrayList<>();
        if (generator.planar() && features != 2) {
            violations.add(
                    new Violation("features", generator.wireName() + " points lie in the plane: features must be 2"));
        }
        if ((long) samples * features > MAX_VALUES) {
            violations.add(new Violation(
                    "samples",
                    "samples × features must be at most " + MAX_VALUES + ", was " + samples + " × " + features));
        }
        int classes;
        if (task == Task.REGRESSION) {
            if (!generator.regression()) {
                violations.add(new Violation(
                        "kind",
                        "linear_regression needs real-valued targets: kind linear or sparse_linear; "
                                + generator.wireName() + " makes class labels"));
            }
            if (values.has("classes")) {
                violations.add(new Violation("classes", "applies to classifiers only"));
            }
            classes = 0;
        } else {
            classes = values.has("classes") ? values.integer("classes") : generator.defaultClasses();
            if (task == Task.BINARY && classes != 2) {
                violations.add(new Violation(
                        "classes",
                        "logistic_regression is binary: classes must be 2 (use softmax_regression or mlp_classifier"
                                + " for more), was " + classes));
            }
            if (generator.binaryOnly() && classes != 2) {
                violations.add(new Violation("classes", generator.wireName() + " has two classes, was " + classes));
            }
            if (classes > samples) {
                violations.add(new Violation(
                        "classes", "must be at most samples (" + samples + ") so that every class has a sample"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidSpecException(violations);
        }
        long seed = values.integer("seed");
        DataSet data = generator.generate(samples, features, classes, noise, seed);
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("kind", generator.wireName());
        echo.put("samples", samples);
        echo.put("features", features);
        if (classes > 0) {
            echo.put("classes", classes);
        }
        echo.put("noise", noise);
        echo.put("seed", seed);
        return new Loaded(data, Map.of("generated", echo));
    }

    private static Loaded builtin(String name, Task task) {
        Builtin builtin = Builtin.named(name);
        if (task == Task.REGRESSION) {
            throw new InvalidSpecException(
                    "builtin",
                    "the built-in sets are classification sets; linear_regression needs real-valued targets "
                            + "(generated kind linear or sparse_linear, or inline data)");
        }
        if (task == Task.BINARY && builtin.classes() != 2) {
            throw new InvalidSpecException(
                    "builtin",
                    "logistic_regression is binary, " + name + " has " + builtin.classes()
                            + " classes: use breast_cancer, or softmax_regression or mlp_classifier");
        }
        return new Loaded(builtin.data(), Map.of("builtin", name));
    }

    private static Loaded inline(Map<String, Object> spec, Task task) {
        ParameterValues values =
                ParameterValues.bind(spec, List.of(INLINE_FEATURES, INLINE_TARGETS, INLINE_CLASSES), List.of());
        double[][] rows = values.matrix("features");
        double[] targets = values.vector("targets");
        List<Violation> violations = new ArrayList<>();
        if (rows.length == 0) {
            throw new InvalidSpecException("features", "must have at least one row (the set is empty)");
        }
        int width = rows[0].length;
        if (width == 0) {
            throw new InvalidSpecException("features[0]", "must have at least one feature");
        }
        for (int i = 1; i < rows.length && violations.size() < MAX_REPORTED; i++) {
            if (rows[i].length != width) {
                violations.add(new Violation(
                        "features[" + i + "]",
                        "must have " + width + " values (as features[0]: rows must not be ragged), had "
                                + rows[i].length));
            }
        }
        if (targets.length != rows.length) {
            violations.add(new Violation(
                    "targets", "must have one value per row of features (" + rows.length + "), had " + targets.length));
        }
        if (rows.length < 2) {
            violations.add(new Violation("features", "must have at least two rows"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidSpecException(violations);
        }
        int classes = 0;
        if (task != Task.REGRESSION) {
            int largest = -1;
            for (int i = 0; i < targets.length && violations.size() < MAX_REPORTED; i++) {
                double label = targets[i];
                if (label != Math.rint(label) || label < 0 || label >= MAX_CLASSES) {
                    violations.add(new Violation(
                            "targets[" + i + "]",
                            "must be a class label, an integer in [0, " + MAX_CLASSES + "), was " + label));
                } else {
                    largest = Math.max(largest, (int) label);
                }
            }
            if (violations.isEmpty()) {
                classes = values.has("classes") ? values.integer("classes") : Math.max(2, largest + 1);
                if (largest >= classes) {
                    violations.add(new Violation(
                            "targets", "labels must be below classes (" + classes + "); the largest is " + largest));
                }
                if (task == Task.BINARY && classes != 2) {
                    violations.add(new Violation(
                            "targets",
                            "logistic_regression needs labels 0 and 1; these have " + classes + " classes "
                                    + "(use softmax_regression or mlp_classifier)"));
                }
            }
        } else if (values.has("classes")) {
            violations.add(new Violation("classes", "applies to classifiers only"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidSpecException(violations);
        }
        double[] x = new double[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, x, i * width, width);
        }
        return new Loaded(new DataSet(x, targets, width, classes), Map.of("inline", spec));
    }
}
