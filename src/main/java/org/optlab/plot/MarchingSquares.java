package org.optlab.plot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Contour lines of a function sampled on a rectangular grid, by marching squares (Lorensen and
 * Cline's marching cubes in two dimensions): each grid cell is classified by which corners lie
 * above the level, the crossing on each cut edge is placed by linear interpolation, and the
 * segments are chained into polylines through the edges they share, so that a contour comes out as
 * one line rather than thousands of pieces.
 *
 * <p>Ambiguous saddle cells (diagonal corners above) are resolved by the cell-centre average, as in
 * matplotlib and d3-contour. Cells with a non-finite corner are skipped: the line breaks there.
 *
 * <p>Written here rather than taken from a library because no maintained JVM library does only this
 * (the JVM options are whole charting toolkits drawing with Java2D), the algorithm is short, and
 * owning it lets the output be deterministic and testable point by point.
 */
public final class MarchingSquares {

    private MarchingSquares() {}

    /**
     * A contour line in data coordinates.
     *
     * @param closed whether it is a loop (its last point joins its first); open lines end on the
     *     grid's border or at a non-finite cell
     */
    public record Line(double[] xs, double[] ys, boolean closed) {
        public int size() {
            return xs.length;
        }
    }

    /**
     * The lines where the grid function crosses {@code level}.
     *
     * @param x the grid's abscissae, increasing (length nx ≥ 2)
     * @param y the grid's ordinates, increasing (length ny ≥ 2)
     * @param values {@code values[j][i] = f(x[i], y[j])}
     */
    public static List<Line> trace(double[] x, double[] y, double[][] values, double level) {
        int nx = x.length;
        int ny = y.length;
        if (nx < 2 || ny < 2 || values.length != ny) {
            throw new IllegalArgumentException("need a grid of at least 2 × 2 values with values.length == y.length");
        }
        List<int[]> segments = new ArrayList<>();
        for (int j = 0; j + 1 < ny; j++) {
            for (int i = 0; i + 1 < nx; i++) {
                cell(values, nx, i, j, level, segments);
            }
        }
        return chain(segments, x, y, values, nx, level);
    }

    private static int horizontal(int nx, int i, int j) {
        return 2 * (j * nx + i);
    }

    private static int vertical(int nx, int i, int j) {
        return 2 * (j * nx + i) + 1;
    }

    private static void cell(double[][] v, int nx, int i, int j, double level, List<int[]> out) {
        double bl = v[j][i];
        double br = v[j][i + 1];
        double tr = v[j + 1][i + 1];
        double tl = v[j + 1][i];
        if (!(Double.isFinite(bl) && Double.isFinite(br) && Double.isFinite(tr) && Double.isFinite(tl))) {
            return;
        }
        int index = (tl > level ? 8 : 0) | (tr > level ? 4 : 0) | (br > level ? 2 : 0) | (bl > level ? 1 : 0);
        int bottom = horizontal(nx, i, j);
        int top = horizontal(nx, i, j + 1);
        int left = vertical(nx, i, j);
        int right = vertical(nx, i + 1, j);
        switch (index) {
            case 0, 15 -> {}
            case 1, 14 -> out.add(new int[] {left, bottom});
            case 2, 13 -> out.add(new int[] {bottom, right});
            case 3, 12 -> out.add(new int[] {left, right});
            case 4, 11 -> out.add(new int[] {right, top});
            case 6, 9 -> out.add(new int[] {bottom, top});
            case 7, 8 -> out.add(new int[] {left, top});
            case 5 -> {
                // bl and tr above: joined through the centre when it is above too.
                if ((bl + br + tr + tl) / 4 > level) {
                    out.add(new int[] {left, top});
                    out.add(new int[] {bottom, right});
                } else {
                    out.add(new int[] {left, bottom});
                    out.add(new int[] {right, top});
                }
            }
            case 10 -> {
                // br and tl above.
                if ((bl + br + tr + tl) / 4 > level) {
                    out.add(new int[] {left, bottom});
                    out.add(new int[] {right, top});
                } else {
                    out.add(new int[] {bottom, right});
                    out.add(new int[] {left, top});
                }
            }
            default -> throw new IllegalStateException("case " + index);
        }
    }

    private static List<Line> chain(
            List<int[]> segments, double[] x, double[] y, double[][] values, int nx, double level) {
        // Each edge is shared by at most two cells, so by at most two segments.
        Map<Integer, int[]> byEdge = new HashMap<>();
        for (int s = 0; s < segments.size(); s++) {
            for (int edge : segments.get(s)) {
                int[] at = byEdge.computeIfAbsent(edge, e -> new int[] {-1, -1});
                at[at[0] < 0 ? 0 : 1] = s;
            }
        }
        boolean[] used = new boolean[segments.size()];
        List<Line> lines = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            if (used[s]) {
                continue;
            }
            used[s] = true;
            Deque<Integer> edges = new ArrayDeque<>();
            edges.add(segments.get(s)[0]);
            edges.add(segments.get(s)[1]);
            boolean closed = extend(edges, true, segments, byEdge, used);
            if (!closed) {
                extend(edges, false, segments, byEdge, used);
            }
            double[] xs = new double[edges.size()];
            double[] ys = new double[edges.size()];
            int k = 0;
            for (int edge : edges) {
                point(edge, x, y, values, nx, level, xs, ys, k++);
            }
            lines.add(new Line(xs, ys, closed));
        }
        return lines;
    }

    /** Follows unused segments from the tail (or head) of {@code edges}; true when the loop closes. */
    private static boolean extend(
            Deque<Integer> edges, boolean atTail, List<int[]> segments, Map<Integer, int[]> byEdge, boolean[] used) {
        int current = atTail ? edges.peekLast() : edges.peekFirst();
        while (true) {
            int next = -1;
            for (int candidate : byEdge.get(current)) {
                if (candidate >= 0 && !used[candidate]) {
                    next = candidate;
                    break;
                }
            }
            if (next < 0) {
                return false;
            }
            used[next] = true;
            int[] segment = segments.get(next);
            current = segment[0] == current ? segment[1] : segment[0];
            int other = atTail ? edges.peekFirst() : edges.peekLast();
            if (current == other) {
                return true;
            }
            if (atTail) {
                edges.addLast(current);
            } else {
                edges.addFirst(current);
            }
        }
    }

    private static void point(
            int edge, double[] x, double[] y, double[][] v, int nx, double level, double[] xs, double[] ys, int k) {
        int cell = edge / 2;
        int i = cell % nx;
        int j = cell / nx;
        if (edge % 2 == 0) {
            double t = fraction(v[j][i], v[j][i + 1], level);
            xs[k] = x[i] + t * (x[i + 1] - x[i]);
            ys[k] = y[j];
        } else {
            double t = fraction(v[j][i], v[j + 1][i], level);
            xs[k] = x[i];
            ys[k] = y[j] + t * (y[j + 1] - y[j]);
        }
    }

    private static double fraction(double a, double b, double level) {
        return b == a ? 0.5 : (level - a) / (b - a);
    }
}
