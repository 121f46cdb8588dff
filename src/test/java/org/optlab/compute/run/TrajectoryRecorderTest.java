package org.optlab.compute.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Recording every k-th iterate and the last into arrays sized before the run. */
class TrajectoryRecorderTest {

    @Test
    void capacityHoldsEveryRunThatStopsAtOrBeforeTheBudgetAndIsExactAtTheBudget() {
        for (int budget = 0; budget <= 60; budget++) {
            for (int every = 1; every <= 13; every++) {
                for (int last = 0; last <= budget; last++) {
                    TrajectoryRecorder recorder = new TrajectoryRecorder(2, every, budget);
                    double[] point = {0, 0};
                    for (int t = 0; t <= last; t++) {
                        recorder.onIterate(t, point, t, 0, 0);
                    }
                    recorder.onFinish(last, point, last, 0, 0);
                    Trajectory path = recorder.trajectory();
                    int expected = last / every + 1 + (last % every == 0 ? 0 : 1);
                    assertThat(path.size())
                            .as("T=%d, k=%d, stopped at %d", budget, every, last)
                            .isEqualTo(expected)
                            .isLessThanOrEqualTo(TrajectoryRecorder.capacity(budget, every));
                    if (last == budget) {
                        assertThat(TrajectoryRecorder.capacity(budget, every)).isEqualTo(expected);
                    }
                    assertThat(path.iterations()).hasSize(expected);
                    assertThat(path.iteration(expected - 1)).isEqualTo(last);
                }
            }
        }
    }

    @Test
    void keepsMultiplesOfEveryAndTheLastWithTheirValues() {
        TrajectoryRecorder recorder = new TrajectoryRecorder(2, 3, 10);
        for (int t = 0; t <= 7; t++) {
            recorder.onIterate(t, new double[] {t, -t}, 10.0 * t, t + 0.5, 0.1 * t);
        }
        recorder.onFinish(7, new double[] {7, -7}, 70, 7.5, 0.7);
        Trajectory path = recorder.trajectory();
        assertThat(path.iterations()).containsExactly(0, 3, 6, 7);
        assertThat(path.points()).containsExactly(0, 0, 3, -3, 6, -6, 7, -7);
        assertThat(path.losses()).containsExactly(0, 30, 60, 70);
        assertThat(path.gradientNorms()).containsExactly(0.5, 3.5, 6.5, 7.5);
    }

    @Test
    void iteratesReportedOnlyNowAndThenAreKeptByTheSameRule() {
        TrajectoryRecorder recorder = new TrajectoryRecorder(1, 5, 40);
        double[] point = {0};
        for (int t : new int[] {0, 4, 10, 12, 14, 15, 33, 35, 38}) {
            recorder.onIterate(t, point, t, 0, 0);
        }
        recorder.onFinish(38, point, 38, 0, 0);
        assertThat(recorder.trajectory().iterations()).containsExactly(0, 10, 15, 35, 38);
    }
}
