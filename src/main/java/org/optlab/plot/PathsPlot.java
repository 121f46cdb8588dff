package org.optlab.plot;

import java.util.List;

/**
 * Optimizer paths over the contour lines of a 2-D objective: the contours coloured by level
 * (viridis, dark for low), each path in its own colour on a white halo with a hollow start and a
 * filled end (a cross where it diverged), the known minima as stars, a legend with the final
 * losses, and a colour bar of the contour levels.
 *
 * @param field the objective on a grid; its extent is the plotted window
 * @param levels about how many contour levels
 * @param minima the known global minimisers (drawn when inside the window)
 * @param minimumLoss the known minimum, or NaN (log-spaced levels are measured from it)
 * @param axisNames the names of the two coordinates
 */
public record PathsPlot(
        String title,
        int width,
        int height,
        Field field,
        int levels,
        ContourLevels.Spacing spacing,
        List<double[]> minima,
        double minimumLoss,
        List<Trace> traces,
        String[] axisNames) {

    private static final String CLIP = "optlab-paths-clip";

    /** The contour levels this plot draws. */
    public ContourLevels contourLevels() {
        return ContourLevels.choose(field.values(), levels, spacing, minimumLoss);
    }

    public byte[] render() {
        double fs = Chart.fontSize(width, height);
        double panel = rightPanelWidth(fs);
        Chart.Rect plot = new Chart.Rect(fs * 4.8, fs * 3.0, width - panel - fs * 1.6, height - fs * 3.8);
        double[] x = field.x();
        double[] y = field.y();
        Scale sx = Scale.linear(x[0], x[x.length - 1], plot.x0(), plot.x1());
        Scale sy = Scale.linear(y[0], y[y.length - 1], plot.y1(), plot.y0());
        SvgWriter svg = new SvgWriter(width, height, fs, title);
        Chart.title(svg, title, width, fs);
        svg.open("defs");
        svg.open("clipPath", "id", CLIP);
        svg.empty(
                "rect",
                "x",
                Numbers.px(plot.x0()),
                "y",
                Numbers.px(plot.y0()),
                "width",
                Numbers.px(plot.width()),
                "height",
                Numbers.px(plot.height()));
        svg.close();
        svg.close();

        ContourLevels contour = contourLevels();
        contours(svg, contour, sx, sy);
        Chart.axes(svg, plot, sx, sy, axisNames[0], axisNames[1], fs, false);
        minima(svg, sx, sy, plot, fs);
        paths(svg, sx, sy, fs);

        double panelX = plot.x1() + fs * 1.4;
        double panelWidth = width - panelX - fs * 0.6;
        double legendHeight = Math.max(fs * 1.3 * traces.size(), plot.height() * 0.55);
        double below = Chart.legend(svg, traces, panelX + fs * 0.3, plot.y0(), panelWidth, legendHeight, fs, true);
        below = markerKey(svg, panelX + fs * 0.3, below + fs * 0.6, fs);
        colorBar(svg, contour, panelX, below + fs * 2.2, plot.y1(), fs);
        return svg.finish();
    }

    private double rightPanelWidth(double fs) {
        double widest = fs * 9;
        for (Trace trace : traces) {
            widest = Math.max(widest, Chart.textWidth(trace.label(), fs));
            widest = Math.max(widest, Chart.textWidth(trace.summary(), fs * 0.85));
        }
        return Math.max(fs * 11, Math.min(width * 0.34, widest + fs * 3.6));
    }

    private void contours(SvgWriter svg, ContourLevels contour, Scale sx, Scale sy) {
        double[] levels = contour.values();
        svg.open(
                "g",
                "class",
                "contours",
                "clip-path",
                "url(#" + CLIP + ")",
                "fill",
                "none",
                "stroke-width",
                "1",
                "data-spacing",
                contour.log() ? "log" : "linear");
        for (int k = 0; k < levels.length; k++) {
            List<MarchingSquares.Line> lines = MarchingSquares.trace(field.x(), field.y(), field.values(), levels[k]);
            if (lines.isEmpty()) {
                continue;
            }
            svg.open(
                    "g",
                    "class",
                    "level",
                    "data-level",
                    Double.toString(levels[k]),
                    "stroke",
                    Colors.viridis(levelColor(k, levels.length)));
            for (MarchingSquares.Line line : lines) {
                double[] px = new double[line.size()];
                double[] py = new double[line.size()];
                for (int i = 0; i < px.length; i++) {
                    px[i] = sx.apply(line.xs()[i]);
                    py[i] = sy.apply(line.ys()[i]);
                }
                String points = Chart.points(px, py, 0, px.length);
                svg.empty(line.closed() ? "polygon" : "polyline", "points", points);
            }
            svg.close();
        }
        svg.close();
    }

    /** Levels run from dark (low) to green; viridis's last yellow is too pale on white. */
    private static double levelColor(int index, int count) {
        return count <= 1 ? 0 : 0.88 * index / (count - 1);
    }

    private void minima(SvgWriter svg, Scale sx, Scale sy, Chart.Rect plot, double fs) {
        svg.open("g", "class", "minima", "fill", "#ffffff", "stroke", "#000000", "stroke-width", "1.3");
        for (double[] point : minima) {
            double px = sx.apply(point[0]);
            double py = sy.apply(point[1]);
            if (px < plot.x0() - 0.5 || px > plot.x1() + 0.5 || py < plot.y0() - 0.5 || py > plot.y1() + 0.5) {
                continue;
            }
            svg.open("g", "class", "minimum");
            svg.element(
                    "title",
                    "known minimum (" + Numbers.label(point[0], 6) + ", " + Numbers.label(point[1], 6) + ")"
                            + (Double.isFinite(minimumLoss) ? ", f = " + Numbers.label(minimumLoss, 6) : ""));
            svg.empty("path", "d", Chart.star(px, py, fs * 0.75));
            svg.close();
        }
        svg.close();
    }

    /**
     * Halos under every line first, then the lines, then the markers, so that no path hides
     * another's end point.
     */
    private void paths(SvgWriter svg, Scale sx, Scale sy, double fs) {
        int count = traces.size();
        double[][] pxs = new double[count][];
        double[][] pys = new double[count][];
        List<List<int[]>> runs = new java.util.ArrayList<>();
        for (int t = 0; t < count; t++) {
            double[][] points = traces.get(t).points();
            double[] px = new double[points.length];
            double[] py = new double[points.length];
            for (int i = 0; i < points.length; i++) {
                px[i] = points[i].length >= 2 ? sx.apply(points[i][0]) : Double.NaN;
                py[i] = points[i].length >= 2 ? sy.apply(points[i][1]) : Double.NaN;
            }
            pxs[t] = px;
            pys[t] = py;
            runs.add(finiteRuns(px, py));
        }
        svg.open("g", "class", "paths", "clip-path", "url(#" + CLIP + ")", "fill", "none", "stroke-linejoin", "round");
        svg.open(
                "g",
                "class",
                "halos",
                "stroke",
                "#ffffff",
                "stroke-width",
                Numbers.px(fs * 0.42),
                "stroke-opacity",
                "0.8");
        for (int t = 0; t < count; t++) {
            for (int[] run : runs.get(t)) {
                svg.empty("polyline", "points", Chart.points(pxs[t], pys[t], run[0], run[1]));
            }
        }
        svg.close();
        for (int t = 0; t < count; t++) {
            Trace trace = traces.get(t);
            svg.open(
                    "g",
                    "class",
                    "trace",
                    "data-label",
                    trace.label(),
                    "data-status",
                    trace.status(),
                    "stroke",
                    Colors.category(t),
                    "stroke-width",
                    Numbers.px(fs * 0.18),
                    "stroke-linecap",
                    "round");
            svg.element("title", trace.label() + ": " + trace.summary());
            for (int[] run : runs.get(t)) {
                svg.empty("polyline", "class", "path-line", "points", Chart.points(pxs[t], pys[t], run[0], run[1]));
            }
            svg.close();
        }
        svg.open("g", "class", "markers");
        double r = fs * 0.38;
        for (int t = 0; t < count; t++) {
            Trace trace = traces.get(t);
            List<int[]> finite = runs.get(t);
            if (finite.isEmpty()) {
                continue;
            }
            String color = Colors.category(t);
            int first = finite.get(0)[0];
            int last = finite.get(finite.size() - 1)[1] - 1;
            double[] px = pxs[t];
            double[] py = pys[t];
            svg.empty(
                    "circle",
                    "class",
                    "start",
                    "data-label",
                    trace.label(),
                    "cx",
                    Numbers.px(px[first]),
                    "cy",
                    Numbers.px(py[first]),
                    "r",
                    Numbers.px(r),
                    "fill",
                    "#ffffff",
                    "stroke",
                    color,
                    "stroke-width",
                    "2");
            if ("diverged".equals(trace.status()) || last < px.length - 1) {
                svg.empty(
                        "path",
                        "class",
                        "end diverged",
                        "data-label",
                        trace.label(),
                        "d",
                        Chart.cross(px[last], py[last], r),
                        "stroke",
                        color,
                        "stroke-width",
                        "2.5");
            } else {
                svg.empty(
                        "circle",
                        "class",
                        "end",
                        "data-label",
                        trace.label(),
                        "cx",
                        Numbers.px(px[last]),
                        "cy",
                        Numbers.px(py[last]),
                        "r",
                        Numbers.px(r),
                        "fill",
                        color,
                        "stroke",
                        "#ffffff",
                        "stroke-width",
                        "1.2");
            }
        }
        svg.close();
        svg.close();
    }

    /** [from, to) index ranges of consecutive finite points: a diverged path ends in non-finite ones. */
    private static List<int[]> finiteRuns(double[] px, double[] py) {
        List<int[]> runs = new java.util.ArrayList<>();
        for (int start = 0; start < px.length; ) {
            while (start < px.length && !(Double.isFinite(px[start]) && Double.isFinite(py[start]))) {
                start++;
            }
            int end = start;
            while (end < px.length && Double.isFinite(px[end]) && Double.isFinite(py[end])) {
                end++;
            }
            if (end > start) {
                runs.add(new int[] {start, end});
            }
            start = end;
        }
        return runs;
    }

    private double markerKey(SvgWriter svg, double x, double y, double fs) {
        double small = fs * 0.85;
        double r = fs * 0.32;
        double cy = y + small * 0.2;
        svg.open("g", "class", "marker-key", "font-size", Numbers.px(small), "fill", Chart.MUTED);
        svg.empty(
                "circle",
                "cx",
                Numbers.px(x + r),
                "cy",
                Numbers.px(cy),
                "r",
                Numbers.px(r),
                "fill",
                "#ffffff",
                "stroke",
                Chart.MUTED,
                "stroke-width",
                "1.5");
        svg.element("text", "start", "x", Numbers.px(x + r * 2 + fs * 0.3), "y", Numbers.px(cy + small * 0.35));
        double x2 = x + fs * 4.2;
        svg.empty("circle", "cx", Numbers.px(x2 + r), "cy", Numbers.px(cy), "r", Numbers.px(r), "fill", Chart.MUTED);
        svg.element("text", "end", "x", Numbers.px(x2 + r * 2 + fs * 0.3), "y", Numbers.px(cy + small * 0.35));
        double x3 = x + fs * 7.6;
        svg.empty(
                "path",
                "d",
                Chart.star(x3 + r, cy, fs * 0.55),
                "fill",
                "#ffffff",
                "stroke",
                "#000000",
                "stroke-width",
                "1.2");
        svg.element("text", "minimum", "x", Numbers.px(x3 + r * 2 + fs * 0.4), "y", Numbers.px(cy + small * 0.35));
        svg.close();
        return y + fs;
    }

    /** A vertical bar with one line per contour level in its colour, on the levels' own scale. */
    private void colorBar(SvgWriter svg, ContourLevels contour, double x, double top, double bottom, double fs) {
        double[] levels = contour.values();
        if (levels.length == 0 || bottom - top < fs * 5) {
            return;
        }
        double barWidth = fs * 1.1;
        double height = Math.min(bottom - top, fs * 18);
        double y0 = bottom - height;
        double first = levels[0];
        double last = levels[levels.length - 1];
        Scale scale = contour.log()
                ? Scale.log(first - contour.offset(), last - contour.offset(), bottom, y0)
                : Scale.linear(first, last, bottom, y0);
        svg.open("g", "class", "colorbar", "data-spacing", contour.log() ? "log" : "linear");
        svg.element(
                "text",
                contour.log() ? "f levels (log)" : "f levels",
                "x",
                Numbers.px(x),
                "y",
                Numbers.px(y0 - fs * 0.7),
                "fill",
                Chart.AXIS,
                "font-size",
                Numbers.px(fs * 0.85));
        for (int k = 0; k < levels.length; k++) {
            double py = scale.apply(contour.log() ? levels[k] - contour.offset() : levels[k]);
            svg.empty(
                    "line",
                    "x1",
                    Numbers.px(x),
                    "x2",
                    Numbers.px(x + barWidth),
                    "y1",
                    Numbers.px(py),
                    "y2",
                    Numbers.px(py),
                    "stroke",
                    Colors.viridis(levelColor(k, levels.length)),
                    "stroke-width",
                    "2");
        }
        svg.empty(
                "rect",
                "x",
                Numbers.px(x),
                "y",
                Numbers.px(y0),
                "width",
                Numbers.px(barWidth),
                "height",
                Numbers.px(height),
                "fill",
                "none",
                "stroke",
                Chart.MUTED,
                "stroke-width",
                "0.6");
        int count = Math.max(2, (int) (height / (fs * 2.2)));
        for (double tick : scale.ticks(count)) {
            double py = scale.apply(tick);
            double value = contour.log() ? tick + contour.offset() : tick;
            svg.empty(
                    "line",
                    "x1",
                    Numbers.px(x + barWidth),
                    "x2",
                    Numbers.px(x + barWidth + fs * 0.35),
                    "y1",
                    Numbers.px(py),
                    "y2",
                    Numbers.px(py),
                    "stroke",
                    Chart.AXIS);
            svg.element(
                    "text",
                    Numbers.tick(value),
                    "x",
                    Numbers.px(x + barWidth + fs * 0.55),
                    "y",
                    Numbers.px(py + fs * 0.33),
                    "fill",
                    Chart.AXIS,
                    "font-size",
                    Numbers.px(fs * 0.85));
        }
        svg.close();
    }
}
