package org.guildhall.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guildhall.it.CatalogApiIT.get;
import static org.guildhall.it.CatalogApiIT.ok;
import static org.guildhall.it.CatalogApiIT.publishedDataset;
import static org.guildhall.it.TestEnvironment.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The chain node crashes (killed without saving its latest state) and comes back: meanwhile the portal and the
 * API keep working, entries wait, readiness says the chain is degraded; afterwards every batch is anchored, and
 * anchored exactly once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChainOutageIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.guildhall();
    }

    @BeforeAll
    static void tokens() {
        CatalogApiIT.tokens();
    }

    /** The chain's readiness check: status, and its data (state, problem, pending counts). */
    static JsonObject chainCheck() {
        JsonObject health = json(get("/health/ready", null).body());
        for (var c : health.getJsonArray("checks")) {
            if (c.asJsonObject().getString("name").equals("chain")) {
                JsonObject check = c.asJsonObject();
                return jakarta.json.Json.createObjectBuilder(check.getJsonObject("data")).add("status", check.getString("status")).build();
            }
        }
        throw new AssertionError("no chain check in " + health);
    }

    static void await(String what, Duration limit, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.call()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + limit.toSeconds() + " s: " + what);
            }
            Thread.sleep(500);
        }
    }

    static JsonArray batches() {
        return ok(get("/api/v1/ledger/batches?limit=200", null), 200).getJsonArray("items");
    }

    static boolean allConfirmed() {
        JsonObject stats = ok(get("/api/v1/ledger", null), 200);
        return stats.getJsonNumber("pending").longValue() == 0 && stats.getJsonNumber("unanchoredBatches").longValue() == 0
                && batches().stream().allMatch(b -> b.asJsonObject().getString("state").equals("CONFIRMED"));
    }

    @Test
    void aCrashedChainNodeDelaysAnchoringButLosesNothingAndAnchorsEachBatchExactlyOnce() throws Exception {
        publishedDataset("before-crash");
        await("the ledger anchored and confirmed before the crash", Duration.ofSeconds(90), ChainOutageIT::allConfirmed);

        TestChain.kill();
        String during = publishedDataset("during-crash");
        // the portal keeps working and shows the new dataset; its entries wait
        assertThat(get("/" + during, null).statusCode()).isEqualTo(200);
        JsonObject entries = ok(get("/api/v1/ledger/entries?asset=" + during, null), 200);
        assertThat(entries.getJsonNumber("total").longValue()).isEqualTo(2);
        Predicate<JsonObject> waiting = e -> e.getString("state").equals("PENDING") || e.getString("state").equals("SEALED");
        assertThat(entries.getJsonArray("items").stream().map(v -> v.asJsonObject()).allMatch(waiting)).isTrue();
        await("readiness to show the chain as degraded", Duration.ofSeconds(20), () -> "degraded".equals(chainCheck().getString("state")));
        JsonObject check = chainCheck();
        assertThat(check.getString("status")).isEqualTo("UP");
        assertThat(check.getString("problem")).isNotBlank();
        assertThat(json(get("/health/ready", null).body()).getString("status")).isEqualTo("UP");

        TestChain.start();
        await("every batch anchored and confirmed after the restart", Duration.ofSeconds(120), ChainOutageIT::allConfirmed);
        await("readiness to show the chain as up", Duration.ofSeconds(20), () -> "up".equals(chainCheck().getString("state")));

        // the chain itself agrees: every batch is there once, with the root the ledger holds, and nothing more
        JsonArray all = batches();
        String contract = all.getJsonObject(0).getString("contract");
        assertThat(TestChain.lastBatch(contract)).isEqualTo(all.size());
        for (var v : all) {
            JsonObject b = v.asJsonObject();
            long no = b.getJsonNumber("batchNo").longValue();
            assertThat(b.getString("contract")).isEqualTo(contract);
            assertThat(TestChain.rootOf(contract, no)).as("batch %d", no).isEqualTo(b.getString("root"));
            assertThat(TestChain.anchorEvents(contract, no)).as("anchor events of batch %d", no).isEqualTo(1);
        }
        JsonObject after = ok(get("/api/v1/ledger/entries?asset=" + during, null), 200);
        assertThat(after.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("state"))).containsOnly("CONFIRMED");
    }
}
