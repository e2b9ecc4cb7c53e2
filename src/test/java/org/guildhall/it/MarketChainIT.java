package org.guildhall.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guildhall.it.CatalogApiIT.call;
import static org.guildhall.it.CatalogApiIT.get;
import static org.guildhall.it.CatalogApiIT.ok;
import static org.guildhall.it.CatalogApiIT.problem;
import static org.guildhall.it.CatalogApiIT.sendJson;
import static org.guildhall.it.TestEnvironment.accessToken;
import static org.guildhall.it.TestEnvironment.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import org.guildhall.chain.infrastructure.contracts.GuildhallTestDollar;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * Money on the real development chain: a member links a wallet, gets test tokens, transfers them to the
 * treasury and sees the balance credited after the confirmations; withdraws to the wallet and sees the tokens
 * arrive; a transfer from a wallet nobody linked is held, then claimed once its sender links it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MarketChainIT {

    /** anvil's well-known development accounts (test keys only). */
    static final String MEMBER_KEY = "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6";
    static final String STRANGER_KEY = "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a";
    static final String TREASURY_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.guildhall();
    }

    static void link(String token, Credentials wallet) {
        JsonObject c = WalletApiIT.challenge(token, wallet.getAddress());
        ok(WalletApiIT.link(token, c, WalletApiIT.sign(c.getString("message"), wallet)), 201);
    }

    static JsonObject deposits(String token) {
        return ok(get("/api/v1/market/deposits", token), 200);
    }

    static long heldEntries() {
        return ok(get("/api/v1/ledger/entries?type=deposit.held", null), 200).getJsonNumber("total").longValue();
    }

    static long balance(String token) {
        return MarketApiIT.balance(token);
    }

    static <T> T await(String what, java.util.function.Supplier<T> read, Predicate<T> until) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(60));
        T last = read.get();
        while (!until.test(last)) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("gave up waiting for " + what + "; last seen: " + last);
            }
            Thread.sleep(500);
            last = read.get();
        }
        return last;
    }

    static GuildhallTestDollar token(Web3j web3, String address, Credentials who) {
        return GuildhallTestDollar.load(address, web3, new RawTransactionManager(web3, who, 31337,
                new PollingTransactionReceiptProcessor(web3, 250, 240)), new StaticGasProvider(BigInteger.valueOf(2_000_000_000L),
                BigInteger.valueOf(200_000)));
    }

    @Test
    void aDepositFromALinkedWalletIsCreditedOnceAWithdrawalArrivesAndAStrangersDepositIsHeldUntilClaimed() throws Exception {
        String bob = accessToken("bob");
        Credentials wallet = Credentials.create(MEMBER_KEY);
        link(bob, wallet);
        JsonObject address = await("the deposit address", () -> deposits(bob), d -> !d.isNull("address")).getJsonObject("address");
        String treasury = address.getString("treasury");
        String tokenAddress = address.getString("token");
        assertThat(treasury).isEqualTo(Credentials.create(TREASURY_KEY).getAddress());

        // test tokens on the member's wallet, through the dev mint
        JsonObject minted = ok(sendJson("POST", "/api/v1/market/faucet/chain", bob,
                "{\"amount\":\"50\",\"address\":\"" + wallet.getAddress() + "\"}"), 200);
        assertThat(minted.getString("transaction")).startsWith("0x");
        Web3j web3 = Web3j.build(new HttpService(TestChain.url()));
        try {
            await("the minted tokens", () -> {
                try {
                    return token(web3, tokenAddress, wallet).balanceOf(wallet.getAddress()).send().longValueExact();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, b -> b >= 50_000_000);
            long start = balance(bob);

            // deposit: the member's wallet sends 20 to the treasury
            token(web3, tokenAddress, wallet).transfer(treasury, BigInteger.valueOf(20_000_000)).send();
            await("the deposit to be credited", () -> balance(bob), b -> b == start + 20_000_000);
            JsonArray mine = deposits(bob).getJsonArray("deposits");
            assertThat(mine.getJsonObject(0).getString("state")).isEqualTo("CREDITED");
            assertThat(mine.getJsonObject(0).getString("from")).isEqualTo(wallet.getAddress());
            long seq = mine.getJsonObject(0).getJsonNumber("ledgerSeq").longValue();
            assertThat(ok(get("/api/v1/ledger/entries/" + seq, null), 200).getString("type")).isEqualTo("deposit.credited");
            // more blocks pass: still credited once
            Thread.sleep(3_000);
            assertThat(balance(bob)).isEqualTo(start + 20_000_000);

            // withdrawal: refused beyond the balance and to a wallet bob has not linked; then 5 to his wallet
            problem(call("POST", "/api/v1/market/withdrawals", bob, "application/json",
                    ("{\"amount\":\"100000\",\"address\":\"" + wallet.getAddress() + "\"}").getBytes(StandardCharsets.UTF_8),
                    "Idempotency-Key", UUID.randomUUID().toString()), 422, "validation-failed");
            Credentials stranger = Credentials.create(STRANGER_KEY);
            problem(call("POST", "/api/v1/market/withdrawals", bob, "application/json",
                    ("{\"amount\":\"1\",\"address\":\"" + stranger.getAddress() + "\"}").getBytes(StandardCharsets.UTF_8),
                    "Idempotency-Key", UUID.randomUUID().toString()), 422, "validation-failed");
            long tokensBefore = token(web3, tokenAddress, wallet).balanceOf(wallet.getAddress()).send().longValueExact();
            JsonObject w = ok(call("POST", "/api/v1/market/withdrawals", bob, "application/json",
                    ("{\"amount\":\"5\",\"address\":\"" + wallet.getAddress() + "\"}").getBytes(StandardCharsets.UTF_8),
                    "Idempotency-Key", UUID.randomUUID().toString()), 202);
            assertThat(w.getString("state")).isEqualTo("RESERVED");
            assertThat(balance(bob)).isEqualTo(start + 15_000_000);
            await("the withdrawal to be confirmed", () -> json("{\"a\":" + get("/api/v1/market/withdrawals", bob).body() + "}")
                    .getJsonArray("a").getJsonObject(0).getString("state"), "CONFIRMED"::equals);
            assertThat(token(web3, tokenAddress, wallet).balanceOf(wallet.getAddress()).send().longValueExact())
                    .isEqualTo(tokensBefore + 5_000_000);

            // a stranger's deposit is held, never lost; once bob links that wallet he claims it
            token(web3, tokenAddress, Credentials.create(TREASURY_KEY)).mint(stranger.getAddress(), BigInteger.valueOf(7_000_000)).send();
            long heldBefore = heldEntries();
            token(web3, tokenAddress, stranger).transfer(treasury, BigInteger.valueOf(7_000_000)).send();
            await("the held deposit's ledger entry", MarketChainIT::heldEntries, n -> n > heldBefore);
            assertThat(balance(bob)).isEqualTo(start + 15_000_000);
            link(bob, stranger);
            JsonObject held = await("the held deposit", () -> deposits(bob), d -> !d.getJsonArray("claimable").isEmpty())
                    .getJsonArray("claimable").getJsonObject(0);
            assertThat(held.getString("state")).isEqualTo("HELD");
            assertThat(held.getString("from")).isEqualTo(stranger.getAddress());
            String key = UUID.randomUUID().toString();
            ok(call("POST", "/api/v1/market/deposits/" + held.getString("id") + "/claim", bob, null, null, "Idempotency-Key", key), 200);
            ok(call("POST", "/api/v1/market/deposits/" + held.getString("id") + "/claim", bob, null, null, "Idempotency-Key", key), 200);
            assertThat(balance(bob)).isEqualTo(start + 22_000_000);
            problem(call("POST", "/api/v1/market/deposits/" + held.getString("id") + "/claim", bob, null, null,
                    "Idempotency-Key", UUID.randomUUID().toString()), 409, "conflict");

            JsonObject check = ok(call("POST", "/api/v1/market/checks", accessToken("ada"), null, null), 200);
            assertThat(check.getJsonArray("findings")).isEmpty();
        } finally {
            web3.shutdown();
        }
    }
}
