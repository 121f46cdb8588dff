package org.optlab.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.optlab.compute.objective.Optimum;
import org.optlab.compute.run.DataMetrics;
import org.optlab.compute.run.ParallelSummary;
import org.optlab.compute.run.RunOutcome;
import org.optlab.compute.run.RunPlan;
import org.optlab.compute.run.RunReport;
import org.optlab.compute.run.Trajectory;

/** The result of a run. Non-finite numbers are written as null. */
@Schema(description = "The result of a run. Non-finite numbers (a diverged run's loss) are null.")
public record RunResponse(
        @Schema(description = "A fresh identifier of this response.")
        String id,

        @Schema(
                description = "How the run ended.",
                allowableValues = {"converged", "max_iterations", "diverged", "time_limit"})
        String status,

        @Schema(description = "Update steps taken.") int iterations,
        double[] finalPoint,
        Double finalLoss,
        Double finalGradientNorm,

        @Schema(description = "The objective's known global minimisers and minimum, or null.")
        OptimumView optimum,

        @Schema(description = "Distance from finalPoint to the nearest known minimiser, or null.")
        Double distanceToOptimum,

        Path path,

        @Schema(
                description = "The Hessian's eigenvalues at finalPoint and its condition number max|λ|/min|λ| "
                        + "(dimension ≤ 64; null otherwise or when not finite).")
        CurvatureView finalCurvature,

        @Schema(
                description = "The optimizer of each stretch of the run: one entry, or one per hand-over of a "
                        + "switch that the run reached.")
        List<RunPlan.Phase> phases,

        Timing timing,

        @Schema(description = "The request with every default filled in.")
        Map<String, Object> resolved,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description = "Objectives over data only (absent otherwise): the final validation loss and "
                        + "accuracies, the epochs run and the sizes of the data.")
        Training training,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description = "Data-parallel runs only (absent otherwise): workers, mode, the effective batch, "
                        + "per worker its shard, batch, samples seen and updates applied, the parameter "
                        + "averagings done (local state) and the staleness seen (asynchronous: mean, max, "
                        + "histogram over 0…staleness.max).")
        ParallelSummary parallel) {

    /** Known minimisers and the minimum. */
    public record OptimumView(List<double[]> points, double loss) {}

    /** The curvature at the final point. */
    public record CurvatureView(
            double[] eigenvalues, Double conditionNumber, boolean positiveDefinite, String method) {}

    /**
     * The recorded iterates: entry i of every array belongs to iteration iterations[i]. For
     * objectives over data, {@code losses} are full training-set losses and the validation arrays
     * are present (absent for other objectives); accuracies only for classifiers. Holds the run's
     * own arrays, not copies; {@code points} is written row by row.
     */
    public record Path(
            int[] iterations,

            @Schema(
                    implementation = double[][].class,
                    description = "The recorded points, one array of coordinates per iterate.")
            PathPoints points,

            double[] losses,
            double[] gradientNorms,
            double[] learningRates,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "Objectives over data: the mean loss on the validation set (no penalty).")
            double[] validationLosses,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "Classifiers: the fraction of training samples classified correctly.")
            double[] trainAccuracies,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "Classifiers: the fraction of validation samples classified correctly.")
            double[] validationAccuracies) {}

    /** The end of a run over data. Accuracies are null for regression; validation values without a validation set. */
    public record Training(
            @Schema(description = "Passes over the training set: steps / ⌈N/B⌉.")
            double epochs,

            int trainingSamples,
            int validationSamples,
            int batchSize,
            Double finalValidationLoss,
            Double finalTrainAccuracy,
            Double finalValidationAccuracy) {

        static Training of(DataMetrics data) {
            return data == null
                    ? null
                    : new Training(
                            data.epochs(),
                            data.trainingSamples(),
                            data.validationSamples(),
                            data.batchSize(),
                            data.finalValidationLoss(),
                            data.finalTrainAccuracy(),
                            data.finalValidationAccuracy());
        }
    }

    /** Server-side time of the optimization loop. */
    public record Timing(
            @Schema(description = "Wall-clock nanoseconds of the loop.")
            long computeNanos,

            double nanosPerIteration,

            @Schema(
                    description = "Gradients computed, look-ahead ones included. Over data with minibatches: "
                            + "every minibatch gradient plus every full training-set evaluation (one per "
                            + "recorded iterate).")
            long gradientEvaluations) {}

    private static CurvatureView curvature(RunReport report) {
        var c = report.finalCurvature();
        return c == null
                ? null
                : new CurvatureView(c.eigenvalues(), c.conditionNumber(), c.positiveDefinite(), c.method());
    }

    public static RunResponse of(RunReport report, RunPlan plan) {
        int done = report.outcome().iterations();
        List<RunPlan.Phase> phases = plan.phases().stream()
                .filter(phase -> phase.fromIteration() == 0 || phase.fromIteration() < done)
                .toList();
        return of(report, plan.resolved(), phases);
    }

    static RunResponse of(RunReport report, Map<String, Object> resolved, List<RunPlan.Phase> phases) {
        RunOutcome outcome = report.outcome();
        Trajectory trajectory = report.trajectory();
        Optimum optimum = report.optimum();
        DataMetrics data = report.data();
        boolean classifier = data != null && data.classifier();
        return new RunResponse(
                UUID.randomUUID().toString(),
                outcome.status().wireName(),
                outcome.iterations(),
                outcome.finalPoint(),
                outcome.finalLoss(),
                outcome.finalGradientNorm(),
                optimum == null ? null : new OptimumView(optimum.points(), optimum.loss()),
                report.distanceToOptimum(),
                new Path(
                        trajectory.iterations(),
                        new PathPoints(trajectory.points(), trajectory.dimension(), trajectory.size()),
                        trajectory.losses(),
                        trajectory.gradientNorms(),
                        trajectory.learningRates(),
                        data == null ? null : data.validationLosses(),
                        classifier ? data.trainAccuracies() : null,
                        classifier ? data.validationAccuracies() : null),
                curvature(report),
                phases,
                new Timing(outcome.computeNanos(), outcome.nanosPerIteration(), outcome.gradientEvaluations()),
                resolved,
                Training.of(data),
                report.parallel());
    }
}
