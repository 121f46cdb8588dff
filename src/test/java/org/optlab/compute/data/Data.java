package org.optlab.compute.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optlab.compute.Limits;
import org.optlab.compute.objective.ObjectiveKind;
import org.optlab.compute.objective.Objectives;
import org.optlab.compute.param.ParameterValues;
import org.optlab.compute.run.RunPlan;
import org.optlab.compute.run.RunReport;
import org.optlab.compute.run.RunRequestData;

/** Builders shared by the data-objective tests. */
final class Data {

    private Data() {}

    /** An ordered map from alternating keys and values. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static DataObjective objective(Map<String, Object> spec) {
        ObjectiveKind kind = Objectives.find((String) spec.get("name")).orElseThrow();
        ParameterValues values = ParameterValues.bind(spec, kind.entry().parameters(), List.of("name"));
        return (DataObjective) kind.create(values);
    }

    static Map<String, Object> generated(String kind, Object... more) {
        Map<String, Object> generated = map("kind", kind);
        generated.putAll(map(more));
        return map("generated", generated);
    }

    static Map<String, Object> inline(double[][] features, double[] targets) {
        List<List<Double>> rows = new ArrayList<>();
        for (double[] row : features) {
            List<Double> values = new ArrayList<>();
            for (double v : row) {
                values.add(v);
            }
            rows.add(values);
        }
        List<Double> labels = new ArrayList<>();
        for (double t : targets) {
            labels.add(t);
        }
        return map("inline", map("features", rows, "targets", labels));
    }

    static RunRequestData request(
            Map<String, Object> objective,
            Map<String, Object> optimizer,
            Map<String, Object> schedule,
            int iterations,
            Integer recordEvery,
            Double noise,
            Double gradientNormBelow,
            Long seed) {
        return new RunRequestData(
                objective,
                optimizer,
                schedule,
                null,
                iterations,
                gradientNormBelow,
                null,
                null,
                null,
                noise,
                null,
                recordEvery,
                seed);
    }

    static RunRequestData request(Map<String, Object> objective, Map<String, Object> optimizer, int iterations) {
        return request(objective, optimizer, null, iterations, null, null, null, null);
    }

    static RunReport run(RunRequestData request) {
        return RunPlan.prepare(request, Limits.defaults()).execute(() -> false);
    }
}
