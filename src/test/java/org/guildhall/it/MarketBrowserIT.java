package org.guildhall.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guildhall.it.TestEnvironment.BASE_URL;
import static org.guildhall.it.TestEnvironment.accessToken;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Buying and gated access as people do it, in real Chromium sessions: a buyer tops up with the faucet, buys a
 * one-off licence and downloads the file; a second member without a licence is refused; the second member's
 * request for a gated dataset, approved by the owner on her requests page, then opens its file.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MarketBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.guildhall();
    }

    private final List<ChromeDriver> browsers = new java.util.ArrayList<>();

    @AfterEach
    void close() {
        browsers.forEach(ChromeDriver::quit);
    }

    /** A browser signed in as {@code user}, showing {@code path}. */
    ChromeDriver signedIn(String user, String path) {
        ChromeDriver b = Browser.signedIn(user, path);
        browsers.add(b);
        return b;
    }

    /** Fetches a file with the browser's own session, as its download link would: status and text. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> fetch(ChromeDriver b, String href) {
        return (Map<String, Object>) ((JavascriptExecutor) b).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text().then(t => done({status: r.status, body: t})))"
                        + ".catch(e => done({status: -1, body: String(e)}));", href);
    }

    @Test
    void aBuyerTopsUpBuysDownloadsAndAnotherMemberIsRefusedUntilTheOwnerApprovesAGatedRequest() {
        CatalogApiIT.alice = accessToken("alice");
        CatalogApiIT.bob = accessToken("bob");
        MarketApiIT.alice = CatalogApiIT.alice;
        String sold = CatalogApiIT.publishedDataset("meadow-sale");
        MarketApiIT.offer(sold, "ONE_OFF", "3", "\"commercialUse\":true");
        String gated = CatalogApiIT.publishedDataset("meadow-gated");
        MarketApiIT.offer(gated, "GATED", "0", "");
        String soldPage = "/" + sold;
        String file = "/" + sold + "/resolve/main/data/flowers.csv";

        // bob tops up, buys, and downloads
        ChromeDriver bob = signedIn("bob", "/me/wallet");
        WebDriverWait bobWait = Browser.await(bob, Duration.ofSeconds(60));
        WebElement amount = bob.findElement(By.id("faucet:amount"));
        amount.clear();
        amount.sendKeys("10");
        Browser.click(bob, By.id("faucet:topup"));
        bobWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#postings tr[data-kind='FAUCET']")));
        Browser.screenshot(bob, "market-wallet");

        bob.get(BASE_URL + soldPage + "?tab=offers");
        bobWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".gh-offer[data-kind='ONE_OFF']")));
        assertThat(fetch(bob, file).get("status")).isEqualTo(403L);
        Browser.screenshot(bob, "market-offers");
        Browser.click(bob, By.cssSelector(".gh-offer[data-kind='ONE_OFF'] a.buy"));
        bobWait.until(ExpectedConditions.presenceOfElementLocated(By.id("buy:confirm")));
        assertThat(bob.findElement(By.id("price")).getText()).startsWith("3.00");
        Browser.screenshot(bob, "market-buy");
        Browser.click(bob, By.id("buy:confirm"));
        bobWait.until(ExpectedConditions.presenceOfElementLocated(By.id("bought")));
        assertThat(bob.findElement(By.id("licence-asset")).getText()).contains(sold.substring("datasets/".length()));
        assertThat(bob.findElement(By.id("ledger-receipt")).getAttribute("href")).contains("/api/v1/ledger/entries/");
        Browser.screenshot(bob, "market-receipt");
        Map<String, Object> got = fetch(bob, file);
        assertThat(got.get("status")).isEqualTo(200L);
        assertThat((String) got.get("body")).isEqualTo(CatalogApiIT.CSV);
        bob.get(BASE_URL + "/me/licences");
        bobWait.until(ExpectedConditions.presenceOfElementLocated(By.id("licences")));
        assertThat(bob.findElement(By.id("licences")).getText()).contains(sold.substring("datasets/".length()));

        // carol has no licence: refused; she asks for the gated one
        ChromeDriver carol = signedIn("carol", "/" + gated + "?tab=offers");
        WebDriverWait carolWait = Browser.await(carol, Duration.ofSeconds(60));
        assertThat(fetch(carol, file).get("status")).isEqualTo(403L);
        String gatedFile = "/" + gated + "/resolve/main/data/flowers.csv";
        assertThat(fetch(carol, gatedFile).get("status")).isEqualTo(403L);
        carolWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#requestform textarea")));
        carol.findElement(By.cssSelector("#requestform textarea")).sendKeys("Counting meadow flowers for a school project");
        Browser.click(carol, By.cssSelector("#requestform button"));
        carolWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("offersform"), "waits for the owners"));
        Browser.screenshot(carol, "market-requested");

        // alice approves on her requests page
        ChromeDriver alice = signedIn("alice", "/me/requests");
        WebDriverWait aliceWait = Browser.await(alice, Duration.ofSeconds(60));
        By pending = By.xpath("//table[@id='incoming']//tr[@data-state='PENDING'][td[contains(., 'carol')]]//button[contains(@class, 'approve')]");
        aliceWait.until(ExpectedConditions.presenceOfElementLocated(pending));
        Browser.screenshot(alice, "market-requests");
        Browser.click(alice, pending);
        Browser.awaitAjax(alice);
        aliceWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("requests"), "Approved"));

        Map<String, Object> opened = fetch(carol, gatedFile);
        assertThat(opened.get("status")).isEqualTo(200L);
        assertThat((String) opened.get("body")).isEqualTo(CatalogApiIT.CSV);
        // and alice's sales show bob's purchase
        alice.get(BASE_URL + "/me/sales");
        aliceWait.until(ExpectedConditions.presenceOfElementLocated(By.id("revenue-chart")));
        assertThat(alice.findElements(By.cssSelector("#revenue-chart rect.gh-chart-bar")).size()).isGreaterThanOrEqualTo(30);
        assertThat(alice.findElement(By.id("sales")).getText()).contains(sold.substring("datasets/".length()));
        Browser.screenshot(alice, "market-sales");

        // alice shares the asset with carol on its Offers tab
        alice.get(BASE_URL + soldPage + "?tab=offers");
        aliceWait.until(ExpectedConditions.presenceOfElementLocated(By.id("sharesform:shares")));
        WebElement shares = alice.findElement(By.id("sharesform:shares"));
        shares.clear();
        shares.sendKeys("alice 6000\ncarol 4000");
        Browser.click(alice, By.id("sharesform:saveshares"));
        aliceWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sharesform"), "split by them"));
        String listed = CatalogApiIT.get("/api/v1/market/shares?kind=dataset&repo=" + sold.substring("datasets/".length()), null).body();
        assertThat(listed).contains("\"username\":\"carol\"").contains("\"bps\":4000");

        // the books: admins check them on their page; a member is refused it
        ChromeDriver ada = signedIn("ada", "/admin/books");
        WebDriverWait adaWait = Browser.await(ada, Duration.ofSeconds(60));
        Browser.click(ada, By.id("books:check"));
        Browser.awaitAjax(ada);
        adaWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("books"), "The books hold."));
        adaWait.until(ExpectedConditions.attributeToBe(By.id("books-state"), "data-healthy", "true"));
        adaWait.until(ExpectedConditions.textToBe(By.id("posting-sum"), "0"));
        Browser.screenshot(ada, "market-books");
        bob.get(BASE_URL + "/admin/books");
        bobWait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        assertThat(bob.findElements(By.id("books:check"))).isEmpty();
    }
}
