package org.guildhall.chain.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.guildhall.chain.infrastructure.contracts.GuildhallAnchor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.tuples.generated.Tuple4;

/** The anchor registry contract, compiled by the build and wrapped by web3j codegen, on a real anvil node. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnchorContractTest {

    static final StaticGasProvider GAS = new StaticGasProvider(BigInteger.valueOf(2_000_000_000L), BigInteger.valueOf(1_500_000));
    AnvilNode node;
    Web3j web3;
    GuildhallAnchor asPlatform;
    GuildhallAnchor asStranger;

    static byte[] root(int i) {
        byte[] r = new byte[32];
        r[31] = (byte) i;
        r[0] = 0x42;
        return r;
    }

    GuildhallAnchor as(String key, String address) {
        Credentials c = Credentials.create(key);
        RawTransactionManager tm = new RawTransactionManager(web3, c, 31337, new PollingTransactionReceiptProcessor(web3, 100, 100));
        return GuildhallAnchor.load(address, web3, tm, GAS);
    }

    @BeforeAll
    void deploy() throws Exception {
        node = AnvilNode.start();
        web3 = Web3j.build(new HttpService(node.url()));
        Credentials platform = Credentials.create(AnvilNode.KEY_0);
        RawTransactionManager tm = new RawTransactionManager(web3, platform, 31337, new PollingTransactionReceiptProcessor(web3, 100, 100));
        String address = GuildhallAnchor.deploy(web3, tm, GAS, platform.getAddress()).send().getContractAddress();
        asPlatform = as(AnvilNode.KEY_0, address);
        asStranger = as(AnvilNode.KEY_1, address);
    }

    @AfterAll
    void stop() {
        if (web3 != null) {
            web3.shutdown();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void anchorsBatchesInOrderEachNamingThePreviousRootAndRefusesEverythingElse() throws Exception {
        assertThat(asPlatform.lastBatch().send()).isZero();
        TransactionReceipt first = asPlatform.anchor(BigInteger.ONE, root(1), BigInteger.valueOf(5), new byte[32]).send();
        assertThat(first.isStatusOK()).isTrue();
        GuildhallAnchor.AnchoredEventResponse event = GuildhallAnchor.getAnchoredEvents(first).get(0);
        assertThat(event.batch).isEqualTo(BigInteger.ONE);
        assertThat(event.root).isEqualTo(root(1));
        assertThat(event.entryCount).isEqualTo(BigInteger.valueOf(5));
        Tuple4<byte[], BigInteger, BigInteger, BigInteger> held = asPlatform.anchorOf(BigInteger.ONE).send();
        assertThat(held.component1()).isEqualTo(root(1));
        assertThat(held.component2()).isEqualTo(BigInteger.valueOf(5));
        assertThat(held.component3()).isEqualTo(first.getBlockNumber());

        // the same batch again, a gap, a wrong previous root, an empty batch, a stranger: each reverts
        assertThatThrownBy(() -> asPlatform.anchor(BigInteger.ONE, root(1), BigInteger.valueOf(5), new byte[32]).send())
                .hasMessageFindingMatch("(?i)revert");
        assertThatThrownBy(() -> asPlatform.anchor(BigInteger.valueOf(3), root(3), BigInteger.ONE, root(1)).send())
                .hasMessageFindingMatch("(?i)revert");
        assertThatThrownBy(() -> asPlatform.anchor(BigInteger.TWO, root(2), BigInteger.ONE, root(9)).send())
                .hasMessageFindingMatch("(?i)revert");
        assertThatThrownBy(() -> asPlatform.anchor(BigInteger.TWO, root(2), BigInteger.ZERO, root(1)).send())
                .hasMessageFindingMatch("(?i)revert");
        assertThatThrownBy(() -> asStranger.anchor(BigInteger.TWO, root(2), BigInteger.ONE, root(1)).send())
                .hasMessageFindingMatch("(?i)revert");
        assertThat(asPlatform.lastBatch().send()).isOne();

        TransactionReceipt second = asPlatform.anchor(BigInteger.TWO, root(2), BigInteger.valueOf(100_000), root(1)).send();
        assertThat(second.isStatusOK()).isTrue();
        assertThat(asPlatform.lastBatch().send()).isEqualTo(BigInteger.TWO);
        // one anchor costs the same gas whatever the batch holds: under one gas per entry at 100,000 entries
        assertThat(second.getGasUsed().longValueExact()).isLessThan(100_000);
        assertThat(asPlatform.anchorOf(BigInteger.valueOf(7)).send().component2()).isZero();
        assertThat(asPlatform.signer().send()).isEqualToIgnoringCase(Credentials.create(AnvilNode.KEY_0).getAddress());
    }
}
