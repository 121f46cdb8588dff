package org.optlab.api;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The recorded points of a path, kept as the run stored them: flat, point i at
 * {@code coordinates[i·dimension … (i + 1)·dimension)}. Written as JSON rows,
 * {@code [[x0, x1, …], …]}, one at a time (non-finite coordinates as null), so that a path of a
 * million points is not first turned into a million arrays.
 */
@JsonSerialize(using = PathPoints.Rows.class)
public final class PathPoints {

    private final double[] coordinates;
    private final int dimension;
    private final int size;

    /** Wraps, without copying, the first {@code size} points of {@code coordinates}. */
    public PathPoints(double[] coordinates, int dimension, int size) {
        if (dimension < 0 || size < 0 || (long) size * dimension > coordinates.length) {
            throw new IllegalArgumentException("need dimension ≥ 0 and size·dimension ≤ " + coordinates.length
                    + "; was " + size + " × " + dimension);
        }
        this.coordinates = coordinates;
        this.dimension = dimension;
        this.size = size;
    }

    /** Points in the path. */
    public int size() {
        return size;
    }

    /** Coordinates of each point. */
    public int dimension() {
        return dimension;
    }

    /** Coordinate {@code axis} of point {@code index}. */
    public double coordinate(int index, int axis) {
        if (index < 0 || index >= size || axis < 0 || axis >= dimension) {
            throw new IndexOutOfBoundsException("point " + index + ", axis " + axis);
        }
        return coordinates[index * dimension + axis];
    }

    /** A copy of point {@code index}. */
    public double[] point(int index) {
        double[] point = new double[dimension];
        for (int axis = 0; axis < dimension; axis++) {
            point[axis] = coordinate(index, axis);
        }
        return point;
    }

    /** A copy as one array per point, for callers that want them (plots); the JSON writer does not. */
    public double[][] rows() {
        double[][] rows = new double[size][];
        for (int i = 0; i < size; i++) {
            rows[i] = point(i);
        }
        return rows;
    }

    /** Writes the points as an array of rows, non-finite coordinates as null. */
    static final class Rows extends ValueSerializer<PathPoints> {
        @Override
        public void serialize(PathPoints points, JsonGenerator out, SerializationContext context) {
            double[] flat = points.coordinates;
            int dimension = points.dimension;
            out.writeStartArray(points, points.size);
            for (int i = 0, offset = 0; i < points.size; i++, offset += dimension) {
                out.writeStartArray(null, dimension);
                for (int axis = 0; axis < dimension; axis++) {
                    double value = flat[offset + axis];
                    if (Double.isFinite(value)) {
                        out.writeNumber(value);
                    } else {
                        out.writeNull();
                    }
                }
                out.writeEndArray();
            }
            out.writeEndArray();
        }
    }
}
