package org.ssmworkbench.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/** Debian's headless chromium through its chromedriver (.ci/install-chromium.sh), with a fresh profile. */
final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Selenium warns that it has no DevTools bindings for this Chromium; the tests do not use them (kept: loggers are weakly held). */
    private static final java.util.logging.Logger CDP_LOG = java.util.logging.Logger.getLogger(
            "org.openqa.selenium.devtools.CdpVersionFinder");

    private Browser() {
    }

    /** A driver with a 1280 × 1000 window. */
    static ChromeDriver start(Path profile) {
        return start(profile, 1280, 1000);
    }

    /**
     * A driver with a window of the given size.
     *
     * @throws AssertionError when chromium or chromedriver is missing (CI and the README's test command
     *                        install them): a browser test that cannot run fails, it is not skipped
     */
    static ChromeDriver start(Path profile, int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("The browser test needs Debian's chromium and chromedriver at " + CHROMIUM
                    + " and " + CHROMEDRIVER + ": run .ci/install-chromium.sh (as root) and test again.");
        }
        CDP_LOG.setLevel(Level.SEVERE);
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars",
                "--force-device-scale-factor=1", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver d = new ChromeDriver(service, o);
        d.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return d;
    }
}
