package org.guildhall.ledger.application;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.chain.api.ChainInfo;
import org.guildhall.chain.api.OnChainAnchor;
import org.guildhall.ledger.api.BatchRecord;
import org.guildhall.ledger.api.EntryState;
import org.guildhall.ledger.api.InclusionProof;
import org.guildhall.ledger.api.LedgerRecord;
import org.guildhall.ledger.api.Receipt;
import org.guildhall.ledger.api.Verification;
import org.guildhall.ledger.api.Verification.Outcome;
import org.guildhall.ledger.api.Verification.Verdict;
import org.guildhall.ledger.domain.CanonicalJson;
import org.guildhall.ledger.domain.EntryEnvelope;
import org.guildhall.ledger.domain.MerkleTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Receipts judged step by step: every way a receipt can be wrong gets its own verdict and reason. */
class ReceiptVerifierTest {

    static final HexFormat HEX = HexFormat.of();
    static final String CONTRACT = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
    static final Instant T = Instant.parse("2026-12-01T10:00:00.123Z");

    List<LedgerRecord> entries = new ArrayList<>();
    MerkleTree tree;
    BatchRecord batch;
    String chainRoot;
    boolean reachable = true;

    /** The chain as the verifier sees it: anvil's chain id, one contract, and the root it holds for batch 4. */
    final ReceiptVerifier.ChainView chain = new ReceiptVerifier.ChainView() {
        @Override
        public Optional<ChainInfo> info() {
            return reachable ? Optional.of(new ChainInfo(31337, CONTRACT, "0xsigner", 120, 2)) : Optional.empty();
        }

        @Override
        public Optional<OnChainAnchor> anchorAt(long batchNo, long block) {
            if (!reachable) {
                throw new IllegalStateException("unreachable");
            }
            return batchNo == 4 && block >= 100 ? Optional.of(new OnChainAnchor(4, chainRoot, batch.entryCount(), 100, 0)) : Optional.empty();
        }
    };

    @BeforeEach
    void ledger() {
        String prev = EntryEnvelope.GENESIS_HASH;
        for (int i = 0; i < 5; i++) {
            long seq = 31 + i;
            String payload = CanonicalJson.of(Json.createObjectBuilder().add("n", i).add("name", "ünïcode " + i).build());
            String payloadHash = EntryEnvelope.sha256Hex(payload);
            UUID actor = UUID.nameUUIDFromBytes(new byte[] {(byte) i});
            EntryEnvelope env = new EntryEnvelope(seq, T, "test.entry", actor, null, "test:" + i, payloadHash, prev);
            entries.add(new LedgerRecord(seq, T, "test.entry", actor, null, "test:" + i, null, payload, payloadHash, prev, env.hashHex(),
                    4L, EntryState.CONFIRMED, 100L));
            prev = env.hashHex();
        }
        tree = MerkleTree.ofLeafHashes(entries.stream().map(e -> HEX.parseHex(e.hash())).toList());
        batch = new BatchRecord(4, 31, 35, 5, HEX.formatHex(tree.root()), "ab".repeat(32), T, "CONFIRMED", 31337L, CONTRACT,
                "0x" + "cd".repeat(32), 100L, 61000L, T, T, 0, null);
        chainRoot = batch.root();
    }

    JsonObject receipt(int index) {
        InclusionProof proof = new InclusionProof(4, index, 5, entries.get(index).hash(), batch.root(),
                tree.inclusionProof(index).stream().map(HEX::formatHex).toList());
        return ReceiptDocument.toJson(new Receipt(entries.get(index), proof, batch));
    }

    static JsonObject with(JsonObject o, String path, jakarta.json.JsonValue value) {
        String[] keys = path.split("\\.", 2);
        JsonObjectBuilder b = Json.createObjectBuilder(o);
        if (keys.length == 1) {
            b.add(keys[0], value);
        } else {
            b.add(keys[0], with(o.getJsonObject(keys[0]), keys[1], value));
        }
        return b.build();
    }

    Verification verify(JsonObject receipt) {
        return ReceiptVerifier.verify(receipt.toString(), chain);
    }

