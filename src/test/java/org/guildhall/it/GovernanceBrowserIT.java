package org.guildhall.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guildhall.it.CatalogApiIT.get;
import static org.guildhall.it.CatalogApiIT.ok;
import static org.guildhall.it.TestEnvironment.BASE_URL;
import static org.guildhall.it.TestEnvironment.accessToken;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The DAO as its members use it, in real Chromium sessions: a member proposes a new platform fee with the form
 * and its preview, two members vote, the DAO clock (a development setting) is moved on from the proposal page,
 * the proposal executes, the parameters page shows the change, and the next purchase pays the new fee.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GovernanceBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.guildhall();
    }

    private final List<ChromeDriver> browsers = new java.util.ArrayList<>();

    @AfterEach
    void close() {
        browsers.forEach(ChromeDriver::quit);
    }

    ChromeDriver signedIn(String user, String path) {
        ChromeDriver b = Browser.signedIn(user, path);
        browsers.add(b);
        return b;
    }

    static void awaitState(ChromeDriver b, String state) {
        Browser.await(b, Duration.ofSeconds(60)).until(d -> state.equals(d.findElement(By.id("state")).getAttribute("data-state")));
    }

    @Test
    void aMemberProposesANewFeeTwoMembersVoteItExecutesAndTheNextPurchasePaysIt() {
        // the application may still be starting when this test runs first
        long until = System.currentTimeMillis() + 60_000;
        while (get("/api/v1/market/fee", null).statusCode() != 200 && System.currentTimeMillis() < until) {
            MarketApiIT.sleep(500);
        }
        int fee = ok(get("/api/v1/market/fee", null), 200).getInt("feeBps");
        int proposed = fee == 300 ? 325 : 300;

        // alice writes the proposal; the preview says what will change
        ChromeDriver alice = signedIn("alice", "/dao/new");
        WebDriverWait aliceWait = Browser.await(alice, Duration.ofSeconds(60));
        aliceWait.until(ExpectedConditions.presenceOfElementLocated(By.id("proposal:value")));
        alice.findElement(By.id("proposal:value")).sendKeys(String.valueOf(proposed));
        alice.findElement(By.id("proposal:title")).sendKeys("Fee to " + proposed / 100.0 + " %");
        alice.findElement(By.id("proposal:description")).sendKeys("Running the chain node costs **more** than planned.\n\n| now | then |\n|---|---|\n| "
                + fee + " | " + proposed + " |");
        Browser.click(alice, By.id("proposal:check"));
        aliceWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-change"),
                "Set platform.fee.bps from " + fee + " to " + proposed + " bps"));
        assertThat(alice.findElement(By.cssSelector("#proposal\\:preview table")).getText()).contains(String.valueOf(proposed));
        Browser.screenshot(alice, "dao-new-proposal");
        Browser.click(alice, By.id("proposal:submit"));
        aliceWait.until(ExpectedConditions.urlContains("/dao/proposal?number="));
        awaitState(alice, "PENDING");
        String page = alice.getCurrentUrl().substring(BASE_URL.length());
        assertThat(alice.findElement(By.cssSelector("#description strong")).getText()).isEqualTo("more");

        // the voting delay passes; alice votes for it with a reason
        Browser.click(alice, By.id("live:skip"));
        awaitState(alice, "ACTIVE");
        aliceWait.until(ExpectedConditions.presenceOfElementLocated(By.id("vote:cast")));
        alice.findElement(By.id("vote:reason")).sendKeys("the node is not free");
        Browser.click(alice, By.id("vote:cast"));
        aliceWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#vote-table tr[data-voter='alice'][data-choice='FOR']")));

        // carol votes against, then changes her mind: her last vote counts
        ChromeDriver carol = signedIn("carol", page);
        WebDriverWait carolWait = Browser.await(carol, Duration.ofSeconds(60));
        carolWait.until(ExpectedConditions.presenceOfElementLocated(By.id("vote:cast")));
        Browser.click(carol, By.cssSelector("label[for='vote:choice:1']"));
        Browser.click(carol, By.id("vote:cast"));
        carolWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#vote-table tr[data-voter='carol'][data-choice='AGAINST']")));
        Browser.click(carol, By.cssSelector("label[for='vote:choice:0']"));
        Browser.click(carol, By.id("vote:cast"));
        carolWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#vote-table tr[data-voter='carol'][data-choice='FOR']")));
        assertThat(carol.findElements(By.cssSelector("#vote-table tbody tr"))).hasSize(2);
        carolWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tally-chart rect[data-choice='for']")));
        Browser.screenshot(carol, "dao-proposal-voting");

        // the vote closes, the timelock passes: executed
        Browser.click(carol, By.id("live:skip"));
        awaitState(carol, "QUEUED");
        Browser.click(carol, By.id("live:skip"));
        awaitState(carol, "EXECUTED");
        assertThat(carol.findElements(By.cssSelector("#timeline li")).stream().map(li -> li.getAttribute("data-state")))
                .containsExactly("PENDING", "ACTIVE", "SUCCEEDED", "QUEUED", "EXECUTED");
        assertThat(carol.findElement(By.id("live:outcome")).getText()).contains("platform.fee.bps changed from " + fee + " to " + proposed);
        Browser.screenshot(carol, "dao-proposal-executed");

        carol.get(BASE_URL + "/dao/parameters");
        WebElement value = carolWait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#parameter-table tr[data-name='platform.fee.bps'] td[data-value]")));
        assertThat(value.getAttribute("data-value")).isEqualTo(String.valueOf(proposed));
        assertThat(carol.findElement(By.id("history")).getText()).contains("platform.fee.bps");
        Browser.screenshot(carol, "dao-parameters");

        // the next purchase pays the new fee
        String aliceToken = accessToken("alice");
        String bobToken = accessToken("bob");
        CatalogApiIT.alice = aliceToken;
        MarketApiIT.alice = aliceToken;
        String asset = CatalogApiIT.publishedDataset("fee-check");
        String offer = MarketApiIT.offer(asset, "ONE_OFF", "10", "").getString("id");
        MarketApiIT.topUp(bobToken, "10");
        var bought = ok(MarketApiIT.buy(bobToken, offer, UUID.randomUUID().toString()), 201);
        assertThat(bought.getJsonObject("fee").getJsonNumber("minor").longValue()).isEqualTo(10_000_000L * proposed / 10_000);

        alice.get(BASE_URL + "/dao");
        aliceWait.until(ExpectedConditions.presenceOfElementLocated(By.id("power-formula")));
        Browser.screenshot(alice, "dao-home");
    }
}
