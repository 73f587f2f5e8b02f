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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The workbench as a researcher uses it, in headless Chromium against a real server over a copy of the
 * case: edit a finding's intensity and see the aggregated belief change, find the edit in the YAML with
 * its comments after a reload, the checklist's belief following the answers, the conflict dialog on a
 * stale save, no console errors (a Content-Security-Policy violation would be one). Takes the
 * screenshots target/workbench-*.png; with {@code -Dssm.screenshots=DIR} also into DIR (docs/).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchBrowserTest {

    @TempDir
    static Path tmp;
    static Path dir;
    static WorkbenchServer server;
    static ChromeDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() {
        driver = Browser.start(tmp.resolve("profile"));
        dir = CaseCopy.into(tmp);
        server = WorkbenchServer.start(dir, WorkbenchServer.LOOPBACK, 0, "test");
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
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

    static void open(String hash) {
        driver.get(server.address() + hash);
        wait.until(d -> !d.findElements(By.cssSelector("main h1")).isEmpty());
    }

    static String accuracyBelief() {
        open("#overview");
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("tr[data-effect='accuracy'] td.bel"))).getText();
    }

    static void screenshot(String name) throws IOException {
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", name), png);
        String extra = System.getProperty("ssm.screenshots");
        if (extra != null && !extra.isBlank()) {
            Files.write(Path.of(extra).resolve(name), png);
        }
    }

    interface Shot {
        void take() throws IOException;
    }

    /** A screenshot of the page from its top in a window of the given height. */
    static void tall(int height, Shot shot) throws IOException {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, height));
        driver.executeScript("window.scrollTo(0, 0)");
        shot.take();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    }

    @Test
    @Order(1)
    void theOverviewShowsTheCase() throws IOException {
        open("#overview");
        assertThat(driver.findElement(By.cssSelector("main h1")).getText()).startsWith("Model quantization");
        assertThat(driver.findElements(By.cssSelector("table.summary tbody tr"))).hasSize(11);
        assertThat(driver.findElements(By.cssSelector("figure.figure svg"))).hasSize(1);
        assertThat(driver.findElement(By.cssSelector("[data-step='studies'] .step-count")).getText()).isEqualTo("6 of 6");
        tall(1400, () -> screenshot("workbench-overview.png"));
    }

    @Test
    @Order(2)
    void editingAFindingsIntensityChangesTheAggregateAndTheYaml() throws IOException {
        String before = accuracyBelief();
        open("#model/S1/e2");
        WebElement accuracy = driver.findElement(By.cssSelector("fieldset.effect[data-field='effects.accuracy']"));
        new Select(accuracy.findElement(By.cssSelector("select.effect-kind"))).selectByValue("intensity");
        WebElement row = driver.findElement(By.cssSelector("fieldset.effect[data-field='effects.accuracy']"));
        new Select(row.findElement(By.cssSelector("select.intensity"))).selectByVisibleText("strongly positive");
        WebElement mass = row.findElement(By.cssSelector("input.mass"));
        mass.clear();
        mass.sendKeys("0.99");
        tall(1500, () -> screenshot("workbench-editor.png"));
        driver.findElement(By.id("save-model")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "All changes saved"));
        String after = accuracyBelief();
        assertThat(after).isNotEqualTo(before);
        driver.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-effect='accuracy'] td.bel")));
        assertThat(driver.findElement(By.cssSelector("tr[data-effect='accuracy'] td.bel")).getText()).isEqualTo(after);
        String yaml = Files.readString(dir.resolve("studies/S1.yaml"));
        assertThat(yaml).contains("# S1: transcribed from the replication package", "# w2a2 vs the fp64 baseline",
                "intensity: strongly positive", "mass: 0.99");
    }

    @Test
    @Order(3)
    void theChecklistRecomputesTheStudyBeliefAsAnswersChange() throws IOException {
        open("#study/S2");
        WebElement belief = driver.findElement(By.id("study-belief"));
        String before = belief.getText();
        WebElement no = driver.findElements(By.cssSelector("form.checklist input[type=radio][value='no']:checked")).get(0);
        String item = no.getAttribute("name");
        driver.findElement(By.cssSelector("input[name='" + item + "'][value='yes']")).click();
        wait.until(d -> !d.findElement(By.id("study-belief")).getText().equals(before));
        wait.until(ExpectedConditions.textToBe(By.id("checklist-preview"), "Saved."));
        tall(2300, () -> screenshot("workbench-study.png"));
        assertThat(driver.findElement(By.id("study-belief")).getText()).contains("band \u00d7 checklist");
    }

    @Test
    @Order(4)
    void aContextAspectGoesUnderItsArchetypeAndIntoTheYaml() throws IOException {
        open("#study/S2");
        driver.findElement(By.cssSelector("input[aria-label='new aspect name']")).sendKeys("participants");
        driver.findElement(By.cssSelector("input[aria-label='new aspect values']")).sendKeys("none, <b>not HTML</b>");
        driver.findElement(By.cssSelector("form.context button[type=submit]")).click();
        wait.until(d -> d.findElements(By.cssSelector("form.context input[aria-label='participants']")).size() == 1);
        WebElement actor = driver.findElement(By.xpath("//form[contains(@class,'context')]/h3[text()='Actor']"));
        assertThat(actor.isDisplayed()).isTrue();
        assertThat(driver.findElement(By.cssSelector("form.context input[aria-label='participants']")).getAttribute("value"))
                .isEqualTo("none, <b>not HTML</b>");
        String yaml = Files.readString(dir.resolve("studies/S2.yaml"));
        assertThat(yaml).contains("participants:", "<b>not HTML</b>");
        assertThat(driver.findElements(By.tagName("b"))).isEmpty();
    }

    @Test
    @Order(5)
    void aStaleSaveOpensTheConflictDialogAndKeepMineKeepsBoth() throws IOException {
        open("#model/S1/e3");
        WebElement label = driver.findElement(By.id("f-label"));
        label.clear();
        label.sendKeys("q0.32 (from the browser)");
        Path s1 = dir.resolve("studies/S1.yaml");
        String hand = Files.readString(s1).replace("# w4a4 vs the fp64 baseline", "# w4a4 vs the fp64 baseline (checked by hand)");
        assertThat(hand).isNotEqualTo(Files.readString(s1));
        Files.writeString(s1, hand);
        driver.findElement(By.id("save-model")).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("conflict")));
        assertThat(dialog.findElement(By.id("conflict-theirs")).getText()).contains("(checked by hand)");
        assertThat(dialog.findElement(By.id("conflict-yours")).getText()).contains("q0.32 (from the browser)");
        screenshot("workbench-conflict.png");
        dialog.findElement(By.id("keep-mine")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "All changes saved"));
        assertThat(Files.readString(s1)).contains("(checked by hand)", "q0.32 (from the browser)");
    }

    @Test
    @Order(6)
    void theConsoleStaysClean() {
        List<String> problems = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER).getAll()) {
            // the one refusal the conflict test provokes is logged by the browser as a failed request
            boolean expected = e.getMessage().contains("/api/studies/S1/evidence/e3 - Failed to load resource: the"
                    + " server responded with a status of 409 (Conflict)");
            if (e.getLevel().intValue() >= Level.WARNING.intValue() && !expected) {
                problems.add(e.getLevel() + " " + e.getMessage());
            }
        }
        assertThat(problems).isEmpty();
    }
}
