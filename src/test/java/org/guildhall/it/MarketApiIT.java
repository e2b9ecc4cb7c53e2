package org.guildhall.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guildhall.it.CatalogApiIT.CSV;
import static org.guildhall.it.CatalogApiIT.call;
import static org.guildhall.it.CatalogApiIT.get;
import static org.guildhall.it.CatalogApiIT.ok;
import static org.guildhall.it.CatalogApiIT.problem;
import static org.guildhall.it.CatalogApiIT.publishedDataset;
import static org.guildhall.it.CatalogApiIT.sendJson;
import static org.guildhall.it.TestEnvironment.BASE_URL;
import static org.guildhall.it.TestEnvironment.HTTP;
import static org.guildhall.it.TestEnvironment.accessToken;
import static org.guildhall.it.TestEnvironment.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The market through its API on the running server: licences gate the files in every way they are served (the
 * REST API, the Hub's resolve URLs, HEAD, previews), money moves exactly and retries never charge twice.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MarketApiIT {

    static String alice;
    static String bob;
    static String carol;
    static String ada;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.guildhall();
    }

    @BeforeAll
    static void tokens() {
        alice = accessToken("alice");
        bob = accessToken("bob");
        carol = accessToken("carol");
        ada = accessToken("ada");
        // publishedDataset() creates alice's datasets with the catalogue test's token
        CatalogApiIT.alice = alice;
        CatalogApiIT.bob = bob;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String repo(String asset) {
        return asset.substring(asset.indexOf('/') + 1);
    }

    static JsonObject offer(String asset, String kind, String price, String extra) {
        return ok(sendJson("POST", "/api/v1/market/offers", alice, "{\"assetKind\":\"dataset\",\"repo\":\"" + repo(asset)
                + "\",\"rev\":\"v1\",\"kind\":\"" + kind + "\",\"title\":\"" + kind + " licence\",\"price\":\"" + price + "\""
                + (extra.isEmpty() ? "" : "," + extra) + "}"), 201);
    }

    static HttpResponse<String> buy(String token, String offerId, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE_URL + "/api/v1/market/purchases")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"offer\":\"" + offerId + "\"}"));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return TestEnvironment.send(b.build());
    }

    static void topUp(String token, String amount) {
        ok(call("POST", "/api/v1/market/faucet", token, "application/json", ("{\"amount\":\"" + amount + "\"}").getBytes(StandardCharsets.UTF_8),
                "Idempotency-Key", UUID.randomUUID().toString()), 200);
    }

    static long balance(String token) {
        return ok(get("/api/v1/market/wallet", token), 200).getJsonObject("balance").getJsonNumber("minor").longValue();
    }

    static HttpResponse<String> file(String asset, String token) {
        return get("/api/v1/" + asset + "/versions/main/files/data/flowers.csv", token);
    }

    static HttpResponse<String> resolve(String asset, String token) {
        return get("/" + asset + "/resolve/main/data/flowers.csv", token);
    }

    /** Refused, and not a byte of the file in the answer. */
    static JsonObject refused(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).doesNotContain("setosa");
        return r.body().isEmpty() ? null : json(r.body()); // HEAD answers carry no body
    }

    @Test
    void aOneOffLicenceOpensTheFilesToItsBuyerAloneAndTheSaleIsPaidExactlyAndRecorded() {
        String asset = publishedDataset("priced");
        assertThat(file(asset, bob).statusCode()).isEqualTo(200); // no offer: open to all
        JsonObject offer = offer(asset, "ONE_OFF", "4", "\"commercialUse\":true,\"royaltyBps\":750");
        assertThat(offer.getJsonObject("price").getString("value")).isEqualTo("4.00");
        String offerId = offer.getString("id");

        // everyone but the owners is refused, however they ask
        refused(file(asset, null), 403);
        JsonObject p = refused(file(asset, bob), 403);
        assertThat(p.getString("detail")).contains("needs a licence");
        HttpResponse<String> hub = resolve(asset, bob);
        refused(hub, 403);
        assertThat(hub.headers().firstValue("X-Error-Code")).hasValue("GatedRepo");
        refused(call("HEAD", "/" + asset + "/resolve/main/data/flowers.csv", bob, null, null), 403);
        refused(get("/api/v1/" + asset + "/versions/main/preview/data/flowers.csv", bob), 403);
        assertThat(file(asset, alice).body()).isEqualTo(CSV);

        // no money yet: 402, nothing granted
        long before = balance(bob);
        if (before < 4_000_000) {
            JsonObject short402 = refused(buy(bob, offerId, UUID.randomUUID().toString()), 402);
            assertThat(short402.getString("type")).endsWith("/payment-required");
            topUp(bob, "10");
        }
        long funded = balance(bob);
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = buy(bob, offerId, key);
        JsonObject licence = ok(first, 201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).hasValue("false");
        HttpResponse<String> retry = buy(bob, offerId, key);
        assertThat(ok(retry, 200).getString("id")).isEqualTo(licence.getString("id"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(balance(bob)).isEqualTo(funded - 4_000_000);
        assertThat(problem(buy(bob, offerId, UUID.randomUUID().toString()), 409, "conflict").getString("detail")).contains("already hold");
        assertThat(balance(bob)).isEqualTo(funded - 4_000_000);

        // the buyer has the files now, everywhere; others still do not
        assertThat(file(asset, bob).body()).isEqualTo(CSV);
        assertThat(resolve(asset, bob).body()).isEqualTo(CSV);
        refused(file(asset, carol), 403);

        // a signed, short-lived link for a script: works without a token, only for whoever may have the file
        JsonObject link = ok(call("POST", "/api/v1/" + asset + "/versions/main/links/data/flowers.csv?ttl=120", bob, null, null), 201);
        String path = link.getString("path");
        assertThat(get(path, null).body()).isEqualTo(CSV);
        refused(call("POST", "/api/v1/" + asset + "/versions/main/links/data/flowers.csv", carol, null, null), 403);
        String forged = path.substring(0, path.length() - 3) + (path.endsWith("AAA") ? "BBB" : "AAA");
        refused(get(forged, null), 404);
        problem(call("POST", "/api/v1/" + asset + "/versions/main/links/data/flowers.csv?ttl=999999", bob, null, null), 422,
                "validation-failed");
        JsonObject brief = ok(call("POST", "/api/v1/" + asset + "/versions/main/links/data/flowers.csv?ttl=1", bob, null, null), 201);
        sleep(2_100);
        refused(get(brief.getString("path"), null), 404);
        JsonArray mine = json("{\"a\":" + get("/api/v1/market/licences", bob).body() + "}").getJsonArray("a");
        assertThat(mine.stream().map(v -> v.asJsonObject().getString("id"))).contains(licence.getString("id"));

        // the sale is in the ledger with its price, fee and the owner's part
        long seq = licence.getJsonNumber("ledgerSeq").longValue();
        JsonObject entry = ok(get("/api/v1/ledger/entries/" + seq, null), 200);
        assertThat(entry.getString("type")).isEqualTo("licence.granted");
        JsonObject payload = json(entry.getString("payload"));
        assertThat(payload.getString("licence")).isEqualTo(licence.getString("id"));
        assertThat(payload.getJsonNumber("price").longValue()).isEqualTo(4_000_000);
        // the fee in force (the DAO may have changed it from the configured 2.5%)
        long fee = 4_000_000L * ok(get("/api/v1/market/fee", null), 200).getInt("feeBps") / 10_000;
        assertThat(payload.getJsonNumber("fee").longValue()).isEqualTo(fee);
        assertThat(payload.getJsonObject("terms").getInt("royaltyBps")).isEqualTo(750);
        assertThat(payload.getJsonArray("proceeds").getJsonObject(0).getJsonNumber("amount").longValue()).isEqualTo(4_000_000 - fee);
        assertThat(get("/api/v1/ledger/entries/" + seq + "/receipt", null).statusCode()).isEqualTo(200);

        // the owner sees the sale; a changed term after a sale is refused
        JsonObject sales = ok(get("/api/v1/market/sales", alice), 200);
        assertThat(sales.getJsonNumber("sales").longValue()).isPositive();
        assertThat(problem(sendJson("PUT", "/api/v1/market/offers/" + offerId, alice,
                "{\"kind\":\"ONE_OFF\",\"title\":\"Cheaper\",\"price\":\"1\"}"), 409, "conflict").getString("detail")).contains("cannot change");

        // the books hold; only admins may look
        JsonObject check = ok(call("POST", "/api/v1/market/checks", ada, null, null), 200);
        assertThat(check.getJsonArray("findings")).isEmpty();
        assertThat(check.getJsonNumber("postingSum").longValue()).isZero();
        problem(call("POST", "/api/v1/market/checks", bob, null, null), 403, "forbidden");
    }

    @Test
    void aGatedVersionOpensOnceAnOwnerApprovesTheRequestAndStaysClosedAfterARejection() {
        String asset = publishedDataset("gated");
        String offerId = offer(asset, "GATED", "0", "\"laterVersions\":true").getString("id");
        assertThat(refused(file(asset, bob), 403).getString("detail")).contains("gated");

        problem(sendJson("POST", "/api/v1/market/offers/" + offerId + "/requests", bob, "{\"purpose\":\"short\"}"), 422, "validation-failed");
        JsonObject request = ok(sendJson("POST", "/api/v1/market/offers/" + offerId + "/requests", bob,
                "{\"purpose\":\"Benchmarking flower classifiers for a paper\"}"), 201);
        assertThat(request.getString("state")).isEqualTo("PENDING");
        problem(sendJson("POST", "/api/v1/market/offers/" + offerId + "/requests", bob,
                "{\"purpose\":\"Benchmarking flower classifiers again\"}"), 409, "conflict");
        refused(file(asset, bob), 403);

        String id = request.getString("id");
        assertThat(get("/api/v1/market/requests", alice).body()).contains(id);
        problem(sendJson("POST", "/api/v1/market/requests/" + id + "/approve", carol, "{}"), 404, "not-found");
        problem(sendJson("POST", "/api/v1/market/requests/" + UUID.randomUUID() + "/approve", alice, "{}"), 404, "not-found");
        JsonObject approved = ok(sendJson("POST", "/api/v1/market/requests/" + id + "/approve", alice, "{}"), 200);
        assertThat(approved.getString("state")).isEqualTo("APPROVED");
        assertThat(file(asset, bob).body()).isEqualTo(CSV);
        problem(sendJson("POST", "/api/v1/market/requests/" + id + "/approve", alice, "{}"), 409, "conflict");

        JsonObject other = ok(sendJson("POST", "/api/v1/market/offers/" + offerId + "/requests", carol,
                "{\"purpose\":\"Teaching a class on data licences\"}"), 201);
        problem(sendJson("POST", "/api/v1/market/requests/" + other.getString("id") + "/reject", alice, "{}"), 422, "validation-failed");
        JsonObject rejected = ok(sendJson("POST", "/api/v1/market/requests/" + other.getString("id") + "/reject", alice,
                "{\"reason\":\"Not for classes yet\"}"), 200);
        assertThat(rejected.getString("state")).isEqualTo("REJECTED");
        assertThat(rejected.getString("reason")).isEqualTo("Not for classes yet");
        refused(file(asset, carol), 403);
    }

    @Test
    void payPerUseChargesOneUseOfAFilePerDayAndAnswers402WhenTheBalanceIsShort() {
        String dear = publishedDataset("dear");
        offer(dear, "PAY_PER_USE", "900", "");
        assertThat(refused(file(dear, carol), 402).getString("detail")).contains("900.00");
        refused(call("HEAD", "/api/v1/" + dear + "/versions/main/files/data/flowers.csv", carol, null, null), 402);

        String cheap = publishedDataset("metered");
        offer(cheap, "PAY_PER_USE", "0.25", "");
        topUp(carol, "1");
        long funded = balance(carol);
        assertThat(call("HEAD", "/api/v1/" + cheap + "/versions/main/files/data/flowers.csv", carol, null, null).statusCode()).isEqualTo(200);
        assertThat(balance(carol)).isEqualTo(funded);
        assertThat(file(cheap, carol).body()).isEqualTo(CSV);
        assertThat(balance(carol)).isEqualTo(funded - 250_000);
        // the same file again today, and a resumed range: one use
        assertThat(file(cheap, carol).body()).isEqualTo(CSV);
        assertThat(get("/api/v1/" + cheap + "/versions/main/files/data/flowers.csv", carol, "Range", "bytes=5-").statusCode()).isEqualTo(206);
        assertThat(balance(carol)).isEqualTo(funded - 250_000);
        JsonObject wallet = ok(get("/api/v1/market/wallet", carol), 200);
        assertThat(wallet.getJsonArray("postings").getJsonObject(0).getString("kind")).isEqualTo("USAGE");
        refused(file(cheap, null), 403);
    }

    @Test
    void badOffersAndPurchasesAreRefusedWithTheReasonAndChangeNothing() {
        String asset = publishedDataset("refusals");
        for (String price : List.of("0", "-1", "1000000.01", "abc", "0.0000001")) {
            JsonObject p = problem(sendJson("POST", "/api/v1/market/offers", alice, "{\"assetKind\":\"dataset\",\"repo\":\"" + repo(asset)
                    + "\",\"kind\":\"ONE_OFF\",\"title\":\"x\",\"price\":\"" + price + "\"}"), 422, "validation-failed");
            assertThat(p.toString()).containsAnyOf("price", "amount");
        }
        problem(sendJson("POST", "/api/v1/market/offers", alice, "{\"assetKind\":\"dataset\",\"repo\":\"" + repo(asset)
                + "\",\"rev\":\"draft\",\"kind\":\"ONE_OFF\",\"title\":\"x\",\"price\":\"1\"}"), 409, "conflict");
        problem(sendJson("POST", "/api/v1/market/offers", bob, "{\"assetKind\":\"dataset\",\"repo\":\"" + repo(asset)
                + "\",\"kind\":\"ONE_OFF\",\"title\":\"x\",\"price\":\"1\"}"), 403, "forbidden");
        problem(sendJson("POST", "/api/v1/market/offers", alice, "{\"assetKind\":\"dataset\",\"repo\":\"alice/no-such-asset\","
                + "\"kind\":\"ONE_OFF\",\"title\":\"x\",\"price\":\"1\"}"), 404, "not-found");
        String offerId = offer(asset, "ONE_OFF", "1", "").getString("id");
        problem(buy(alice, offerId, UUID.randomUUID().toString()), 409, "conflict");
        problem(buy(bob, offerId, null), 422, "validation-failed");
        problem(buy(bob, UUID.randomUUID().toString(), UUID.randomUUID().toString()), 404, "not-found");
        ok(call("POST", "/api/v1/market/offers/" + offerId + "/withdraw", alice, null, null), 200);
        long before = balance(bob);
        assertThat(problem(buy(bob, offerId, UUID.randomUUID().toString()), 409, "conflict").getString("detail")).contains("withdrawn");
        assertThat(balance(bob)).isEqualTo(before);
        problem(call("POST", "/api/v1/market/faucet", bob, "application/json", "{\"amount\":\"5000\"}".getBytes(StandardCharsets.UTF_8),
                "Idempotency-Key", UUID.randomUUID().toString()), 422, "validation-failed");
        problem(get("/api/v1/market/wallet", null), 401, "unauthorized");
    }

    @Test
    void twoHundredConcurrentPurchasesAgainstABalanceForFiftyGrantExactlyFifty() throws Exception {
        String asset = publishedDataset("crowd");
        List<String> offers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            offers.add(offer(asset, "ONE_OFF", "1", "").getString("id"));
        }
        long start = balance(ada);
        topUp(ada, "50");
        long funded = start + 50_000_000;
        long affordable = funded / 1_000_000;
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (String offerId : offers) {
            HttpRequest r = HttpRequest.newBuilder(URI.create(BASE_URL + "/api/v1/market/purchases")).timeout(Duration.ofSeconds(120))
                    .header("Authorization", "Bearer " + ada).header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"offer\":\"" + offerId + "\"}")).build();
            calls.add(HTTP.sendAsync(r, HttpResponse.BodyHandlers.ofString()).thenAccept(resp -> statuses.merge(resp.statusCode(), 1, Integer::sum)));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();

        assertThat(statuses).containsOnly(Map.entry(201, (int) affordable), Map.entry(402, 200 - (int) affordable));
        assertThat(balance(ada)).isEqualTo(funded - affordable * 1_000_000);
        JsonObject check = ok(call("POST", "/api/v1/market/checks", ada, null, null), 200);
        assertThat(check.getJsonArray("findings")).isEmpty();
        assertThat(check.getJsonNumber("postingSum").longValue()).isZero();
    }
}
