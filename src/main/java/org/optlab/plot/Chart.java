package org.optlab.plot;

import java.util.List;

/** What the three plots share: sizes, the frame with its ticks, the title and the legend. */
final class Chart {

    private Chart() {}

    static final String AXIS = "#333333";
    static final String MUTED = "#666666";
    static final String GRID = "#e6e6e6";

    /** The plotting rectangle, top-left (x0, y0) to bottom-right (x1, y1), in pixels. */
    record Rect(double x0, double y0, double x1, double y1) {
        double width() {
            return x1 - x0;
        }

        double height() {
            return y1 - y0;
        }
    }

    /** A base font size that stays readable from a thumbnail to a poster. */
    static double fontSize(int width, int height) {
        return Math.max(10, Math.min(18, Math.min(width, height) / 50.0));
    }

    /** A width estimate for text in the sans-serif fonts SVG viewers use (no font metrics needed). */
    static double textWidth(String text, double fontSize) {
        return text.codePointCount(0, text.length()) * 0.58 * fontSize;
    }

    /** The text cut to fit {@code width}, with an ellipsis when cut. */
    static String fit(String text, double width, double fontSize) {
        if (textWidth(text, fontSize) <= width) {
            return text;
        }
        int keep = Math.max(1, (int) (width / (0.58 * fontSize)) - 1);
        return text.substring(0, Math.min(text.length(), keep)) + "…";
    }

    static void title(SvgWriter svg, String title, double width, double fontSize) {
        svg.element(
                "text",
                fit(title, width - 2 * fontSize, fontSize * 1.25),
                "class",
                "title",
                "x",
                Numbers.px(width / 2),
                "y",
                Numbers.px(fontSize * 1.7),
                "text-anchor",
                "middle",
                "font-size",
                Numbers.px(fontSize * 1.25),
                "font-weight",
                "bold",
                "fill",
                AXIS);
    }

    /** The frame, ticks with labels, optional grid lines, and the axis titles. */
    static void axes(
            SvgWriter svg, Rect plot, Scale x, Scale y, String xLabel, String yLabel, double fontSize, boolean grid) {
        int xCount = Math.max(2, (int) (plot.width() / (fontSize * 7)));
        int yCount = Math.max(2, (int) (plot.height() / (fontSize * 3.5)));
        svg.open("g", "class", "axes", "fill", AXIS, "stroke", "none");
        if (grid) {
            svg.open("g", "class", "grid", "stroke", GRID, "stroke-width", "1");
            for (double tick : x.ticks(xCount)) {
                double px = x.apply(tick);
                svg.empty(
                        "line",
                        "x1",
                        Numbers.px(px),
                        "x2",
                        Numbers.px(px),
                        "y1",
                        Numbers.px(plot.y0()),
                        "y2",
                        Numbers.px(plot.y1()));
            }
            for (double tick : y.ticks(yCount)) {
                double py = y.apply(tick);
                svg.empty(
                        "line",
                        "x1",
                        Numbers.px(plot.x0()),
                        "x2",
                        Numbers.px(plot.x1()),
                        "y1",
                        Numbers.px(py),
                        "y2",
                        Numbers.px(py));
            }
            svg.close();
        }
        svg.open("g", "class", "x-axis", "text-anchor", "middle");
        for (double tick : x.ticks(xCount)) {
            double px = x.apply(tick);
            svg.empty(
                    "line",
                    "x1",
                    Numbers.px(px),
                    "x2",
                    Numbers.px(px),
                    "y1",
                    Numbers.px(plot.y1()),
                    "y2",
                    Numbers.px(plot.y1() + fontSize * 0.4),
                    "stroke",
                    AXIS);
            svg.element("text", Numbers.tick(tick), "x", Numbers.px(px), "y", Numbers.px(plot.y1() + fontSize * 1.45));
        }
        svg.element(
                "text",
                xLabel,
                "class",
                "axis-label",
                "x",
                Numbers.px((plot.x0() + plot.x1()) / 2),
                "y",
                Numbers.px(plot.y1() + fontSize * 2.9));
        svg.close();
        svg.open("g", "class", "y-axis", "text-anchor", "end");
        double widest = 0;
        for (double tick : y.ticks(yCount)) {
            double py = y.apply(tick);
            String label = Numbers.tick(tick);
            widest = Math.max(widest, textWidth(label, fontSize));
            svg.empty(
                    "line",
                    "x1",
                    Numbers.px(plot.x0() - fontSize * 0.4),
                    "x2",
                    Numbers.px(plot.x0()),
                    "y1",
                    Numbers.px(py),
                    "y2",
                    Numbers.px(py),
                    "stroke",
                    AXIS);
            svg.element(
                    "text", label, "x", Numbers.px(plot.x0() - fontSize * 0.6), "y", Numbers.px(py + fontSize * 0.35));
        }
        double labelX = Math.max(fontSize, plot.x0() - fontSize * 1.2 - widest);
        double labelY = (plot.y0() + plot.y1()) / 2;
        svg.element(
                "text",
                yLabel,
                "class",
                "axis-label",
                "text-anchor",
                "middle",
                "transform",
                "translate(" + Numbers.px(labelX) + " " + Numbers.px(labelY) + ") rotate(-90)");
        svg.close();
        svg.close();
        svg.empty(
                "rect",
                "class",
                "frame",
                "x",
                Numbers.px(plot.x0()),
                "y",
                Numbers.px(plot.y0()),
                "width",
                Numbers.px(plot.width()),
                "height",
                Numbers.px(plot.height()),
                "fill",
                "none",
                "stroke",
                AXIS);
    }

