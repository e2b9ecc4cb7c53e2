package org.guildhall.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guildhall.it.CatalogApiIT.get;
import static org.guildhall.it.CatalogApiIT.ok;
import static org.guildhall.it.CatalogApiIT.publishedDataset;
import static org.guildhall.it.TestEnvironment.accessToken;
import static org.guildhall.it.TestEnvironment.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.erdtman.jcs.JsonCanonicalizer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The provenance ledger from outside: publishing a version writes its entries, the sealer batches them, and a
 * receipt is checked here with nothing but SHA-256 and RFC 8785 — the way an independent auditor would.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LedgerApiIT {

    static final HexFormat HEX = HexFormat.of();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.guildhall();
    }

    @BeforeAll
    static void tokens() {
        CatalogApiIT.tokens();
    }

    static byte[] sha256(byte[]... parts) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (byte[] p : parts) {
            sha.update(p);
        }
        return sha.digest();
    }

    static String canonical(JsonValue v) throws Exception {
        return new JsonCanonicalizer(v.toString()).getEncodedString();
    }

    /** Polls the receipt until the entry's batch is sealed (the test server seals every second). */
    static JsonObject sealedReceipt(long seq) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            JsonObject receipt = ok(get("/api/v1/ledger/entries/" + seq + "/receipt", null), 200);
            if (!receipt.isNull("proof") || Instant.now().isAfter(deadline)) {
                return receipt;
            }
            Thread.sleep(250);
        }
    }

    @Test
    void publishingWritesTheVersionsEntriesAndItsReceiptChecksOutIndependently() throws Exception {
        String asset = publishedDataset("ledgered");
        JsonObject page = ok(get("/api/v1/ledger/entries?asset=" + asset, null), 200);
        JsonArray items = page.getJsonArray("items");
        List<String> types = new ArrayList<>();
        items.forEach(i -> types.add(i.asJsonObject().getString("type")));
        assertThat(types).containsExactly("version.published", "asset.registered");
        JsonObject published = items.getJsonObject(0);
        String name = asset.substring(asset.lastIndexOf('/') + 1);
        assertThat(published.getString("subject")).isEqualTo("dataset:alice/" + name + "@r1");
        JsonObject payload = json(published.getString("payload"));
        JsonObject version = ok(get("/api/v1/" + asset + "/versions/main", null), 200);
        assertThat(payload.getString("contentHash")).isEqualTo(version.getJsonObject("version").getString("contentHash"));
        assertThat(payload.getJsonArray("files")).hasSize(2);
        assertThat(payload.getString("tag")).isEqualTo("v1");

        long seq = published.getJsonNumber("seq").longValue();
        JsonObject receipt = sealedReceipt(seq);
        assertThat(receipt.getString("format")).isEqualTo("guildhall.receipt.v1");
        assertThat(receipt.isNull("proof")).as("sealed within 30 s").isFalse();

        // 1. the payload hash is SHA-256 of the payload's canonical JSON
        JsonObject entry = receipt.getJsonObject("entry");
        assertThat(HEX.formatHex(sha256(canonical(entry.getJsonObject("payload")).getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(entry.getString("payloadHash"));
        // 2. the entry hash is SHA-256(0x00 ‖ canonical envelope)
        JsonObject envelope = jakarta.json.Json.createObjectBuilder().add("actor", entry.get("actor")).add("payloadHash", entry.get("payloadHash"))
                .add("prevHash", entry.get("prevHash")).add("seq", entry.get("seq")).add("subject", entry.get("subject"))
                .add("time", entry.get("time")).add("type", entry.get("type")).add("wallet", entry.get("wallet")).build();
        byte[] leaf = sha256(new byte[] {0}, canonical(envelope).getBytes(StandardCharsets.UTF_8));
        assertThat(HEX.formatHex(leaf)).isEqualTo(entry.getString("hash"));
        // 3. the audit path leads to the batch root (RFC 9162 2.1.3.2)
        JsonObject proof = receipt.getJsonObject("proof");
        long fn = proof.getJsonNumber("leafIndex").longValue();
        long sn = proof.getJsonNumber("treeSize").longValue() - 1;
        byte[] r = leaf;
        for (JsonValue p : proof.getJsonArray("path")) {
            byte[] sibling = HEX.parseHex(((jakarta.json.JsonString) p).getString());
            if ((fn & 1) == 1 || fn == sn) {
                r = sha256(new byte[] {1}, sibling, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = sha256(new byte[] {1}, r, sibling);
            }
            fn >>= 1;
            sn >>= 1;
        }
        assertThat(sn).isZero();
        JsonObject batch = receipt.getJsonObject("batch");
        assertThat(HEX.formatHex(r)).isEqualTo(batch.getString("root"));
        // the batch the API lists has that root
        JsonObject listed = ok(get("/api/v1/ledger/batches/" + batch.getJsonNumber("number").longValue(), null), 200);
        assertThat(listed.getString("root")).isEqualTo(batch.getString("root"));
        assertThat(ok(get("/api/v1/ledger/entries/" + seq, null), 200).getString("state")).isIn("SEALED", "ANCHORED", "CONFIRMED");
    }

    /** Polls an entry until its batch is confirmed on the chain (anvil mines a block a second; 2 confirmations). */
    static JsonObject confirmedReceipt(long seq) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonObject receipt = ok(get("/api/v1/ledger/entries/" + seq + "/receipt", null), 200);
            if ((!receipt.isNull("anchor") && "CONFIRMED".equals(receipt.getJsonObject("anchor").getString("state")))
                    || Instant.now().isAfter(deadline)) {
                return receipt;
            }
            Thread.sleep(500);
        }
    }

    @Test
    void aPublishedVersionIsAnchoredOnTheRealChainAndTheContractHoldsItsBatchRoot() throws Exception {
        String asset = publishedDataset("anchored");
        long seq = ok(get("/api/v1/ledger/entries?type=version.published&asset=" + asset, null), 200).getJsonArray("items")
                .getJsonObject(0).getJsonNumber("seq").longValue();
        JsonObject receipt = confirmedReceipt(seq);
        assertThat(receipt.isNull("anchor")).as("anchored within 60 s: %s", receipt).isFalse();
        JsonObject anchor = receipt.getJsonObject("anchor");
        assertThat(anchor.getString("state")).isEqualTo("CONFIRMED");
        assertThat(anchor.getJsonNumber("chainId").longValue()).isEqualTo(31337);
        assertThat(anchor.getString("transaction")).matches("0x[0-9a-f]{64}");
        long batch = receipt.getJsonObject("batch").getJsonNumber("number").longValue();
        String contract = anchor.getString("contract");
        // read back from the node itself: the contract holds exactly this root for this batch, anchored once
        assertThat(TestChain.rootOf(contract, batch)).isEqualTo(receipt.getJsonObject("batch").getString("root"));
        assertThat(TestChain.anchorEvents(contract, batch)).isEqualTo(1);
        assertThat(ok(get("/api/v1/ledger/entries/" + seq, null), 200).getString("state")).isEqualTo("CONFIRMED");
        JsonObject listed = ok(get("/api/v1/ledger/batches/" + batch, null), 200);
        assertThat(listed.getJsonNumber("gasUsed").longValue()).isPositive();
        assertThat(listed.getJsonNumber("block").longValue()).isEqualTo(anchor.getJsonNumber("block").longValue());
    }

    @Test
    void everyAccountsFirstSignInIsAnEntryAndTheChainOfHashesIsUnbroken() {
        accessToken("carol");
        ok(get("/api/v1/me", accessToken("carol")), 200);
        JsonObject joined = ok(get("/api/v1/ledger/entries?type=account.joined&account=carol", null), 200);
        assertThat(joined.getJsonNumber("total").longValue()).isEqualTo(1);
        assertThat(joined.getJsonArray("items").getJsonObject(0).getString("subject")).isEqualTo("account:carol");
        JsonArray recent = ok(get("/api/v1/ledger/entries?limit=200", null), 200).getJsonArray("items");
        for (int i = 0; i + 1 < recent.size(); i++) {
            assertThat(recent.getJsonObject(i).getString("prevHash")).isEqualTo(recent.getJsonObject(i + 1).getString("hash"));
        }
    }

    @Test
    void theProvenanceExportIsProvJsonWithTheModelDerivedFromItsDataset() {
        // the demo's carol/iris-logreg declares datasets: [alice/iris]
        JsonObject prov = ok(get("/api/v1/ledger/provenance?asset=models/carol/iris-logreg", null), 200);
        assertThat(prov.getJsonObject("prefix").getString("gh")).startsWith("https://");
        assertThat(prov.getJsonObject("entity").keySet()).contains("gh:model/carol/iris-logreg", "gh:model/carol/iris-logreg@r1",
                "gh:dataset/alice/iris", "gh:dataset/alice/iris@r1");
        assertThat(prov.getJsonObject("wasDerivedFrom").values()).anySatisfy(d -> {
            assertThat(d.asJsonObject().getString("prov:generatedEntity")).isEqualTo("gh:model/carol/iris-logreg@r1");
            assertThat(d.asJsonObject().getString("prov:usedEntity")).isEqualTo("gh:dataset/alice/iris");
            assertThat(d.asJsonObject().getString("prov:type")).isEqualTo("gh:trainedOn");
        });
        assertThat(prov.getJsonObject("wasGeneratedBy")).isNotEmpty();
        assertThat(prov.getJsonObject("wasAttributedTo")).isNotEmpty();
        assertThat(prov.getJsonObject("agent")).isNotEmpty();
        ApiIT.problem(get("/api/v1/ledger/provenance?asset=models/carol/nothing-here", null), 400, "bad-request");
        ApiIT.problem(get("/api/v1/ledger/provenance", null), 400, "bad-request");
    }

    @Test
    void anAdminAuditsTheLedgerAgainstTheChainAndOthersMayNot() {
        String ada = accessToken("ada");
        JsonObject report = ok(CatalogApiIT.call("POST", "/api/v1/ledger/audits", ada, null, null), 200);
        assertThat(report.getJsonArray("findings")).as(report.toString()).isEmpty();
        assertThat(report.getJsonNumber("entriesChecked").longValue()).isPositive();
        assertThat(report.getBoolean("chainChecked")).isTrue();
        assertThat(ok(get("/api/v1/ledger/audits/latest", ada), 200).getString("finishedAt")).isEqualTo(report.getString("finishedAt"));
        ApiIT.problem(CatalogApiIT.call("POST", "/api/v1/ledger/audits", accessToken("bob"), null, null), 403, "forbidden");
        ApiIT.problem(get("/api/v1/ledger/audits/latest", null), 401, "unauthorized");
    }

    @Test
    void unknownEntriesBatchesAndFiltersAreClearProblems() {
        assertThat(ApiIT.problem(get("/api/v1/ledger/entries/999999999", null), 404, "not-found").getString("detail"))
                .contains("no ledger entry 999999999");
        ApiIT.problem(get("/api/v1/ledger/batches/999999999", null), 404, "not-found");
        ApiIT.problem(get("/api/v1/ledger/batches/1/consistency", null), 404, "not-found");
        assertThat(ApiIT.problem(get("/api/v1/ledger/entries?account=nobody-here", null), 400, "bad-request").getString("detail"))
                .contains("nobody-here");
        ApiIT.problem(get("/api/v1/ledger/entries?asset=nonsense", null), 400, "bad-request");
        ApiIT.problem(get("/api/v1/ledger/entries?limit=0", null), 400, "bad-request");
        ApiIT.problem(get("/api/v1/ledger/entries/abc", null), 404, "not-found");
    }
}
