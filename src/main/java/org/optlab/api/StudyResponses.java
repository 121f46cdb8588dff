package org.optlab.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.optlab.compute.study.Comparison;
import org.optlab.compute.study.Landscape;
import org.optlab.compute.study.Sweep;
import org.optlab.compute.study.TrialResult;

/** Response bodies of comparisons, sweeps and landscapes. */
public final class StudyResponses {

    private StudyResponses() {}

    /** What tuning chose for one optimizer. */
    public record Tuning(
            @Schema(description = "The chosen values.") Map<String, Object> chosen,

            @Schema(description = "The best trial's final loss.")
            Double bestTrialLoss,

            String bestTrialStatus,
            int trials) {

        static Tuning of(Comparison.Tuned tuned) {
            return tuned == null
                    ? null
                    : new Tuning(
                            tuned.chosen(),
                            tuned.bestTrialLoss(),
                            tuned.bestTrialStatus().wireName(),
                            tuned.trials());
        }
    }

    /** One optimizer's run in a comparison: its label, the run result's fields, and its tuning. */
    public record LabeledRun(String label, @JsonUnwrapped RunResponse run, Tuning tuning) {}

    /**
     * One line of a ranking, best first. Over data, also the final validation loss and (classifiers)
     * validation accuracy, which the ranking does not use: it ranks by the final training loss.
     */
    public record Rank(
            int rank,
            String label,
            Double finalLoss,
            int iterations,
            String status,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double finalValidationLoss,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double finalValidationAccuracy) {}

    public record ComparisonResponse(List<LabeledRun> results, List<Rank> ranking) {

        static ComparisonResponse of(Comparison.Result result) {
            List<LabeledRun> runs = result.entries().stream()
                    .map(e -> new LabeledRun(e.label(), RunResponse.of(e.report(), e.plan()), Tuning.of(e.tuning())))
                    .toList();
            Map<String, RunResponse.Training> training = new java.util.HashMap<>();
            for (LabeledRun run : runs) {
                if (run.run().training() != null) {
                    training.putIfAbsent(run.label(), run.run().training());
                }
            }
            List<Rank> ranking = new java.util.ArrayList<>();
            for (int i = 0; i < result.ranking().size(); i++) {
                Comparison.Rank r = result.ranking().get(i);
                RunResponse.Training data = training.get(r.label());
                ranking.add(new Rank(
                        i + 1,
                        r.label(),
                        r.finalLoss(),
                        r.iterations(),
                        r.status().wireName(),
                        data == null ? null : finite(data.finalValidationLoss()),
                        data == null ? null : finite(data.finalValidationAccuracy())));
            }
            return new ComparisonResponse(runs, ranking);
        }
    }

    private static Double finite(Double value) {
        return value == null || !Double.isFinite(value) ? null : value;
    }

    /** One trial of a sweep. */
    public record Trial(
            Map<String, Object> parameters,
            Double finalLoss,
            String status,
            int iterations,
            long computeNanos,

            @Schema(description = "The iterations it was given (smaller on early rungs of halving).")
            int budget) {

        static Trial of(TrialResult r) {
            return new Trial(
                    r.parameters(), r.finalLoss(), r.status().wireName(), r.iterations(), r.computeNanos(), r.budget());
        }
    }

    /** The best trial, with its full run. */
    public record Best(
            Map<String, Object> parameters, Double finalLoss, String status, int iterations, RunResponse run) {}

    /** A grid axis. */
    public record Axis(String parameter, List<Object> values) {}

    /** A grid sweep's losses in grid order: enough to draw an α/β phase diagram. */
    public record Grid(
            List<Axis> axes,

            @Schema(description = "The number of values of each axis.")
            int[] shape,

            @Schema(description = "Final losses, row-major (first axis slowest).")
            double[] finalLosses,

            @Schema(description = "For two axes: finalLosses as rows (first axis) of columns (second axis).")
            double[][] matrix) {}

    public record SweepResponse(
            @Schema(description = "Every trial, best first.")
            List<Trial> trials,

            Best best,

            @Schema(description = "Present for grid searches.")
            Grid grid,

            @Schema(description = "Rungs run (1 except for halving).")
            int rungs) {

        static SweepResponse of(Sweep.Result result) {
            List<Trial> trials = result.trials().stream().map(Trial::of).toList();
            TrialResult b = result.best();
            Best best = new Best(
                    b.parameters(),
                    result.bestRun().outcome().finalLoss(),
                    result.bestRun().outcome().status().wireName(),
                    result.bestRun().outcome().iterations(),
                    RunResponse.of(result.bestRun(), result.bestPlan()));
            Grid grid = null;
            if (result.gridLosses() != null) {
                List<Axis> axes = result.axes().stream()
                        .map(a -> new Axis(a.parameter(), a.values()))
                        .toList();
                int[] shape = axes.stream().mapToInt(a -> a.values().size()).toArray();
                double[][] matrix = null;
                if (shape.length == 2) {
                    matrix = new double[shape[0]][shape[1]];
                    for (int i = 0; i < shape[0]; i++) {
                        System.arraycopy(result.gridLosses(), i * shape[1], matrix[i], 0, shape[1]);
                    }
                }
                grid = new Grid(axes, shape, result.gridLosses(), matrix);
            }
            return new SweepResponse(trials, best, grid, result.rungs());
        }
    }

    /** An objective on a grid: {@code values[j][i] = f(x[i], y[j])}; non-finite values are null. */
    public record LandscapeResponse(
            double[] x, double[] y, double[][] values, Double min, Double max, Map<String, Object> objective) {

        static LandscapeResponse of(Landscape landscape, Map<String, Object> objective) {
            return new LandscapeResponse(
                    landscape.x(), landscape.y(), landscape.values(), landscape.min(), landscape.max(), objective);
        }
    }
}
