package dev.weft.api.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through its own chromedriver. The browser runs in UTC,
 * so the moments a test types into a page mean what the test means.
 */
final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final Path DOWNLOADS = Path.of("target", "console-downloads").toAbsolutePath();
    private static final String CHROMIUM = System.getenv().getOrDefault("WEFT_CHROMIUM", "/usr/bin/chromium");
    private static final String DRIVER = System.getenv().getOrDefault("WEFT_CHROMEDRIVER", "/usr/bin/chromedriver");
    final WebDriver driver;

    Browser() {
        for (String program : new String[] {CHROMIUM, DRIVER}) {
            if (!new File(program).canExecute()) {
                throw new IllegalStateException(program + " is missing: the console's tests need Debian's chromium "
                        + "and chromium-driver packages (.ci/run installs them), or WEFT_CHROMIUM and "
                        + "WEFT_CHROMEDRIVER naming others");
            }
        }
        emptyDownloads();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,2000", "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().withEnvironment(Map.of("TZ", "UTC")).build();
        driver = new ChromeDriver(service, options);
    }

    /** A file of an earlier run would otherwise stand in for this run's download, and Chromium renames repeats. */
    private static void emptyDownloads() {
        try {
            Files.createDirectories(DOWNLOADS);
            try (var files = Files.list(DOWNLOADS)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void signIn(String baseUrl, String token) {
        driver.get(baseUrl + "/console/");
        driver.findElement(By.id("token")).sendKeys(token);
        driver.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
    }

    /**
     * Opens a page that may send the reader on while it loads (the operator's page, for an
     * account's token): chromedriver then reports its wait for the load aborted by that
     * navigation, which is the page working, so the caller waits for what the next one shows.
     */
    void open(String url) {
        try {
            driver.get(url);
        } catch (WebDriverException e) {
            if (e.getMessage() == null || !e.getMessage().contains("aborted by navigation")) {
                throw e;
            }
        }
    }

    WebElement await(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    void awaitText(By locator, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    String text(By locator) {
        return driver.findElement(locator).getText();
    }

    /** Kept under target/ for a person to look at. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
