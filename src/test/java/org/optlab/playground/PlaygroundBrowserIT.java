package org.optlab.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The playground used as a person would, in headless Chromium (Debian's chromium and
 * chromium-driver; nothing is downloaded: Selenium Manager is bypassed by naming the driver).
 * Skipped where /usr/bin/chromium is absent, unless OPTLAB_REQUIRE_BROWSER=true (as .ci/run sets
 * it), where that is a failure. Screenshots go to target/playground-screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlaygroundBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "playground-screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ChromeDriver driver;
    private static Path profile;

    @LocalServerPort
    private int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equalsIgnoreCase(System.getenv("OPTLAB_REQUIRE_BROWSER"))) {
            fail("OPTLAB_REQUIRE_BROWSER is set but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
        }
        assumeTrue(present, "Debian's chromium and chromium-driver are not installed: browser tests skipped");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("optlab-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--no-first-run",
                "--hide-scrollbars",
                "--window-size=1400,1250",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void adamAndSgdWithMomentumOnRosenbrockDrawTwoPathsWithTheApisLosses() throws Exception {
        open("/");
        new Select(byId("objective")).selectByValue("himmelblau");
        new Select(byId("objective")).selectByVisibleText("Rosenbrock");
        removeEveryOptimizer();
        addOptimizer("adam");
        type("optimizers[0].learningRate", "0.02");
        addOptimizer("sgd");
        type("optimizers[1].learningRate", "0.001");
        type("optimizers[1].momentum", "0.9");
        type("optimizers[1].label", "SGD+momentum");
        type("iterations", "600");
        byId("run").click();
        awaitPaths();

        List<WebElement> paths = driver.findElements(By.cssSelector("#landscape polyline.opt-path"));
        assertThat(paths).hasSize(2);
        assertThat(paths).extracting(p -> p.getAttribute("data-label")).containsExactly("adam", "SGD+momentum");
        for (WebElement path : paths) {
            assertThat(path.getAttribute("points").split(" ")).hasSizeGreaterThan(50);
        }
        assertThat(driver.findElements(By.cssSelector("#landscape .opt-end"))).hasSize(2);
        assertThat(driver.findElements(By.cssSelector("#landscape .contours path")))
                .hasSizeGreaterThan(8);
        assertThat(driver.findElements(By.cssSelector("#losses polyline.loss-line")))
                .hasSize(2);

        // The numbers on the page are the API's for the request the page shows as curl.
        byId("copy-curl").click();
        String curl = byId("curl").getDomProperty("value");
        assertThat(curl).startsWith("curl -s http://localhost:" + port + "/api/v1/comparisons");
        String body =
                curl.substring(curl.indexOf("-d '") + 4, curl.lastIndexOf('\'')).replace("'\\''", "'");
        JsonNode api = JSON.readTree(post("/api/v1/comparisons", body));
        Map<String, Double> expected = new HashMap<>();
        api.get("results")
                .forEach(r -> expected.put(
                        r.get("label").stringValue(), r.get("finalLoss").doubleValue()));
        List<WebElement> rows = driver.findElements(By.cssSelector("#results tbody tr"));
        assertThat(rows).hasSize(2);
        for (WebElement row : rows) {
            String label = row.getAttribute("data-label");
            WebElement loss = row.findElement(By.cssSelector("td.final-loss"));
            assertThat(Double.parseDouble(loss.getAttribute("data-final-loss")))
                    .as(label)
                    .isEqualTo(expected.get(label));
            assertThat(Double.parseDouble(loss.getText()))
                    .as("%s as shown", label)
                    .isCloseTo(expected.get(label), within(Math.abs(expected.get(label)) * 1e-5));
        }
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        screenshot("comparison");

        // The state is in the URL: opening the link again reproduces the run.
        String link = driver.getCurrentUrl();
        assertThat(link).contains("#");
        driver.get("about:blank");
        driver.get(link);
        awaitPaths();
        assertThat(driver.findElements(By.cssSelector("#landscape polyline.opt-path")))
                .hasSize(2);
        assertThat(field("optimizers[1].label").getDomProperty("value")).isEqualTo("SGD+momentum");
        assertThat(field("iterations").getDomProperty("value")).isEqualTo("600");

        // A click on the landscape moves the start and runs again from there.
        String before = byId("start-x").getDomProperty("value");
        new Actions(driver).moveToElement(byId("landscape"), -150, -120).click().perform();
        new WebDriverWait(driver, PATIENCE)
                .until(d -> !before.equals(byId("start-x").getDomProperty("value")));
        awaitPaths();
        assertThat(driver.findElements(By.cssSelector("#landscape polyline.opt-path")))
                .hasSize(2);
    }

    @Test
    void aValidationErrorShowsNextToTheFieldAtFault() throws Exception {
        open("/");
        type("optimizers[0].beta1", "2");
        byId("run").click();

        WebElement error = new WebDriverWait(driver, PATIENCE)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".field-error")));
        WebElement input = field("optimizers[0].beta1");
        WebElement around = input.findElement(By.xpath("./ancestor::label[1]"));
        assertThat(around.findElements(By.cssSelector(".field-error"))).containsExactly(error);
        assertThat(error.getText()).contains("must be in [0, 1)").contains("2");
        assertThat(input.getAttribute("class")).contains("invalid");
        assertThat(byId("problem").isDisplayed()).isTrue();
        assertThat(byId("problem").getText()).contains("Invalid request");
        assertThat(driver.findElements(By.cssSelector("#landscape polyline.opt-path")))
                .isEmpty();
        screenshot("validation-error");

        type("optimizers[0].beta1", "0.9");
        assertThat(driver.findElements(By.cssSelector(".field-error"))).isEmpty();
    }

    @Test
    void aGridSweepDrawsOneCellPerCombinationAndACellRunsThatConfiguration() throws Exception {
        open("/");
        new Select(byId("sweep-optimizer")).selectByValue("1"); // SGD+momentum
        new Select(byId("sweep-x-parameter")).selectByValue("learningRate");
        new Select(byId("sweep-y-parameter")).selectByValue("momentum");
        typeInto(byId("sweep-x-values"), "0.0001, 0.0003, 0.001, 0.003");
        typeInto(byId("sweep-y-values"), "0.5, 0.8, 0.9");
        type("iterations", "400");
        byId("run-sweep").click();

        new WebDriverWait(driver, PATIENCE)
                .until(d -> d.findElements(By.cssSelector("#sweep g.cell")).size() == 4 * 3);
        assertThat(driver.findElements(By.cssSelector("#sweep g.cell.best"))).hasSize(1);
        assertThat(byId("sweep-status").getText()).contains("12 runs");

        WebElement cell = driver.findElements(By.cssSelector("#sweep g.cell")).stream()
                .filter(c -> "2".equals(c.getAttribute("data-column")) && "1".equals(c.getAttribute("data-row")))
                .findFirst()
                .orElseThrow();
        JsonNode parameters = JSON.readTree(cell.getAttribute("data-parameters"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", cell);
        screenshot("sweep");
        cell.click();
        new WebDriverWait(driver, PATIENCE)
                .until(d ->
                        Double.parseDouble(field("optimizers[1].learningRate").getDomProperty("value"))
                                == parameters.get("learningRate").doubleValue());
        assertThat(Double.parseDouble(field("optimizers[1].momentum").getDomProperty("value")))
                .isEqualTo(parameters.get("momentum").doubleValue());
        awaitPaths();
        assertThat(driver.findElements(By.cssSelector("#results tbody tr"))).hasSize(2);
    }

    private void open(String path) {
        driver.get("about:blank");
        driver.get("http://localhost:" + port + path);
        new WebDriverWait(driver, PATIENCE)
                .until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    private void awaitPaths() {
        new WebDriverWait(driver, PATIENCE)
                .until(d -> "done".equals(byId("landscape").getDomAttribute("data-state")));
    }

    private static WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    private static WebElement field(String path) {
        return driver.findElement(By.cssSelector("[data-field=\"" + path + "\"]"));
    }

    private static void type(String path, String text) {
        typeInto(field(path), text);
    }

    private static void typeInto(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    private static void removeEveryOptimizer() {
        List<WebElement> remove;
        while (!(remove = driver.findElements(By.cssSelector(".optimizer-card .remove"))).isEmpty()) {
            int before = remove.size();
            remove.get(0).click();
            new WebDriverWait(driver, PATIENCE)
                    .until(d ->
                            d.findElements(By.cssSelector(".optimizer-card")).size() == before - 1);
        }
    }

    private static void addOptimizer(String name) {
        int before = driver.findElements(By.cssSelector(".optimizer-card")).size();
        new Select(byId("add-optimizer")).selectByValue(name);
        byId("add-optimizer-button").click();
        new WebDriverWait(driver, PATIENCE)
                .until(d -> d.findElements(By.cssSelector(".optimizer-card")).size() == before + 1);
    }

    private String post(String path, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static void screenshot(String name) throws IOException {
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
