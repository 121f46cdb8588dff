package org.optlab.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A two-parameter grid sweep as a heatmap (the α/β phase diagram): one cell per combination,
 * coloured by final loss on viridis (log scale when the losses span two decades or more, dark for
 * low), non-finite losses (diverged runs) in grey with a cross, the best cell outlined, and a
 * colour bar. Each cell carries its parameter values as JSON in {@code data-parameters} so that a
 * page can run that configuration when the cell is clicked.
 *
 * @param xParameter the first grid axis (columns, left to right)
 * @param xValues its values in request order
 * @param yParameter the second grid axis (rows, bottom to top)
 * @param yValues its values in request order
 * @param losses final losses, {@code losses[i][j]} for xValues[i] and yValues[j]
 * @param statuses how each run ended, same shape as losses
 * @param startLoss the loss at the common start point, or NaN; with a log scale, the colours stop
 *     ten times above it so that a few exploded runs (finite but huge) do not wash out the rest
 */
public record SweepHeatmap(
        String title,
        int width,
        int height,
        String xParameter,
        List<Object> xValues,
        String yParameter,
        List<Object> yValues,
        double[][] losses,
        String[][] statuses,
        double startLoss,
        ContourLevels.Spacing spacing) {

    private static final String GRADIENT = "optlab-sweep-colorbar";
    private static final String MISSING = "#d0d0d0";

    /** Whether the colour scale is logarithmic. */
    public boolean logScale() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] column : losses) {
            for (double v : column) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (!(min > 0) || spacing == ContourLevels.Spacing.LINEAR) {
            return false;
        }
        return spacing == ContourLevels.Spacing.LOG || max / min >= 100;
    }

    public byte[] render() {
        double fs = Chart.fontSize(width, height);
        int nx = xValues.size();
        int ny = yValues.size();
        double yLabelWidth = fs * 1.5;
        for (Object value : yValues) {
            yLabelWidth = Math.max(yLabelWidth, Chart.textWidth(label(value), fs));
        }
        double colorBarWidth = fs * 6.5;
        Chart.Rect plot = new Chart.Rect(
                Math.min(width * 0.3, yLabelWidth + fs * 3.2),
                fs * 3.0,
                width - colorBarWidth - fs * 1.2,
                height - fs * 3.8);
        double cellWidth = plot.width() / nx;
        double cellHeight = plot.height() / ny;

        boolean log = logScale();
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        int bestI = -1;
        int bestJ = -1;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                double v = losses[i][j];
                if (Double.isFinite(v) && (!log || v > 0)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                    if (bestI < 0 || v < losses[bestI][bestJ]) {
                        bestI = i;
                        bestJ = j;
                    }
                }
            }
        }
        Scale color = null;
        boolean capped = false;
        if (log && Double.isFinite(startLoss) && startLoss * 10 > low && startLoss * 10 < high) {
            high = startLoss * 10;
            capped = true;
        }
        if (high >= low) {
            color = log ? Scale.log(low, high, 0, 1) : Scale.linear(low, high, 0, 1);
        }

        SvgWriter svg = new SvgWriter(width, height, fs, title);
        Chart.title(svg, title, width, fs);
        svg.open("defs");
        svg.open("linearGradient", "id", GRADIENT, "x1", "0", "y1", "1", "x2", "0", "y2", "0");
        for (int k = 0; k <= 10; k++) {
            svg.empty("stop", "offset", Numbers.px(k / 10.0), "stop-color", Colors.viridis(k / 10.0));
        }
        svg.close();
        svg.close();

        svg.open(
                "g",
                "class",
                "cells",
                "stroke",
                "#ffffff",
                "stroke-width",
                "1",
                "data-columns",
                Integer.toString(nx),
                "data-rows",
                Integer.toString(ny),
                "data-scale",
                log ? "log" : "linear");
        boolean labels = cellWidth >= fs * 4.2 && cellHeight >= fs * 1.6;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                double v = losses[i][j];
                double x = plot.x0() + i * cellWidth;
                double y = plot.y1() - (j + 1) * cellHeight;
                boolean finite = Double.isFinite(v) && color != null && (!log || v > 0);
                double t = finite ? color.apply(v) : Double.NaN;
                String status = statuses[i][j] == null ? "" : statuses[i][j];
                boolean best = i == bestI && j == bestJ;
                svg.open(
                        "g",
                        "class",
                        best ? "cell best" : "cell",
                        "data-column",
                        Integer.toString(i),
                        "data-row",
                        Integer.toString(j),
                        "data-parameters",
                        parametersJson(xValues.get(i), yValues.get(j)),
                        "data-loss",
                        Double.toString(v),
                        "data-status",
                        status);
                svg.element(
                        "title",
                        xParameter + " = " + label(xValues.get(i)) + ", " + yParameter + " = "
                                + label(yValues.get(j)) + ": final loss " + Numbers.label(v, 4)
                                + (status.isEmpty() ? "" : " (" + status + ")"));
                svg.empty(
                        "rect",
                        "x",
                        Numbers.px(x),
                        "y",
                        Numbers.px(y),
                        "width",
                        Numbers.px(cellWidth),
                        "height",
                        Numbers.px(cellHeight),
                        "fill",
                        finite ? Colors.viridis(t) : MISSING);
                if (!finite) {
                    double size = Math.min(cellWidth, cellHeight) * 0.18;
                    svg.empty(
                            "path",
                            "d",
                            Chart.cross(x + cellWidth / 2, y + cellHeight / 2, size),
                            "stroke",
                            "#808080",
                            "stroke-width",
                            "1.5");
                } else if (labels) {
                    svg.element(
                            "text",
                            Numbers.label(v, 2),
                            "x",
                            Numbers.px(x + cellWidth / 2),
                            "y",
                            Numbers.px(y + cellHeight / 2 + fs * 0.3),
                            "text-anchor",
                            "middle",
                            "stroke",
                            "none",
                            "fill",
                            Colors.textOn(t),
                            "font-size",
                            Numbers.px(Math.min(fs, cellWidth / 5.5)));
                }
                svg.close();
            }
        }
        if (bestI >= 0) {
            svg.empty(
                    "rect",
                    "class",
                    "best-outline",
                    "x",
                    Numbers.px(plot.x0() + bestI * cellWidth + 1.5),
                    "y",
                    Numbers.px(plot.y1() - (bestJ + 1) * cellHeight + 1.5),
                    "width",
                    Numbers.px(cellWidth - 3),
                    "height",
                    Numbers.px(cellHeight - 3),
                    "fill",
                    "none",
                    "stroke",
                    "#e0301e",
                    "stroke-width",
                    "3");
        }
        svg.close();
        axes(svg, plot, cellWidth, cellHeight, fs);
        colorBar(svg, color, log, capped, plot, fs);
        return svg.finish();
    }

    private void axes(SvgWriter svg, Chart.Rect plot, double cellWidth, double cellHeight, double fs) {
        svg.open("g", "class", "axes", "fill", Chart.AXIS);
        int every = Math.max(1, (int) Math.ceil(widestX(fs) / Math.max(1, cellWidth)));
        svg.open("g", "class", "x-axis", "text-anchor", "middle");
        for (int i = 0; i < xValues.size(); i += every) {
            double x = plot.x0() + (i + 0.5) * cellWidth;
            svg.element("text", label(xValues.get(i)), "x", Numbers.px(x), "y", Numbers.px(plot.y1() + fs * 1.4));
        }
        svg.element(
                "text",
                xParameter,
                "class",
                "axis-label",
                "x",
                Numbers.px((plot.x0() + plot.x1()) / 2),
                "y",
                Numbers.px(plot.y1() + fs * 2.9));
        svg.close();
        int everyY = Math.max(1, (int) Math.ceil(fs * 1.2 / Math.max(1, cellHeight)));
        svg.open("g", "class", "y-axis", "text-anchor", "end");
        for (int j = 0; j < yValues.size(); j += everyY) {
            double y = plot.y1() - (j + 0.5) * cellHeight;
            svg.element(
                    "text",
                    label(yValues.get(j)),
                    "x",
                    Numbers.px(plot.x0() - fs * 0.5),
                    "y",
                    Numbers.px(y + fs * 0.35));
        }
        svg.element(
                "text",
                yParameter,
                "class",
                "axis-label",
                "text-anchor",
                "middle",
                "transform",
                "translate(" + Numbers.px(fs * 1.1) + " " + Numbers.px((plot.y0() + plot.y1()) / 2) + ") rotate(-90)");
        svg.close();
        svg.close();
    }

    private double widestX(double fs) {
        double widest = 0;
        for (Object value : xValues) {
            widest = Math.max(widest, Chart.textWidth(label(value), fs) + fs);
        }
        return widest;
    }

    private void colorBar(SvgWriter svg, Scale color, boolean log, boolean capped, Chart.Rect plot, double fs) {
        double x = plot.x1() + fs * 1.2;
        double barWidth = fs * 1.1;
        double top = plot.y0() + fs * 1.4;
        double bottom = plot.y1();
        svg.open("g", "class", "colorbar", "data-scale", log ? "log" : "linear");
        svg.element(
                "text",
                log ? "final loss (log)" : "final loss",
                "x",
                Numbers.px(x),
                "y",
                Numbers.px(top - fs * 0.7),
                "fill",
                Chart.AXIS,
                "font-size",
                Numbers.px(fs * 0.85));
        svg.empty(
                "rect",
                "x",
                Numbers.px(x),
                "y",
                Numbers.px(top),
                "width",
                Numbers.px(barWidth),
                "height",
                Numbers.px(bottom - top),
                "fill",
                "url(#" + GRADIENT + ")",
                "stroke",
                Chart.MUTED,
                "stroke-width",
                "0.6");
        if (color != null) {
            Scale axis = log
                    ? Scale.log(color.low(), color.high(), bottom, top)
                    : Scale.linear(color.low(), color.high(), bottom, top);
            int count = Math.max(2, (int) ((bottom - top) / (fs * 2.2)));
            List<Double> ticks = new ArrayList<>(axis.ticks(count));
            for (double tick : ticks) {
                double y = axis.apply(tick);
                svg.empty(
                        "line",
                        "x1",
                        Numbers.px(x + barWidth),
                        "x2",
                        Numbers.px(x + barWidth + fs * 0.35),
                        "y1",
                        Numbers.px(y),
                        "y2",
                        Numbers.px(y),
                        "stroke",
                        Chart.AXIS);
                svg.element(
                        "text",
                        Numbers.tick(tick),
                        "x",
                        Numbers.px(x + barWidth + fs * 0.55),
                        "y",
                        Numbers.px(y + fs * 0.33),
                        "fill",
                        Chart.AXIS,
                        "font-size",
                        Numbers.px(fs * 0.85));
            }
            if (capped) {
                svg.element(
                        "text",
                        "≥ " + Numbers.label(color.high(), 2),
                        "class",
                        "ceiling",
                        "x",
                        Numbers.px(x + barWidth + fs * 0.55),
                        "y",
                        Numbers.px(top + fs * 0.33),
                        "fill",
                        Chart.AXIS,
                        "font-size",
                        Numbers.px(fs * 0.85));
            }
        }
        svg.close();
    }

    static String label(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return Numbers.label(((Number) value).doubleValue(), 4);
        }
        return String.valueOf(value);
    }

    private String parametersJson(Object x, Object y) {
        return "{" + json(xParameter) + ":" + json(x) + "," + json(yParameter) + ":" + json(y) + "}";
    }

    /** A grid value as JSON: numbers and booleans as they are, anything else as a string. */
    static String json(Object value) {
        if (value instanceof Number number && !(value instanceof Double d && !Double.isFinite(d))) {
            return number.toString();
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return json(String.valueOf(value));
        }
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
