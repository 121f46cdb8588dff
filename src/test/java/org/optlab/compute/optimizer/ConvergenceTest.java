package org.optlab.compute.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.optlab.compute.Limits;
import org.optlab.compute.run.RunPlan;
import org.optlab.compute.run.RunReport;
import org.optlab.compute.run.RunRequestData;

/**
 * Every optimizer, with reasonable hyperparameters, reaches the minimiser of a quadratic bowl
 * (κ = 10, cosine-annealed) and of the Rosenbrock valley within a fixed budget.
 */
class ConvergenceTest {

    private static RunReport run(
            String objective, String optimizer, double learningRate, String schedule, int iterations) {
        return RunPlan.prepare(
                        new RunRequestData(
                                Map.of("name", objective, "dimension", 2),
                                Map.of("name", optimizer, "learningRate", learningRate),
                                Map.of("name", schedule),
                                null,
                                iterations,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        Limits.defaults())
                .execute(() -> false);
    }

    @ParameterizedTest(name = "{0} with η = {1}")
    @CsvSource({
        "sgd, 0.05",
        "momentum, 0.02",
        "nesterov, 0.02",
        "adagrad, 0.5",
        "rmsprop, 0.01",
        "adam, 0.05",
        "adamw, 0.05",
        "adadelta, 1.0",
        "adamax, 0.05",
        "nadam, 0.05",
        "radam, 0.05",
        "lion, 0.01"
    })
    void convergesOnAQuadraticBowl(String optimizer, double learningRate) {
        // Annealed: sign-like methods (RMSProp, Adam) otherwise hover at a distance of order η.
        RunReport report = run("quadratic", optimizer, learningRate, "cosine", 5000);
        assertThat(report.distanceToOptimum()).as("%s final point", optimizer).isLessThan(1e-3);
    }

    @ParameterizedTest(name = "{0} with η = {1}")
    @CsvSource({
        "sgd, 0.001, 50000",
        "momentum, 0.0005, 20000",
        "nesterov, 0.0005, 20000",
        "adagrad, 0.5, 50000",
        "rmsprop, 0.001, 50000",
        "adam, 0.01, 20000",
        "adamw, 0.01, 20000",
        "adadelta, 0.02, 20000",
        "adamax, 0.01, 20000",
        "nadam, 0.01, 20000",
        "radam, 0.001, 20000",
        "lion, 0.001, 20000"
    })
    void followsTheRosenbrockValleyToItsEnd(String optimizer, double learningRate, int iterations) {
        RunReport report = run("rosenbrock", optimizer, learningRate, "constant", iterations);
        assertThat(report.distanceToOptimum()).as("%s final point", optimizer).isLessThan(0.05);
    }
}
