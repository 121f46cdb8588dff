package org.optlab.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optlab.compute.optimizer.OptimizerKind;
import org.optlab.compute.optimizer.Optimizers;
import org.optlab.compute.run.RunPlan;
import org.optlab.compute.run.RunReport;
import org.optlab.compute.run.RunRequestData;
import org.optlab.compute.run.RunStatus;
import org.optlab.compute.run.Trajectory;
import org.optlab.compute.schedule.ScheduleKind;
import org.optlab.compute.schedule.Schedules;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every optimizer, option and schedule against trajectories made by PyTorch's {@code torch.optim}
 * (and, for the lecture's momentum and Nesterov forms, by a direct transcription of the lecture's
 * code). The fixtures ({@code trajectories*.json}, all in one format) and the scripts that generated
 * them are in {@code src/test/resources/reference}. A case's {@code request} is a run request; its
 * {@code points} are w_0 … w_T.
 */
class ReferenceTrajectoryTest {

    /** Relative tolerance per coordinate; an absolute floor for coordinates near zero. */
    private static final double RELATIVE = 1e-9;

    private static final double ABSOLUTE = 1e-12;

    /** Every {@code trajectories*.json} in {@code src/test/resources/reference}, in name order. */
    static List<Path> fixtureFiles() throws IOException {
        try {
            Path folder = Path.of(
                    ReferenceTrajectoryTest.class.getResource("/reference").toURI());
            try (Stream<Path> files = Files.list(folder)) {
                return files.filter(f -> f.getFileName().toString().matches("trajectories.*\\.json"))
                        .sorted()
                        .toList();
            }
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> cases() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<Arguments> all = new ArrayList<>();
        for (Path file : fixtureFiles()) {
            try (InputStream in = Files.newInputStream(file)) {
                Map<String, Object> fixture = json.readValue(in, Map.class);
                for (Map<String, Object> c : (List<Map<String, Object>>) fixture.get("cases")) {
                    all.add(Arguments.of(c.get("id"), c.get("reference"), c));
                }
            }
        }
        return all.stream();
    }

    @Test
    void fixturesCoverEveryOptimizerAndSchedule() throws IOException {
        List<String> optimizers =
                cases().map(a -> optimizerName(a.get()[2])).distinct().toList();
        assertThat(optimizers)
                .containsAll(Optimizers.all().stream()
                        .filter(kind -> kind.nestedOptimizers().isEmpty()) // composites: CompositeTest
                        .map(OptimizerKind::name)
                        .toList());
        List<String> schedules =
                cases().map(a -> scheduleName(a.get()[2])).distinct().toList();
        assertThat(schedules)
                .containsAll(Schedules.all().stream().map(ScheduleKind::name).toList());
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void matchesReference(String id, String reference, Map<String, Object> fixture) {
        Map<String, Object> request = (Map<String, Object>) fixture.get("request");
        List<List<Number>> expected = (List<List<Number>>) fixture.get("points");
        List<Number> expectedLosses = (List<Number>) fixture.get("losses");
        List<Number> start = (List<Number>) request.get("initialPoint");
        int iterations = ((Number) request.get("iterations")).intValue();

        RunPlan plan = RunPlan.prepare(
                new RunRequestData(
                        (Map<String, Object>) request.get("objective"),
                        (Map<String, Object>) request.get("optimizer"),
                        (Map<String, Object>) request.get("schedule"),
                        start.stream().mapToDouble(Number::doubleValue).toArray(),
                        iterations,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        1,
                        null),
                Limits.defaults());
        RunReport report = plan.execute(() -> false);

        assertThat(report.outcome().status()).isEqualTo(RunStatus.MAX_ITERATIONS);
        Trajectory path = report.trajectory();
        assertThat(path.size()).isEqualTo(expected.size()).isEqualTo(iterations + 1);
        for (int i = 0; i < path.size(); i++) {
            List<Number> point = expected.get(i);
            for (int j = 0; j < point.size(); j++) {
                assertClose(
                        id,
                        "w_" + i + "[" + j + "]",
                        path.coordinate(i, j),
                        point.get(j).doubleValue());
            }
            assertClose(
                    id,
                    "f(w_" + i + ")",
                    path.losses()[i],
                    expectedLosses.get(i).doubleValue());
        }
    }

    private static void assertClose(String id, String what, double actual, double expected) {
        double tolerance = RELATIVE * Math.abs(expected) + ABSOLUTE;
        assertThat(Math.abs(actual - expected))
                .as("%s: %s = %s, reference %s", id, what, actual, expected)
                .isLessThanOrEqualTo(tolerance);
    }

    @SuppressWarnings("unchecked")
    private static String optimizerName(Object fixture) {
        Map<String, Object> request = (Map<String, Object>) ((Map<String, Object>) fixture).get("request");
        return (String) ((Map<String, Object>) request.get("optimizer")).get("name");
    }

    @SuppressWarnings("unchecked")
    private static String scheduleName(Object fixture) {
        Map<String, Object> request = (Map<String, Object>) ((Map<String, Object>) fixture).get("request");
        Map<String, Object> schedule = (Map<String, Object>) request.get("schedule");
        return schedule == null ? "constant" : (String) schedule.get("name");
    }
}
