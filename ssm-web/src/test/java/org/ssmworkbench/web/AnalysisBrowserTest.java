package org.ssmworkbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The comparison and what-if views as a user sees them, in Debian's headless Chromium against a real
 * server over a copy of the case: resolving a concept difference writes the decision into
 * synthesis.yaml with its comments intact; switching a study off changes the belief shown. Takes the
 * screenshots {@code target/workbench-compare.png} and {@code target/workbench-whatif.png} (with
 * {@code -Dssm.screenshots=DIR} also into DIR, e.g. ../docs).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalysisBrowserTest {

    @TempDir
    static Path tmp;

    static Path dir;
    static WorkbenchServer server;
    static ChromeDriver driver;

    @BeforeAll
    static void start() {
        driver = Browser.start(tmp.resolve("profile"), 1440, 1500);
        dir = CaseCopy.into(tmp);
        server = WorkbenchServer.start(dir, WorkbenchServer.LOOPBACK, 0, "test");
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.stop();
        }
    }

    /** Polls until the supplier gives a non-null, non-false value (20 s at most). */
    static <T> T until(String what, java.util.function.Supplier<T> s) {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < end) {
            try {
                T v = s.get();
                if (v != null && !Boolean.FALSE.equals(v)) {
                    return v;
                }
            } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
                last = e;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
        throw new AssertionError("timed out waiting for " + what, last);
    }

    static WebElement visible(By by) {
        return until(by.toString(), () -> {
            WebElement e = driver.findElement(by);
            return e.isDisplayed() ? e : null;
        });
    }

    static void text(By by, String contained) {
        until(by + " containing '" + contained + "'", () -> driver.findElement(by).getText().contains(contained));
    }

    static void textIs(By by, String exact) {
        until(by + " reading '" + exact + "'", () -> driver.findElement(by).getText().equals(exact));
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    static void screenshot(String name) throws IOException {
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.write(target, png);
        String extra = System.getProperty("ssm.screenshots");
        if (extra != null && !extra.isBlank()) {
            Files.write(Path.of(extra).resolve(name), png);
        }
    }

    static List<String> consoleProblems() {
        List<String> out = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER).getAll()) {
            if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
                out.add(e.getLevel() + " " + e.getMessage());
            }
        }
        return out;
    }

    @Test
    @Order(1)
    void resolvingAConceptDifferenceRecordsTheDecisionInSynthesisYaml() throws IOException {
        String before = Files.readString(dir.resolve("synthesis.yaml"));
        driver.get(server.address() + "#compare/S1%2Fe1/S6%2Fe1");
        By latency = By.cssSelector("tr.row[data-slot='inference_latency']");
        WebElement row = visible(latency);
        assertThat(row.getAttribute("data-state")).isEqualTo("differs");
        assertThat(driver.findElement(By.cssSelector("[data-count='matched']")).getText()).isEqualTo("13 matched");
        assertThat(driver.findElement(By.cssSelector("tr.row[data-slot='accuracy'] td:first-child")).getText())
                .contains("accuracy").contains("indifferent").contains("mass 0.373");

        row.findElement(By.cssSelector("button.resolve")).click();
        WebElement form = visible(By.cssSelector("tr.resolve-form"));
        // without a reason the decision is refused next to the field, and nothing is written
        form.findElement(By.cssSelector("button.record")).click();
        text(By.cssSelector("[data-error='reason']"), "give a reason");
        assertThat(Files.readString(dir.resolve("synthesis.yaml"))).isEqualTo(before);

        form.findElement(By.name("reason")).sendKeys("S6 times whole generations; the same concept as the"
                + " per-sample latency of S3 and S5");
        form.findElement(By.xpath(".//button[contains(., 'Show the findings')]")).click();
        text(By.cssSelector("tr.resolve-form .preview"), "13 findings from 4 studies kept as they are");
        js("window.scrollTo(0, 0);");
        screenshot("workbench-compare.png");

        form.findElement(By.cssSelector("button.record")).click();
        text(By.id("banner"), "Decision 5 recorded in synthesis.yaml");
        WebElement resolved = visible(latency);
        assertThat(resolved.getText()).contains("decided (decision 5)");
        assertThat(resolved.findElements(By.cssSelector("button.resolve"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("li[data-decision='4']"))).hasSize(1);

        String after = Files.readString(dir.resolve("synthesis.yaml"));
        assertThat(CompareApiTest.comments(after)).isEqualTo(CompareApiTest.comments(before));
        assertThat(after).contains("  - keep: [inference_latency]\n    reason: >-\n      S6 times whole generations;");
        // the browser logs the refused save (422) that the test provoked; nothing else
        assertThat(consoleProblems()).singleElement().asString().contains("/api/compare/decisions")
                .contains("status of 422");
    }

    @Test
    @Order(2)
    void switchingAStudyOffChangesTheBeliefShown() throws IOException {
        driver.get(server.address() + "#whatif");
        By energyBel = By.cssSelector("table.flips tr[data-effect='inference_energy_consumption'] td.bel");
        textIs(energyBel, "0.675");
        assertThat(driver.findElements(By.cssSelector("figure.forest svg"))).hasSize(11);

        WebElement s3 = driver.findElement(By.cssSelector("input[data-study='S3']"));
        s3.click();
        textIs(energyBel, "0.967");
        WebElement line = driver.findElement(By.cssSelector("table.flips tr[data-effect='inference_energy_consumption']"));
        assertThat(line.getText()).contains("{WP} weakly positive").contains("{SP} strongly positive").contains("flips");
        assertThat(driver.findElement(By.cssSelector(".whatif-summary")).getText()).startsWith("5 effects flip");
        // the forest plot of the effect redrawn without S3's findings: 9 rows instead of 17
        assertThat(driver.findElements(By.cssSelector(
                "figure.forest[data-effect='inference_energy_consumption'] .ssm-row"))).hasSize(9);
        screenshot("workbench-whatif.png");

        s3.click();
        textIs(energyBel, "0.675");
        assertThat(consoleProblems()).isEmpty();
    }
}
