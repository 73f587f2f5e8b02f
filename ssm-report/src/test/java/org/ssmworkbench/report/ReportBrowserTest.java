package org.ssmworkbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The case report in a real browser: Debian's headless Chromium, driven through its chromedriver
 * (both installed by {@code .ci/install-chromium.sh}), loads {@code report.html} from a file:// URL
 * with the network left alone. Every figure must be in the page and drawn, the console must stay free
 * of errors and warnings, no two labels of a figure may overlap (as the browser lays them out), and
 * hovering a forest row must show its details. Also takes the screenshot of the report ({@code target/report-quantization.png}; with
 * {@code -Dssm.screenshot=PATH} also written to PATH, e.g. docs/report-quantization.png).
 */
class ReportBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path tmp;

    /** Selenium warns that it has no DevTools bindings for this Chromium; the test does not use them. */
    private static final java.util.logging.Logger CDP_LOG = java.util.logging.Logger.getLogger(
            "org.openqa.selenium.devtools.CdpVersionFinder");

    private static ChromeDriver driver;
    private static Path html;

    @BeforeAll
    static void start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("The browser test needs Debian's chromium and chromedriver at " + CHROMIUM
                    + " and " + CHROMEDRIVER + ", which are missing: run .ci/install-chromium.sh (as root) and"
                    + " test again.");
        }
        CDP_LOG.setLevel(Level.SEVERE);
        html = CaseReport.writeTo(tmp.resolve("out"), CaseReport.files());
        // the driver path is explicit, so Selenium Manager has nothing to find or download
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars",
                "--force-device-scale-factor=1", "--window-size=1280,1000",
                "--user-data-dir=" + tmp.resolve("profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
        driver.get(html.toUri().toString());
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @Test
    void everyFigureIsInThePageAndDrawn() {
        List<String> names = CaseReport.files().keySet().stream().filter(n -> n.startsWith("figures/"))
                .map(n -> n.substring("figures/".length(), n.length() - ".svg".length())).toList();
        assertThat(names).hasSize(1 + 11 + 1 + 19);
        // open the collapsed study sections so that every figure is laid out
        js("document.querySelectorAll('details').forEach(function (d) { d.open = true; });");
        for (String name : names) {
            WebElement svg = driver.findElement(By.id("fig-" + name));
            assertThat(svg.getTagName()).as(name).isEqualTo("svg");
            Map<?, ?> box = (Map<?, ?>) js("var r = arguments[0].getBoundingClientRect();"
                    + " return {w: r.width, h: r.height, shapes: arguments[0].querySelectorAll('rect, line, polygon, text').length};",
                    svg);
            assertThat(((Number) box.get("w")).doubleValue()).as(name + " width").isGreaterThan(300);
            assertThat(((Number) box.get("h")).doubleValue()).as(name + " height").isGreaterThan(80);
            assertThat(((Number) box.get("shapes")).intValue()).as(name + " shapes").isGreaterThan(10);
        }
        assertThat(driver.findElements(By.cssSelector("#fig-forest-accuracy .ssm-row"))).hasSize(17);
        js("document.querySelectorAll('details').forEach(function (d) { d.open = false; });");
    }

    @Test
    void theConsoleHasNoErrors() {
        List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
        List<String> problems = new ArrayList<>();
        for (LogEntry e : entries) {
            if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
                problems.add(e.getLevel() + " " + e.getMessage());
            }
        }
        assertThat(problems).as("browser console").isEmpty();
        assertThat((Boolean) js("return document.readyState === 'complete';")).isTrue();
    }

    @Test
    void noFigureHasOverlappingLabels() {
        js("document.querySelectorAll('details').forEach(function (d) { d.open = true; });");
        try {
            Map<?, ?> r = (Map<?, ?>) js(
                    "var out = [], figures = 0, texts = 0;"
                    + "document.querySelectorAll('svg.ssm-figure').forEach(function (svg) {"
                    + "  figures++;"
                    + "  var ts = Array.prototype.slice.call(svg.querySelectorAll('text'));"
                    + "  var bs = ts.map(function (t) { return t.getBBox(); });"
                    + "  texts += ts.length;"
                    + "  for (var i = 0; i < bs.length; i++) for (var j = i + 1; j < bs.length; j++) {"
                    + "    var a = bs[i], b = bs[j];"
                    + "    if (a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 1"
                    + "        && b.y < a.y + a.height - 1)"
                    + "      out.push(svg.id + ': ' + ts[i].textContent + ' / ' + ts[j].textContent);"
                    + "  }"
                    + "}); return {figures: figures, texts: texts, overlaps: out};");
            assertThat(((Number) r.get("figures")).intValue()).isEqualTo(32);
            assertThat(((Number) r.get("texts")).intValue()).isGreaterThan(1500);
            List<?> overlaps = (List<?>) r.get("overlaps");
            assertThat(overlaps).as("overlapping labels").isEmpty();
        } finally {
            js("document.querySelectorAll('details').forEach(function (d) { d.open = false; });");
        }
        assertThat(driver.findElements(By.cssSelector("#fig-theory .relation"))).hasSize(11);
    }

    @Test
    void hoveringAForestRowShowsItsDetails() {
        WebElement row = driver.findElement(By.cssSelector("#fig-forest-accuracy .ssm-row[data-finding='S5/e1']"));
        js("arguments[0].scrollIntoView({block: 'center'});", row);
        new Actions(driver).moveToElement(row).perform();
        WebElement tip = driver.findElement(By.id("tip"));
        assertThat(tip.isDisplayed()).isTrue();
        assertThat(tip.getText()).contains("S5/e1").contains("mean RI \u221213.792").contains("mass 0.665");
        new Actions(driver).moveToElement(driver.findElement(By.cssSelector("#forest > h2"))).perform();
        assertThat(tip.isDisplayed()).isFalse();
    }

    /**
     * For people working on the layout: with {@code -Dssm.look=DIR}, every section (collapsed parts
     * opened) is saved as DIR/section-ID.png.
     */
    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "ssm.look", matches = ".+")
    void sectionsForALook() throws IOException {
        Path dir = Path.of(System.getProperty("ssm.look"));
        Files.createDirectories(dir);
        js("document.querySelectorAll('details').forEach(function (d) { d.open = true; });");
        driver.manage().window().setSize(new Dimension(1280, 4000));
        try {
            for (WebElement section : driver.findElements(By.cssSelector("main > section"))) {
                String id = section.getAttribute("id");
                js("arguments[0].scrollIntoView();", section);
                Files.write(dir.resolve("section-" + id + ".png"), section.getScreenshotAs(OutputType.BYTES));
            }
        } finally {
            js("document.querySelectorAll('details').forEach(function (d) { d.open = false; });");
            driver.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @Test
    void screenshotOfTheCaseReport() throws IOException {
        js("window.scrollTo(0, 0);");
        driver.manage().window().setSize(new Dimension(1280, 1800));
        try {
            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            assertThat(png.length).isGreaterThan(10_000);
            Path target = Path.of("target", "report-quantization.png");
            Files.write(target, png);
            String extra = System.getProperty("ssm.screenshot");
            if (extra != null && !extra.isBlank()) {
                Path p = Path.of(extra);
                if (p.getParent() != null) {
                    Files.createDirectories(p.getParent());
                }
                Files.write(p, png);
            }
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1000));
        }
    }
}
