package org.guildhall.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guildhall.it.TestEnvironment.BASE_URL;

import java.time.Duration;
import java.time.Instant;
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
 * The ledger as a visitor sees it, in a real Chromium: the public ledger with its batches and a filtered
 * entry browser, an asset's provenance tab, and a receipt checked on /verify step by step.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LedgerBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.guildhall();
    }

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() {
        browser = Browser.start();
        wait = Browser.await(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** The first version.published entry of the demo's alice/iris, once its batch is confirmed on the chain. */
    static long confirmedIrisEntry() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            var page = CatalogApiIT.ok(CatalogApiIT.get("/api/v1/ledger/entries?type=version.published&asset=datasets/alice/iris", null), 200);
            var items = page.getJsonArray("items");
            if (!items.isEmpty()) {
                var oldest = items.getJsonObject(items.size() - 1);
                if ("CONFIRMED".equals(oldest.getString("state")) || Instant.now().isAfter(deadline)) {
                    return oldest.getJsonNumber("seq").longValue();
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the demo's alice/iris has no published entry");
            }
            Thread.sleep(500);
        }
    }

    @Test
    void theLedgerAnAssetsProvenanceAndAReceiptCheckedOnTheVerifyPage() throws Exception {
        long seq = confirmedIrisEntry();

        browser.get(BASE_URL + "/ledger");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("batches")));
        assertThat(Long.parseLong(browser.findElement(By.id("stat-entries")).getText())).isGreaterThanOrEqualTo(seq);
        assertThat(browser.findElement(By.id("batches")).getText()).contains("CONFIRMED");
        assertThat(browser.findElements(By.cssSelector("#batch-chart rect.gh-bc-CONFIRMED"))).isNotEmpty();
        Browser.screenshot(browser, "ledger");

        // the entry browser: a type filter chosen in the form
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter-type"))).selectByValue("version.published");
        browser.findElement(By.id("filter-asset")).sendKeys("datasets/alice/iris");
        browser.findElement(By.id("filter-apply")).click();
        wait.until(ExpectedConditions.urlContains("type=version.published"));
        WebElement entries = browser.findElement(By.id("entries"));
        assertThat(entries.findElements(By.cssSelector("tbody tr"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(entries.getText()).contains("dataset:alice/iris@r1").contains("dataset:alice/iris@r2").doesNotContain("account.joined");
        assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter-type"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("version.published");
        Browser.screenshot(browser, "ledger-filtered");
        browser.get(BASE_URL + "/ledger?account=nobody-at-all");
        assertThat(browser.findElement(By.id("filter-problem")).getText()).contains("no account");

        // the asset's provenance tab
        browser.get(BASE_URL + "/datasets/alice/iris?tab=provenance");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("provenance-entries")));
        WebElement row = browser.findElement(By.cssSelector("#provenance-entries tr[data-seq='" + seq + "']"));
        assertThat(row.getAttribute("data-state")).isEqualTo("CONFIRMED");
        assertThat(row.getText()).contains("confirmed in block");
        Browser.screenshot(browser, "asset-provenance");

        // the lineage graph of a demo model: its dataset upstream, as a drawn node that links to the dataset
        browser.get(BASE_URL + "/carol/iris-logreg?tab=lineage");
        WebElement graph = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lineage-graph")));
        assertThat(graph.findElements(By.cssSelector("g[data-asset='alice/iris']"))).hasSize(1);
        assertThat(browser.findElement(By.id("prov-json")).getAttribute("href")).endsWith("provenance?asset=models/carol/iris-logreg");
        Browser.screenshot(browser, "asset-lineage-graph");

        // a receipt, fetched as its download link gives it, checked on /verify
        String receipt = CatalogApiIT.get("/api/v1/ledger/entries/" + seq + "/receipt", null).body();
        browser.get(BASE_URL + "/verify");
        WebElement area = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verify:receipt")));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", area, receipt);
        browser.findElement(By.id("verify:check")).click();
        Browser.awaitAjax(browser);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
        assertThat(browser.findElement(By.id("verdict")).getAttribute("data-verdict")).isEqualTo("VALID");
        assertThat(browser.findElements(By.cssSelector("#steps li[data-outcome='PASSED']"))).hasSize(4);
        Browser.screenshot(browser, "verify-valid");

        // the same receipt with one character of its payload changed
        String forged = receipt.replace("\"subject\":\"dataset:alice/iris@r1\"", "\"subject\":\"dataset:alice/iris@r9\"");
        assertThat(forged).isNotEqualTo(receipt);
        area = browser.findElement(By.id("verify:receipt"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", area, forged);
        browser.findElement(By.id("verify:check")).click();
        Browser.awaitAjax(browser);
        wait.until(ExpectedConditions.attributeToBe(By.id("verdict"), "data-verdict", "INVALID"));
        assertThat(browser.findElement(By.cssSelector("#steps li[data-step='entry']")).getAttribute("data-outcome")).isEqualTo("FAILED");
        Browser.screenshot(browser, "verify-forged");

        area = browser.findElement(By.id("verify:receipt"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", area, "<script>alert(1)</script>");
        browser.findElement(By.id("verify:check")).click();
        Browser.awaitAjax(browser);
        wait.until(ExpectedConditions.attributeToBe(By.id("verdict"), "data-verdict", "MALFORMED"));
        assertThat(browser.findElement(By.id("steps")).getText()).contains("not a JSON object");
    }
}
