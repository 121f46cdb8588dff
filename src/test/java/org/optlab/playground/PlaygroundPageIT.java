package org.optlab.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The playground is served by the service itself and works offline: GET / is the page, every
 * script and style it loads comes from the service, and nothing points at another host (no CDN).
 * Runs without a browser; {@link PlaygroundBrowserIT} drives the page in one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlaygroundPageIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> MODULES =
            List.of("main.js", "api.js", "graphics.js", "forms.js", "views.js", "playground.css");
    private static final Pattern IMPORT = Pattern.compile("from '\\./([a-z]+\\.js)'");

    @LocalServerPort
    private int port;

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theRootIsThePlaygroundPage() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body())
                .contains("<title>optlab playground</title>")
                .contains("src=\"playground/main.js\"")
                .contains("href=\"playground/playground.css\"");
    }

    @Test
    void everyAssetIsServedHereAndNothingComesFromElsewhere() throws Exception {
        String page = get("/").body();
        assertThat(page).doesNotContainPattern("(src|href)=\"(https?:)?//");
        for (String module : MODULES) {
            HttpResponse<String> asset = get("/playground/" + module);
            assertThat(asset.statusCode()).as(module).isEqualTo(200);
            assertThat(asset.headers().firstValue("Content-Type").orElse(""))
                    .as(module)
                    .startsWith(module.endsWith(".js") ? "text/javascript" : "text/css");
            assertThat(asset.body()).as(module).doesNotContainPattern("(import|from|url\\()\\s*['\"(]?(https?:)?//");
            Matcher imports = IMPORT.matcher(asset.body());
            while (imports.find()) {
                assertThat(MODULES)
                        .as("%s imports %s", module, imports.group(1))
                        .contains(imports.group(1));
            }
        }
    }
}
