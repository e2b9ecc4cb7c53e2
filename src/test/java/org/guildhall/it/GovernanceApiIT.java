package org.guildhall.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guildhall.it.CatalogApiIT.get;
import static org.guildhall.it.CatalogApiIT.ok;
import static org.guildhall.it.CatalogApiIT.problem;
import static org.guildhall.it.CatalogApiIT.publishedDataset;
import static org.guildhall.it.CatalogApiIT.sendJson;
import static org.guildhall.it.TestEnvironment.accessToken;
import static org.guildhall.it.TestEnvironment.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The DAO through its API on the running server: members propose and vote with power from the ledger, the
 * clock (a development setting) moves proposals through their lifecycle, executed decisions take effect, and
 * every bad request is refused with the reason.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GovernanceApiIT {

    static String alice;
    static String bob;
    static String carol;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.guildhall();
    }

    @BeforeAll
    static void tokens() {
        alice = accessToken("alice");
        bob = accessToken("bob");
        carol = accessToken("carol");
        CatalogApiIT.alice = alice;
        CatalogApiIT.bob = bob;
    }

    static Map<String, Long> parameters() {
        return array(get("/api/v1/dao/parameters", null)).stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(p -> p.getString("name"), p -> p.getJsonNumber("value").longValue()));
    }

    static List<JsonValue> array(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json("{\"a\":" + r.body() + "}").getJsonArray("a");
    }

    static JsonObject propose(String token, String body) {
        return ok(sendJson("POST", "/api/v1/dao/proposals", token, body), 201);
    }

    static void advance(long seconds) {
        ok(sendJson("POST", "/api/v1/dao/clock", alice, "{\"seconds\":" + seconds + "}"), 200);
    }

    static JsonObject proposal(long number) {
        return ok(get("/api/v1/dao/proposals/" + number, null), 200);
    }

    static JsonObject vote(String token, long number, String choice, String reason) {
        return ok(sendJson("POST", "/api/v1/dao/proposals/" + number + "/votes", token,
                "{\"choice\":\"" + choice + "\"" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}"), 200);
    }

    @Test
    void badProposalsAndVotesAreRefusedWithTheReason() {
        // bob has published nothing: not a member
        assertThat(problem(sendJson("POST", "/api/v1/dao/proposals", bob,
                "{\"kind\":\"TEXT\",\"title\":\"Hi\",\"description\":\"Hello\"}"), 403, "forbidden").getString("detail"))
                .contains("Only members propose");
        assertThat(sendJson("POST", "/api/v1/dao/proposals", null, "{\"kind\":\"TEXT\"}").statusCode()).isEqualTo(401);

        JsonObject range = problem(sendJson("POST", "/api/v1/dao/proposals", alice, "{\"kind\":\"PARAMETER_CHANGE\",\"title\":\"Fee\","
                + "\"description\":\"Raise it\",\"parameter\":\"platform.fee.bps\",\"value\":9000}"), 422, "validation-failed");
        assertThat(range.toString()).contains("platform.fee.bps must be between 0 and 2000 bps");
        JsonObject script = problem(sendJson("POST", "/api/v1/dao/proposals", alice, "{\"kind\":\"TEXT\",\"title\":\"Hi\","
                + "\"description\":\"Hello <script>alert(1)</script>\"}"), 422, "validation-failed");
        assertThat(script.toString()).contains("Remove what is not allowed in a description: <script>");
        JsonObject grant = problem(sendJson("POST", "/api/v1/dao/proposals", alice, "{\"kind\":\"TREASURY_GRANT\",\"title\":\"Pay\","
                + "\"description\":\"For work\",\"grantee\":\"carol\",\"amount\":\"100000000\"}"), 422, "validation-failed");
        assertThat(grant.toString()).contains("it cannot grant 100000000");
        JsonObject missing = problem(sendJson("POST", "/api/v1/dao/proposals", alice, "{\"kind\":\"ASSET_TAKEDOWN\",\"title\":\"Remove\","
                + "\"description\":\"Bad\",\"asset\":\"datasets/nobody/nothing\"}"), 422, "validation-failed");
        assertThat(missing.toString()).contains("There is no published asset datasets/nobody/nothing");
        JsonObject preview = ok(sendJson("POST", "/api/v1/dao/proposals/preview", null, "{\"kind\":\"PARAMETER_CHANGE\",\"title\":\"Fee\","
                + "\"description\":\"**Lower** it\",\"parameter\":\"quorum.bps\",\"value\":500}"), 200);
        assertThat(preview.getString("change")).startsWith("Set quorum.bps from ").endsWith(" to 500 bps");
        assertThat(preview.getString("descriptionHtml")).contains("<strong>Lower</strong>");

        JsonObject p = propose(alice, "{\"kind\":\"TEXT\",\"title\":\"Early\",\"description\":\"Too early to vote\"}");
        long n = p.getJsonNumber("number").longValue();
        assertThat(problem(sendJson("POST", "/api/v1/dao/proposals/" + n + "/votes", carol, "{\"choice\":\"FOR\"}"), 409, "conflict")
                .getString("detail")).contains("opens at");
        problem(sendJson("POST", "/api/v1/dao/proposals/" + n + "/votes", carol, "{\"choice\":\"MAYBE\"}"), 422, "validation-failed");
        assertThat(problem(sendJson("POST", "/api/v1/dao/proposals/" + n + "/cancel", carol, ""), 403, "forbidden").getString("detail"))
                .contains("Only its proposer");
        assertThat(ok(sendJson("POST", "/api/v1/dao/proposals/" + n + "/cancel", alice, ""), 200).getString("state")).isEqualTo("CANCELED");
        problem(get("/api/v1/dao/proposals/999999", null), 404, "not-found");
        problem(sendJson("POST", "/api/v1/dao/clock", alice, "{\"seconds\":0}"), 422, "validation-failed");
    }

    @Test
    void membersDecideATakedownAndASignalAndTheLedgerHoldsEveryStep() {
        String asset = publishedDataset("disputed");
        Map<String, Long> params = parameters();
        JsonObject power = ok(get("/api/v1/dao/power", alice), 200);
        assertThat(power.getBoolean("member")).isTrue();
        assertThat(power.getJsonNumber("power").longValue()).isPositive();
        assertThat(ok(get("/api/v1/dao/members/bob/power", null), 200).getBoolean("member")).isFalse();

        long takedown = propose(carol, "{\"kind\":\"ASSET_TAKEDOWN\",\"title\":\"Copied data\",\"description\":\"The rows are copied.\","
                + "\"asset\":\"" + asset + "\"}").getJsonNumber("number").longValue();
        long signal = propose(alice, "{\"kind\":\"TEXT\",\"title\":\"Adopt the code of conduct\",\"description\":\"See *the draft*.\"}")
                .getJsonNumber("number").longValue();
        assertThat(proposal(takedown).getString("state")).isEqualTo("PENDING");

        advance(params.get("voting.delay.seconds") + 1);
        JsonObject active = proposal(takedown);
        assertThat(active.getString("state")).isEqualTo("ACTIVE");
        assertThat(active.getJsonNumber("snapshotSeq").longValue()).isPositive();
        JsonObject first = vote(alice, takedown, "AGAINST", null);
        JsonObject last = vote(alice, takedown, "FOR", "it is copied");
        assertThat(last.getJsonNumber("ledgerSeq").longValue()).isGreaterThan(first.getJsonNumber("ledgerSeq").longValue());
        vote(carol, takedown, "FOR", null);
        vote(alice, signal, "FOR", null);
        vote(carol, signal, "AGAINST", "not yet");
        assertThat(problem(sendJson("POST", "/api/v1/dao/proposals/" + takedown + "/votes", bob, "{\"choice\":\"AGAINST\"}"), 403,
                "forbidden").getString("detail")).contains("not a member");
        JsonObject live = ok(get("/api/v1/dao/proposals/" + takedown + "/tally", null), 200);
        assertThat(live.getJsonNumber("votes").longValue()).isEqualTo(2);
        assertThat(array(get("/api/v1/dao/proposals/" + takedown + "/votes", null))).hasSize(2);

        advance(params.get("voting.period.seconds") + 1);
        assertThat(proposal(takedown).getString("state")).isEqualTo("QUEUED");
        assertThat(get("/api/v1/" + asset, bob).statusCode()).isEqualTo(200);
        advance(params.get("timelock.seconds") + 1);

        JsonObject done = proposal(takedown);
        assertThat(done.getString("state")).isEqualTo("EXECUTED");
        JsonArray timeline = done.getJsonArray("timeline");
        assertThat(timeline.stream().map(s -> s.asJsonObject().getString("state")))
                .containsExactly("PENDING", "ACTIVE", "SUCCEEDED", "QUEUED", "EXECUTED");
        for (JsonValue step : timeline) {
            long seq = step.asJsonObject().getJsonNumber("ledgerSeq").longValue();
            assertThat(ok(get("/api/v1/ledger/entries/" + seq, null), 200).getString("subject")).isEqualTo("proposal:" + takedown);
        }
        // taken down: gone for everyone else, still there for its owner with the reason
        assertThat(get("/api/v1/" + asset, bob).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/" + asset + "/versions/main/files/data/flowers.csv", bob).statusCode()).isEqualTo(404);
        assertThat(ok(get("/api/v1/" + asset, alice), 200).getString("takedownReason")).isEqualTo("Copied data");

        // the signal's result follows from its tally: alice's power for, carol's against
        JsonObject signalDone = proposal(signal);
        JsonObject t = signalDone.getJsonObject("tally");
        long forPower = t.getJsonNumber("forPower").longValue();
        long against = t.getJsonNumber("againstPower").longValue();
        assertThat(forPower).isEqualTo(ok(get("/api/v1/dao/power", alice), 200).getJsonNumber("power").longValue());
        assertThat(against).isPositive();
        boolean quorum = forPower + against >= t.getJsonNumber("quorumPower").longValue();
        boolean passes = forPower * 10_000 > t.getInt("thresholdBps") * (forPower + against);
        assertThat(signalDone.getString("state")).isEqualTo(quorum && passes ? "EXECUTED" : "DEFEATED");
        assertThat(array(get("/api/v1/dao/proposals?state=past", null)).stream().map(v -> v.asJsonObject().getJsonNumber("number").longValue()))
                .contains(takedown, signal);
    }
}
