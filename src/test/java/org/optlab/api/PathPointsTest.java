package org.optlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A path's points, stored flat, written as rows. */
class PathPointsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void writesOneArrayPerPointWithNullForNonFiniteCoordinates() {
        double[] flat = {-1.2, 1.0, Double.NaN, 2.5, Double.POSITIVE_INFINITY, -0.0, 99, 99};
        PathPoints points = new PathPoints(flat, 2, 3); // the last pair is beyond size

        assertThat(JSON.writeValueAsString(points)).isEqualTo("[[-1.2,1.0],[null,2.5],[null,-0.0]]");
        assertThat(points.point(1)).containsExactly(Double.NaN, 2.5);
        assertThat(points.coordinate(2, 1)).isEqualTo(-0.0);
        assertThat(points.rows()).hasDimensions(3, 2);
        assertThat(points.rows()[0]).containsExactly(-1.2, 1.0);
    }

    @Test
    void anEmptyPathIsAnEmptyArray() {
        assertThat(JSON.writeValueAsString(new PathPoints(new double[0], 3, 0))).isEqualTo("[]");
    }

    @Test
    void refusesMorePointsThanTheArrayHoldsAndIndicesOutsideThePath() {
        assertThatThrownBy(() -> new PathPoints(new double[5], 2, 3)).isInstanceOf(IllegalArgumentException.class);
        PathPoints points = new PathPoints(new double[6], 2, 2);
        assertThatThrownBy(() -> points.coordinate(2, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> points.coordinate(0, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
