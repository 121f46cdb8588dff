package org.optlab.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The three plots, fed hand-made data: valid SVG with the expected elements and counts, identical
 * bytes for identical input, and byte-for-byte equal to the golden files in
 * {@code src/test/resources/plots} (rewrite them with {@code -Doptlab.plots.update-golden=true}
 * after an intended change, and look at them).
 */
class PlotRenderingTest {

    private static final Path GOLDEN = Path.of("src/test/resources/plots");

    static Field bowl() {
        double[] x = new double[41];
        double[] y = new double[31];
        for (int i = 0; i < x.length; i++) {
            x[i] = -2 + 4.0 * i / (x.length - 1);
        }
        for (int j = 0; j < y.length; j++) {
            y[j] = -1.5 + 3.0 * j / (y.length - 1);
        }
        double[][] values = new double[y.length][x.length];
        for (int j = 0; j < y.length; j++) {
            for (int i = 0; i < x.length; i++) {
                values[j][i] = x[i] * x[i] + 4 * y[j] * y[j];
            }
        }
        return new Field(x, y, values);
    }

    /** A path spiralling from (start) towards the origin over n recorded points. */
    static Trace spiral(String label, double startX, double startY, int n, double rate, String status) {
        int[] iterations = new int[n];
        double[][] points = new double[n][];
        double[] losses = new double[n];
        for (int k = 0; k < n; k++) {
            double shrink = Math.pow(rate, k);
            double angle = 0.3 * k;
            double px = shrink * (startX * Math.cos(angle) - startY * Math.sin(angle));
            double py = shrink * (startX * Math.sin(angle) + startY * Math.cos(angle));
            iterations[k] = 10 * k;
            points[k] = new double[] {px, py};
            losses[k] = px * px + 4 * py * py;
        }
        return new Trace(label, status, 10 * (n - 1), losses[n - 1], iterations, points, losses);
    }

    static Trace diverging() {
        return new Trace(
                "SGD (lr 1)",
                "diverged",
                3,
                Double.POSITIVE_INFINITY,
                new int[] {0, 1, 2, 3},
                new double[][] {{1.5, 1}, {-3, -6}, {40, 90}, {Double.NaN, Double.NaN}},
                new double[] {6.25, 153, 34000, Double.POSITIVE_INFINITY});
    }

    static PathsPlot pathsPlot() {
        return new PathsPlot(
                "A bowl: 3 optimizers",
                640,
                480,
                bowl(),
                10,
                ContourLevels.Spacing.AUTO,
                List.of(new double[] {0, 0}),
                0,
                List.of(
                        spiral("Adam", 1.8, 1.2, 40, 0.9, "max_iterations"),
                        spiral("SGD & momentum <0.9>", -1.5, -1.0, 30, 0.8, "converged"),
                        diverging()),
                new String[] {"x", "y"});
    }

    static LossesPlot lossesPlot() {
        return new LossesPlot(
                "Loss against iteration",
                640,
                400,
                List.of(
                        spiral("Adam", 1.8, 1.2, 40, 0.9, "max_iterations"),
                        spiral("SGD", -1.5, -1.0, 30, 0.8, "converged"),
                        diverging()),
                ContourLevels.Spacing.AUTO,
                0);
    }

    static SweepHeatmap heatmap() {
        List<Object> rates = List.of(1e-4, 1e-3, 1e-2, 0.1);
        List<Object> betas = List.of(0.5, 0.9, 0.99);
        double[][] losses = {
            {3.2, 2.9, 2.5}, {0.9, 0.12, 0.02}, {0.004, 1.5e-5, 2e-7}, {Double.NaN, 7e30, Double.POSITIVE_INFINITY}
        };
        String[][] statuses = {
            {"max_iterations", "max_iterations", "max_iterations"},
            {"max_iterations", "max_iterations", "max_iterations"},
            {"max_iterations", "converged", "converged"},
            {"diverged", "max_iterations", "diverged"}
        };
        return new SweepHeatmap(
                "momentum on a bowl",
                640,
                480,
                "learningRate",
                rates,
                "beta",
                betas,
                losses,
                statuses,
                24.2,
                ContourLevels.Spacing.AUTO);
    }

    @Test
    void pathsPlotHasContoursEveryPathItsMarkersTheMinimumAndALegend() throws Exception {
        PathsPlot plot = pathsPlot();
        Document svg = parse(plot.render());

        Element root = svg.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getAttribute("width")).isEqualTo("640");
        assertThat(root.getAttribute("height")).isEqualTo("480");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 640 480");

        List<Element> levels = byClass(svg, "g", "level");
        assertThat(levels).hasSize(plot.contourLevels().values().length).hasSizeGreaterThan(4);
        for (Element level : levels) {
            int lines = level.getElementsByTagName("polyline").getLength()
                    + level.getElementsByTagName("polygon").getLength();
            assertThat(lines).as("level %s", level.getAttribute("data-level")).isPositive();
        }
        // Ellipses x² + 4y² = c are closed inside the window for small c.
        assertThat(levels.get(0).getElementsByTagName("polygon").getLength()).isEqualTo(1);

