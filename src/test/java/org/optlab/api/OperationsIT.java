package org.optlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.optlab.config.HttpSecurityProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service as its operators see it, on a real port: which actuator endpoints exist and what
 * they show (health groups, version and commit, Prometheus metrics of runs and of the pool, no
 * environment or configuration), the security headers on every kind of response, a Swagger UI
 * that still works under the Content-Security-Policy, CORS for a configured origin only, and
 * hostile transport details MockMvc cannot show. (The request log: {@link JsonLogsIT}.)
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "optlab.cors.allowed-origins=" + OperationsIT.PLAYGROUND,
            "optlab.operations-test.secret=" + OperationsIT.SECRET
        })
class OperationsIT {

    static final String PLAYGROUND = "https://playground.example.org";
    static final String SECRET = "do-not-show-3f9c1e";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static final String RUN = """
            {"objective": {"name": "rosenbrock"}, "optimizer": {"name": "adam"}, "iterations": 20}""";

    @LocalServerPort
    private int port;

    // ---------------------------------------------------------------------------------------------
    // Actuator

    @Test
    void onlyHealthInfoAndPrometheusAreExposed() throws Exception {
        JsonNode links = json(get("/actuator")).get("_links");
        Set<String> names = new HashSet<>(links.propertyNames());

        assertThat(names).containsExactlyInAnyOrder("self", "health", "health-path", "info", "prometheus");
        for (String hidden : List.of(
                "env",
                "configprops",
                "beans",
                "heapdump",
                "threaddump",
                "loggers",
                "metrics",
                "mappings",
                "conditions",
                "scheduledtasks",
                "caches",
                "startup",
                "sbom",
                "logfile",
                "shutdown")) {
            HttpResponse<String> response = get("/actuator/" + hidden);
            assertThat(response.statusCode()).as("/actuator/%s", hidden).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/shutdown"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void noActuatorAnswerShowsEnvironmentOrConfiguration() throws Exception {
        JsonNode health = json(get("/actuator/health"));
        assertThat(health.get("status").stringValue()).isEqualTo("UP");
        assertThat(health.has("components")).isFalse();
        assertThat(health.has("details")).isFalse();
        for (String group : List.of("liveness", "readiness")) {
            HttpResponse<String> probe = get("/actuator/health/" + group);
            assertThat(probe.statusCode()).as(group).isEqualTo(200);
            assertThat(json(probe).get("status").stringValue()).isEqualTo("UP");
        }
        assertThat(json(get("/actuator/info")).propertyNames()).isSubsetOf("build", "git");

        for (String path : List.of(
                "/actuator",
                "/actuator/health",
                "/actuator/health/readiness",
                "/actuator/info",
                "/actuator/prometheus",
                "/actuator/env",
                "/actuator/env/optlab.operations-test.secret",
                "/actuator/configprops")) {
            assertThat(get(path).body()).as(path).doesNotContain(SECRET);
        }
    }

    @Test
    void infoShowsTheVersionAndTheCommit() throws Exception {
        JsonNode info = json(get("/actuator/info"));

        Properties build = classpathProperties("META-INF/build-info.properties")
                .orElseThrow(() -> new AssertionError(
                        "build-info.properties is missing: spring-boot-maven-plugin " + "build-info did not run"));
        assertThat(info.get("build").get("version").stringValue()).isEqualTo(build.getProperty("build.version"));
        assertThat(info.get("build").get("artifact").stringValue()).isEqualTo("optlab");

        // Without .git (a source archive, the Docker build) there is no git.properties, and no git.
        Optional<Properties> git = classpathProperties("git.properties");
        assumeTrue(git.isPresent(), "built without a Git checkout");
        String commit = git.get().getProperty("git.commit.id.abbrev");
        assertThat(commit).isNotBlank();
        assertThat(info.get("git").get("commit").get("id").stringValue()).isEqualTo(commit);
    }

    @Test
    void prometheusCountsRunsAndShowsThePool() throws Exception {
        String before = get("/actuator/prometheus").body();

        assertThat(post("/api/v1/runs", RUN).statusCode()).isEqualTo(200);
        assertThat(post("/api/v1/comparisons", """
                        {"objective": {"name": "sphere"}, "iterations": 30,
                         "optimizers": [{"name": "adam", "label": "a"}, {"name": "lookahead", "inner": {"name": "sgd"}}]}""").statusCode()).isEqualTo(200);
        assertThat(post("/api/v1/sweeps", """
                        {"objective": {"name": "sphere"}, "optimizer": {"name": "rmsprop"}, "iterations": 30,
                         "search": {"grid": {"learningRate": [0.001, 0.01, 0.1]}}}""").statusCode()).isEqualTo(200);
        HttpResponse<String> job = post("/api/v1/jobs", """
                {"type": "run", "request": {"objective": {"name": "sphere"}, "optimizer": {"name": "adagrad"},
                 "iterations": 40}}""");
        assertThat(job.statusCode()).isEqualTo(202);
        String jobPath = job.headers().firstValue("Location").orElseThrow();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!json(get(jobPath)).get("status").stringValue().equals("succeeded")) {
            assertThat(System.nanoTime()).as("job finishes").isLessThan(deadline);
            Thread.sleep(20);
        }

        HttpResponse<String> scrape = get("/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        String after = scrape.body();

        String run = "optlab_runs_total{optimizer=\"adam\",source=\"run\",status=\"max_iterations\"}";
        assertThat(sample(after, run) - sample(before, run)).isEqualTo(1);
        String compared = "optlab_runs_total{optimizer=\"adam\",source=\"comparison\",status=\"max_iterations\"}";
        assertThat(sample(after, compared) - sample(before, compared)).isEqualTo(1);
        String wrapped = "optlab_runs_total{optimizer=\"lookahead\",source=\"comparison\",status=\"max_iterations\"}";
        assertThat(sample(after, wrapped) - sample(before, wrapped)).isEqualTo(1);
        // Three trials and the best trial's full run.
        String swept = "optlab_runs_total{optimizer=\"rmsprop\",source=\"sweep\",status=\"max_iterations\"}";
        assertThat(sample(after, swept) - sample(before, swept)).isEqualTo(4);
        String byJob = "optlab_runs_total{optimizer=\"adagrad\",source=\"run\",status=\"max_iterations\"}";
        assertThat(sample(after, byJob) - sample(before, byJob)).isEqualTo(1);

        String iterations = "optlab_run_iterations_bucket{optimizer=\"adam\",le=\"100.0\"}";
        assertThat(sample(after, iterations) - sample(before, iterations)).isEqualTo(2); // 20 and 30 steps
        assertThat(sample(after, "optlab_run_compute_seconds_count{optimizer=\"rmsprop\"}")
                        - sample(before, "optlab_run_compute_seconds_count{optimizer=\"rmsprop\"}"))
                .isEqualTo(4);
        assertThat(after).contains("optlab_run_compute_seconds_bucket{optimizer=\"adam\",le=\"0.001\"}");
        assertThat(sample(after, "optlab_pool_queued")).isZero();
        assertThat(sample(after, "optlab_pool_workers")).isPositive();
        assertThat(after)
                .containsPattern("(?m)^optlab_pool_active ")
                .containsPattern("(?m)^optlab_pool_rejections_total ");
        assertThat(after).contains("http_server_requests_seconds");
    }

    // ---------------------------------------------------------------------------------------------
    // Security headers, Swagger UI, CORS

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        List<HttpResponse<String>> responses = new ArrayList<>();
        responses.add(get("/api/v1/optimizers"));
        responses.add(post("/api/v1/runs", RUN));
        responses.add(post("/api/v1/runs", "{\"objective\": "));
        responses.add(post("/api/v1/comparisons", "{\"objective\": {\"name\": \"sphere\"}, \"optimizers\": []}"));
        responses.add(get("/api/v1/nothing-here"));
        responses.add(send(HttpRequest.newBuilder(uri("/api/v1/runs"))
                .method("PUT", HttpRequest.BodyPublishers.ofString(RUN))
                .header("Content-Type", "application/json")
                .build()));
        responses.add(send(HttpRequest.newBuilder(uri("/api/v1/runs"))
                .POST(HttpRequest.BodyPublishers.ofString(RUN))
                .header("Content-Type", "text/plain")
                .build()));
        responses.add(send(HttpRequest.newBuilder(uri("/api/v1/runs"))
                .POST(HttpRequest.BodyPublishers.ofString(RUN))
                .header("Content-Type", "application/json")
                .header("Accept", "image/png")
                .build()));
        byte[] big =
                (RUN.substring(0, RUN.length() - 1) + " ".repeat(1_100_000) + "}").getBytes(StandardCharsets.UTF_8);
        responses.add(post("/api/v1/runs", big)); // 413 from the size filter, before Spring MVC
        responses.add(send(HttpRequest.newBuilder(uri("/api/v1/runs"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .header("Content-Type", "application/json")
                .build())); // 413 while reading a chunked body
        responses.add(get("/api/v1/jobs/no-such-job"));
        responses.add(get("/actuator/health"));
        responses.add(get("/actuator/prometheus"));
        responses.add(get("/actuator/env"));
        responses.add(get("/v3/api-docs"));
        responses.add(get("/swagger-ui/index.html"));
        responses.add(preflight("/api/v1/runs", PLAYGROUND));

        Set<Integer> statuses = new HashSet<>();
        for (HttpResponse<String> response : responses) {
            String what = response.request().method() + " " + response.uri().getPath() + " → " + response.statusCode();
            statuses.add(response.statusCode());
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as(what)
                    .hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options"))
                    .as(what)
                    .hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy"))
                    .as(what)
                    .hasValue("no-referrer");
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .as(what)
                    .hasValue(HttpSecurityProperties.DEFAULT_CSP);
        }
        assertThat(statuses).contains(200, 400, 404, 405, 406, 413, 415);
    }

    @Test
    void swaggerUiNeedsNothingTheContentSecurityPolicyForbids() throws Exception {
        HttpResponse<String> page = get("/swagger-ui.html"); // redirects to /swagger-ui/index.html
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        String html = page.body();

        // script-src 'self': every script is a same-origin file, none is inline.
        Matcher scripts =
                Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        List<String> sources = new ArrayList<>();
        while (scripts.find()) {
            assertThat(scripts.group(2).strip()).as("inline script").isEmpty();
            Matcher src = Pattern.compile("src=\"([^\"]+)\"").matcher(scripts.group(1));
            assertThat(src.find()).as("script without src").isTrue();
            sources.add(src.group(1));
        }
        Matcher links = Pattern.compile("<link[^>]*href=\"([^\"]+)\"").matcher(html);
        while (links.find()) {
            sources.add(links.group(1));
        }
        assertThat(sources).hasSizeGreaterThanOrEqualTo(4);
        URI base = page.uri();
        for (String source : sources) {
            URI resolved = base.resolve(source);
            assertThat(resolved.getHost()).as(source).isEqualTo(base.getHost());
            assertThat(resolved.getPort()).as(source).isEqualTo(base.getPort());
            assertThat(send(HttpRequest.newBuilder(resolved).GET().build()).statusCode())
                    .as(source)
                    .isEqualTo(200);
        }
        // connect-src 'self': the UI's configuration and the document it shows are same-origin.
        JsonNode config = json(get("/v3/api-docs/swagger-config"));
        String documentUrl = config.get("url").stringValue();
        assertThat(URI.create(documentUrl).getHost()).isNull();
        assertThat(get(documentUrl).statusCode()).isEqualTo(200);
    }

    @Test
    void swaggerUiRendersInAHeadlessBrowserUnderTheContentSecurityPolicy() throws Exception {
        Optional<String> browser = Stream.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
                .filter(OperationsIT::onPath)
                .findFirst();
        assumeTrue(browser.isPresent(), "no headless Chromium on this machine");
        Path profile = Files.createTempDirectory("optlab-chromium");
        Process chromium = new ProcessBuilder(
                        browser.get(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--user-data-dir=" + profile,
                        "--virtual-time-budget=15000",
                        "--enable-logging=stderr",
                        "--v=0",
                        "--dump-dom",
                        "http://127.0.0.1:" + port + "/swagger-ui/index.html")
                .redirectErrorStream(false)
                .start();
        String[] err = new String[1];
        Thread stderr = new Thread(() -> err[0] = readAll(chromium.getErrorStream()));
        stderr.start();
        String dom = readAll(chromium.getInputStream());
        assertThat(chromium.waitFor(90, TimeUnit.SECONDS))
                .as("chromium finished")
                .isTrue();
        stderr.join(5_000);

        assertThat(err[0]).doesNotContain("Content Security Policy");
        // The title comes from /v3/api-docs, rendered by the UI's scripts.
        assertThat(dom).containsPattern("class=\"title\">optlab");
        assertThat(dom).contains("/api/v1/runs");
    }

    @Test
    void corsOpensTheApiToTheConfiguredOriginOnly() throws Exception {
        HttpResponse<String> allowed = preflight("/api/v1/runs", PLAYGROUND);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PLAYGROUND);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValueSatisfying(methods -> assertThat(methods).contains("POST"));
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials"))
                .isEmpty();

        HttpResponse<String> other = preflight("/api/v1/runs", "https://elsewhere.example");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> actual = send(HttpRequest.newBuilder(uri("/api/v1/runs"))
                .POST(HttpRequest.BodyPublishers.ofString(RUN))
                .header("Content-Type", "application/json")
                .header("Origin", PLAYGROUND)
                .build());
        assertThat(actual.statusCode()).isEqualTo(200);
        assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PLAYGROUND);
        assertThat(actual.headers().firstValue("Access-Control-Expose-Headers"))
                .hasValueSatisfying(exposed -> assertThat(exposed).contains("Server-Timing"));

        HttpResponse<String> actuator = preflight("/actuator/health", PLAYGROUND);
        assertThat(actuator.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // Transport details that only a real server shows

    @Test
    void hostileContentTypesAreUnsupportedMediaTypesNotFailures() throws Exception {
        for (String contentType : List.of(
                "multipart/form-data",
                "multipart/form-data; boundary=xyz",
                "multipart/mixed",
                "application/json; charset=",
                "application/json; charset=x y",
                "application/json; charset=bogus",
                "application/x-www-form-urlencoded")) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/runs"))
                    .POST(HttpRequest.BodyPublishers.ofString(RUN))
                    .header("Content-Type", contentType)
                    .build());
            assertThat(response.statusCode()).as(contentType).isEqualTo(415);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(contentType)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** The value of one Prometheus sample (name with its labels, as written), 0 when absent. */
    private static double sample(String scrape, String series) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).strip());
            }
        }
        return 0;
    }

    private static Optional<Properties> classpathProperties(String resource) throws IOException {
        try (InputStream in = OperationsIT.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            return Optional.of(properties);
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null
                && Stream.of(path.split(java.io.File.pathSeparator))
                        .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private HttpResponse<String> preflight(String path, String origin) throws Exception {
        return send(HttpRequest.newBuilder(uri(path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .build());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, byte[] body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json")
                .build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        HttpClient client = HTTP;
        if (request.uri().getPath().equals("/swagger-ui.html")) {
            client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
        }
        return client.send(
                HttpRequest.newBuilder(request, (name, value) -> true)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
