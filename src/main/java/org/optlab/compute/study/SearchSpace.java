package org.optlab.compute.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.param.ParameterValues;
import org.optlab.compute.run.RunRequestData;

/**
 * Where swept values go. A name without a prefix is an optimizer parameter ({@code learningRate}),
 * {@code schedule.x} a schedule parameter, {@code optimizer.first.learningRate} a parameter of a
 * nested optimizer, {@code objective.x} an objective parameter.
 */
public final class SearchSpace {

    private SearchSpace() {}

    /** A numeric range for random search and halving. */
    public record Range(double min, double max, boolean log, boolean integer) {

        public Range {
            if (!(Double.isFinite(min) && Double.isFinite(max)) || min > max) {
                throw new InvalidSpecException("", "must have finite min ≤ max");
            }
            if (log && min <= 0) {
                throw new InvalidSpecException("min", "must be > 0 on a log scale");
            }
        }

        /** The value at u ∈ [0, 1). */
        Object at(double u) {
            double value = log ? Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min))) : min + u * (max - min);
            if (integer) {
                long rounded = Math.round(value);
                return (int) Math.max(Math.round(min), Math.min(Math.round(max), rounded));
            }
            return value;
        }
    }

    /** The request with each parameter of {@code assignment} set at its path. */
    public static RunRequestData apply(RunRequestData base, Map<String, Object> assignment) {
        Map<String, Object> objective = deepCopy(base.objective());
        Map<String, Object> optimizer = deepCopy(base.optimizer());
        Map<String, Object> schedule = base.schedule() == null ? null : deepCopy(base.schedule());
        for (Map.Entry<String, Object> entry : assignment.entrySet()) {
            String path = entry.getKey();
            String[] parts = path.split("\\.");
            Map<String, Object> target;
            int from;
            switch (parts[0]) {
                case "schedule" -> {
                    if (schedule == null) {
                        throw new InvalidSpecException(
                                path, "sweeps a schedule parameter, but the request has no schedule");
                    }
                    target = schedule;
                    from = 1;
                }
                case "objective" -> {
                    target = objective;
                    from = 1;
                }
                case "optimizer" -> {
                    target = optimizer;
                    from = 1;
                }
                default -> {
                    target = optimizer;
                    from = 0;
                }
            }
            if (from >= parts.length) {
                throw new InvalidSpecException(path, "names no parameter");
            }
            for (int i = from; i < parts.length - 1; i++) {
                Object child = target.get(parts[i]);
                if (!(child instanceof Map<?, ?>)) {
                    throw new InvalidSpecException(path, "'" + parts[i] + "' is not a nested spec of the request");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> nested = (Map<String, Object>) child;
                target = nested;
            }
            target.put(parts[parts.length - 1], entry.getValue());
        }
        return new RunRequestData(
                objective,
                optimizer,
                schedule,
                base.initialPoint(),
                base.iterations(),
                base.gradientNormBelow(),
                base.lossBelow(),
                base.timeLimitMillis(),
                base.gradientClipNorm(),
                base.noiseStddev(),
                base.noiseDecay(),
                base.recordEvery(),
                base.seed(),
                base.parallel());
    }

    /** The same request with another budget and recording. */
    static RunRequestData withBudget(RunRequestData base, int iterations, Integer recordEvery) {
        return new RunRequestData(
                base.objective(),
                base.optimizer(),
                base.schedule(),
                base.initialPoint(),
                iterations,
                base.gradientNormBelow(),
                base.lossBelow(),
                base.timeLimitMillis(),
                base.gradientClipNorm(),
                base.noiseStddev(),
                base.noiseDecay(),
                recordEvery,
                base.seed(),
                base.parallel());
    }

    /** The cartesian product, the first parameter varying slowest. */
    public static List<Map<String, Object>> grid(Map<String, List<Object>> axes) {
        List<Map<String, Object>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Object>> axis : axes.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> point : points) {
                for (Object value : axis.getValue()) {
                    Map<String, Object> extended = new LinkedHashMap<>(point);
                    extended.put(axis.getKey(), value);
                    next.add(extended);
                }
            }
            points = next;
        }
        return points;
    }

    /** {@code trials} points drawn uniformly (or log-uniformly) from the ranges, from {@code seed}. */
    public static List<Map<String, Object>> random(Map<String, Range> ranges, int trials, long seed) {
        Uniform uniform = new Uniform(seed);
        List<Map<String, Object>> points = new ArrayList<>(trials);
        for (int t = 0; t < trials; t++) {
            Map<String, Object> point = new LinkedHashMap<>();
            ranges.forEach((name, range) -> point.put(name, range.at(uniform.next())));
            points.add(point);
        }
        return points;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) ->
                copy.put(key, value instanceof Map<?, ?> nested ? deepCopy((Map<String, Object>) nested) : value));
        return copy;
    }

    /** Describes a value for messages. */
    static String describe(Object value) {
        return ParameterValues.describe(value);
    }

    /** SplitMix64 uniforms in [0, 1), the same on every JVM. */
    static final class Uniform {
        private long state;

        Uniform(long seed) {
            state = seed ^ 0x5DEECE66DL;
        }

        double next() {
            long z = (state += 0x9E3779B97F4A7C15L);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z = z ^ (z >>> 31);
            return (z >>> 11) * 0x1.0p-53;
        }
    }
}
