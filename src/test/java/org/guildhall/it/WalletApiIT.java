package org.guildhall.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guildhall.it.CatalogApiIT.get;
import static org.guildhall.it.CatalogApiIT.ok;
import static org.guildhall.it.CatalogApiIT.sendJson;
import static org.guildhall.it.TestEnvironment.accessToken;
import static org.guildhall.it.TestEnvironment.json;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * Linking wallets with real signatures: the test holds the keys and signs the challenge as a wallet's
 * {@code personal_sign} would (EIP-191); Guildhall checks it and records the link in the ledger.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WalletApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.guildhall();
    }

    static String sign(String message, Credentials key) {
        Sign.SignatureData s = Sign.signPrefixedMessage(message.getBytes(StandardCharsets.UTF_8), key.getEcKeyPair());
        byte[] all = new byte[65];
        System.arraycopy(s.getR(), 0, all, 0, 32);
        System.arraycopy(s.getS(), 0, all, 32, 32);
        all[64] = s.getV()[0];
        return Numeric.toHexString(all);
    }

    /** The caller's wallets as the API lists them (a JSON array). */
    static String walletsOf(String token) {
        var r = get("/api/v1/me/wallets", token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    static JsonObject challenge(String token, String address) {
        return ok(sendJson("POST", "/api/v1/me/wallets/challenges", token, "{\"address\":\"" + address + "\"}"), 201);
    }

    static java.net.http.HttpResponse<String> link(String token, JsonObject challenge, String signature) {
        return sendJson("POST", "/api/v1/me/wallets", token,
                "{\"challengeId\":\"" + challenge.getString("id") + "\",\"signature\":\"" + signature + "\"}");
    }

    @Test
    void aSignedChallengeLinksTheWalletOnceAndTheLedgerRecordsItAsTheAccountsWallet() throws Exception {
        String bob = accessToken("bob");
        Credentials wallet = Credentials.create(Keys.createEcKeyPair());
        JsonObject c = challenge(bob, wallet.getAddress());
        String message = c.getString("message");
        assertThat(message).contains("wants you to sign in with your Ethereum account:\n" + Keys.toChecksumAddress(wallet.getAddress()))
                .contains("Guildhall account bob").contains("Nonce: ").contains("Expiration Time: ");
        String signature = sign(message, wallet);
        JsonObject linked = ok(link(bob, c, signature), 201);
        assertThat(linked.getString("address")).isEqualTo(Keys.toChecksumAddress(wallet.getAddress()));
        assertThat(walletsOf(bob)).contains(Keys.toChecksumAddress(wallet.getAddress()));

        // the ledger has the evidence, and the account's later entries carry the wallet
        JsonObject entries = ok(get("/api/v1/ledger/entries?type=wallet.linked&account=bob", null), 200);
        JsonObject entry = entries.getJsonArray("items").getJsonObject(0);
        assertThat(entry.getString("wallet")).isEqualTo(wallet.getAddress());
        JsonObject payload = json(entry.getString("payload"));
        assertThat(payload.getString("address")).isEqualTo(wallet.getAddress());
        assertThat(payload.getString("message")).isEqualTo(message);
        assertThat(payload.getString("signature")).isEqualTo(signature);

        // the same challenge again: a replay
        assertThat(ApiIT.problem(link(bob, c, signature), 409, "conflict").getString("detail")).contains("used already");
    }

    @Test
    void aSignatureByAnotherKeyAMalformedOneAnExpiredChallengeOrAnotherAccountsAreRefusedWithTheReason() throws Exception {
        String carol = accessToken("carol");
        Credentials wallet = Credentials.create(Keys.createEcKeyPair());
        Credentials other = Credentials.create(Keys.createEcKeyPair());
        JsonObject c = challenge(carol, wallet.getAddress());

        JsonObject wrong = ApiIT.problem(link(carol, c, sign(c.getString("message"), other)), 422, "validation-failed");
        assertThat(wrong.getString("detail")).contains(Keys.toChecksumAddress(other.getAddress()))
                .contains(Keys.toChecksumAddress(wallet.getAddress()));
        ApiIT.problem(link(carol, c, "0x1234"), 422, "validation-failed");
        // the signature of a different message (the challenge's text changed by one character)
        JsonObject tampered = ApiIT.problem(link(carol, c, sign(c.getString("message") + " ", wallet)), 422, "validation-failed");
        assertThat(tampered.getString("detail")).contains("not by");
        // another account cannot use carol's challenge
        ApiIT.problem(link(accessToken("alice"), c, sign(c.getString("message"), wallet)), 404, "not-found");
        ApiIT.problem(sendJson("POST", "/api/v1/me/wallets/challenges", carol, "{\"address\":\"0xnothex\"}"), 422, "validation-failed");
        // nothing was linked by any of these
        assertThat(walletsOf(carol)).doesNotContain(Keys.toChecksumAddress(wallet.getAddress()));

        // the test server's challenges last 5 s
        Thread.sleep(5_500);
        assertThat(ApiIT.problem(link(carol, c, sign(c.getString("message"), wallet)), 422, "validation-failed").getString("detail"))
                .contains("expired");
        ApiIT.problem(get("/api/v1/me/wallets", null), 401, "unauthorized");
    }
}
