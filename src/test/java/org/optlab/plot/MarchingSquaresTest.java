package org.optlab.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarchingSquaresTest {

    private static double[] linspace(double from, double to, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = from + (to - from) * i / (count - 1);
        }
        return values;
    }

    private static double[][] sample(double[] x, double[] y, DoubleBinaryOperator f) {
        double[][] values = new double[y.length][x.length];
        for (int j = 0; j < y.length; j++) {
            for (int i = 0; i < x.length; i++) {
                values[j][i] = f.applyAsDouble(x[i], y[j]);
            }
        }
        return values;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.25, 1.0, 2.25, 3.61})
    void circleContoursOfTheSquaredNormLieOnTheRightRadius(double level) {
        double[] x = linspace(-2, 2, 81);
        double[] y = linspace(-2, 2, 81);
        List<MarchingSquares.Line> lines = MarchingSquares.trace(x, y, sample(x, y, (a, b) -> a * a + b * b), level);

        assertThat(lines).hasSize(1);
        MarchingSquares.Line circle = lines.get(0);
        assertThat(circle.closed()).isTrue();
        double radius = Math.sqrt(level);
        // Linear interpolation of r² along a cell edge of width h = 0.05 errs by at most h²/(8r).
        double tolerance = 0.05 * 0.05 / (8 * radius) + 1e-12;
        for (int k = 0; k < circle.size(); k++) {
            assertThat(Math.hypot(circle.xs()[k], circle.ys()[k])).isCloseTo(radius, within(tolerance));
        }
        // The loop goes all the way round: points in every quadrant, about 2πr/h of them.
        assertThat(circle.size())
                .isBetween((int) (2 * Math.PI * radius / 0.05), (int) (4 * 2 * Math.PI * radius / 0.05));
        double enclosed = Math.abs(shoelace(circle));
        assertThat(enclosed).isCloseTo(Math.PI * level, within(Math.PI * level * 0.01));
    }

    @Test
    void consecutivePointsOfALineAreNeighboursInTheGrid() {
        double[] x = linspace(-2, 2, 41);
        double[] y = linspace(-2, 2, 41);
        MarchingSquares.Line circle = MarchingSquares.trace(x, y, sample(x, y, (a, b) -> a * a + b * b), 1.0)
                .get(0);
        for (int k = 0; k < circle.size(); k++) {
            int next = (k + 1) % circle.size();
            double step = Math.hypot(circle.xs()[next] - circle.xs()[k], circle.ys()[next] - circle.ys()[k]);
            assertThat(step).as("step %d", k).isLessThanOrEqualTo(0.1 * Math.sqrt(2) + 1e-12);
        }
    }

    @Test
    void aLevelCrossingTheGridIsOneOpenLineFromBorderToBorder() {
        double[] x = linspace(0, 1, 11);
        double[] y = linspace(0, 2, 21);
        List<MarchingSquares.Line> lines = MarchingSquares.trace(x, y, sample(x, y, (a, b) -> a), 0.33);

        assertThat(lines).hasSize(1);
        MarchingSquares.Line line = lines.get(0);
        assertThat(line.closed()).isFalse();
        assertThat(line.size()).isEqualTo(21);
        for (int k = 0; k < line.size(); k++) {
            assertThat(line.xs()[k]).isCloseTo(0.33, within(1e-12));
        }
        double[] ends = {line.ys()[0], line.ys()[line.size() - 1]};
        assertThat(ends).containsExactlyInAnyOrder(0.0, 2.0);
    }

    @Test
    void separateBasinsGiveSeparateLoops() {
        double[] x = linspace(-3, 3, 61);
        double[] y = linspace(-2, 2, 41);
        double[][] values =
                sample(x, y, (a, b) -> Math.min((a - 1.5) * (a - 1.5) + b * b, (a + 1.5) * (a + 1.5) + b * b));
        List<MarchingSquares.Line> lines = MarchingSquares.trace(x, y, values, 0.49);

        assertThat(lines).hasSize(2).allMatch(MarchingSquares.Line::closed);
        double[] centres = lines.stream()
                .mapToDouble(
                        line -> java.util.Arrays.stream(line.xs()).average().orElseThrow())
                .sorted()
                .toArray();
        assertThat(centres[0]).isCloseTo(-1.5, within(0.02));
        assertThat(centres[1]).isCloseTo(1.5, within(0.02));
    }

    @Test
    void levelsOutsideTheRangeGiveNothing() {
        double[] x = linspace(-1, 1, 11);
        double[][] values = sample(x, x, (a, b) -> a * a + b * b);
        assertThat(MarchingSquares.trace(x, x, values, -1)).isEmpty();
        assertThat(MarchingSquares.trace(x, x, values, 5)).isEmpty();
    }

    @Test
    void nonFiniteCellsBreakTheLine() {
        double[] x = linspace(0, 1, 11);
        double[] y = linspace(0, 1, 11);
        double[][] values = sample(x, y, (a, b) -> a);
        values[5][3] = Double.NaN; // x = 0.3, y = 0.5: the four cells around it are skipped
        List<MarchingSquares.Line> lines = MarchingSquares.trace(x, y, values, 0.35);

        assertThat(lines).hasSize(2).noneMatch(MarchingSquares.Line::closed);
        assertThat(lines.stream().mapToInt(MarchingSquares.Line::size).sum()).isEqualTo(11 - 1);
    }

    @Test
    void saddleCellsAreResolvedByTheCentreValue() {
        // One cell, corners above at bottom-left and top-right: the centre decides whether they join.
        double[] x = {0, 1};
        double[] y = {0, 1};
        double[][] joined = {{1, 0}, {0.1, 1}}; // centre 0.525 > 0.5: the high corners connect
        double[][] apart = {{0.6, 0}, {0.1, 0.6}}; // centre 0.325 < 0.5: they stay apart
        for (double[][] values : List.of(joined, apart)) {
            List<MarchingSquares.Line> lines = MarchingSquares.trace(x, y, values, 0.5);
            assertThat(lines).hasSize(2);
            for (MarchingSquares.Line line : lines) {
                double midX = (line.xs()[0] + line.xs()[1]) / 2;
                double midY = (line.ys()[0] + line.ys()[1]) / 2;
                boolean cutsOffLowCorner = (midX < 0.5) != (midY < 0.5);
                assertThat(cutsOffLowCorner).isEqualTo(values == joined);
            }
        }
    }

    private static double shoelace(MarchingSquares.Line line) {
        double area = 0;
        for (int k = 0; k < line.size(); k++) {
            int next = (k + 1) % line.size();
            area += line.xs()[k] * line.ys()[next] - line.xs()[next] * line.ys()[k];
        }
        return area / 2;
    }
}
