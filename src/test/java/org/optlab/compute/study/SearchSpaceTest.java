package org.optlab.compute.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.Limits;
import org.optlab.compute.run.RunPlan;
import org.optlab.compute.run.RunRequestData;

/**
 * Where swept values come from and where they go: grid order, seeded random draws on linear, log and
 * integer ranges, and the paths that address optimizer, nested optimizer, schedule and objective
 * parameters.
 */
class SearchSpaceTest {

    private static RunRequestData request(Map<String, Object> optimizer, Map<String, Object> schedule) {
        return new RunRequestData(
                Map.of("name", "rosenbrock"),
                optimizer,
                schedule,
                null,
                100,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void gridIsTheCartesianProductWithTheFirstParameterSlowest() {
        LinkedHashMap<String, List<Object>> axes = new LinkedHashMap<>();
        axes.put("learningRate", List.of(0.1, 0.2, 0.3));
        axes.put("beta", List.of(0.5, 0.9));

        List<Map<String, Object>> points = SearchSpace.grid(axes);

        assertThat(points)
                .containsExactly(
                        Map.of("learningRate", 0.1, "beta", 0.5),
                        Map.of("learningRate", 0.1, "beta", 0.9),
                        Map.of("learningRate", 0.2, "beta", 0.5),
                        Map.of("learningRate", 0.2, "beta", 0.9),
                        Map.of("learningRate", 0.3, "beta", 0.5),
                        Map.of("learningRate", 0.3, "beta", 0.9));
        assertThat(points.get(0).keySet()).containsExactly("learningRate", "beta");
    }

    @Test
    void gridSizeIsTheProductOfTheAxisLengths() {
        LinkedHashMap<String, List<Object>> axes = new LinkedHashMap<>();
        axes.put("a", List.of(1, 2, 3, 4));
        axes.put("b", List.of(1, 2, 3));
        axes.put("c", List.of(1, 2));

        List<Map<String, Object>> points = SearchSpace.grid(axes);

        assertThat(points).hasSize(24).doesNotHaveDuplicates();
        // Row-major: index = ((a·3) + b)·2 + c over zero-based positions.
        assertThat(points.get(((2 * 3) + 1) * 2 + 1)).isEqualTo(Map.of("a", 3, "b", 2, "c", 2));
        assertThat(points.get(23)).isEqualTo(Map.of("a", 4, "b", 3, "c", 2));
    }

    @Test
    void randomDrawsAreSeeded() {
        Map<String, SearchSpace.Range> ranges = new LinkedHashMap<>();
        ranges.put("learningRate", new SearchSpace.Range(1e-4, 1, true, false));
        ranges.put("beta1", new SearchSpace.Range(0.5, 0.99, false, false));

        List<Map<String, Object>> first = SearchSpace.random(ranges, 20, 7);
        List<Map<String, Object>> again = SearchSpace.random(ranges, 20, 7);
        List<Map<String, Object>> other = SearchSpace.random(ranges, 20, 8);

        assertThat(again).isEqualTo(first);
        assertThat(first).hasSize(20).doesNotHaveDuplicates();
        assertThat(other).hasSize(20);
        for (int i = 0; i < 20; i++) {
            assertThat(other.get(i)).as("draw %d with another seed", i).isNotEqualTo(first.get(i));
        }
        assertThat(SearchSpace.random(ranges, 5, 7))
                .as("a prefix of the same stream")
                .isEqualTo(first.subList(0, 5));
    }

    @Test
    void linearDrawsAreUniformInsideTheRange() {
        double[] values = draws(new SearchSpace.Range(-2, 6, false, false), 20_001, 1);

        assertThat(Arrays.stream(values).boxed()).allSatisfy(v -> assertThat(v).isBetween(-2.0, 6.0));
        assertThat(median(values)).isCloseTo(2.0, within(0.15));
        assertThat(mean(values)).isCloseTo(2.0, within(0.1));
        assertThat(Arrays.stream(values).min().orElseThrow()).isLessThan(-1.99);
        assertThat(Arrays.stream(values).max().orElseThrow()).isGreaterThan(5.99);
    }

    @Test
    void logDrawsAreUniformOnALogScale() {
        double[] values = draws(new SearchSpace.Range(1e-4, 1, true, false), 20_001, 2);

        assertThat(Arrays.stream(values).boxed()).allSatisfy(v -> assertThat(v).isBetween(1e-4, 1.0));
        // Log-uniform on [1e-4, 1]: the median is the geometric mean 1e-2, far below the midpoint 0.5.
        assertThat(Math.log10(median(values))).isCloseTo(-2.0, within(0.06));
        double[] logs = Arrays.stream(values).map(Math::log10).toArray();
        assertThat(mean(logs)).isCloseTo(-2.0, within(0.05));
        long perDecade = Arrays.stream(logs).filter(l -> l < -3).count();
        assertThat(perDecade / (double) values.length).isCloseTo(0.25, within(0.02));
    }

    @Test
    void integerRangesGiveIntsWithinTheBounds() {
        List<Map<String, Object>> points =
                SearchSpace.random(Map.of("warmupSteps", new SearchSpace.Range(1, 10, false, true)), 2000, 3);

        TreeSet<Integer> seen = new TreeSet<>();
        for (Map<String, Object> point : points) {
            assertThat(point.get("warmupSteps")).isInstanceOf(Integer.class);
            int value = (Integer) point.get("warmupSteps");
            assertThat(value).isBetween(1, 10);
            seen.add(value);
        }
        assertThat(seen).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void integerLogRangesStayWithinTheBounds() {
        List<Map<String, Object>> points =
                SearchSpace.random(Map.of("stepSize", new SearchSpace.Range(1, 1000, true, true)), 2000, 4);

        assertThat(points)
                .allSatisfy(p -> assertThat((Integer) p.get("stepSize")).isBetween(1, 1000));
        long below32 =
                points.stream().filter(p -> (Integer) p.get("stepSize") < 32).count();
        assertThat(below32 / 2000.0).as("half the mass below √1000 ≈ 31.6").isCloseTo(0.5, within(0.05));
    }

    @Test
    void rangeInvariantsAreCheckedWhereItIsBuilt() {
        assertThatThrownBy(() -> new SearchSpace.Range(2, 1, false, false)).isInstanceOf(InvalidSpecException.class);
        assertThatThrownBy(() -> new SearchSpace.Range(Double.NaN, 1, false, false))
                .isInstanceOf(InvalidSpecException.class);
        assertThatThrownBy(() -> new SearchSpace.Range(0, 1, true, false))
                .isInstanceOfSatisfying(
                        InvalidSpecException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("min"));
    }

    @Test
    void plainNameAddressesTheOptimizer() {
        RunRequestData base = request(Map.of("name", "adam"), null);

        RunRequestData swept = SearchSpace.apply(base, Map.of("learningRate", 0.03, "optimizer.beta1", 0.8));

        assertThat(swept.optimizer()).containsEntry("learningRate", 0.03).containsEntry("beta1", 0.8);
        assertThat(swept.objective()).isEqualTo(base.objective());
        assertThat(base.optimizer()).doesNotContainKey("learningRate");
        Map<?, ?> resolved =
                (Map<?, ?>) RunPlan.prepare(swept, Limits.defaults()).resolved().get("optimizer");
        assertThat(resolved.get("learningRate")).isEqualTo(0.03);
        assertThat(resolved.get("beta1")).isEqualTo(0.8);
    }

    @Test
    void schedulePathAddressesTheSchedule() {
        RunRequestData base = request(Map.of("name", "adam"), Map.of("name", "warmup_cosine", "warmupSteps", 10));

        RunRequestData swept = SearchSpace.apply(base, Map.of("schedule.warmupSteps", 25));

        assertThat(swept.schedule()).containsEntry("name", "warmup_cosine").containsEntry("warmupSteps", 25);
        assertThat(base.schedule()).containsEntry("warmupSteps", 10);
        Map<?, ?> resolved =
                (Map<?, ?>) RunPlan.prepare(swept, Limits.defaults()).resolved().get("schedule");
        assertThat(resolved.get("warmupSteps")).isEqualTo(25);
    }

    @Test
    void nestedOptimizerPathAddressesTheInnerSpec() {
        Map<String, Object> first = new LinkedHashMap<>(Map.of("name", "adam", "learningRate", 0.01));
        Map<String, Object> then = new LinkedHashMap<>(Map.of("name", "sgd", "learningRate", 0.001));
        Map<String, Object> optimizer = new LinkedHashMap<>();
        optimizer.put("name", "switch");
        optimizer.put("first", first);
        optimizer.put("then", then);
        optimizer.put("atIteration", 50);
        RunRequestData base = request(optimizer, null);

        RunRequestData swept = SearchSpace.apply(base, Map.of("optimizer.first.learningRate", 0.2));

        assertThat(((Map<?, ?>) swept.optimizer().get("first")).get("learningRate"))
                .isEqualTo(0.2);
        assertThat(((Map<?, ?>) swept.optimizer().get("then")).get("learningRate"))
                .isEqualTo(0.001);
        assertThat(first).as("the base request's nested spec is untouched").containsEntry("learningRate", 0.01);
        Map<?, ?> resolved =
                (Map<?, ?>) RunPlan.prepare(swept, Limits.defaults()).resolved().get("optimizer");
        assertThat(((Map<?, ?>) resolved.get("first")).get("learningRate")).isEqualTo(0.2);
    }

    @Test
    void objectivePathAddressesTheObjective() {
        RunRequestData base = request(Map.of("name", "adam"), null);

        RunRequestData swept = SearchSpace.apply(base, Map.of("objective.b", 10.0));

        assertThat(swept.objective()).containsEntry("name", "rosenbrock").containsEntry("b", 10.0);
        assertThat(swept.optimizer()).isEqualTo(base.optimizer());
        // f(-1.2, 1) = (1 + 1.2)² + b·(1 − 1.44)² = 4.84 + 0.1936·b
        double start = RunPlan.prepare(swept, Limits.defaults())
                .execute(() -> false)
                .trajectory()
                .losses()[0];
        assertThat(start).isCloseTo(4.84 + 1.936, within(1e-12));
    }

    @Test
    void schedulePathWithoutAScheduleIsRejected() {
        RunRequestData base = request(Map.of("name", "adam"), null);

        assertThatThrownBy(() -> SearchSpace.apply(base, Map.of("schedule.warmupSteps", 10)))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
                    assertThat(e.violations()).hasSize(1);
                    assertThat(e.violations().get(0).field()).isEqualTo("schedule.warmupSteps");
                    assertThat(e.violations().get(0).message()).contains("no schedule");
                });
    }

    @Test
    void pathThroughAParameterThatIsNotASpecIsRejected() {
        RunRequestData base = request(Map.of("name", "adam"), null);

        assertThatThrownBy(() -> SearchSpace.apply(base, Map.of("optimizer.first.learningRate", 0.1)))
                .isInstanceOfSatisfying(
                        InvalidSpecException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("optimizer.first.learningRate"));
        assertThatThrownBy(() -> SearchSpace.apply(base, Map.of("optimizer", 0.1)))
                .isInstanceOf(InvalidSpecException.class);
    }

    private static double[] draws(SearchSpace.Range range, int count, long seed) {
        return SearchSpace.random(Map.of("v", range), count, seed).stream()
                .mapToDouble(p -> (Double) p.get("v"))
                .toArray();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }
}
