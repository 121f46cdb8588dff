package org.optlab.compute.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optlab.compute.InvalidSpecException;

/** The closed forms of the schedules at hand-computed points. */
class ScheduleTest {

    @Test
    void constant() {
        LearningRateSchedule s = Schedules.build("constant", Map.of(), 0.1, 100);
        assertThat(s.learningRate(0)).isEqualTo(0.1);
        assertThat(s.learningRate(99)).isEqualTo(0.1);
    }

    @Test
    void stepDecaysEveryStepSize() {
        LearningRateSchedule s = Schedules.build("step", Map.of("stepSize", 10, "gamma", 0.5), 1.0, 100);
        assertThat(s.learningRate(0)).isEqualTo(1.0);
        assertThat(s.learningRate(9)).isEqualTo(1.0);
        assertThat(s.learningRate(10)).isEqualTo(0.5);
        assertThat(s.learningRate(25)).isEqualTo(0.25);
    }

    @Test
    void exponential() {
        LearningRateSchedule s = Schedules.build("exponential", Map.of("gamma", 0.9), 2.0, 100);
        assertThat(s.learningRate(3)).isCloseTo(2.0 * 0.729, offset(1e-15));
    }

    @Test
    void cosineFallsToTheMinimumAndStays() {
        LearningRateSchedule s = Schedules.build("cosine", Map.of("minLearningRate", 0.1), 1.1, 100);
        assertThat(s.learningRate(0)).isEqualTo(1.1);
        assertThat(s.learningRate(50)).isCloseTo(0.6, offset(1e-15));
        assertThat(s.learningRate(100)).isCloseTo(0.1, offset(1e-15));
        LearningRateSchedule shortPeriod = Schedules.build("cosine", Map.of("period", 10), 1.0, 100);
        assertThat(shortPeriod.learningRate(10)).isCloseTo(0.0, offset(1e-15));
        assertThat(shortPeriod.learningRate(70)).isCloseTo(0.0, offset(1e-15));
    }

    @Test
    void warmupRisesLinearlyThenFollowsTheCosine() {
        LearningRateSchedule s = Schedules.build("warmup_cosine", Map.of("warmupSteps", 4), 1.0, 104);
        assertThat(s.learningRate(0)).isEqualTo(0.25);
        assertThat(s.learningRate(3)).isEqualTo(1.0);
        assertThat(s.learningRate(4)).isEqualTo(1.0);
        assertThat(s.learningRate(54)).isCloseTo(0.5, offset(1e-15));
        assertThat(s.learningRate(104)).isCloseTo(0.0, offset(1e-15));
    }

    @Test
    void requiredParametersAndBoundsAreEnforced() {
        assertThatThrownBy(() -> Schedules.build("step", Map.of(), 1.0, 10))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("stepSize");
        assertThatThrownBy(() -> Schedules.build("exponential", Map.of("gamma", 0), 1.0, 10))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("gamma");
        assertThatThrownBy(() -> Schedules.build("warmup_cosine", Map.of("warmupSteps", 0), 1.0, 10))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("warmupSteps");
    }
}
