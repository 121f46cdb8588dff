package org.optlab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Pins {@code POST /api/v1/plots}: the three kinds, determinism, and problems naming the field. */
@WebMvcTest({PlotController.class, StudyController.class})
@Import({WebSliceConfiguration.class, PlotService.class})
class PlotControllerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final String ROSENBROCK_PATHS = """
            {"kind": "paths", "width": 720, "height": 540, "objective": {"name": "rosenbrock"},
             "optimizers": [{"name": "adam", "learningRate": 0.02, "label": "Adam"},
                            {"name": "sgd", "learningRate": 0.001, "momentum": 0.9, "label": "SGD+momentum"}],
             "iterations": 500, "record": {"every": 5}}""";

    @Autowired
    private MockMvcTester mvc;

    @Test
    void pathsOfAComparisonOverLogSpacedContours() throws Exception {
        MvcTestResult result = post(ROSENBROCK_PATHS);

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith("image/svg+xml");
        assertThat(result.getResponse().getHeader("Content-Disposition")).contains("optlab-paths.svg");
        Document svg = parse(result);
        assertThat(svg.getDocumentElement().getAttribute("width")).isEqualTo("720");
        assertThat(svg.getDocumentElement().getAttribute("height")).isEqualTo("540");
        assertThat(byClass(svg, "g", "trace"))
                .extracting(e -> e.getAttribute("data-label"))
                .containsExactly("Adam", "SGD+momentum");
        assertThat(byClass(svg, "polyline", "path-line")).hasSize(2);
        assertThat(byClass(svg, "g", "contours").get(0).getAttribute("data-spacing"))
                .isEqualTo("log");
        List<Element> levels = byClass(svg, "g", "level");
        assertThat(levels).hasSizeGreaterThan(8);
        double ratio = Double.parseDouble(levels.get(1).getAttribute("data-level"))
                / Double.parseDouble(levels.get(0).getAttribute("data-level"));
        for (int k = 2; k < levels.size(); k++) {
            double r = Double.parseDouble(levels.get(k).getAttribute("data-level"))
                    / Double.parseDouble(levels.get(k - 1).getAttribute("data-level"));
            assertThat(r).isCloseTo(ratio, org.assertj.core.api.Assertions.within(1e-9));
        }
        assertThat(byClass(svg, "g", "minimum")).hasSize(1);
        assertThat(svg.getDocumentElement().getTextContent()).contains("Rosenbrock");
    }

    @Test
    void theSameRequestGivesTheSameBytes() {
        byte[] first = post(ROSENBROCK_PATHS).getResponse().getContentAsByteArray();
        byte[] second = post(ROSENBROCK_PATHS).getResponse().getContentAsByteArray();
        assertThat(first).isNotEmpty().isEqualTo(second);
    }

    @Test
    void legendFinalLossesAreTheComparisonsOwn() throws Exception {
        String comparison = ROSENBROCK_PATHS.replace("\"kind\": \"paths\", \"width\": 720, \"height\": 540, ", "");
        JsonNode results = JSON.readTree(mvc.post()
                        .uri("/api/v1/comparisons")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(comparison)
                        .exchange()
                        .getResponse()
                        .getContentAsByteArray())
                .get("results");
        Document svg = parse(post(ROSENBROCK_PATHS));
        List<Element> legend = byClass(svg, "g", "legend-entry");
        assertThat(legend).hasSize(2);
        for (int i = 0; i < 2; i++) {
            double loss = results.get(i).get("finalLoss").doubleValue();
            assertThat(legend.get(i).getTextContent()).contains(org.optlab.plot.Numbers.label(loss, 4));
        }
    }

    @Test
    void aHigherDimensionalObjectivePlotsLossesByDefault() throws Exception {
        MvcTestResult result = post("""
                {"objective": {"name": "rosenbrock", "dimension": 5},
                 "optimizers": [{"name": "adam", "learningRate": 0.01}, {"name": "rmsprop"}], "iterations": 300}""");

        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getHeader("Content-Disposition")).contains("optlab-losses.svg");
        Document svg = parse(result);
        assertThat(byClass(svg, "polyline", "loss-line")).hasSize(2);
        assertThat(byClass(svg, "g", "trace"))
                .extracting(e -> e.getAttribute("data-label"))
                .containsExactly("adam", "rmsprop");
    }

    @Test
    void aSweepIsAHeatmapWithOneCellPerGridPoint() throws Exception {
        MvcTestResult result = post("""
                {"kind": "sweep", "objective": {"name": "rosenbrock"}, "optimizer": {"name": "momentum"},
                 "iterations": 200,
                 "search": {"grid": {"learningRate": [0.0001, 0.0003, 0.001, 0.003], "beta": [0.5, 0.9, 0.99]}}}""");

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith("image/svg+xml");
        Document svg = parse(result);
        List<Element> cells = byClass(svg, "g", "cell");
        assertThat(cells).hasSize(12);
        assertThat(byClass(svg, "g", "best")).hasSize(1);
        JsonNode parameters = JSON.readTree(cells.get(0).getAttribute("data-parameters"));
        assertThat(parameters.get("learningRate").doubleValue()).isEqualTo(0.0001);
        assertThat(parameters.get("beta").doubleValue()).isEqualTo(0.5);
        assertThat(cells).allMatch(cell -> !cell.getAttribute("data-status").isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            beta1 out of range | {"objective": {"name": "rosenbrock"}, "optimizers": [{"name": "adam", "beta1": 2}]} | optimizers[0].beta1
            width too small    | {"width": 20, "objective": {"name": "rosenbrock"}, "optimizers": [{"name": "adam"}]} | width
            unknown kind       | {"kind": "pie", "objective": {"name": "rosenbrock"}, "optimizers": [{"name": "adam"}]} | kind
            paths in 5-D       | {"kind": "paths", "objective": {"name": "sphere", "dimension": 5}, "optimizers": [{"name": "adam"}]} | kind
            no optimizers      | {"objective": {"name": "rosenbrock"}} | optimizers
            one-axis grid      | {"kind": "sweep", "objective": {"name": "rosenbrock"}, "optimizer": {"name": "adam"}, "search": {"grid": {"learningRate": [0.1]}}} | search.grid
            sweep without body | {"kind": "sweep", "objective": {"name": "rosenbrock"}, "optimizers": [{"name": "adam"}]} | optimizers
            unknown property   | {"objective": {"name": "rosenbrock"}, "optimizers": [{"name": "adam"}], "colour": "red"} | colour
            too many levels    | {"levels": 500, "objective": {"name": "rosenbrock"}, "optimizers": [{"name": "adam"}]} | levels
            bad scale          | {"scale": "sqrt", "objective": {"name": "rosenbrock"}, "optimizers": [{"name": "adam"}]} | scale
            empty bounds       | {"bounds": {"xMin": 1, "xMax": 0, "yMin": 0, "yMax": 1}, "objective": {"name": "rosenbrock"}, "optimizers": [{"name": "adam"}]} | bounds
            missing objective  | {"optimizers": [{"name": "adam"}]} | objective
            """)
    void invalidRequestsAreProblemsNamingTheField(String why, String body, String field) {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/plots")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.parseMediaType("image/svg+xml"))
                .content(body)
                .exchange();

        assertThat(result)
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = JSON.readTree(result.getResponse().getContentAsByteArray());
        assertThat(problem.get("type").stringValue()).isEqualTo("urn:optlab:problem:validation");
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").stringValue()));
        assertThat(fields).contains(field);
    }

    private MvcTestResult post(String body) {
        return mvc.post()
                .uri("/api/v1/plots")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private static Document parse(MvcTestResult result) throws Exception {
        assertThat(result).hasStatusOk();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        byte[] bytes = result.getResponse().getContentAsByteArray();
        assertThat(new String(bytes, 0, 5, StandardCharsets.UTF_8)).isEqualTo("<?xml");
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    private static List<Element> byClass(Document document, String tag, String cssClass) {
        NodeList nodes = document.getElementsByTagName(tag);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element element = (Element) nodes.item(i);
            if (List.of(element.getAttribute("class").split(" ")).contains(cssClass)) {
                found.add(element);
            }
        }
        return found;
    }
}
