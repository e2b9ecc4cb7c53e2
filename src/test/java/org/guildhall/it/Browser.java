package org.guildhall.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Debian Chromium driven by Selenium; nothing is downloaded and nothing is written to the home folder. */
final class Browser {

    private Browser() {
    }

    static ChromeDriver start() {
        try {
            Path profile = Files.createTempDirectory("guildhall-chromium");
            ChromeOptions options = new ChromeOptions();
            String binary = new File("/usr/lib/chromium/chromium").canExecute() ? "/usr/lib/chromium/chromium" : "/usr/bin/chromium";
            options.setBinary(binary);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                    "--disable-quic", "--window-size=1280,900", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                    .withEnvironment(Map.of("XDG_CONFIG_HOME", profile.resolve("config").toString(),
                            "XDG_CACHE_HOME", profile.resolve("cache").toString(), "HOME", profile.toString()))
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void screenshot(ChromeDriver driver, String name) {
        try {
            Path dir = Path.of(System.getProperty("it.screenshots.dir", "target/screenshots"));
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A wait that also retries when PrimeFaces replaced the element it was reading (an AJAX update between finding
     * an element and reading it is not a failure, only a reason to look again).
     */
    static org.openqa.selenium.support.ui.WebDriverWait await(ChromeDriver driver, Duration timeout) {
        org.openqa.selenium.support.ui.WebDriverWait wait = new org.openqa.selenium.support.ui.WebDriverWait(driver, timeout);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** Clicks the element found by {@code by}, finding it again if an AJAX update replaced it in between. */
    static void click(ChromeDriver driver, org.openqa.selenium.By by) {
        await(driver, Duration.ofSeconds(30)).until(d -> {
            d.findElement(by).click();
            return true;
        });
    }

    /** Waits until PrimeFaces has no AJAX request queued or running. */
    static void awaitAjax(ChromeDriver driver) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "return !window.PrimeFaces || (PrimeFaces.ajax.Queue.isEmpty() && (!window.jQuery || jQuery.active === 0));")));
    }

    /** A new browser signed in as {@code user} through Keycloak's sign-in form, showing {@code path}; the caller quits it. */
    static ChromeDriver signedIn(String user, String path) {
        ChromeDriver b = start();
        WebDriverWaitHolder.signIn(b, user);
        b.get(TestEnvironment.BASE_URL + path);
        return b;
    }

    private static final class WebDriverWaitHolder {
        static void signIn(ChromeDriver b, String user) {
            org.openqa.selenium.support.ui.WebDriverWait wait = await(b, Duration.ofSeconds(60));
            // a members' page sends the browser to Keycloak's sign-in form, then back
            b.get(TestEnvironment.BASE_URL + "/me/licences");
            wait.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(org.openqa.selenium.By.id("username")));
            b.findElement(org.openqa.selenium.By.id("username")).sendKeys(user);
            b.findElement(org.openqa.selenium.By.id("password")).sendKeys(TestEnvironment.password(user));
            b.findElement(org.openqa.selenium.By.id("kc-login")).click();
            wait.until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/me/licences"));
        }
    }
}
