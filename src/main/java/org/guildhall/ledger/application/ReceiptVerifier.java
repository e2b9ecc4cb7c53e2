package org.guildhall.ledger.application;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.guildhall.chain.api.ChainInfo;
import org.guildhall.chain.api.OnChainAnchor;
import org.guildhall.ledger.api.Verification;
import org.guildhall.ledger.api.Verification.Outcome;
import org.guildhall.ledger.api.Verification.Step;
import org.guildhall.ledger.api.Verification.Verdict;
import org.guildhall.ledger.domain.CanonicalJson;
import org.guildhall.ledger.domain.EntryEnvelope;
import org.guildhall.ledger.domain.MerkleTree;

/**
 * Checks a receipt the way an outsider would, trusting nothing in it: the payload's hash, the entry's hash, the
 * audit path to the batch root, and the root the anchor contract held at the anchor's block. It reads neither
 * Guildhall's database nor its own copy of the entry.
 */
public final class ReceiptVerifier {

    public static final int MAX_RECEIPT_CHARS = 1_048_576;
    private static final HexFormat HEX = HexFormat.of();

    /** What the verifier needs of the chain: this Guildhall's chain and contract, and a root at a block. */
    public interface ChainView {
        /** Empty when the chain cannot be reached. */
        Optional<ChainInfo> info();

        /** The anchor at a block; empty when there is none; a RuntimeException when the chain cannot be reached. */
        Optional<OnChainAnchor> anchorAt(long batchNo, long block);
    }

    private final List<Step> steps = new ArrayList<>();

    private ReceiptVerifier() {
    }

    public static Verification verify(String text, ChainView chain) {
        return new ReceiptVerifier().run(text, chain);
    }