        List<Element> traces = byClass(svg, "g", "trace");
        assertThat(traces)
                .extracting(t -> t.getAttribute("data-label"))
                .containsExactly("Adam", "SGD & momentum <0.9>", "SGD (lr 1)");
        for (Element trace : traces) {
            assertThat(byClass(trace, "polyline", "path-line")).isNotEmpty();
        }
        assertThat(byClass(svg, "circle", "start")).hasSize(3);
        assertThat(byClass(svg, "circle", "end")).hasSize(2);
        assertThat(byClass(svg, "path", "diverged")).hasSize(1);
        assertThat(byClass(svg, "g", "minimum")).hasSize(1);
        List<Element> legend = byClass(svg, "g", "legend-entry");
        assertThat(legend).hasSize(3);
        assertThat(legend.get(0).getTextContent()).contains("Adam").contains("loss ");
        assertThat(legend.get(2).getTextContent()).contains("diverged at 3");
        assertThat(byClass(svg, "g", "colorbar")).hasSize(1);
        assertThat(textOf(svg, "x-axis")).contains("−2", "0", "2");
    }

    @Test
    void lossesPlotDrawsOneCurvePerTraceOnALogAxis() throws Exception {
        LossesPlot plot = lossesPlot();
        assertThat(plot.axis()).isEqualTo(LossesPlot.Axis.LOSS_LOG);
        Document svg = parse(plot.render());

        assertThat(byClass(svg, "g", "trace")).hasSize(3);
        assertThat(byClass(svg, "polyline", "loss-line")).hasSize(3);
        assertThat(byClass(svg, "path", "diverged")).hasSize(1);
        assertThat(byClass(svg, "g", "curves").get(0).getAttribute("data-scale"))
                .isEqualTo("log");
        assertThat(textOf(svg, "y-axis")).contains("loss (log scale)").contains("1e-");
        assertThat(byClass(svg, "g", "legend-entry")).hasSize(3);
    }

    @Test
    void lossesBelowZeroAreShownAsTheGapToAKnownMinimum() {
        Trace negative = new Trace(
                "Adam",
                "max_iterations",
                2,
                -78.3,
                new int[] {0, 1, 2},
                new double[][] {{0, 0}, {0, 0}, {0, 0}},
                new double[] {-10, -70, -78.3});
        assertThat(new LossesPlot("t", 400, 300, List.of(negative), ContourLevels.Spacing.AUTO, -78.33).axis())
                .isEqualTo(LossesPlot.Axis.GAP_LOG);
        assertThat(new LossesPlot("t", 400, 300, List.of(negative), ContourLevels.Spacing.AUTO, Double.NaN).axis())
                .isEqualTo(LossesPlot.Axis.LOSS_LINEAR);
    }

    @Test
    void heatmapHasOneCellPerGridPointTheBestOutlinedAndAColourBar() throws Exception {
        Document svg = parse(heatmap().render());

        List<Element> cells = byClass(svg, "g", "cell");
        assertThat(cells).hasSize(4 * 3);
        List<Element> best = byClass(svg, "g", "best");
        assertThat(best).hasSize(1);
        assertThat(best.get(0).getAttribute("data-parameters")).isEqualTo("{\"learningRate\":0.01,\"beta\":0.99}");
        assertThat(best.get(0).getAttribute("data-status")).isEqualTo("converged");
        assertThat(byClass(svg, "g", "cells").get(0).getAttribute("data-scale")).isEqualTo("log");
        // Non-finite losses are grey; a finite but exploded one is clamped at the colour bar's ceiling.
        long grey = cells.stream()
                .filter(c -> "#d0d0d0"
                        .equals(((Element) c.getElementsByTagName("rect").item(0)).getAttribute("fill")))
                .count();
        assertThat(grey).isEqualTo(2);
        assertThat(byClass(svg, "text", "ceiling")).hasSize(1);
        assertThat(textOf(svg, "x-axis")).contains("learningRate", "1e-4", "0.1");
        assertThat(textOf(svg, "y-axis")).contains("beta", "0.99");
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        assertThat(pathsPlot().render()).isEqualTo(pathsPlot().render());
        assertThat(lossesPlot().render()).isEqualTo(lossesPlot().render());
        assertThat(heatmap().render()).isEqualTo(heatmap().render());
    }

    @Test
    void outputMatchesTheGoldenFiles() throws IOException {
        golden("paths.svg", pathsPlot().render());
        golden("losses.svg", lossesPlot().render());
        golden("sweep.svg", heatmap().render());
    }

    @Test
    void labelsAreEscapedNotInjected() throws Exception {
        Trace evil = spiral("</text><script>alert(1)</script>", 1, 1, 5, 0.5, "max_iterations");
        byte[] bytes = new LossesPlot("<b>&</b>", 400, 300, List.of(evil), ContourLevels.Spacing.AUTO, 0).render();
        Document svg = parse(bytes);
        assertThat(svg.getElementsByTagName("script").getLength()).isZero();
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("&lt;b&gt;&amp;&lt;/b&gt;");
    }

    private static void golden(String name, byte[] actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("optlab.plots.update-golden") || !Files.exists(file)) {
            Files.createDirectories(GOLDEN);
            Files.write(file, actual);
        }
        assertThat(new String(actual, StandardCharsets.UTF_8))
                .as("%s (rerun with -Doptlab.plots.update-golden=true after an intended change)", file)
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    static Document parse(byte[] svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
    }

    static List<Element> byClass(Document document, String tag, String cssClass) {
        return byClass(document.getDocumentElement(), tag, cssClass);
    }

    static List<Element> byClass(Element scope, String tag, String cssClass) {
        NodeList nodes = scope.getElementsByTagName(tag);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element element = (Element) nodes.item(i);
            if (List.of(element.getAttribute("class").split(" ")).contains(cssClass)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String textOf(Document document, String groupClass) {
        return byClass(document, "g", groupClass).get(0).getTextContent();
    }
}
