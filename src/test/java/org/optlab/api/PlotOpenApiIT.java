package org.optlab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI document describes the plot endpoint: its SVG answer, its examples and its specs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlotOpenApiIT {

    @LocalServerPort
    private int port;

    @Test
    void plotsAreDocumentedWithTheirMediaTypesExamplesAndCatalogSpecs() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode api = JsonMapper.builder().build().readTree(response.body());

        JsonNode plots = api.get("paths").get("/api/v1/plots").get("post");
        assertThat(plots.get("responses").get("200").get("content").has("image/svg+xml"))
                .isTrue();
        assertThat(plots.get("responses").get("400").get("content").has("application/problem+json"))
                .isTrue();
        assertThat(plots.get("requestBody")
                        .get("content")
                        .get("application/json")
                        .get("examples")
                        .propertyNames())
                .contains("paths", "losses", "sweep-heatmap");
        JsonNode request =
                api.get("components").get("schemas").get("PlotRequest").get("properties");
        assertThat(request.get("objective").get("$ref").stringValue()).endsWith("/ObjectiveSpec");
        assertThat(request.get("optimizer").get("$ref").stringValue()).endsWith("/OptimizerSpec");
        assertThat(request.get("optimizers")
                        .get("items")
                        .get("allOf")
                        .get(0)
                        .get("$ref")
                        .stringValue())
                .endsWith("/OptimizerSpec");
        assertThat(request.get("kind").get("enum").toString()).contains("paths", "losses", "sweep");
    }
}
