package org.optlab.plot;

import java.util.List;

/**
 * Loss against iteration, one line per optimizer. With {@code AUTO} spacing the loss axis is
 * logarithmic when the losses span two decades or more; when some losses are not positive but the
 * objective's minimum f* is known, the plot shows the gap {@code loss − f*} on a log axis instead.
 *
 * @param minimumLoss the known minimum f*, or NaN
 */
public record LossesPlot(
        String title, int width, int height, List<Trace> traces, ContourLevels.Spacing spacing, double minimumLoss) {

    private static final String CLIP = "optlab-losses-clip";

    /** What the y axis shows. */
    public enum Axis {
        LOSS_LOG,
        GAP_LOG,
        LOSS_LINEAR
    }

    /** The axis this plot uses for its traces. */
    public Axis axis() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Trace trace : traces) {
            for (double loss : trace.losses()) {
                if (Double.isFinite(loss)) {
                    min = Math.min(min, loss);
                    max = Math.max(max, loss);
                }
            }
        }
        if (!(max >= min) || spacing == ContourLevels.Spacing.LINEAR) {
            return Axis.LOSS_LINEAR;
        }
        boolean wantLog = spacing == ContourLevels.Spacing.LOG;
        if (min > 0) {
            return wantLog || max / min >= 100 ? Axis.LOSS_LOG : Axis.LOSS_LINEAR;
        }
        if (Double.isFinite(minimumLoss) && min >= minimumLoss - 1e-9 * Math.max(1, Math.abs(minimumLoss))) {
            double gap = max - minimumLoss;
            double smallest = smallestGap();
            return gap > 0 && (wantLog || gap / smallest >= 100) ? Axis.GAP_LOG : Axis.LOSS_LINEAR;
        }
        return Axis.LOSS_LINEAR;
    }

    private double smallestGap() {
        double smallest = Double.POSITIVE_INFINITY;
        for (Trace trace : traces) {
            for (double loss : trace.losses()) {
                double gap = loss - minimumLoss;
                if (Double.isFinite(gap) && gap > 0) {
                    smallest = Math.min(smallest, gap);
                }
            }
        }
        return smallest;
    }

    private double shown(double loss, Axis axis) {
        return axis == Axis.GAP_LOG ? loss - minimumLoss : loss;
    }

    public byte[] render() {
        double fs = Chart.fontSize(width, height);
        double panel = rightPanelWidth(fs);
        Chart.Rect plot = new Chart.Rect(fs * 5.2, fs * 3.0, width - panel - fs * 1.6, height - fs * 3.8);
        Axis axis = axis();
        int maxIteration = 1;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Trace trace : traces) {
            int[] iterations = trace.pathIterations();
            if (iterations.length > 0) {
                maxIteration = Math.max(maxIteration, iterations[iterations.length - 1]);
            }
            for (double loss : trace.losses()) {
                double v = shown(loss, axis);
                if (Double.isFinite(v) && (axis == Axis.LOSS_LINEAR || v > 0)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        if (!(high >= low)) {
            low = axis == Axis.LOSS_LINEAR ? 0 : 1e-3;
            high = 1;
        }
        // A diverging run would squash every other curve into the bottom: the axis stops a little
        // above the highest starting loss, and what climbs past it leaves the top edge.
        double startHigh = startingHigh(axis);
        if (Double.isFinite(startHigh) && startHigh > low) {
            high = Math.min(high, axis == Axis.LOSS_LINEAR ? startHigh + (startHigh - low) * 0.1 : startHigh * 100);
        }
        Scale sx = Scale.linear(0, maxIteration, plot.x0(), plot.x1());
        Scale sy;
        if (axis == Axis.LOSS_LINEAR) {
            double pad = (high - low) * 0.05;
            sy = Scale.linear(low - pad, high + pad, plot.y1(), plot.y0());
        } else {
            double ratio = Math.pow(high / low, 0.04);
            sy = Scale.log(low / ratio, high * ratio, plot.y1(), plot.y0());
        }
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
        String yLabel = switch (axis) {
            case LOSS_LOG -> "loss (log scale)";
            case GAP_LOG -> "loss − f*  (f* = " + Numbers.label(minimumLoss, 6) + ", log scale)";
            case LOSS_LINEAR -> "loss";
        };
        Chart.axes(svg, plot, sx, sy, "iteration", yLabel, fs, true);
        svg.open(
                "g",
                "class",
                "curves",
                "clip-path",
                "url(#" + CLIP + ")",
                "fill",
                "none",
                "data-scale",
                axis == Axis.LOSS_LINEAR ? "linear" : "log");
        for (int t = 0; t < traces.size(); t++) {
            Trace trace = traces.get(t);
            String color = Colors.category(t);
            int n = trace.losses().length;
            double[] px = new double[n];
            double[] py = new double[n];
            for (int i = 0; i < n; i++) {
                px[i] = sx.apply(trace.pathIterations()[i]);
                double v = shown(trace.losses()[i], axis);
                // On a log axis a zero gap (the exact minimum) sits on the bottom edge.
                py[i] = !Double.isFinite(v) ? Double.NaN : axis != Axis.LOSS_LINEAR && v <= 0 ? plot.y1() : sy.apply(v);
            }
            svg.open("g", "class", "trace", "data-label", trace.label(), "data-status", trace.status());
            svg.element("title", trace.label() + ": " + trace.summary());
            int lastFinite = -1;
            for (int start = 0; start < n; ) {
                while (start < n && !Double.isFinite(py[start])) {
                    start++;
                }
                int end = start;
                while (end < n && Double.isFinite(py[end])) {
                    end++;
                }
                if (end > start) {
                    svg.empty(
                            "polyline",
                            "class",
                            "loss-line",
                            "points",
                            Chart.points(px, py, start, end),
                            "stroke",
                            color,
                            "stroke-width",
                            Numbers.px(fs * 0.16),
                            "stroke-linejoin",
                            "round");
                    lastFinite = end - 1;
                }
                start = end;
            }
            if (lastFinite >= 0 && ("diverged".equals(trace.status()) || lastFinite < n - 1)) {
                svg.empty(
                        "path",
                        "class",
                        "end diverged",
                        "d",
                        Chart.cross(px[lastFinite], py[lastFinite], fs * 0.4),
                        "stroke",
                        color,
                        "stroke-width",
                        "2.5");
            }
            svg.close();
        }
        svg.close();
        Chart.legend(
                svg, traces, plot.x1() + fs * 1.7, plot.y0(), width - plot.x1() - fs * 2.3, plot.height(), fs, false);
        return svg.finish();
    }

    /** The highest loss any trace starts from, as shown on the axis (NaN when none is finite). */
    private double startingHigh(Axis axis) {
        double high = Double.NaN;
        for (Trace trace : traces) {
            if (trace.losses().length > 0) {
                double v = shown(trace.losses()[0], axis);
                if (Double.isFinite(v) && (axis == Axis.LOSS_LINEAR || v > 0)) {
                    high = Double.isNaN(high) ? v : Math.max(high, v);
                }
            }
        }
        return high;
    }

    private double rightPanelWidth(double fs) {
        double widest = fs * 8;
        for (Trace trace : traces) {
            widest = Math.max(widest, Chart.textWidth(trace.label(), fs));
            widest = Math.max(widest, Chart.textWidth(trace.summary(), fs * 0.85));
        }
        return Math.max(fs * 10, Math.min(width * 0.34, widest + fs * 3.6));
    }
}
