package org.guildhall.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guildhall.it.TestEnvironment.BASE_URL;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The catalogue as a person uses it, in a real Chromium: search with facets, an asset page with its card,
 * files, preview and versions; then signed in, a new dataset through the wizard (two files with progress
 * bars, the card with a live preview, publish) that search then finds.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CatalogBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.guildhall();
    }

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() throws InterruptedException {
        browser = Browser.start();
        wait = Browser.await(browser, Duration.ofSeconds(60));
        CatalogApiIT.awaitSearch("q=iris", r -> CatalogApiIT.ids(r).contains("alice/iris") && CatalogApiIT.ids(r).contains("carol/iris-logreg"));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void searchOpenAnAssetAndSeeItsCardFilesPreviewAndVersions() {
        browser.get(BASE_URL + "/");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("trending-datasets"), "alice/iris"));
        Browser.screenshot(browser, "home-catalogue");

        browser.findElement(By.id("nav-datasets")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("results")));
        assertThat(browser.findElement(By.id("results")).getText()).contains("alice/iris").doesNotContain("carol/iris-logreg");
        Browser.screenshot(browser, "datasets");

        WebElement search = browser.findElement(By.id("search-q"));
        search.sendKeys("iris", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-count"), "1 result"));
        browser.findElement(By.cssSelector("#facet-license a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".gh-facet-on")));
        assertThat(browser.getCurrentUrl()).contains("license=");
        Browser.screenshot(browser, "datasets-filtered");

        browser.findElement(By.linkText("alice/iris")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("asset-title")));
        assertThat(browser.getCurrentUrl()).endsWith("/datasets/alice/iris");
        assertThat(browser.findElement(By.id("card")).findElements(By.tagName("table"))).isNotEmpty();
        assertThat(browser.findElement(By.id("shown-version")).getText()).isEqualTo("v1.1");
        Browser.screenshot(browser, "asset-card");

        browser.findElement(By.id("tab-files")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("files")));
        assertThat(browser.findElement(By.id("files")).getText()).contains("data/iris.csv").contains("data/iris.jsonl");

        browser.findElement(By.id("tab-preview")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-table")));
        List<WebElement> rows = browser.findElements(By.cssSelector("#preview-table tbody tr"));
        assertThat(rows).hasSizeBetween(1, 100);
        assertThat(browser.findElement(By.id("preview-table")).getText()).containsIgnoringCase("setosa");
        Browser.screenshot(browser, "asset-preview");

        browser.findElement(By.id("tab-versions")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("versions")));
        assertThat(browser.findElement(By.id("versions")).getText()).contains("v1.1").contains("v1.0");

        browser.get(BASE_URL + "/carol/iris-logreg?tab=lineage");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lineage")));
        assertThat(browser.findElement(By.id("lineage")).getText()).contains("alice/iris").contains("carol/iris-logreg-v2");
        Browser.screenshot(browser, "asset-lineage");
    }

    @Test
    void aContributorUploadsANewDatasetWithTheWizardAndSearchFindsIt() throws Exception {
        String name = "meadow-" + UUID.randomUUID().toString().substring(0, 6);
        Path dir = Files.createTempDirectory("upload");
        Path csv = Files.writeString(dir.resolve("meadow.csv"), "flower,petals\ndaisy,21\nbuttercup,5\n", StandardCharsets.UTF_8);
        Path jsonl = Files.writeString(dir.resolve("meadow.jsonl"), "{\"flower\":\"daisy\"}\n{\"flower\":\"clover\"}\n", StandardCharsets.UTF_8);

        browser.get(BASE_URL + "/new");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys("alice");
        browser.findElement(By.id("password")).sendKeys(TestEnvironment.password("alice"));
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("newasset:name")));

        browser.findElement(By.id("newasset:name")).sendKeys("bad name!");
        browser.findElement(By.id("newasset:create")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("newasset"), "letters, digits"));
        WebElement nameField = browser.findElement(By.id("newasset:name"));
        nameField.clear();
        nameField.sendKeys(name);
        browser.findElement(By.id("newasset:summary")).sendKeys("Flowers counted in a meadow");
        browser.findElement(By.id("newasset:create")).click();
        wait.until(ExpectedConditions.urlContains("/upload"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("uploadform:files_input")));
        Browser.screenshot(browser, "wizard-empty");

        browser.findElement(By.id("uploadform:folder")).sendKeys("data/", Keys.TAB);
        Browser.awaitAjax(browser);
        browser.findElement(By.id("uploadform:files_input")).sendKeys(csv + "\n" + jsonl);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("uploadform:draftfiles"), "data/meadow.jsonl"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("uploadform:draftfiles"), "data/meadow.csv"));
        Browser.screenshot(browser, "wizard-uploaded");

        WebElement card = browser.findElement(By.id("wizard:card"));
        card.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        Browser.awaitAjax(browser);
        card.sendKeys("---\nlicense: cc0-1.0\ntags: [meadow, flowers]\n---\n# Meadow\n\n<script>alert(1)</script>\n\n| flower | petals |\n|---|---|\n| daisy | 21 |\n");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#wizard\\:cardpreview table")));
        assertThat(browser.findElement(By.id("wizard:cardpreview")).getAttribute("innerHTML")).doesNotContain("<script");
        Browser.screenshot(browser, "wizard-card");

        browser.findElement(By.id("wizard:tag")).sendKeys("v1.0");
        browser.findElement(By.id("wizard:publish")).click();
        wait.until(ExpectedConditions.urlContains("/datasets/alice/" + name));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("versions")));
        assertThat(browser.findElement(By.id("versions")).getText()).contains("v1.0");
        Browser.screenshot(browser, "wizard-published");

        CatalogApiIT.awaitSearch("q=" + name, r -> CatalogApiIT.ids(r).contains("alice/" + name));
        browser.get(BASE_URL + "/search?q=" + name);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "alice/" + name));
        browser.findElement(By.linkText("alice/" + name)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("asset-title")));
        assertThat(browser.findElement(By.id("card")).getText()).contains("Meadow").doesNotContain("alert(1)");
        Browser.click(browser, By.id("likeform:like"));
        wait.until(ExpectedConditions.attributeContains(By.id("likeform:like"), "class", "gh-liked"));
        Browser.screenshot(browser, "wizard-found");
    }
}