    private Verification run(String text, ChainView chain) {
        JsonObject doc;
        try {
            if (text == null || text.isBlank()) {
                return malformed("verify.malformed.empty");
            }
            if (text.length() > MAX_RECEIPT_CHARS) {
                return malformed("verify.malformed.tooLarge", String.valueOf(MAX_RECEIPT_CHARS / 1024));
            }
            doc = ReceiptDocument.parse(text.strip());
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            return malformed("verify.malformed.notJson");
        }
        JsonObject entry;
        EntryEnvelope envelope;
        String payloadHash;
        String hash;
        JsonObject payload;
        try {
            if (!ReceiptDocument.FORMAT.equals(string(doc, "format"))) {
                return malformed("verify.malformed.format", String.valueOf(doc.get("format")));
            }
            entry = doc.getJsonObject("entry");
            if (entry == null) {
                return malformed("verify.malformed.field", "entry");
            }
            payload = entry.getJsonObject("payload");
            payloadHash = hex(entry, "payloadHash");
            hash = hex(entry, "hash");
            String actor = nullableString(entry, "actor");
            envelope = new EntryEnvelope(number(entry, "seq"), Instant.parse(string(entry, "time")), string(entry, "type"),
                    actor == null ? null : UUID.fromString(actor), nullableString(entry, "wallet"), string(entry, "subject"),
                    payloadHash, hex(entry, "prevHash"));
            if (payload == null) {
                return malformed("verify.malformed.field", "entry.payload");
            }
        } catch (MissingField e) {
            return malformed("verify.malformed.field", e.getMessage());
        } catch (RuntimeException e) {
            return malformed("verify.malformed.entry", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }

        // 1. the payload is what its hash says
        String computedPayload = EntryEnvelope.sha256Hex(CanonicalJson.of(payload));
        if (!step("payload", computedPayload.equals(payloadHash), "verify.payload.ok", "verify.payload.bad", computedPayload, payloadHash)) {
            return done();
        }
        // 2. the entry is what its hash says
        String computedHash = envelope.hashHex();
        if (!step("entry", computedHash.equals(hash), "verify.entry.ok", "verify.entry.bad", computedHash, hash)) {
            return done();
        }
        // 3. the audit path leads from the entry to the batch root
        if (doc.isNull("proof") || doc.isNull("batch")) {
            skip("proof", "verify.proof.pending");
            skip("chain", "verify.chain.notAnchored");
            return done();
        }
        long batchNo;
        long treeSize;
        String root;
        try {
            JsonObject proof = doc.getJsonObject("proof");
            JsonObject batch = doc.getJsonObject("batch");
            batchNo = number(batch, "number");
            root = hex(batch, "root");
            long entryCount = number(batch, "entryCount");
            long firstSeq = number(batch, "firstSeq");
            long index = number(proof, "leafIndex");
            treeSize = number(proof, "treeSize");
            JsonArray path = proof.getJsonArray("path");
            if (path == null) {
                throw new MissingField("proof.path");
            }
            List<byte[]> siblings = new ArrayList<>();
            for (JsonValue v : path) {
                siblings.add(HEX.parseHex(((JsonString) v).getString()));
            }
            if (!ReceiptDocument.ALGORITHM.equals(string(proof, "algorithm")) || number(proof, "batch") != batchNo
                    || treeSize != entryCount || index != envelope.seq() - firstSeq) {
                step("proof", false, "", "verify.proof.mismatch", String.valueOf(index), String.valueOf(treeSize), String.valueOf(batchNo));
                return done();
            }
            Optional<byte[]> reached = MerkleTree.rootFromInclusion(HEX.parseHex(hash), index, treeSize, siblings);
            String reachedHex = reached.map(HEX::formatHex).orElse("-");
            if (!step("proof", reachedHex.equals(root), "verify.proof.ok", "verify.proof.bad", reachedHex, root,
                    String.valueOf(siblings.size()), String.valueOf(batchNo))) {
                return done();
            }
        } catch (MissingField e) {
            return malformed("verify.malformed.field", e.getMessage());
        } catch (RuntimeException e) {
            return malformed("verify.malformed.proof", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        // 4. the chain held that root for that batch at the anchor's block
        if (doc.isNull("anchor")) {
            skip("chain", "verify.chain.notAnchored");
            return done();
        }
        JsonObject anchor = doc.getJsonObject("anchor");
        long chainId;
        long block;
        String contract;
        try {
            chainId = number(anchor, "chainId");
            block = number(anchor, "block");
            contract = string(anchor, "contract");
        } catch (MissingField e) {
            return malformed("verify.malformed.field", "anchor." + e.getMessage());
        }
        Optional<ChainInfo> info = chain.info();
        if (info.isEmpty()) {
            skip("chain", "verify.chain.unreachable");
            return done();
        }
        if (info.get().chainId() != chainId) {
            step("chain", false, "", "verify.chain.otherChain", String.valueOf(chainId), String.valueOf(info.get().chainId()));
            return done();
        }
        if (!info.get().contract().equalsIgnoreCase(contract)) {
            step("chain", false, "", "verify.chain.otherContract", contract, info.get().contract());
            return done();
        }
        Optional<OnChainAnchor> held;
        try {
            held = chain.anchorAt(batchNo, block);
        } catch (RuntimeException e) {
            skip("chain", "verify.chain.unreachable");
            return done();
        }
        if (held.isEmpty()) {
            step("chain", false, "", "verify.chain.absent", String.valueOf(batchNo), String.valueOf(block));
            return done();
        }
        step("chain", held.get().rootHex().equals(root) && held.get().entryCount() == treeSize, "verify.chain.ok", "verify.chain.bad",
                held.get().rootHex(), String.valueOf(batchNo), String.valueOf(held.get().block()), String.valueOf(chainId), contract);
        return done();
    }

    private boolean step(String key, boolean ok, String okDetail, String badDetail, String... args) {
        steps.add(new Step(key, ok ? Outcome.PASSED : Outcome.FAILED, ok ? okDetail : badDetail, List.of(args)));
        return ok;
    }

    private void skip(String key, String detail, String... args) {
        steps.add(new Step(key, Outcome.SKIPPED, detail, List.of(args)));
    }

    private Verification done() {
        Verdict v = steps.stream().anyMatch(s -> s.outcome() == Outcome.FAILED) ? Verdict.INVALID
                : steps.stream().anyMatch(s -> s.outcome() == Outcome.SKIPPED) ? Verdict.INCOMPLETE : Verdict.VALID;
        return new Verification(v, List.copyOf(steps));
    }

    private Verification malformed(String detail, String... args) {
        steps.add(new Step("format", Outcome.FAILED, detail, List.of(args)));
        return new Verification(Verdict.MALFORMED, List.copyOf(steps));
    }

    static final class MissingField extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingField(String field) {
            super(field, null, false, false);
        }
    }

    private static <T> T field(JsonObject o, String key, Function<JsonValue, T> read) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            throw new MissingField(key);
        }
        try {
            return read.apply(v);
        } catch (ClassCastException e) {
            throw new MissingField(key);
        }
    }

    private static String string(JsonObject o, String key) {
        return field(o, key, v -> ((JsonString) v).getString());
    }

    private static String nullableString(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null) {
            throw new MissingField(key);
        }
        return v == JsonValue.NULL ? null : field(o, key, x -> ((JsonString) x).getString());
    }

    private static long number(JsonObject o, String key) {
        return field(o, key, v -> ((JsonNumber) v).longValueExact());
    }

    private static String hex(JsonObject o, String key) {
        String s = string(o, key);
        if (!s.matches("[0-9a-f]{64}")) {
            throw new MissingField(key);
        }
        return s;
    }
}