    @Test
    void aGenuineReceiptHoldsAtEveryStepUpToTheRootOnTheChain() {
        for (int i = 0; i < 5; i++) {
            Verification v = verify(receipt(i));
            assertThat(v.verdict()).as("entry %d: %s", i, v.steps()).isEqualTo(Verdict.VALID);
            assertThat(v.steps()).extracting(Verification.Step::key).containsExactly("payload", "entry", "proof", "chain");
            assertThat(v.steps()).extracting(Verification.Step::outcome).containsOnly(Outcome.PASSED);
        }
        // re-formatting the file keeps it checkable: hashes are over canonical JSON
        String pretty = receipt(2).toString().replace(",", ",\n  ").replace("{", "{ ");
        assertThat(ReceiptVerifier.verify(pretty, chain).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void aChangedPayloadOrEntryFieldIsCaughtAtItsStep() {
        Verification payload = verify(with(receipt(1), "entry.payload", Json.createObjectBuilder().add("n", 99).build()));
        assertThat(payload.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(payload.steps()).last().extracting(Verification.Step::key, Verification.Step::detail).containsExactly("payload", "verify.payload.bad");

        Verification subject = verify(with(receipt(1), "entry.subject", Json.createValue("test:forged")));
        assertThat(subject.steps()).last().extracting(Verification.Step::key, Verification.Step::outcome).containsExactly("entry", Outcome.FAILED);

        Verification time = verify(with(receipt(1), "entry.time", Json.createValue("2026-12-01T10:00:01.123Z")));
        assertThat(time.verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void aWrongProofAnotherIndexOrAnotherTreeSizeFailsTheProofStep() {
        JsonObject r = receipt(3);
        String sibling = r.getJsonObject("proof").getJsonArray("path").getString(0);
        String flipped = (sibling.charAt(0) == '0' ? "1" : "0") + sibling.substring(1);
        Verification wrongPath = verify(with(r, "proof.path", Json.createArrayBuilder().add(flipped)
                .add(r.getJsonObject("proof").getJsonArray("path").getString(1)).build()));
        assertThat(wrongPath.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(wrongPath.steps()).last().extracting(Verification.Step::key, Verification.Step::detail).containsExactly("proof", "verify.proof.bad");

        assertThat(verify(with(r, "proof.leafIndex", Json.createValue(2))).steps()).last()
                .extracting(Verification.Step::detail).isEqualTo("verify.proof.mismatch");
        assertThat(verify(with(r, "proof.treeSize", Json.createValue(6))).verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void aReceiptForAnotherChainOrContractOrARootTheChainDoesNotHoldIsInvalid() {
        Verification other = verify(with(receipt(0), "anchor.chainId", Json.createValue(11155111)));
        assertThat(other.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(other.steps()).last().extracting(Verification.Step::detail, Verification.Step::args)
                .containsExactly("verify.chain.otherChain", List.of("11155111", "31337"));
        assertThat(verify(with(receipt(0), "anchor.contract", Json.createValue("0x" + "11".repeat(20)))).steps()).last()
                .extracting(Verification.Step::detail).isEqualTo("verify.chain.otherContract");
        // the anchor's block is before the anchor existed
        assertThat(verify(with(receipt(0), "anchor.block", Json.createValue(99))).steps()).last()
                .extracting(Verification.Step::detail).isEqualTo("verify.chain.absent");
        // the ledger and its receipt agree, but the chain holds another root: the receipt's batch was rewritten
        chainRoot = "ee".repeat(32);
        assertThat(verify(receipt(0)).steps()).last().extracting(Verification.Step::key, Verification.Step::detail)
                .containsExactly("chain", "verify.chain.bad");
    }

    @Test
    void aPendingOrUnanchoredEntryOrAnUnreachableChainIsIncompleteNotInvalid() {
        JsonObject pending = with(with(with(receipt(0), "proof", jakarta.json.JsonValue.NULL), "batch", jakarta.json.JsonValue.NULL),
                "anchor", jakarta.json.JsonValue.NULL);
        Verification p = verify(pending);
        assertThat(p.verdict()).isEqualTo(Verdict.INCOMPLETE);
        assertThat(p.steps()).extracting(Verification.Step::detail).contains("verify.proof.pending");

        Verification notAnchored = verify(with(receipt(0), "anchor", jakarta.json.JsonValue.NULL));
        assertThat(notAnchored.verdict()).isEqualTo(Verdict.INCOMPLETE);
        assertThat(notAnchored.steps()).last().extracting(Verification.Step::detail).isEqualTo("verify.chain.notAnchored");

        reachable = false;
        Verification offline = verify(receipt(0));
        assertThat(offline.verdict()).isEqualTo(Verdict.INCOMPLETE);
        assertThat(offline.steps()).last().extracting(Verification.Step::detail).isEqualTo("verify.chain.unreachable");
    }

    @Test
    void anythingThatIsNotAReceiptIsMalformedWithTheReason() {
        assertThat(ReceiptVerifier.verify("", chain).steps().get(0).detail()).isEqualTo("verify.malformed.empty");
        assertThat(ReceiptVerifier.verify("not json {", chain).steps().get(0).detail()).isEqualTo("verify.malformed.notJson");
        assertThat(ReceiptVerifier.verify("[1,2]", chain).verdict()).isEqualTo(Verdict.MALFORMED);
        assertThat(ReceiptVerifier.verify("{\"format\":\"other\"}", chain).steps().get(0).detail()).isEqualTo("verify.malformed.format");
        Verification noHash = verify(with(receipt(0), "entry.hash", Json.createValue("xyz")));
        assertThat(noHash.verdict()).isEqualTo(Verdict.MALFORMED);
        assertThat(noHash.steps().get(0).args()).containsExactly("hash");
        assertThat(ReceiptVerifier.verify("x".repeat(ReceiptVerifier.MAX_RECEIPT_CHARS + 1), chain).steps().get(0).detail())
                .isEqualTo("verify.malformed.tooLarge");
    }
}
