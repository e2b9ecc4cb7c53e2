package org.guildhall.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guildhall.it.TestEnvironment.BASE_URL;
import static org.guildhall.it.TestEnvironment.REALM_URL;

import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A member as a person meets Guildhall: signs in through Keycloak's real login form, edits the profile,
 * is told at the field what is wrong with HTML in a name, and signs out of both Guildhall and Keycloak.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.guildhall();
    }

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() {
        browser = Browser.start();
        wait = Browser.await(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void signInEditTheProfileAndSignOut() {
        browser.get(BASE_URL + "/");
        Browser.screenshot(browser, "home-anonymous");
        browser.findElement(By.id("signin")).click();

        wait.until(ExpectedConditions.urlContains("/realms/guildhall/"));
        assertThat(browser.getCurrentUrl()).startsWith(REALM_URL + "/protocol/openid-connect/auth");
        browser.findElement(By.id("username")).sendKeys("bob");
        browser.findElement(By.id("password")).sendKeys(TestEnvironment.password("bob"));
        browser.findElement(By.id("kc-login")).click();

        wait.until(ExpectedConditions.urlContains(BASE_URL));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("usermenu:account")));
        assertThat(browser.findElement(By.id("usermenu:account")).getText()).contains("bob");
        Browser.screenshot(browser, "home-signed-in");

        browser.get(BASE_URL + "/me");
        assertThat(browser.findElement(By.id("username")).getText()).isEqualTo("bob");
        assertThat(browser.findElement(By.id("roles")).getText()).contains("member").contains("buyer");
        String before = browser.findElement(By.id("shownName")).getText();

        // HTML in the name: refused at the field, nothing saved, shown escaped
        WebElement name = browser.findElement(By.id("profile:displayName"));
        name.clear();
        name.sendKeys("<b>Bob</b>");
        browser.findElement(By.id("profile:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("profile"), "HTML is not allowed"));
        assertThat(browser.findElement(By.id("shownName")).getText()).isEqualTo(before);
        Browser.screenshot(browser, "profile-refused");

        String wanted = "Bob " + UUID.randomUUID().toString().substring(0, 6);
        name = browser.findElement(By.id("profile:displayName"));
        name.clear();
        name.sendKeys(wanted);
        WebElement bio = browser.findElement(By.id("profile:bio"));
        bio.clear();
        bio.sendKeys("Buys datasets for speech models.");
        browser.findElement(By.id("profile:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("profile"), "Your profile is saved."));

        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("shownName")).getText()).isEqualTo(wanted);
        assertThat(browser.findElement(By.id("shownBio")).getText()).isEqualTo("Buys datasets for speech models.");
        Browser.screenshot(browser, "profile-saved");

        browser.findElement(By.id("usermenu:account_button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("usermenu:profile")));
        Browser.screenshot(browser, "user-menu");
        browser.findElement(By.id("signout")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signin")));
        assertThat(browser.getCurrentUrl()).startsWith(BASE_URL);

        // the Keycloak session ended too: a protected page asks for the password again
        browser.get(BASE_URL + "/me");
        try {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
        } finally {
            Browser.screenshot(browser, "after-sign-out");
        }
        assertThat(browser.getCurrentUrl()).startsWith(REALM_URL);
    }
}