    /**
     * The legend: a swatch in each trace's colour, its label and its summary, from (x, y) down, at
     * most {@code height} tall. Returns the y below the last entry.
     */
    static double legend(
            SvgWriter svg,
            List<Trace> traces,
            double x,
            double y,
            double width,
            double height,
            double fontSize,
            boolean markers) {
        double small = fontSize * 0.85;
        double row = Math.min(fontSize * 2.6, Math.max(fontSize * 1.3, height / Math.max(1, traces.size())));
        boolean twoLines = row >= fontSize * 2.3;
        svg.open("g", "class", "legend");
        for (int i = 0; i < traces.size(); i++) {
            Trace trace = traces.get(i);
            double top = y + i * row;
            String color = Colors.category(i);
            svg.open("g", "class", "legend-entry", "data-label", trace.label());
            svg.empty(
                    "line",
                    "x1",
                    Numbers.px(x),
                    "x2",
                    Numbers.px(x + fontSize * 1.8),
                    "y1",
                    Numbers.px(top + fontSize * 0.6),
                    "y2",
                    Numbers.px(top + fontSize * 0.6),
                    "stroke",
                    color,
                    "stroke-width",
                    "2.5");
            if (markers) {
                svg.empty(
                        "circle",
                        "cx",
                        Numbers.px(x),
                        "cy",
                        Numbers.px(top + fontSize * 0.6),
                        "r",
                        Numbers.px(fontSize * 0.3),
                        "fill",
                        "#ffffff",
                        "stroke",
                        color,
                        "stroke-width",
                        "1.5");
                svg.empty(
                        "circle",
                        "cx",
                        Numbers.px(x + fontSize * 1.8),
                        "cy",
                        Numbers.px(top + fontSize * 0.6),
                        "r",
                        Numbers.px(fontSize * 0.3),
                        "fill",
                        color);
            }
            double textX = x + fontSize * 2.4;
            double textWidth = width - fontSize * 2.4;
            if (twoLines) {
                svg.element(
                        "text",
                        fit(trace.label(), textWidth, fontSize),
                        "x",
                        Numbers.px(textX),
                        "y",
                        Numbers.px(top + fontSize * 0.95),
                        "font-weight",
                        "bold",
                        "fill",
                        AXIS);
                svg.element(
                        "text",
                        fit(trace.summary(), textWidth, small),
                        "class",
                        "legend-summary",
                        "x",
                        Numbers.px(textX),
                        "y",
                        Numbers.px(top + fontSize * 2.0),
                        "font-size",
                        Numbers.px(small),
                        "fill",
                        MUTED);
            } else {
                String text = trace.label() + ": " + Numbers.label(trace.finalLoss(), 3);
                svg.element(
                        "text",
                        fit(text, textWidth, small),
                        "x",
                        Numbers.px(textX),
                        "y",
                        Numbers.px(top + fontSize * 0.95),
                        "font-size",
                        Numbers.px(small),
                        "fill",
                        AXIS);
            }
            svg.close();
        }
        svg.close();
        return y + traces.size() * row;
    }

    /**
     * SVG polyline points for pixel coordinates, dropping points within a third of a pixel of the
     * last one kept (a long run's thousands of tiny steps), but always keeping the last.
     */
    static String points(double[] xs, double[] ys, int from, int to) {
        StringBuilder text = new StringBuilder((to - from) * 12);
        double lastX = Double.NaN;
        double lastY = Double.NaN;
        for (int k = from; k < to; k++) {
            boolean last = k == to - 1;
            if (!last && Math.abs(xs[k] - lastX) < 0.33 && Math.abs(ys[k] - lastY) < 0.33) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(Numbers.px(xs[k])).append(',').append(Numbers.px(ys[k]));
            lastX = xs[k];
            lastY = ys[k];
        }
        return text.toString();
    }

    /** A cross (×) centred on (x, y). */
    static String cross(double x, double y, double size) {
        return "M" + Numbers.px(x - size) + " " + Numbers.px(y - size) + "L" + Numbers.px(x + size) + " "
                + Numbers.px(y + size) + "M" + Numbers.px(x - size) + " " + Numbers.px(y + size) + "L"
                + Numbers.px(x + size) + " " + Numbers.px(y - size);
    }

    /** A five-pointed star centred on (x, y). */
    static String star(double x, double y, double radius) {
        StringBuilder d = new StringBuilder();
        for (int k = 0; k < 10; k++) {
            double r = k % 2 == 0 ? radius : radius * 0.45;
            double angle = -Math.PI / 2 + k * Math.PI / 5;
            d.append(k == 0 ? "M" : "L")
                    .append(Numbers.px(x + r * Math.cos(angle)))
                    .append(' ')
                    .append(Numbers.px(y + r * Math.sin(angle)));
        }
        return d.append('Z').toString();
    }
}
